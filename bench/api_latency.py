"""API latency on one million synthetic events (a benchmark, not a test).

    .venv/bin/python bench/api_latency.py [--events 1000000] [--requests 400] [--concurrency 4] [--db FILE]

Builds a petrel database of synthetic events with NumPy -> Arrow -> DuckDB (skewed actor choice, so some
dyads are heavy as in real data), serves it with uvicorn on 127.0.0.1 in a separate process (so the
clients don't share its interpreter), then hits a filtered ``/api/events`` page and a ``/api/dyads``
series with concurrent httpx clients, each run bounded by a request count and a time limit. Prints
p50/p95/p99 per endpoint against the targets (events p95 < 100 ms, dyads p95 < 300 ms) with the load
average, and writes them to ``bench/results/api_latency.json``. We report 4 clients (the default).

``--db FILE`` builds the database once and reuses it afterwards (a file of an older petrel schema is
refused: delete it to rebuild). The server starts cold each run: its query cache (totals per filter,
actor id lookups) fills during the run, as it would for users paging through the same filters.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import httpx
import numpy as np
import pyarrow as pa

from petrel.api import free_port
from petrel.dedup.writing import event_details_sql
from petrel.errors import StoreError
from petrel.store.schema import check_schema_version, create_schema

log = logging.getLogger("bench.api_latency")
TYPES = np.array(["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
                  "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"])
QUAD = np.array([1, 1, 1, 2, 2, 2, 2, 1, 3, 3, 3, 3, 4, 4, 4, 4], dtype=np.int8)
GOLDSTEIN = np.array([4.0, 1.0, 3.0, 5.0, 6.0, 7.0, 5.0, -0.1, -2.0, -4.0, -7.0, -6.5, -8.0, -7.2, -9.0, -10.0])
STATUSES = np.array(["actual"] * 6 + ["historical", "future", "hypothetical", "negated", "claimed"])
OUTLETS = np.array([f"Outlet {i}" for i in range(40)])
TARGETS = {"/api/events": 100.0, "/api/dyads": 300.0}


def synthetic_actors(n: int = 200, countries: int = 40) -> dict[str, np.ndarray]:
    codes = np.array([f"C{i:02d}" for i in range(countries)])
    sectors = np.array(["GOV", "MIL", "REB", "OPP", "CVL"])
    idx = np.arange(n)
    return {"id": np.array([f"A{i:03d}" for i in idx]), "name": np.array([f"Actor {i}" for i in idx]),
            "country": codes[idx % countries], "sector": sectors[idx % len(sectors)]}


def event_table(n: int, rng: np.random.Generator, actors: dict[str, np.ndarray]) -> pa.Table:
    """``n`` events as an Arrow table with the columns of ``events`` the API reads."""
    k = len(actors["id"])
    src = np.minimum(rng.zipf(1.6, n) - 1, k - 1)
    tgt = (src + np.minimum(rng.zipf(1.8, n), k - 1)) % k
    kind = rng.integers(0, len(TYPES), n)
    day = np.datetime64("2015-01-01") + rng.integers(0, 3650, n).astype("timedelta64[D]")
    has_place = rng.random(n) < 0.7
    ids = np.char.add("ev", np.arange(n).astype(str))
    cols: dict[str, Any] = {
        "event_id": ids, "type": TYPES[kind], "cameo": np.char.add("1", (kind % 10).astype(str)),
        "quad_class": QUAD[kind], "goldstein": GOLDSTEIN[kind], "status": STATUSES[rng.integers(0, len(STATUSES), n)],
        "source_name": actors["name"][src], "source_actor_id": actors["id"][src], "source_country": actors["country"][src],
        "target_name": actors["name"][tgt], "target_actor_id": actors["id"][tgt], "target_country": actors["country"][tgt],
        "date": day.astype(str), "date_precision": np.full(n, "day"), "date_start": day, "date_end": day,
        "place_name": np.where(has_place, np.char.add("Town ", (src % 500).astype(str)), None),
        "place_country": np.where(has_place, actors["country"][tgt], None),
        "lat": np.where(has_place, rng.uniform(-50, 60, n).round(3), np.nan),
        "lon": np.where(has_place, rng.uniform(-120, 150, n).round(3), np.nan),
        "num_mentions": np.ones(n, dtype=np.int32), "num_articles": np.ones(n, dtype=np.int32),
        "num_sources": np.ones(n, dtype=np.int32), "confidence": rng.uniform(0.3, 1.0, n).round(3),
        "rep_mention_id": np.char.add(ids, "-m0"),
    }
    table = pa.table({name: pa.array(values, from_pandas=True) for name, values in cols.items()})
    seen = pa.array(day.astype("datetime64[us]"))
    return table.append_column("first_seen", seen).append_column("last_seen", seen)


def load(db: Path, n: int, *, order: str = "date", seed: int = 7) -> None:
    """Write ``n`` events and one mention each; ``order="date"`` stores them by event date (see --order).

    The mentions go in first so each event row gets its stored evidence and mention list from them
    through the writer's own SQL (:func:`petrel.dedup.writing.event_details_sql`).
    """
    rng = np.random.default_rng(seed)
    events = event_table(n, rng, synthetic_actors())
    if order == "date":
        events = events.sort_by([("date_start", "ascending")])
    con = duckdb.connect(str(db))
    try:
        create_schema(con)
        con.register("ev", events.append_column("seq", pa.array(np.arange(n))))
        insert_mentions(con, n)
        cols = ", ".join(events.schema.names)
        picked = ", ".join(f"ev.{c}" for c in events.schema.names)
        con.execute(f"INSERT INTO events ({cols}, evidence, mention_docs) SELECT {picked}, d.evidence, d.mention_docs "
                    f"FROM ev JOIN ({event_details_sql('ev')}) d USING (event_id) ORDER BY ev.seq")
        con.unregister("ev")
        insert_actors(con, synthetic_actors())
        con.execute("CHECKPOINT")
    finally:
        con.close()


def insert_mentions(con: duckdb.DuckDBPyConnection, n: int) -> None:
    """One mention per event of the registered table ``ev``, in its order."""
    con.execute(
        "INSERT INTO event_mentions (mention_id, event_id, doc_id, outlet, published, type, quad_class, "
        "goldstein, status, source_name, source_actor_id, target_name, target_actor_id, date, date_start, "
        "date_end, sentence, sent_start, sent_end, trigger, trigger_start, confidence) "
        "SELECT rep_mention_id, event_id, 'doc' || (hash(event_id) % ?), 'Outlet ' || (hash(event_id) % 40), "
        "first_seen, type, quad_class, goldstein, status, source_name, source_actor_id, target_name, "
        "target_actor_id, date, date_start, date_end, "
        "source_name || ' ' || lower(type) || 'ed ' || target_name || ' on ' || date || ', officials said.', "
        "0, 60, lower(type), length(source_name) + 1, confidence FROM ev ORDER BY seq", [max(n // 3, 1)])


def insert_actors(con: duckdb.DuckDBPyConnection, actors: dict[str, np.ndarray]) -> None:
    table = pa.table({"actor_id": actors["id"], "name": actors["name"], "country": actors["country"],
                      "sectors": [[s] for s in actors["sector"]]})
    con.register("act", table)
    con.execute("INSERT INTO actors (actor_id, name, country, sectors) SELECT actor_id, name, country, sectors FROM act")
    con.unregister("act")


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    code = ("import logging; from petrel.api import serve; from petrel.config import Settings; "
            "logging.getLogger('uvicorn.access').disabled = True; "
            f"serve(Settings(db_path={str(db)!r}), host='127.0.0.1', port={port})")
    return subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def wait_until_up(url: str, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/api/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"the server at {url} did not come up")


def event_params(rng: np.random.Generator, i: int) -> dict[str, Any]:
    year = int(rng.integers(2015, 2025))
    params: dict[str, Any] = {"actor": f"A{int(min(rng.zipf(1.6), 199)) - 1:03d}", "limit": 50,
                              "page": int(rng.integers(1, 4)), "date_from": f"{year}-01-01", "date_to": f"{year}-12-31"}
    if i % 2:
        params["quad_class"] = [3, 4]
    if i % 3 == 0:
        params["type"] = str(TYPES[rng.integers(0, len(TYPES))])
    return params


def dyad_params(rng: np.random.Generator, i: int) -> dict[str, Any]:
    src = int(min(rng.zipf(1.6), 199)) - 1
    return {"source": f"A{src:03d}", "target": f"A{(src + 1) % 200:03d}",
            "interval": ("week", "month", "day")[i % 3], "directed": i % 2 == 0}


async def measure(url: str, path: str, make: Callable[[np.random.Generator, int], dict[str, Any]], *,
                  requests: int, concurrency: int, time_limit: float) -> list[float]:
    """Latencies (ms) of up to ``requests`` GETs by ``concurrency`` clients, stopping at ``time_limit``."""
    rng = np.random.default_rng(11)
    plans = [make(rng, i) for i in range(requests)]
    latencies: list[float] = []
    deadline = time.monotonic() + time_limit
    queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
    for plan in plans:
        queue.put_nowait(plan)

    async def worker(client: httpx.AsyncClient) -> None:
        while not queue.empty() and time.monotonic() < deadline:
            params = queue.get_nowait()
            started = time.perf_counter()
            response = await client.get(f"{url}{path}", params=params)
            response.raise_for_status()
            latencies.append((time.perf_counter() - started) * 1000)

    async with httpx.AsyncClient(timeout=30, limits=httpx.Limits(max_connections=concurrency)) as client:
        await client.get(f"{url}{path}", params=plans[0])  # warm-up
        await asyncio.gather(*(worker(client) for _ in range(concurrency)))
    return latencies


def percentiles(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    pick = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]  # noqa: E731
    return {"n": len(values), "p50": round(pick(0.50), 1), "p95": round(pick(0.95), 1),
            "p99": round(pick(0.99), 1), "mean": round(statistics.fmean(values), 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=4, help="concurrent clients (we report 4)")
    parser.add_argument("--time-limit", type=float, default=60.0, help="seconds per endpoint")
    parser.add_argument("--db", type=Path, help="reuse or create this database file")
    parser.add_argument("--order", choices=("date", "random"), default="date",
                        help="physical order of the events table: by date (as a date-ordered store writes "
                             "it; date filters then skip whole row groups) or random")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    logging.getLogger("httpx").setLevel(logging.WARNING)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "bench.duckdb"
        if not db.exists():
            started = time.perf_counter()
            load(db, args.events, order=args.order)
            log.info("built %d events in %.1f s (%s, %.0f MB)", args.events, time.perf_counter() - started, db,
                     db.stat().st_size / 1e6)
        check_reusable(db)
        run(db, args)


def check_reusable(db: Path) -> None:
    """Stop with a clear message when ``db`` was written by another petrel schema (the server would refuse it)."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        check_schema_version(con)
    except StoreError as exc:
        raise SystemExit(f"{exc.message}: delete {db} and run again to rebuild it") from None
    finally:
        con.close()


