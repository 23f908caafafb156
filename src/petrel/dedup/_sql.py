"""Small helpers to move Arrow/NumPy data in and out of DuckDB in bulk."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import duckdb
import numpy as np
import pyarrow as pa

from petrel.store.arrow import registered


def temp_table(con: duckdb.DuckDBPyConnection, name: str, data: pa.Table) -> None:
    """(Re)create temp table ``name`` from an Arrow table in one statement."""
    with registered(con, f"_petrel_dedup_{name}", data) as view:
        con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT * FROM {view}")  # noqa: S608 (internal)


def insert_arrow(con: duckdb.DuckDBPyConnection, table: str, data: pa.Table) -> None:
    """Bulk insert an Arrow table whose column names match ``table``'s."""
    if data.num_rows == 0:
        return
    with registered(con, f"_petrel_dedup_ins_{table}", data) as view:
        cols = ", ".join(data.column_names)
        con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM {view}")  # noqa: S608 (internal)


def arrays(con: duckdb.DuckDBPyConnection, sql: str, params: list | None = None) -> dict[str, np.ndarray]:
    """Every column of a query as NumPy arrays keyed by name."""
    table = con.execute(sql, params or []).fetch_arrow_table()
    return {name: table.column(name).to_numpy(zero_copy_only=False) for name in table.column_names}


def drop_temp(con: duckdb.DuckDBPyConnection, *names: str) -> None:
    for name in names:
        con.execute(f"DROP TABLE IF EXISTS {name}")


@contextmanager
def written_join_order(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """Run the statements inside with their joins in the order written (DuckDB's join-order optimizer off).

    Inside the refresh's transaction DuckDB sees no statistics for the temp tables made in it, and for the
    pair test it joined the two node sides on the test's own equalities (``a.sgroup = b.sgroup``: every
    node with every node) before the candidate list: 20 s instead of 0.4 s for 7,450 candidate pairs
    (2026-12-07). Written as ``candidates JOIN a JOIN b``, each join is a lookup by node id.
    """
    con.execute("SET disabled_optimizers = 'join_order'")
    try:
        yield
    finally:
        con.execute("RESET disabled_optimizers")
