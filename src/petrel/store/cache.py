"""``QueryCache``: answers that only change when the database is written, kept for one read-only connection.

A page of events needs, besides its rows, the total number of matches, which of the filter's actor specs
are actor ids and the newest event date. Each is one more statement per request, and on a busy server
every statement also waits its turn in DuckDB's scheduler. The HTTP server keeps one cache per opening of
its connection and drops it when its own ingest endpoint writes (``Database.changed``), the
only way the file changes while the server holds it. Entries are keyed by the complete validated filter,
the cache is bounded (least recently used entries go first) and safe to share between request threads.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

T = TypeVar("T")
MAX_ENTRIES = 4096


class QueryCache:
    """A bounded, thread-safe memo of query answers for one unchanging database state."""

    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        if max_entries < 1:
            raise ValueError("max_entries must be at least 1")
        self.max_entries = max_entries
        self._entries: OrderedDict[Hashable, object] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """The cached answer for ``key``, computing (outside the lock) and storing it on a miss."""
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                self.hits += 1
                return self._entries[key]  # type: ignore[return-value]
            self.misses += 1
        value = compute()
        with self._lock:
            self._entries[key] = value
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)
        return value

    def __len__(self) -> int:
        return len(self._entries)


__all__ = ["MAX_ENTRIES", "QueryCache"]
