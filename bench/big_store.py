"""Ingest into a big store (not a test): the store-side cost of 1,000 new articles, empty vs 1M mentions.

The NLP cost of a batch does not depend on the store; what grows with it is the write and the dedup
refresh. This bench writes the event mentions of ``--articles`` synthetic articles (``bench/dedup_scale.py``'s
generator, 4 mentions each, dated inside the store's time span) in batches of 64 articles, refreshing
after each batch as ingest does, first into an empty store, then into a store holding ``--size`` mentions
(generated and fully merged once, kept in ``--db`` for reuse). Prints both times and their ratio
(target, issue 12 item 5: <= 1.5), and the same with the refresh deferred to the end of the run.

    .venv/bin/python bench/big_store.py [--size 1000000] [--articles 1000] [--db /tmp/petrel-1m.duckdb]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

import duckdb
import pyarrow.compute as pc

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dedup_scale import MENTIONS_PER_ARTICLE, load, synthetic  # noqa: E402

from petrel.config import Settings  # noqa: E402
from petrel.dedup import merge_events, refresh  # noqa: E402
from petrel.store.schema import create_schema  # noqa: E402

BATCH = 64


def big_store(path: Path, size: int, settings: Settings) -> None:
    if path.exists():
        return
    started = time.perf_counter()
    con = duckdb.connect(str(path))
    create_schema(con)
    load(con, *synthetic(size))
    merge_events(con, settings, full=True)
    con.close()
    print(f"built a {size:,}-mention store in {time.perf_counter() - started:.1f}s -> {path}", flush=True)


def ingest(con: duckdb.DuckDBPyConnection, articles: int, settings: Settings, *, deferred: bool) -> float:
    """Seconds to write ``articles`` articles' mentions batch by batch with the refresh after each (or once)."""
    arts, mentions = synthetic(articles * MENTIONS_PER_ARTICLE, seed=99, offset=1)
    n_batches = max(1, -(-arts.num_rows // BATCH))
    started = time.perf_counter()
    for b in range(n_batches):
        batch_arts = arts.slice(b * BATCH, BATCH)
        part = mentions.filter(pc.is_in(mentions["doc_id"], value_set=batch_arts["doc_id"]))
        con.execute("BEGIN TRANSACTION")
        load(con, batch_arts, part)
        if not deferred:
            refresh(con, settings)
        con.execute("COMMIT")
    if deferred:
        refresh(con, settings)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "petrel-bench-1m.duckdb")
    args = parser.parse_args()
    settings = Settings()
    big_store(args.db, args.size, settings)
    work = Path(tempfile.mkdtemp(prefix="petrel-big-store-"))
    results: dict[str, float] = {}
    try:
        for deferred in (True, False):
            mode = "deferred" if deferred else "per batch"
            empty = duckdb.connect(str(work / f"empty-{mode}.duckdb"))
            create_schema(empty)
            results[f"empty, {mode}"] = ingest(empty, args.articles, settings, deferred=deferred)
            empty.close()
            copy = work / f"big-{mode}.duckdb"
            shutil.copy(args.db, copy)
            big = duckdb.connect(str(copy))
            results[f"{args.size:,}, {mode}"] = ingest(big, args.articles, settings, deferred=deferred)
            big.close()
            copy.unlink()
            ratio = results[f"{args.size:,}, {mode}"] / results[f"empty, {mode}"]
            print(f"refresh {mode:9s}: {args.articles:,} articles into an empty store "
                  f"{results[f'empty, {mode}']:.2f}s, into {args.size:,} mentions "
                  f"{results[f'{args.size:,}, {mode}']:.2f}s -> ratio {ratio:.2f}", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"load: {os.getloadavg()}")


if __name__ == "__main__":
    main()
