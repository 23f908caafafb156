"""The server's database handle: one DuckDB connection, one cursor per request, and reads never wait.

DuckDB allows one read-write opener of a file (or any number of read-only ones), and in one process all
connections to a file share one database instance and one configuration. So the server opens the file
once and hands each request its own cursor (a thread-safe duplicate of the connection):

- **read-only** when ingest through the API is off (no ``api_token``): the file cannot change while the
  server holds it, and other processes may read it too;
- **read-write** when ingest is on: the ingest job (one background writer, :mod:`petrel.api.jobs`)
  opens the same file through the same instance, and DuckDB's MVCC gives every read statement a
  consistent snapshot while a write transaction runs. A read never waits for a write, and a write never
  waits for reads: there is no lock between them, so they cannot deadlock. (An earlier design closed the
  read-only handle for each write and made readers wait for it; under load it deadlocked.)

Every wait that remains is bounded: a query that runs longer than ``query_timeout`` seconds is
interrupted by a watchdog thread and answered with a 503 (``E503``), and after :meth:`close` a reader
gets a 503 at once.

With each state of the file comes a fresh :class:`QueryCache` (totals, actor id lookups, the date span)
and a new :attr:`generation` number: :meth:`changed` is called after every write of the server's own
ingest, the only way the file changes while the server holds it.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from petrel.errors import ServiceBusy, StoreError
from petrel.store.cache import QueryCache
from petrel.store.schema import check_schema_version
from petrel.store.store import open_error

log = logging.getLogger(__name__)
WATCH_INTERVAL = 0.2  # seconds between two looks of the watchdog at the running queries


class Database:
    """A DuckDB file shared by the request threads of one app (read-only unless ``writable``)."""

    def __init__(self, path: str | Path, *, writable: bool = False, query_timeout: float = 30.0) -> None:
        self.path = Path(path)
        self.writable = writable
        self.query_timeout = query_timeout
        self.generation = 0
        self._lock = threading.Lock()
        self._running: dict[int, tuple[duckdb.DuckDBPyConnection, float]] = {}
        self._closed = threading.Event()
        self._con: duckdb.DuckDBPyConnection = self._open()
        self._cache = QueryCache()
        self._watchdog = threading.Thread(target=self._watch, name="petrel-query-watchdog", daemon=True)
        self._watchdog.start()

    @property
    def read_only(self) -> bool:
        return not self.writable

    def _open(self) -> duckdb.DuckDBPyConnection:
        if not self.path.exists():
            raise StoreError(f"no database at {self.path}: run `petrel ingest` first", path=str(self.path))
        try:
            con = duckdb.connect(str(self.path), read_only=not self.writable)
        except duckdb.Error as exc:
            raise open_error(str(self.path), exc) from exc
        cur = con.cursor()  # a pending result keeps its transaction open: the cursor is closed at once
        try:
            check_schema_version(cur)
        except StoreError:
            con.close()
            raise
        finally:
            cur.close()
        return con

    @contextmanager
    def reader(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor for one request; its queries are interrupted after ``query_timeout`` seconds."""
        if self._closed.is_set():
            raise ServiceBusy("the server is shutting down", retry_after=5)
        cur = self._con.cursor()
        with self._lock:
            self._running[id(cur)] = (cur, time.monotonic() + self.query_timeout)
        try:
            yield cur
        finally:
            with self._lock:
                self._running.pop(id(cur), None)
            cur.close()

    @property
    def cache(self) -> QueryCache:
        """The query cache of the current state of the file."""
        return self._cache

    def changed(self) -> None:
        """The server's own ingest wrote the file: drop cached answers, start a new generation."""
        with self._lock:
            self._cache = QueryCache()
            self.generation += 1

    def _watch(self) -> None:
        while not self._closed.wait(WATCH_INTERVAL):
            now = time.monotonic()
            with self._lock:
                late = [(key, cur) for key, (cur, deadline) in self._running.items() if deadline < now]
                for key, _ in late:
                    self._running.pop(key, None)  # interrupted once; the request answers 503
            for _, cur in late:
                log.warning("interrupting a query that ran longer than %.1f s", self.query_timeout)
                _interrupt(cur)

    def close(self) -> None:
        """Interrupt the running queries and close the connection; later readers get a 503."""
        if self._closed.is_set():
            return
        self._closed.set()
        with self._lock:
            running = [cur for cur, _ in self._running.values()]
            self._running.clear()
        for cur in running:
            _interrupt(cur)
        self._con.close()


def _interrupt(cur: duckdb.DuckDBPyConnection) -> None:
    try:
        cur.interrupt()
    except duckdb.Error:  # the cursor finished and closed meanwhile
        pass
