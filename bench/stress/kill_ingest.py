"""SIGKILL ``petrel ingest`` at random moments, then re-run it: the store must equal a clean run's.

    .venv/bin/python bench/stress/kill_ingest.py [--kills 100] [--batch-size 4] [--seed 13] [--minutes M] [--quick]

A stress run, not a test. The corpus is the bundled sample (text, HTML, JSONL, CSV and WARC files).
First a clean ingest into a fresh store gives the reference state and its duration T. Then rounds:
each round starts a fresh store and runs ``petrel ingest`` again and again, each run killed with
SIGKILL after a random delay in [0.2 s, T]; a run that ends before its kill closes the round. Each
round ends with a run left to finish, and the round's store is compared with the reference, table by
table: every row of every table, with the ingest timestamps left out. A mismatch, a failed re-run or
a store that cannot be opened is a failure. ``--quick`` makes 10 kills; ``--minutes`` starts no new
round after that long (the kills made are reported). Prints a summary and writes
``bench/results/stress_kill.json``; exits 1 on any failure.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb

from petrel.demo import sample_corpus_path

ROOT = Path(__file__).resolve().parents[2]
RESULTS = ROOT / "bench" / "results"
PETREL = Path(sys.executable).with_name("petrel")
VOLATILE = {"ingested_at"}  # wall-clock columns: differ between any two runs


def ingest(db: Path, batch_size: int) -> subprocess.Popen:
    return subprocess.Popen([str(PETREL), "ingest", "--db", str(db), "--batch-size", str(batch_size), "-q",
                             str(sample_corpus_path())], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            start_new_session=True)


def finish(db: Path, batch_size: int) -> tuple[int, str]:
    proc = ingest(db, batch_size)
    _, err = proc.communicate(timeout=600)
    return proc.returncode, err.decode("utf-8", "replace")[-500:]


def state(db: Path) -> dict[str, tuple[int, str]]:
    """Every table: (rows, SHA-256 of all its rows in a stable order), volatile columns left out."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        out = {}
        tables = [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables "
                                            "WHERE table_schema = 'main' ORDER BY 1").fetchall()]
        for table in tables:
            cols = [r[0] for r in con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                                              "ORDER BY ordinal_position", [table]).fetchall() if r[0] not in VOLATILE]
            quoted = ", ".join(f'"{c}"' for c in cols)
            rows = con.execute(f"SELECT {quoted} FROM {table} ORDER BY ALL").fetchall()  # noqa: S608 (catalogue names)
            out[table] = (len(rows), hashlib.sha256(repr(rows).encode()).hexdigest()[:16])
        return out
    finally:
        con.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--batch-size", type=int, default=4, help="small batches: more commits to land between")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--minutes", type=float, default=None, help="start no new round after this long")
    parser.add_argument("--quick", action="store_true", help="10 kills")
    args = parser.parse_args()
    kills_wanted = 10 if args.quick else args.kills
    rng = random.Random(args.seed)
    failures: list[str] = []
    rounds: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory(prefix="petrel-kill-") as folder:
        ref_db = Path(folder) / "reference.duckdb"
        began = time.perf_counter()
        ref_rc, ref_err = finish(ref_db, args.batch_size)
        clean_seconds = time.perf_counter() - began
        reference = state(ref_db)
        print(f"clean run: {clean_seconds:.1f} s, exit {ref_rc}, "
              f"{reference['articles'][0]} articles, {reference['event_mentions'][0]} event mentions", flush=True)
        kills = 0
        started = time.perf_counter()
        while kills < kills_wanted:
            if args.minutes is not None and time.perf_counter() - started > 60 * args.minutes:
                break
            db = Path(folder) / f"round{len(rounds)}.duckdb"
            round_kills, delays = 0, []
            while kills < kills_wanted:
                delay = rng.uniform(0.2, clean_seconds)
                proc = ingest(db, args.batch_size)
                try:
                    proc.wait(timeout=delay)
                    break  # the run ended before its kill: this round's ingest is complete
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)  # the process group of the run started above
                    proc.wait()
                    kills += 1
                    round_kills += 1
                    delays.append(round(delay, 2))
            rc, err = finish(db, args.batch_size)
            try:
                got = state(db)
            except duckdb.Error as exc:
                got = {"error": (0, str(exc))}
            diff = sorted(t for t in set(reference) | set(got) if reference.get(t) != got.get(t))
            ok = rc == ref_rc and not diff
            if not ok:
                failures.append(f"round {len(rounds)}: exit {rc} (clean {ref_rc}), tables differing {diff}; {err}")
            rounds.append({"kills": round_kills, "delays_s": delays, "rerun_exit": rc, "equal": ok,
                           "differing_tables": diff})
            print(f"round {len(rounds) - 1}: {round_kills} kills, re-run exit {rc}, "
                  f"{'state equal to the clean run' if ok else 'DIFFERS: ' + ', '.join(diff)}", flush=True)
            summary = _summary(kills, rounds, failures, clean_seconds, time.perf_counter() - started, args, reference)
    seconds = time.perf_counter() - started
    summary = _summary(kills, rounds, failures, clean_seconds, seconds, args, reference)
    print(f"{kills} SIGKILLs in {len(rounds)} rounds ({seconds:.0f} s): {summary['rounds_equal']} of {len(rounds)} "
          f"re-runs reached the clean state ({len(reference)} tables compared); {len(failures)} failures")
    return 1 if failures else 0


def _summary(kills: int, rounds: list[dict[str, object]], failures: list[str], clean_seconds: float,
             seconds: float, args: argparse.Namespace, reference: dict[str, tuple[int, str]]) -> dict[str, object]:
    """The figures so far, also written to ``bench/results/stress_kill.json`` (after every round, so an
    interrupted run still leaves its numbers)."""
    summary = {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "kills": kills, "rounds": len(rounds),
               "rounds_equal": sum(1 for r in rounds if r["equal"]), "failures": failures,
               "clean_run_s": round(clean_seconds, 1), "seconds": round(seconds, 1), "batch_size": args.batch_size,
               "tables_compared": len(reference), "reference": reference, "round_detail": rounds}
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "stress_kill.json").write_text(json.dumps(summary, indent=1), encoding="utf-8")
    return summary


if __name__ == "__main__":
    sys.exit(main())
