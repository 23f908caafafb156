"""Parquet shards: a batch written as a shard and merged gives the rows ``write_batch`` gives."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pytest

from petrel.errors import StoreError
from petrel.models import Rejection
from petrel.store import Store
from petrel.store.shards import batch_tables, read_shard, write_shard
from .test_store import make_doc


def table_rows(store: Store, table: str) -> list[tuple]:
    cols = [r[0] for r in store.con.execute(f"DESCRIBE {table}").fetchall() if r[0] != "ingested_at"]
    return sorted(store.con.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall(), key=repr)


def test_a_merged_shard_stores_what_write_batch_stores(tmp_path: Path) -> None:
    docs = [make_doc("a", 2), make_doc("b")]
    rejections = [Rejection("bad.txt", "E201", "the input is empty", "text")]
    shard = write_shard(batch_tables(docs, rejections), tmp_path, 7)
    assert shard.name == "batch-00000007"
    assert sorted(p.name for p in shard.iterdir()) == [
        "actors.parquet", "articles.parquet", "event_mentions.parquet", "mentions.parquet", "quotes.parquet"]
    with Store.open(":memory:") as direct, Store.open(":memory:") as merged:
        expected = direct.write_batch(docs, rejections)
        result = merged.write_tables(read_shard(shard))
        assert (result.articles, result.rejected, result.events, result.mentions) == (2, 1, 3, 2)
        assert (result.events, result.quotes) == (expected.events, expected.quotes)
        for table in ("articles", "actors", "mentions", "quotes", "event_mentions", "events"):
            assert table_rows(merged, table) == table_rows(direct, table), table


def test_a_retried_shard_replaces_the_first_and_leaves_no_partial_folder(tmp_path: Path) -> None:
    write_shard(batch_tables([make_doc("a")], []), tmp_path, 1)
    write_shard(batch_tables([make_doc("b")], []), tmp_path, 1)
    assert [p.name for p in tmp_path.iterdir()] == ["batch-00000001"]
    ids = read_shard(tmp_path / "batch-00000001")["articles"].column("doc_id").to_pylist()
    assert ids == ["b"]


def test_a_shard_cannot_write_derived_tables() -> None:
    with Store.open(":memory:") as store, pytest.raises(StoreError, match="cannot write table 'events'"):
        store.write_tables({"events": pa.table({"event_id": ["x"]})})
