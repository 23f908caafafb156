"""The server under load (a benchmark, not a test): N clients for T seconds, without and with writes.

    .venv/bin/python bench/load.py [--clients 200] [--seconds 60] [--events 100000] [--db FILE]
                                   [--phases reads,writes] [--cold-share 0.1] [--max-requests 2000000]

Builds (or reuses, ``--db``) a store of synthetic events with ``bench/api_latency.py``'s builder, starts
``petrel serve`` on 127.0.0.1 only (a random free port, an API token so it accepts writes) in its own
process, and runs ``--clients`` concurrent clients, each on its own keep-alive connection, asking for
filtered ``/api/events`` pages back to back. Most questions come from a hot set (the filters a newsroom
keeps open: an actor, a year, conflict only, pages 1-3); ``--cold-share`` of them are fresh filters
that no one asked before, so they reach the database.

Phases: ``reads`` (only reads), ``writes`` (the same reads while one client posts a small document every
``--write-every`` seconds through ``POST /api/documents``, and a CLI ``petrel ingest`` against the same
file is tried once and must be refused with E301). Each phase stops after ``--seconds`` or
``--max-requests``; every request has a 30 s timeout. Prints, per phase: requests, errors (any status
but 200/202, timeouts, resets), requests/s, p50/p95/p99 (ms) of all pages, of the cold ones, the ingest
jobs done, and writes ``bench/results/load.json``. Exit status 1 when a phase had an error, a job
failed, the CLI ingest was not refused, or the p95 was 1 s or more.

The clients are raw asyncio HTTP/1.1 (no client library) to keep their own CPU cost low: on a 2-core
machine they share the cores with the server.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))

from api_latency import check_reusable, load, wait_until_up  # noqa: E402

from petrel.api import free_port  # noqa: E402

log = logging.getLogger("bench.load")
TOKEN = "bench-load-token"
REQUEST_TIMEOUT = 30.0
JOB_GRACE = 120.0  # seconds a job posted near the end of a phase may take to finish
P95_TARGET_MS = 1000.0
PETREL = [sys.executable, "-c", "import sys; from petrel.cli import main; sys.argv[0] = 'petrel'; main()"]


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    cold: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    statuses: dict[int, int] = field(default_factory=dict)
    answers: dict[str, int] = field(default_factory=dict)  # X-Petrel-Cache: hit, miss, stale, busy
    retried: int = 0  # GETs sent again on a new connection after the server closed a kept-alive one

    def error(self, kind: str) -> None:
        self.errors[kind] = self.errors.get(kind, 0) + 1


def hot_paths(n: int, seed: int = 3) -> list[str]:
    rng = random.Random(seed)
    paths = []
    for i in range(n):
        params: dict[str, Any] = {"actor": f"A{min(int(rng.paretovariate(0.8)), 199) - 1:03d}", "limit": 50,
                                  "page": 1 + i % 3}
        if i % 2:
            params["quad_class"] = [3, 4]
        if i % 3 == 0:
            year = 2015 + i % 10
            params.update(date_from=f"{year}-01-01", date_to=f"{year}-12-31")
        paths.append("/api/events?" + urlencode(params, doseq=True))
    return paths


def cold_path(rng: random.Random) -> str:
    year = rng.randint(2015, 2024)
    month = rng.randint(1, 12)
    params = {"actor": f"A{rng.randint(0, 199):03d}", "date_from": f"{year}-{month:02d}-01",
              "date_to": f"{year}-12-31", "limit": rng.randint(10, 60), "page": rng.randint(1, 3)}
    return "/api/events?" + urlencode(params)


async def fetch(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, method: str, path: str,
                body: bytes = b"", headers: str = "") -> tuple[int, str]:
    """One request on an open keep-alive connection: the status and ``X-Petrel-Cache``, body read whole."""
    head = f"{method} {path} HTTP/1.1\r\nHost: bench\r\nContent-Length: {len(body)}\r\n{headers}\r\n"
    writer.write(head.encode() + body)
    status_line = await reader.readuntil(b"\r\n")
    status = int(status_line.split()[1])
    length, how = 0, "-"
    while True:
        line = await reader.readuntil(b"\r\n")
        if line == b"\r\n":
            break
        name, _, value = line.decode("latin-1").partition(":")
        if name.lower() == "content-length":
            length = int(value.strip())
        elif name.lower() == "x-petrel-cache":
            how = value.strip()
    await reader.readexactly(length)
    return status, how


async def client(port: int, hot: list[str], tally: Tally, stop: float, budget: list[int], *,
                 cold_share: float, seed: int) -> None:
    rng = random.Random(seed)
    conn = None
    while time.monotonic() < stop and budget[0] > 0:
        budget[0] -= 1
        is_cold = rng.random() < cold_share
        path = cold_path(rng) if is_cold else rng.choice(hot)
        started = time.perf_counter()
        try:
            if conn is None:
                conn = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), REQUEST_TIMEOUT)
            try:
                status, how = await asyncio.wait_for(fetch(*conn, "GET", path), REQUEST_TIMEOUT)
            except (ConnectionResetError, BrokenPipeError, asyncio.IncompleteReadError):
                # the server closed this kept-alive connection (idle past its keep-alive timeout while this
                # client waited for the CPU): retry once on a new one, as HTTP clients do for a GET
                tally.retried += 1
                _drop(conn)
                conn = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), REQUEST_TIMEOUT)
                status, how = await asyncio.wait_for(fetch(*conn, "GET", path), REQUEST_TIMEOUT)
        except asyncio.TimeoutError:
            tally.error("timeout")
            conn = _drop(conn)
            continue
        except (OSError, asyncio.IncompleteReadError, ValueError, IndexError) as exc:
            tally.error(type(exc).__name__)
            conn = _drop(conn)
            await asyncio.sleep(0.05)
            continue
        ms = (time.perf_counter() - started) * 1000
        tally.statuses[status] = tally.statuses.get(status, 0) + 1
        tally.answers[how] = tally.answers.get(how, 0) + 1
        if status != 200:
            tally.error(f"status {status}")
        tally.latencies.append(ms)
        if is_cold:
            tally.cold.append(ms)


def _drop(conn: Any) -> None:
    if conn is not None:
        conn[1].close()
    return None


async def poster(port: int, every: float, stop: float, jobs: dict[str, int], tally: Tally) -> None:
    """One writer client: post a small document, follow its job to the end, wait ``every`` s, again."""
    n = 0
    while time.monotonic() < stop:
        n += 1
        line = json.dumps({"id": f"load-{os.getpid()}-{time.time_ns()}-{n}", "outlet": "Load Wire",
                           "text": f"Officials of the two towns met on Monday for talks number {n}."})
        headers = f"Authorization: Bearer {TOKEN}\r\nContent-Type: application/x-ndjson\r\n"
        try:
            status, job = await asyncio.wait_for(_request(port, "POST", "/api/documents", line.encode(), headers),
                                                 REQUEST_TIMEOUT)
            if status != 202:
                tally.error(f"post status {status}")
            else:
                outcome = await follow(port, job["job_id"], stop + JOB_GRACE)
                jobs[outcome] = jobs.get(outcome, 0) + 1
        except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, ValueError) as exc:
            tally.error(f"post {type(exc).__name__}")
        await asyncio.sleep(every)


async def follow(port: int, job_id: str, until: float) -> str:
    """The final status of a job, polled every 0.5 s until ``until`` ("unfinished" after that)."""
    while time.monotonic() < until:
        _, job = await asyncio.wait_for(_request(port, "GET", f"/api/jobs/{job_id}"), REQUEST_TIMEOUT)
        if job.get("status") in {"done", "failed"}:
            return str(job["status"])
        await asyncio.sleep(0.5)
    return "unfinished"


async def _request(port: int, method: str, path: str, body: bytes = b"", headers: str = "") -> tuple[int, Any]:
    """One request on its own connection (``Connection: close``): the status and the JSON answer."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        head = (f"{method} {path} HTTP/1.1\r\nHost: bench\r\nContent-Length: {len(body)}\r\n{headers}"
                "Connection: close\r\n\r\n")
        writer.write(head.encode() + body)
        raw = await reader.read()
    finally:
        writer.close()
    status = int(raw.split(b" ", 2)[1])
    return status, json.loads(raw.split(b"\r\n\r\n", 1)[1] or b"{}")


