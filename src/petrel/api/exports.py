"""Event exports over HTTP: ``GET /api/events?format=csv|parquet|jsonl`` (or an ``Accept`` header).

The body streams: rows are read from DuckDB in batches and written as they come (CSV and JSONL a batch
of rows at a time, Parquet a row group at a time), so an export of every event does not sit in memory.
The filter is resolved and the query run before the response starts, so a bad filter is still a
plain 400 with the JSON error shape. The columns are the CLI's (:mod:`petrel.export`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from itertools import chain
from typing import Any, Literal

import duckdb
from fastapi import Request
from fastapi.responses import StreamingResponse

from petrel.api.params import Paging
from petrel import export
from petrel.export import CSV_MEDIA_TYPE, PARQUET_MEDIA_TYPE, iter_csv, iter_parquet
from petrel.store.cache import QueryCache
from petrel.store.queries import EventFilter, iter_events

Format = Literal["json", "csv", "parquet", "jsonl"]
JSONL_MEDIA_TYPE = "application/x-ndjson"
ACCEPTED: dict[str, Format] = {
    "application/json": "json", "text/csv": "csv", PARQUET_MEDIA_TYPE: "parquet", "application/x-parquet": "parquet",
    JSONL_MEDIA_TYPE: "jsonl", "application/jsonl": "jsonl",
}
MEDIA_TYPES: dict[str, str] = {"csv": CSV_MEDIA_TYPE, "parquet": PARQUET_MEDIA_TYPE, "jsonl": JSONL_MEDIA_TYPE}
EXPORT_CONTENT: dict[str, Any] = {CSV_MEDIA_TYPE.split(";")[0]: {}, PARQUET_MEDIA_TYPE: {}, JSONL_MEDIA_TYPE: {}}


def wanted_format(request: Request, given: Format | None) -> Format:
    """``format`` when given, else the first media type of ``Accept`` that petrel writes, else JSON."""
    if given:
        return given
    for part in request.headers.get("accept", "").split(","):
        media = part.split(";")[0].strip().lower()
        if media in ACCEPTED:
            return ACCEPTED[media]
    return "json"


def export_response(con: duckdb.DuckDBPyConnection, flt: EventFilter, *, sort: str, fmt: Format,
                    paging: Paging, cache: QueryCache | None = None) -> StreamingResponse:
    """The streamed export of the events ``flt`` keeps; every one unless the request named a page."""
    window = {"limit": paging.limit, "offset": paging.offset} if paging.explicit else {}
    records = iter_events(con, flt, sort=sort, cache=cache, **window)
    first = next(records, None)  # runs the query now: a bad filter is a 400, not a broken download
    rows: Iterator[dict[str, Any]] = chain([first], records) if first is not None else iter(())
    batch = export.BATCH_ROWS
    if fmt == "csv":
        body: Iterator[Any] = (chunk.encode("utf-8") for chunk in iter_csv(rows, batch_rows=batch))
    elif fmt == "parquet":
        body = iter_parquet(rows, batch_rows=batch)
    else:
        body = (json.dumps(r, ensure_ascii=False, default=str).encode("utf-8") + b"\n" for r in rows)
    headers = {"Content-Disposition": f'attachment; filename="petrel-events.{fmt}"'}
    return StreamingResponse(body, media_type=MEDIA_TYPES[fmt], headers=headers)


__all__ = ["EXPORT_CONTENT", "Format", "export_response", "wanted_format"]
