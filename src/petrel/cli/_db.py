"""Open the store read-only for listing commands."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from petrel.cli._app import make_settings


@contextmanager
def read_db(db: Path | None) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection to the database named by ``--db`` (or the default)."""
    from petrel.store import Store  # not at import: `petrel ingest` starts faster without it

    settings = make_settings(db)
    with Store.open(settings.db_path, settings=settings, read_only=True) as store:
        yield store.con