async def run_phase(port: int, args: argparse.Namespace, db: Path, *, writes: bool) -> dict[str, Any]:
    tally = Tally()
    hot = hot_paths(args.hot)
    stop = time.monotonic() + args.seconds
    budget = [args.max_requests]
    jobs: dict[str, int] = {}
    tasks = [client(port, hot, tally, stop, budget, cold_share=args.cold_share, seed=i) for i in range(args.clients)]
    cli: dict[str, Any] = {}
    if writes:
        tasks.append(poster(port, args.write_every, stop, jobs, tally))
        tasks.append(cli_during_load(db, args.seconds / 2, cli))
    started = time.monotonic()
    await asyncio.wait_for(asyncio.gather(*tasks), args.seconds + JOB_GRACE + 2 * REQUEST_TIMEOUT)
    elapsed = time.monotonic() - started
    return {**summarise(tally, elapsed, jobs), **({"cli_ingest": cli} if writes else {})}


async def warm_writer(port: int) -> str:
    line = json.dumps({"id": f"warm-{time.time_ns()}", "text": "Officials of the two towns met on Monday."})
    headers = f"Authorization: Bearer {TOKEN}\r\nContent-Type: application/x-ndjson\r\n"
    _, job = await _request(port, "POST", "/api/documents", line.encode(), headers)
    return await follow(port, job["job_id"], time.monotonic() + JOB_GRACE)


