"""Ingest into a big store (not a test; `make bench-large`): 1,000 new articles, empty store vs 1M mentions.

Two measurements, each into an empty store and into a copy of a store holding ``--size`` event mentions
(``bench/dedup_scale.py``'s generator, fully refreshed once: events, merge log and stories; kept in
``--db`` for reuse), with the ratio (target, issue 12 item 5: <= 1.5):

- **store side**: the mentions of ``--articles`` synthetic articles (4 each, at the store's density, on
  days the store already covers, so they share blocks with stored mentions) written in 64-article
  batches, then the end-of-run refresh, as ``petrel ingest`` does. No NLP: only what grows with the store.
- **end to end** (``--e2e``): ``--articles`` real articles (the bundled sample corpus, replicated, with
  publication dates moved into the store's time span) through the whole pipeline (one process, the
  pipeline loaded once before both runs), as ``petrel ingest --workers 1`` would ingest them.

    .venv/bin/python bench/big_store.py [--size 1000000] [--articles 1000] [--db /tmp/petrel-bench-1m.duckdb]
                                        [--e2e] [--per-batch]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import duckdb
import pyarrow.compute as pc

sys.path.insert(0, str(Path(__file__).resolve().parent))
from dedup_scale import MENTIONS_PER_ARTICLE, load, synthetic  # noqa: E402

from petrel.config import Settings  # noqa: E402
from petrel.dedup import refresh  # noqa: E402
from petrel.store.schema import SCHEMA_VERSION, create_schema  # noqa: E402

BATCH = 64


def big_store(path: Path, size: int, settings: Settings) -> None:
    """Generate and fully refresh a ``size``-mention store at ``path`` unless one of this schema is there."""
    if path.exists():
        con = duckdb.connect(str(path), read_only=True)
        version = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        con.close()
        if version and version[0] == str(SCHEMA_VERSION):
            return
        print(f"{path} holds schema {version and version[0]}, not {SCHEMA_VERSION}: rebuilding", flush=True)
        path.unlink()
    started = time.perf_counter()
    con = duckdb.connect(str(path))
    create_schema(con)
    load(con, *synthetic(size))
    refresh(con, settings, full=True)
    con.close()
    print(f"built a {size:,}-mention store in {time.perf_counter() - started:.1f}s -> {path}", flush=True)


def store_side(con: duckdb.DuckDBPyConnection, articles: int, settings: Settings, *, per_batch: bool) -> float:
    """Seconds to write ``articles`` articles' mentions batch by batch, then refresh (or after each batch)."""
    arts, mentions = synthetic(articles * MENTIONS_PER_ARTICLE, seed=99, offset=1)
    n_batches = max(1, -(-arts.num_rows // BATCH))
    started = time.perf_counter()
    for b in range(n_batches):
        batch_arts = arts.slice(b * BATCH, BATCH)
        part = mentions.filter(pc.is_in(mentions["doc_id"], value_set=batch_arts["doc_id"]))
        con.execute("BEGIN TRANSACTION")
        load(con, batch_arts, part)
        if per_batch:
            refresh(con, settings)
        con.execute("COMMIT")
    if not per_batch:
        refresh(con, settings)
    return time.perf_counter() - started


def e2e_corpus(path: Path, articles: int) -> None:
    """``articles`` sample articles (replicated, ids made unique) published on the store's first days."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from run import sample_articles  # bench/run.py

    base = sample_articles(Settings(db_path=path.with_suffix(".duckdb")))
    start = datetime(2020, 1, 1, 8)
    with path.open("w", encoding="utf-8") as fh:
        for k in range(articles):
            a = base[k % len(base)]
            a = replace(a, doc_id=f"{a.doc_id}-{k}")
            fh.write(json.dumps({"id": a.doc_id, "text": a.text, "title": a.title, "outlet": a.outlet,
                                 "published": (start + timedelta(hours=k % 48)).isoformat()}) + "\n")


def e2e(db: Path, jsonl: Path, pipeline) -> float:  # noqa: ANN001 - petrel.pipeline.Pipeline
    from petrel.ingest_service import ingest_paths

    settings = pipeline.settings.model_copy(update={"db_path": db})
    started = time.perf_counter()
    ingest_paths([str(jsonl)], settings, pipeline=pipeline)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--db", type=Path, default=Path(tempfile.gettempdir()) / "petrel-bench-1m.duckdb")
    parser.add_argument("--e2e", action="store_true", help="also ingest real articles through the pipeline")
    parser.add_argument("--per-batch", action="store_true", help="also refresh after every batch (the old way)")
    args = parser.parse_args()
    settings = Settings()
    big_store(args.db, args.size, settings)
    work = Path(tempfile.mkdtemp(prefix="petrel-big-store-"))
    results: dict[str, float] = {}

    def pair(name: str, run) -> None:  # noqa: ANN001 - run(db, fresh) -> seconds
        empty, big = work / f"empty-{len(results)}.duckdb", work / f"big-{len(results)}.duckdb"
        results[f"{name}, empty"] = run(empty, True)
        shutil.copy(args.db, big)
        results[f"{name}, {args.size:,}"] = run(big, False)
        big.unlink()
        ratio = results[f"{name}, {args.size:,}"] / results[f"{name}, empty"]
        print(f"{name:28s}: {args.articles:,} articles into an empty store {results[f'{name}, empty']:.2f}s, "
              f"into {args.size:,} mentions {results[f'{name}, {args.size:,}']:.2f}s -> ratio {ratio:.2f} "
              f"(load {os.getloadavg()[0]:.1f})", flush=True)

    def synthetic_run(per_batch: bool):
        def run(db: Path, fresh: bool) -> float:
            con = duckdb.connect(str(db))
            if fresh:
                create_schema(con)
            try:
                return store_side(con, args.articles, settings, per_batch=per_batch)
            finally:
                con.close()
        return run

    try:
        pair("store side, refresh at end", synthetic_run(False))
        if args.per_batch:
            pair("store side, refresh per batch", synthetic_run(True))
        if args.e2e:
            from petrel.pipeline import Pipeline

            jsonl = work / "articles.jsonl"
            e2e_corpus(jsonl, args.articles)
            pipeline = Pipeline(Settings(db_path=work / "unused.duckdb", workers=1))
            pair("end to end (pipeline)", lambda db, fresh: e2e(db, jsonl, pipeline))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"load: {os.getloadavg()}")


if __name__ == "__main__":
    main()
