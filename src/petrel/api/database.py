"""The server's read-only database handle: one DuckDB connection, one cursor per request.

DuckDB allows one read-write opener of a file, and in one process all connections to a file must share
one configuration. So the server holds a single read-only connection and hands each request its own
cursor (a cursor is a thread-safe duplicate of the connection). ``POST /api/documents`` needs to write:
:meth:`Database.exclusive` waits for the requests in flight, closes the read-only connection, lets the
ingest open the file read-write, then reopens it read-only.

With each opening comes a fresh :class:`QueryCache` (totals, actor id lookups, the date span): the
file cannot change while the server holds it open, so the cache is dropped exactly when the server's
own ingest writes.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from petrel.errors import StoreError
from petrel.store.cache import QueryCache
from petrel.store.schema import check_schema_version


class Database:
    """A read-only DuckDB file shared by the request threads of one app."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._cond = threading.Condition()
        self._readers = 0
        self._writing = False
        self._con: duckdb.DuckDBPyConnection | None = self._open()
        self._cache = QueryCache()

    def _open(self) -> duckdb.DuckDBPyConnection:
        if not self.path.exists():
            raise StoreError(f"no database at {self.path}: run `petrel ingest` first", path=str(self.path))
        try:
            con = duckdb.connect(str(self.path), read_only=True)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open {self.path} read-only: {exc}", path=str(self.path)) from exc
        try:
            check_schema_version(con)
        except StoreError:
            con.close()
            raise
        return con

    @contextmanager
    def reader(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor of the read-only connection for one request."""
        with self._cond:
            self._cond.wait_for(lambda: not self._writing)
            self._readers += 1
            con = self._connection()
        cur = con.cursor()
        try:
            yield cur
        finally:
            cur.close()
            with self._cond:
                self._readers -= 1
                self._cond.notify_all()

    @property
    def cache(self) -> QueryCache:
        """The query cache of the current opening; read it while holding a :meth:`reader` cursor."""
        return self._cache

    @contextmanager
    def exclusive(self) -> Iterator[None]:
        """Close the read-only connection while the caller writes the file; reopen it afterwards."""
        with self._cond:
            self._cond.wait_for(lambda: not self._writing)
            self._writing = True
            self._cond.wait_for(lambda: self._readers == 0)
            self._close_connection()
        try:
            yield
        finally:
            with self._cond:
                try:
                    self._cache = QueryCache()
                    self._con = self._open()
                finally:
                    self._writing = False
                    self._cond.notify_all()

    def _connection(self) -> duckdb.DuckDBPyConnection:
        if self._con is None:
            self._con = self._open()
        return self._con

    def _close_connection(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

    def close(self) -> None:
        with self._cond:
            self._close_connection()