async def cli_during_load(db: Path, delay: float, out: dict[str, Any]) -> None:
    await asyncio.sleep(delay)
    out.update(await asyncio.to_thread(try_cli_ingest, db))


def summarise(tally: Tally, elapsed: float, jobs: dict[str, int]) -> dict[str, Any]:
    return {"requests": len(tally.latencies), "errors": sum(tally.errors.values()), "error_kinds": tally.errors,
            "statuses": {str(k): v for k, v in tally.statuses.items()}, "answers": tally.answers, "retried_on_closed_connection": tally.retried,
            "requests_per_s": round(len(tally.latencies) / elapsed, 1), "seconds": round(elapsed, 1),
            "all": percentiles(tally.latencies), "cold": percentiles(tally.cold), "jobs": jobs}


def percentiles(values: list[float]) -> dict[str, float]:
    if not values:
        return {"n": 0}
    ordered = sorted(values)
    pick = lambda q: round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], 1)  # noqa: E731
    return {"n": len(ordered), "p50": pick(0.50), "p95": pick(0.95), "p99": pick(0.99), "max": round(ordered[-1], 1)}


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PETREL_API_TOKEN": TOKEN}
    code = ("import logging, sys; from petrel.api import serve; from petrel.config import Settings; "
            f"serve(Settings(db_path={str(db)!r}), host='127.0.0.1', port={port}, access_log=False)")
    return subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


def try_cli_ingest(db: Path) -> dict[str, Any]:
    """A CLI ingest against the file the server holds: it must be refused cleanly (exit 1, E301)."""
    with tempfile.TemporaryDirectory() as tmp:
        article = Path(tmp) / "a.txt"
        article.write_text("Observers met in Geneva on Monday.", encoding="utf-8")
        done = subprocess.run([*PETREL, "ingest", str(article), "--db", str(db), "-q"], capture_output=True,
                              text=True, timeout=120)
    said = " ".join(done.stderr.split())
    return {"exit": done.returncode, "refused_cleanly": done.returncode == 1 and "error[E301]" in said
            and "Traceback" not in said, "message": said[-300:]}


