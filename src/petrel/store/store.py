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
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb
import pyarrow as pa

from petrel.config import Settings
from petrel.errors import DatabaseLocked, StoreError
from petrel.models import ProcessedDocument, Rejection
from petrel.store import rows
from petrel.store.arrow import registered
from petrel.store.schema import check_schema_version, create_schema

if TYPE_CHECKING:
    from petrel.dedup.records import RefreshSummary

log = logging.getLogger(__name__)

_ARROW_TYPES: dict[str, pa.DataType] = {
    "VARCHAR": pa.string(), "INTEGER": pa.int32(), "BIGINT": pa.int64(), "DOUBLE": pa.float64(),
    "TINYINT": pa.int8(), "TIMESTAMP": pa.timestamp("us"), "DATE": pa.date32(), "BOOLEAN": pa.bool_(),
    "VARCHAR[]": pa.list_(pa.string()), "VARCHAR[][]": pa.list_(pa.list_(pa.string())),
}

# tables with a primary key: re-inserting a known row is ignored (the others are only written with
# their article, which is never written twice)
_KEYED_TABLES = frozenset({"articles", "actors", "quotes", "event_mentions", "events", "stories", "meta"})


# the tables a batch writes (the others are derived by the dedup refresh)
_SHARD_TABLES = ("articles", "actors", "mentions", "quotes", "event_mentions")


def _ok_articles(articles: pa.Table | None) -> int:
    if articles is None or not articles.num_rows:
        return 0
    return sum(1 for status in articles.column("status").to_pylist() if status == "ok")


@dataclass(slots=True)
class BatchResult:
    articles: int = 0
    rejected: int = 0
    events: int = 0
    quotes: int = 0
    mentions: int = 0


def _log_committed(result: BatchResult) -> None:
    """The debug line that says a batch is committed (durable): bench/first_event.py takes the first one with
    event mentions as the moment the first event is in the store."""
    log.debug("batch committed: %d articles, %d event mentions, %d rejected", result.articles, result.events,
              result.rejected)


_LOCK_HOLDER = re.compile(r"Conflicting lock is held in (?P<program>.*?) \(PID (?P<pid>\d+)\)")


def open_error(target: str, exc: Exception) -> StoreError:
    """Why ``target`` cannot be opened, in words; a file locked by another process says which one.

    DuckDB lets one process write a file, or several read it: ``petrel serve`` (reading) keeps
    ``petrel ingest`` out, and a running ingest keeps everyone else out.
    """
    text = str(exc)
    if "Could not set lock" not in text and "Conflicting lock" not in text:
        return StoreError(f"cannot open {target}: {text}", path=target)
    found = _LOCK_HOLDER.search(text)
    pid = int(found["pid"]) if found else None
    holder = _describe_process(pid, found["program"] if found else None)
    return StoreError(f"the database {target} is in use by {holder}: stop `petrel serve` (or the ingest "
                      "still running) or use --db OTHER", path=target, pid=pid)


def _describe_process(pid: int | None, program: str | None) -> str:
    """``petrel serve (PID 123)`` when the command line says so, else the program and PID."""
    if pid is None:
        return "another process"
    try:
        import psutil

        words = psutil.Process(pid).cmdline()
    except Exception:  # noqa: BLE001 (gone, or not ours to inspect: the PID is still worth saying)
        words = []
    name = next((f"petrel {w}" for i, w in enumerate(words)
                 if i and words[i - 1].endswith("petrel") and not w.startswith("-")), None)
    return f"{name or 'another process'} (PID {pid}{', ' + Path(program).name if program and not name else ''})"


def rejection_id(rejection: Rejection) -> str:
    """Stable id of a rejected input, so re-ingesting the same bad input adds nothing."""
    digest = hashlib.sha256(f"{rejection.source}\x00{rejection.code}".encode()).hexdigest()
    return "rejected-" + digest[:16]


