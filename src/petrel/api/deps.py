"""Request-scoped dependencies: a read-only cursor and the page envelope."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

import duckdb
from fastapi import Depends, Request

from petrel.api.params import Paging, paging
from petrel.store.queries import Page


def cursor(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    """One cursor of the app's read-only connection for the duration of a request."""
    with request.app.state.db.reader() as cur:
        yield cur


Con = Annotated[duckdb.DuckDBPyConnection, Depends(cursor)]
PageParams = Annotated[Paging, Depends(paging)]


def page_out(page: Page, paging_: Paging) -> dict[str, Any]:
    """The page envelope: items, total, page, limit, pages."""
    pages = (page.total + paging_.limit - 1) // paging_.limit
    return {"items": page.items, "total": page.total, "page": paging_.page, "limit": paging_.limit,
            "pages": pages}
