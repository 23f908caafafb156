"""Helpers of tests/test_parallel.py and tests/test_dask_ingest.py (the corpus is the ``scale_corpus`` fixture)."""

from __future__ import annotations

from pathlib import Path

SNAPSHOT_TABLES = ("articles", "actors", "mentions", "quotes", "event_mentions", "events", "merge_log", "stories")


def store_snapshot(db_path: Path) -> dict[str, list[tuple]]:
    """Every row of every table a run writes, sorted, without the wall-clock ``ingested_at``."""
    import duckdb

    con = duckdb.connect(str(db_path), read_only=True)
    try:
        snap = {}
        for table in SNAPSHOT_TABLES:
            cols = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall() if r[0] != "ingested_at"]
            rows = con.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall()
            snap[table] = sorted(rows, key=repr)
        return snap
    finally:
        con.close()