def open_error(target: str, exc: duckdb.Error) -> StoreError:
    """The error for a failed open: :class:`DatabaseLocked` when another process holds the file."""
    text = str(exc)
    if "Could not set lock" not in text:
        return StoreError(f"cannot open {target}: {exc}", path=target)
    found = re.search(r"\(PID (\d+)\)", text)
    holder = f"process {found.group(1)}" if found else "another process"
    return DatabaseLocked(f"{target} is open in {holder} (a running `petrel serve`?): stop `petrel serve` "
                          "or use --db OTHER", path=target, pid=int(found.group(1)) if found else None)


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
            raise open_error(target, exc) from exc
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
        self._transaction(lambda: [self._insert(table, records) for table, records in tables.items()], refresh)
        result = BatchResult(
            articles=len(docs), rejected=len(rejections), events=len(tables["event_mentions"]),
            quotes=len(tables["quotes"]), mentions=len(tables["mentions"]),
        )
        _log_committed(result)
        return result

    def _transaction(self, write: Callable[[], object], refresh: bool) -> None:
        """``write`` then (with ``refresh``) the derived tables, in one transaction rolled back on failure."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            write()
            if refresh:
                self.refresh_derived()
            self.con.execute("COMMIT")
        except Exception as exc:
            self.con.execute("ROLLBACK")
            raise StoreError(f"writing a batch failed and was rolled back: {exc}") from exc

    def write_tables(self, tables: dict[str, pa.Table], *, refresh: bool = True) -> BatchResult:
        """Write a batch already in Arrow form (a Parquet shard, see ``petrel.store.shards``) in one transaction."""
        unknown = [t for t in tables if t not in _SHARD_TABLES]
        if unknown:
            raise StoreError(f"a shard cannot write table {unknown[0]!r}")
        self._transaction(lambda: [self._insert_arrow(table, data) for table, data in tables.items()], refresh)
        counts = {t: tables[t].num_rows if t in tables else 0 for t in _SHARD_TABLES}
        ok = _ok_articles(tables.get("articles"))
        result = BatchResult(articles=ok, rejected=counts["articles"] - ok, events=counts["event_mentions"],
                             quotes=counts["quotes"], mentions=counts["mentions"])
        _log_committed(result)
        return result

    def arrow_schema(self, table: str) -> pa.Schema:
        """The Arrow schema a batch for ``table`` is written with."""
        return self._arrow_schema(table)

    def refresh_derived(self, *, full: bool = False) -> RefreshSummary:
        """Rebuild events, merges, near-duplicates and stories from the stored mentions.

        Incremental (what new mentions can touch) unless ``full`` (everything, e.g. after changing the
        dedup settings; ``petrel dedup --full``).
        """
        from petrel.dedup import refresh

        return refresh(self.con, self.settings, full=full)

    def _insert(self, table: str, records: list[dict[str, Any]]) -> None:
        if not records:
            return
        self._insert_arrow(table, pa.Table.from_pylist(records, schema=self._arrow_schema(table)))

    def _insert_arrow(self, table: str, data: pa.Table) -> None:
        if not data.num_rows:
            return
        schema = self._arrow_schema(table)
        if not data.schema.equals(schema):  # a batch built here has it already (cast imports pyarrow.compute)
            data = data.select(schema.names).cast(schema)
        with registered(self.con, "_petrel_batch", data) as view:  # a C stream: no pyarrow.compute import
            cols = ", ".join(schema.names)
            verb = "INSERT OR IGNORE" if table in _KEYED_TABLES else "INSERT"
            self.con.execute(f"{verb} INTO {table} ({cols}) SELECT {cols} FROM {view}")  # noqa: S608

    def _arrow_schema(self, table: str) -> pa.Schema:
        """Arrow schema of a table, read from the database so DDL stays the one source of truth."""
        if table not in self._schemas:
            described = self.con.execute(f"DESCRIBE {table}").fetchall()  # noqa: S608 (internal name)
            fields = [pa.field(name, _ARROW_TYPES.get(kind, pa.string())) for name, kind, *_ in described]
            self._schemas[table] = pa.schema(fields)
        return self._schemas[table]