def settle_dedup(db: Path) -> None:
    """Record every synthetic mention as merged, so an ingest's dedup refresh is incremental (as on a
    store petrel wrote itself) instead of re-clustering all of them on the first write."""
    import duckdb

    con = duckdb.connect(str(db))
    try:
        con.execute("INSERT INTO merge_log SELECT mention_id, event_id, NULL, 'seed', NULL FROM event_mentions")
        con.execute("CHECKPOINT")
    finally:
        con.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60.0, help="per phase")
    parser.add_argument("--max-requests", type=int, default=2_000_000, help="per phase")
    parser.add_argument("--events", type=int, default=100_000, help="size of the built store")
    parser.add_argument("--db", type=Path, help="reuse or create this database file")
    parser.add_argument("--phases", default="reads,writes")
    parser.add_argument("--hot", type=int, default=60, help="distinct questions of the hot set")
    parser.add_argument("--cold-share", type=float, default=0.02, help="share of never-asked questions")
    parser.add_argument("--write-every", type=float, default=2.0, help="seconds between two posts")
    parser.add_argument("--output", type=Path, default=Path(__file__).resolve().parent / "results" / "load.json")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "load.duckdb"
        if not db.exists():
            started = time.perf_counter()
            load(db, args.events)
            settle_dedup(db)
            log.info("built %d events in %.1f s", args.events, time.perf_counter() - started)
        check_reusable(db)
        results = run(db, args)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=1))
    failed = [name for name, r in results["phases"].items() if not r["ok"]]
    log.info("wrote %s; %s", args.output, f"FAILED: {', '.join(failed)}" if failed else "all phases ok")
    sys.exit(1 if failed else 0)


def run(db: Path, args: argparse.Namespace) -> dict[str, Any]:
    try:
        import uvloop

        uvloop.install()
    except ImportError:  # the clients work on the standard loop too
        pass
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = start_server(db, port)
    phases: dict[str, Any] = {}
    try:
        wait_until_up(url)
        for phase in args.phases.split(","):
            writes = phase == "writes"
            if writes:  # the first job loads the NLP pipeline (once per server): not part of the profile
                warm = asyncio.run(warm_writer(port))
                log.info("warm-up job: %s", warm)
            result = asyncio.run(run_phase(port, args, db, writes=writes))
            p95 = result["all"].get("p95", float("inf"))
            result["ok"] = (result["errors"] == 0 and p95 < P95_TARGET_MS and result["requests"] > 0
                            and (not writes or (result["cli_ingest"]["refused_cleanly"]
                                                and set(result["jobs"]) == {"done"})))
            phases[phase] = result
            log.info("%-6s %d clients %.0f s: %d requests (%.0f/s), %d errors %s, p50 %s p95 %s p99 %s ms "
                     "(cold p95 %s ms), answers %s%s -> %s", phase, args.clients, result["seconds"], result["requests"],
                     result["requests_per_s"], result["errors"], result["error_kinds"] or "",
                     result["all"].get("p50"), p95, result["all"].get("p99"), result["cold"].get("p95"), result["answers"],
                     f", jobs {result['jobs']}, CLI ingest refused cleanly: {result['cli_ingest']['refused_cleanly']}"
                     if writes else "", "ok" if result["ok"] else "FAILED")
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            phases["shutdown"] = {"ok": False, "error": "the server ignored SIGTERM for 15 s"}
    return {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "cpus": os.cpu_count(),
            "load_average": os.getloadavg(), "clients": args.clients, "events": args.events,
            "cold_share": args.cold_share, "phases": phases}


if __name__ == "__main__":
    main()