def run(db: Path, args: argparse.Namespace) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = start_server(db, port)
    try:
        wait_until_up(url)
        results = {}
        for path, make in (("/api/events", event_params), ("/api/dyads", dyad_params)):
            latencies = asyncio.run(measure(url, path, make, requests=args.requests,
                                            concurrency=args.concurrency, time_limit=args.time_limit))
            results[path] = {**percentiles(latencies), "target_p95": TARGETS[path],
                             "ok": percentiles(latencies)["p95"] < TARGETS[path]}
            log.info("%-12s %d clients  p50 %6.1f  p95 %6.1f  p99 %6.1f ms  (target p95 < %.0f: %s)", path,
                     args.concurrency, results[path]["p50"], results[path]["p95"], results[path]["p99"],
                     TARGETS[path], "met" if results[path]["ok"] else "MISSED")
    finally:
        server.terminate()
        server.wait(timeout=10)
    out = Path(__file__).resolve().parent / "results" / "api_latency.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"events": args.events, "concurrency": args.concurrency, "order": args.order,
                               "cpus": os.cpu_count(), "load_average": os.getloadavg(), "results": results}, indent=1))
    log.info("load average %s on %d cpus (compare runs only at similar load); wrote %s",
             " / ".join(f"{x:.2f}" for x in os.getloadavg()), os.cpu_count() or 0, out)


if __name__ == "__main__":
    main()
