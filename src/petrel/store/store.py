"""The embedded DuckDB store: open, write a batch in one transaction, read back.

Writes are bulk: each batch becomes one Arrow table per database table and one
``INSERT OR IGNORE ... SELECT`` per table, inside a single transaction that also refreshes the
derived tables (events, stories). A batch that was committed survives an interrupted run; a re-run
skips the articles already stored (their ids are content hashes), so it finishes the rest without
duplicates.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from petrel.config import Settings
from petrel.errors import StoreError
from petrel.models import ProcessedDocument, Rejection
from petrel.store import rows
from petrel.store.schema import check_schema_version, create_schema

log = logging.getLogger(__name__)

_ARROW_TYPES: dict[str, pa.DataType] = {
    "VARCHAR": pa.string(), "INTEGER": pa.int32(), "BIGINT": pa.int64(), "DOUBLE": pa.float64(),
    "TINYINT": pa.int8(), "TIMESTAMP": pa.timestamp("us"), "DATE": pa.date32(), "BOOLEAN": pa.bool_(),
    "VARCHAR[]": pa.list_(pa.string()),
}

# tables with a primary key: re-inserting a known row is ignored (the others are only written with
# their article, which is never written twice)
_KEYED_TABLES = frozenset({"articles", "actors", "quotes", "event_mentions", "events", "stories", "meta"})


@dataclass(slots=True)
class BatchResult:
    articles: int = 0
    rejected: int = 0
    events: int = 0
    quotes: int = 0
    mentions: int = 0


def rejection_id(rejection: Rejection) -> str:
    """Stable id of a rejected input, so re-ingesting the same bad input adds nothing."""
    digest = hashlib.sha256(f"{rejection.source}\x00{rejection.code}".encode()).hexdigest()
    return "rejected-" + digest[:16]


class Store:
    """A petrel database. Use :meth:`open`; close it (or use ``with``) when done."""

    def __init__(self, con: duckdb.DuckDBPyConnection, *, settings: Settings | None = None,
                 read_only: bool = False) -> None:
        self.con = con
        self.settings = settings or Settings()
        self.read_only = read_only
        self._schemas: dict[str, pa.Schema] = {}
        if read_only:
            check_schema_version(con)
        else:
            create_schema(con)

    @classmethod
    def open(cls, path: str | Path, *, settings: Settings | None = None, read_only: bool = False) -> Store:
        """Open (or create) the database at ``path``; ``":memory:"`` gives an in-memory store."""
        target = str(path)
        if read_only and target != ":memory:" and not Path(target).exists():
            raise StoreError(f"no database at {target}: run `petrel ingest` first", path=target)
        try:
            con = duckdb.connect(target, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open {target}: {exc}", path=target) from exc
        return cls(con, settings=settings, read_only=read_only)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    # -- reading -----------------------------------------------------------------------------

    def known_doc_ids(self, doc_ids: Iterable[str]) -> set[str]:
        """Which of these document ids (ingested or rejected) are already stored."""
        ids = list(set(doc_ids))
        if not ids:
            return set()
        found = self.con.execute("SELECT doc_id FROM articles WHERE list_contains(?, doc_id)", [ids]).fetchall()
        return {r[0] for r in found}

    def stored_hashes(self, doc_ids: Iterable[str]) -> dict[str, tuple[str | None, str | None]]:
        """``doc_id -> (content_hash, source)`` of these ids already stored (a rejection has no hash)."""
        ids = list(set(doc_ids))
        if not ids:
            return {}
        found = self.con.execute("SELECT doc_id, content_hash, source FROM articles WHERE list_contains(?, doc_id)",
                                 [ids]).fetchall()
        return {r[0]: (r[1], r[2]) for r in found}

    def count(self, table: str) -> int:
        if table not in rows.TABLE_NAMES:
            raise StoreError(f"unknown table {table}")
        return int(self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # noqa: S608 (whitelisted)

    # -- writing -----------------------------------------------------------------------------

    def write_batch(self, docs: Sequence[ProcessedDocument], rejections: Sequence[Rejection] = (),
                    *, refresh: bool = True) -> BatchResult:
        """Write processed documents and rejections in one transaction, then refresh derived tables."""
        tables = rows.batch_rows(docs, rejections, rejection_id)
        self.con.execute("BEGIN TRANSACTION")
        try:
            for table, records in tables.items():
                self._insert(table, records)
            if refresh:
                self.refresh_derived()
            self.con.execute("COMMIT")
        except Exception as exc:
            self.con.execute("ROLLBACK")
            raise StoreError(f"writing a batch failed and was rolled back: {exc}") from exc
        return BatchResult(
            articles=len(docs), rejected=len(rejections), events=len(tables["event_mentions"]),
            quotes=len(tables["quotes"]), mentions=len(tables["mentions"]),
        )

    def refresh_derived(self) -> None:
        """Rebuild events, merges, near-duplicates and stories from the stored mentions."""
        from petrel.dedup import refresh

        refresh(self.con, self.settings)

    def _insert(self, table: str, records: list[dict[str, Any]]) -> None:
        if not records:
            return
        schema = self._arrow_schema(table)
        data = pa.Table.from_pylist(records, schema=schema)
        self.con.register("_petrel_batch", data)
        try:
            cols = ", ".join(schema.names)
            verb = "INSERT OR IGNORE" if table in _KEYED_TABLES else "INSERT"
            self.con.execute(f"{verb} INTO {table} ({cols}) SELECT {cols} FROM _petrel_batch")  # noqa: S608
        finally:
            self.con.unregister("_petrel_batch")

    def _arrow_schema(self, table: str) -> pa.Schema:
        """Arrow schema of a table, read from the database so DDL stays the one source of truth."""
        if table not in self._schemas:
            described = self.con.execute(f"DESCRIBE {table}").fetchall()  # noqa: S608 (internal name)
            fields = [pa.field(name, _ARROW_TYPES.get(kind, pa.string())) for name, kind, *_ in described]
            self._schemas[table] = pa.schema(fields)
        return self._schemas[table]
