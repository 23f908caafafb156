"""Coded batches as Parquet shards: what a Dask worker writes and the one writer merges into the store.

A shard is a folder ``batch-NNNNNNNN`` holding one Parquet file per table a batch writes (``articles``,
``actors``, ``mentions``, ``quotes``, ``event_mentions``), with exactly the rows and column types
``Store.write_batch`` would insert, so merging shards in batch order gives the store a single process
gives. The folder is written under a temporary name and renamed when complete, so a reader never sees
half a shard, and a task that is retried on another worker simply writes it again. DuckDB, pandas, Spark
or any Parquet reader can read the shards directly (``SELECT * FROM 'shards/*/event_mentions.parquet'``).
"""

from __future__ import annotations

import shutil
import threading
import uuid
from collections.abc import Sequence
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from petrel.models import ProcessedDocument, Rejection
from petrel.store import rows
from petrel.store.store import Store, rejection_id

__all__ = ["batch_tables", "read_shard", "shard_name", "write_shard"]

_SCHEMAS: dict[str, pa.Schema] = {}
_LOCK = threading.Lock()


def shard_name(index: int) -> str:
    return f"batch-{index:08d}"


def batch_tables(docs: Sequence[ProcessedDocument], rejections: Sequence[Rejection]) -> dict[str, pa.Table]:
    """The Arrow tables ``Store.write_batch`` would insert for this batch."""
    records = rows.batch_rows(docs, rejections, rejection_id)
    return {table: pa.Table.from_pylist(recs, schema=_schema(table)) for table, recs in records.items()}


def write_shard(tables: dict[str, pa.Table], folder: Path, index: int) -> Path:
    """Write one batch's tables as ``folder/batch-NNNNNNNN/TABLE.parquet``; returns the shard folder."""
    final = folder / shard_name(index)
    partial = folder / f".{shard_name(index)}.{uuid.uuid4().hex[:8]}.partial"
    partial.mkdir(parents=True)
    for table, data in tables.items():
        pq.write_table(data, partial / f"{table}.parquet")
    if final.exists():  # written before by a task the scheduler retried elsewhere: same content
        shutil.rmtree(final, ignore_errors=True)
    partial.rename(final)
    return final


def read_shard(shard: Path) -> dict[str, pa.Table]:
    """A shard's tables, by name."""
    return {path.stem: pq.read_table(path) for path in sorted(shard.glob("*.parquet"))}


def _schema(table: str) -> pa.Schema:
    """The store's Arrow schema for ``table``, read once per process from an in-memory database."""
    with _LOCK:
        if not _SCHEMAS:
            with Store.open(":memory:") as store:
                for name in ("articles", "actors", "mentions", "quotes", "event_mentions"):
                    _SCHEMAS[name] = store.arrow_schema(name)
        return _SCHEMAS[table]
