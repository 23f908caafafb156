"""Fast-start benchmark (not a test): a one-article ``petrel ingest`` vs loading the spaCy model alone.

Runs each command ``--repeat`` times in fresh processes, alternating, and prints the median wall time and
the median CPU time (user + sys of the child, which a loaded machine disturbs far less than wall time),
and their ratios. Target (issue 12, item 4): ingest <= 1.5x the model load. Also times ``petrel serve``
from start to its first ``/api/health`` answer (target <= 3 s), without ingest and with it on (a token:
the pipeline then loads in a background thread; the time until ``/api/health`` says it is ready is printed
too). Then the time to first event: a fresh ``petrel ingest`` of the sample corpus folder until its first event
is committed, against ``spacy.load`` in the same minutes (bench/first_event.py). petrel's bytecode is compiled
first, as an installed package's is. The compiled resources are cached in a directory of the run's own
(``PETREL_CACHE_DIR``), filled by a first ingest, so other checkouts sharing ``~/.cache/petrel`` cannot evict
them mid-run. Part of ``make bench``; results in
``bench/results/fast_start.json`` (and ``first_event.json``).

    .venv/bin/python bench/fast_start.py [--repeat 5] [--first-event-repeat 5]
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from petrel.config import Settings
from petrel.demo import sample_corpus_path

from first_event import timed  # bench/first_event.py, beside this file

BIN = Path(sys.executable).parent
ARTICLE = ("Government forces clashed with rebel fighters near the northern city on Monday, officials said.\n\n"
           "The foreign ministry of the neighbouring country condemned the fighting.\n")


def health_seconds(db: Path, env: dict[str, str]) -> tuple[float, float]:
    """(seconds to the first /api/health 200, seconds until it reports the pipeline ready; NaN without ingest)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    started = time.perf_counter()
    proc = subprocess.Popen([str(BIN / "petrel"), "serve", "--db", str(db), "--port", str(port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    first = float("nan")
    try:
        while time.perf_counter() - started < 120:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=1) as resp:
                    pipeline = json.loads(resp.read()).get("pipeline")
                    if resp.status == 200 and first != first:
                        first = time.perf_counter() - started
                    if pipeline not in ("loading", "not loaded"):
                        return first, (time.perf_counter() - started if pipeline == "ready" else float("nan"))
            except OSError:
                pass
            time.sleep(0.05)
        return first, float("nan")
    finally:
        proc.terminate()
        proc.wait()


def compile_bytecode() -> None:
    """Write petrel's bytecode (an installed package has it; a checkout run with PYTHONDONTWRITEBYTECODE=1
    would compile every petrel module from source in every child, about 0.3 s of each start)."""
    import compileall

    import petrel

    compileall.compile_dir(str(Path(petrel.__file__).parent), quiet=1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--first-event-repeat", type=int, default=5, help="runs of the time-to-first-event block "
                        "(0 skips it)")
    args = parser.parse_args()
    model = Settings().spacy_model
    work = Path(tempfile.mkdtemp(prefix="petrel-fast-start-"))
    article = work / "one.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    env = {**os.environ, "PETREL_CACHE_DIR": str(work / "cache")}
    env.pop("PETREL_API_TOKEN", None)
    compile_bytecode()
    load = [sys.executable, "-c", f"import spacy; spacy.load({model!r})"]
    runs: dict[str, list[tuple[float, float]]] = {"spacy.load": [], "ingest (cache)": [], "ingest (no cache)": []}
    subprocess.run([str(BIN / "petrel"), "ingest", str(article), "--db", str(work / "warm.duckdb"), "--workers", "1"],
                   env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fills the cache
    for i in range(args.repeat):
        runs["spacy.load"].append(timed(load, env))
        for name, extra in (("ingest (cache)", {}), ("ingest (no cache)", {"PETREL_USE_CACHE": "false"})):
            db = work / f"x{i}-{len(extra)}.duckdb"
            cmd = [str(BIN / "petrel"), "ingest", str(article), "--db", str(db), "--workers", "1"]
            runs[name].append(timed(cmd, {**env, **extra}))
    base_wall = statistics.median(w for w, _ in runs["spacy.load"])
    base_cpu = statistics.median(c for _, c in runs["spacy.load"])
    figures: dict[str, dict[str, float]] = {}
    for name, values in runs.items():
        wall, cpu = statistics.median(w for w, _ in values), statistics.median(c for _, c in values)
        figures[name] = {"wall_s": wall, "cpu_s": cpu, "wall_ratio": wall / base_wall, "cpu_ratio": cpu / base_cpu,
                         "wall_runs": [w for w, _ in values], "cpu_runs": [c for _, c in values]}
        print(f"{name:18s} wall {wall:6.2f}s ({wall / base_wall:4.2f}x)  cpu {cpu:6.2f}s ({cpu / base_cpu:4.2f}x)")
    health = [health_seconds(work / "warm.duckdb", env)[0] for _ in range(3)]
    print(f"petrel serve -> first /api/health: median {statistics.median(health):.2f}s "
          f"(runs: {', '.join(f'{h:.2f}' for h in health)}; target 3 s)")
    # ingest on (a token): the pipeline loads in a background thread while the server answers
    ingest_on = [health_seconds(work / "warm.duckdb", {**env, "PETREL_API_TOKEN": "bench"}) for _ in range(3)]
    print(f"petrel serve with ingest on -> first /api/health: median {statistics.median(h for h, _ in ingest_on):.2f}s"
          f" (runs: {', '.join(f'{h:.2f}' for h, _ in ingest_on)}); pipeline ready after "
          f"{', '.join(f'{r:.2f}' for _, r in ingest_on)} s")
    print(f"load: {os.getloadavg()}")
    out = Path(__file__).parent / "results"
    out.mkdir(exist_ok=True)
    (out / "fast_start.json").write_text(json.dumps({
        "runs": figures, "serve_health_s": health, "serve_ingest_on_health_s": [h for h, _ in ingest_on],
        "serve_ingest_on_ready_s": [r for _, r in ingest_on], "load": os.getloadavg()}, indent=2))
    if args.first_event_repeat:
        import first_event  # bench/first_event.py, beside this file

        figures = first_event.bench_first_event(sample_corpus_path(), work, env, repeat=args.first_event_repeat)
        first_event.print_first_event(figures)
        first_event.save_first_event(figures)


if __name__ == "__main__":
    main()
