"""``/api/events`` and the aggregates the dashboard draws from the same filter."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response

from petrel.api.deps import Cache, Con, PageParams, page_out
from petrel.api.exports import EXPORT_CONTENT, Format, export_response, wanted_format
from petrel.api.params import event_filter
from petrel.api.routing import StrictRoute
from petrel.api.schemas import ERROR_RESPONSES, EventDetailOut, EventPageOut
from petrel.store import queries
from petrel.store.queries import EventFilter

router = APIRouter(prefix="/api", tags=["events"], responses=ERROR_RESPONSES, route_class=StrictRoute)

Filter = Annotated[EventFilter, Depends(event_filter)]
EventSort = Literal[tuple(queries.EVENT_SORTS)]  # type: ignore[valid-type]
SortOrder = Literal["asc", "desc"]
Interval = Literal["day", "week", "month", "year"]
SeriesBy = Literal["quad_class", "type", "status"]


@router.get("/events", response_model=EventPageOut, responses={200: {"content": EXPORT_CONTENT}})
def list_events(request: Request, con: Con, cache: Cache, flt: Filter, paging: PageParams,
                sort: Annotated[EventSort | None, Query(description="sort key, '-' for descending "
                                                        "(default -date: newest first)")] = None,
                order: Annotated[SortOrder | None, Query(description="asc or desc (overrides a '-' in sort)")] = None,
                format: Annotated[Format | None, Query(description="json (a page, the default), or an export "
                                                       "of every matching event: csv, parquet, jsonl")] = None,
                ) -> dict[str, Any] | Response:
    """Events matching every given filter, one page at a time, or exported (CSV, Parquet, JSONL)."""
    key = queries.sort_key(sort, order)
    fmt = wanted_format(request, format)
    if fmt != "json":
        return export_response(con, flt, sort=key, fmt=fmt, paging=paging, cache=cache)
    page = queries.list_events(con, flt, sort=key, limit=paging.limit, offset=paging.offset, cache=cache)
    return page_out(page, paging)


@router.get("/events/{event_id:path}", response_model=EventDetailOut)
def get_event(con: Con, event_id: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
    """One event with all its mentions (sentence, outlet, title), quotes and merge reasons."""
    return queries.get_event(con, event_id)


@router.get("/timeline")
def timeline(con: Con, flt: Filter, interval: Interval = "month", by: SeriesBy = "quad_class") -> dict[str, Any]:
    """Counts of the filtered events per day/week/month/year and per quad class, type or status."""
    return {"interval": interval, "by": by, "series": queries.event_timeline(con, flt, interval=interval, by=by)}


@router.get("/network")
def network(con: Con, flt: Filter,
            limit: Annotated[int, Query(ge=1, le=1000, description="heaviest edges kept")] = 200) -> dict[str, Any]:
    """Source -> target edges of the filtered events, weighted by count, with conflict/cooperation split."""
    return queries.event_network(con, flt, limit=limit)


@router.get("/places")
def places(con: Con, flt: Filter,
           limit: Annotated[int, Query(ge=1, le=1000, description="most frequent places kept")] = 500,
           ) -> dict[str, Any]:
    """Locations of the filtered events that have coordinates, with counts."""
    return {"items": queries.event_places(con, flt, limit=limit)}


@router.get("/dyads")
def dyads(con: Con, cache: Cache, flt: Filter,
          source: Annotated[str, Query(min_length=1, max_length=200, description="actor id, name or country")],
          target: Annotated[str, Query(min_length=1, max_length=200, description="actor id, name or country")],
          interval: Interval = "week", by: SeriesBy = "quad_class",
          directed: Annotated[bool, Query(description="false adds target -> source as 'backward'")] = True,
          ) -> dict[str, Any]:
    """Time series of events from source to target: counts per bucket and class, mean Goldstein score."""
    return queries.dyad_series(con, source, target, interval=interval, by=by, directed=directed, flt=flt,
                               cache=cache)
