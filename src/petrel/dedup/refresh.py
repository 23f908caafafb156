"""``refresh``: near-duplicates, then event merging, then stories, in one transaction.

The store calls it inside its own batch transaction (``Store.write_batch``); called on a bare connection
it opens and commits (or rolls back) its own. DuckDB cannot nest transactions and a failed ``BEGIN``
aborts the enclosing one, so whether a transaction is open is probed first: in autocommit mode every
statement gets a new transaction id, inside an explicit transaction the id stays the same.
"""

from __future__ import annotations

import logging
import time

import duckdb

from petrel.config import Settings
from petrel.dedup.merge import merge_events
from petrel.dedup.minhash import MinHasher
from petrel.dedup.neardup import find_near_duplicates
from petrel.dedup.records import RefreshSummary
from petrel.dedup.stories import build_stories

log = logging.getLogger(__name__)


def in_transaction(con: duckdb.DuckDBPyConnection) -> bool:
    """True when an explicit transaction is open on ``con``."""
    first = con.execute("SELECT txid_current()").fetchone()[0]
    second = con.execute("SELECT txid_current()").fetchone()[0]
    return bool(first == second)


def refresh(con: duckdb.DuckDBPyConnection, settings: Settings | None = None, *, full: bool = False,
            hasher: MinHasher | None = None) -> RefreshSummary:
    """Rebuild the derived tables after a batch: near-duplicates, events and merge_log, stories.

    Incremental by default (only new articles are hashed, only the blocks touched by new mentions are
    re-clustered); ``full=True`` recomputes everything, e.g. after changing the dedup settings.
    """
    settings = settings or Settings()
    if in_transaction(con):
        return _run(con, settings, full, hasher)
    con.execute("BEGIN TRANSACTION")
    try:
        summary = _run(con, settings, full, hasher)
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
    return summary


def _run(con: duckdb.DuckDBPyConnection, settings: Settings, full: bool,
         hasher: MinHasher | None) -> RefreshSummary:
    summary = RefreshSummary()
    started = time.perf_counter()
    summary.near_dups = find_near_duplicates(con, settings, hasher=hasher, full=full)
    summary.seconds["near_dups"] = time.perf_counter() - started
    started = time.perf_counter()
    summary.merges = merge_events(con, settings, full=full)
    summary.seconds["merge"] = time.perf_counter() - started
    started = time.perf_counter()
    summary.stories = build_stories(con, settings)
    summary.seconds["stories"] = time.perf_counter() - started
    con.execute("DROP TABLE IF EXISTS dd_changed_docs")
    log.info("dedup refresh: %s", summary.to_dict())
    return summary
