"""Pages and plain rows: what every read query of the store answers with.

:class:`Page` is one page of results with the total; :func:`check_page` and :func:`order_by` check a
page's bounds and a sort key against a constant whitelist (so the only SQL text a query builds from a
user's word comes from a constant table); :func:`dicts` and :func:`jsonable` turn a cursor's rows into
plain, JSON-ready dicts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import duckdb

from petrel.errors import QueryError
from petrel.store.specs import literal, param_error

Row = dict[str, Any]
Params = list[Any]


MAX_LIMIT = 100_000  # the library's cap; the HTTP API sets its own, smaller ones


@dataclass(slots=True)
class Page:
    """One page of results and the total number of matching rows."""

    items: list[Row]
    total: int
    limit: int
    offset: int
    undated: int | None = None  # events of ``total`` without a day (listed last under the date sorts)

    def to_dict(self) -> Row:
        out = {"items": self.items, "total": self.total, "limit": self.limit, "offset": self.offset}
        if self.undated is not None:
            out["undated"] = self.undated
        return out


def check_page(limit: int, offset: int) -> None:
    if not 1 <= limit <= MAX_LIMIT:
        raise QueryError(f"limit must be between 1 and {MAX_LIMIT}", limit=limit)
    if offset < 0:
        raise QueryError("offset must not be negative", offset=offset)


def order_by(sort: str, table: dict[str, str]) -> str:
    if sort not in table:
        raise param_error(f"unknown {{sort}} {literal(sort)}", allowed=list(table))
    return table[sort]


def dicts(cur: duckdb.DuckDBPyConnection) -> list[Row]:
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def json_value(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return value


def jsonable(row: Row) -> Row:
    return {k: json_value(v) for k, v in row.items()}
