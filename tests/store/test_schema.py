"""The schema is created in one transaction: all of it or nothing, and no transaction left open."""

from __future__ import annotations

import duckdb
import pytest

from petrel.dedup.refresh import in_transaction
from petrel.store import schema


def _tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {r[0] for r in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}


def test_every_table_is_created_and_no_transaction_is_left_open(tmp_path) -> None:
    con = duckdb.connect(str(tmp_path / "s.duckdb"))
    schema.create_schema(con)
    assert set(schema.TABLES) <= _tables(con)
    assert not in_transaction(con)
    schema.create_schema(con)  # idempotent, also on a store that has it all
    assert con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(
        schema.SCHEMA_VERSION)


def test_a_failing_statement_creates_nothing(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(schema, "TABLES", {**schema.TABLES, "broken": "CREATE TABLE broken (x NOSUCHTYPE)"})
    con = duckdb.connect(str(tmp_path / "s.duckdb"))
    with pytest.raises(duckdb.Error):
        schema.create_schema(con)
    assert _tables(con) == set()
    assert not in_transaction(con)
