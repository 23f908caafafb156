"""Request-scoped dependencies: a database cursor and the page envelope."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any

import duckdb
from fastapi import Depends, Request

from petrel.api.params import Paging, paging
from petrel.store.cache import QueryCache
from petrel.store.queries import Page


def cursor(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    """One cursor of the app's connection for the duration of a request (see ``petrel.api.database``)."""
    db = request.app.state.db
    with db.reader() as cur:
        request.state.query_cache = db.cache  # taken while reading, so it matches this connection
        yield cur


Con = Annotated[duckdb.DuckDBPyConnection, Depends(cursor)]


def query_cache(request: Request, _: Con) -> QueryCache:
    """The query cache of the connection the request's cursor came from (depends on the cursor)."""
    return request.state.query_cache  # type: ignore[no-any-return]


Cache = Annotated[QueryCache, Depends(query_cache)]
PageParams = Annotated[Paging, Depends(paging)]


def page_out(page: Page, paging_: Paging) -> dict[str, Any]:
    """The page envelope: items, total, page, limit, offset, pages."""
    pages = (page.total + paging_.limit - 1) // paging_.limit
    out = {"items": page.items, "total": page.total, "page": paging_.page, "limit": paging_.limit,
           "offset": paging_.offset, "pages": pages}
    if page.undated is not None:
        out["undated"] = page.undated
    return out
