"""Coarser aggregates for the dashboard: the rolled-up network, places per country/admin1, time extent."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query

from petrel.api.deps import Con
from petrel.api.params import event_filter
from petrel.api.routing import StrictRoute
from petrel.api.schemas import ERROR_RESPONSES
from petrel.store import overview
from petrel.store.queries import EventFilter

router = APIRouter(prefix="/api", tags=["overview"], responses=ERROR_RESPONSES, route_class=StrictRoute)

Filter = Annotated[EventFilter, Depends(event_filter)]


@router.get("/network/rollup")
def network_rollup(con: Con, flt: Filter,
                   level: Annotated[Literal["actor", "country", "sector"],
                                    Query(description="node grain: actor, country, or country + sector")] = "country",
                   limit: Annotated[int, Query(ge=1, le=1000, description="heaviest edges kept")] = 200,
                   ) -> dict[str, Any]:
    """Source -> target edges with actors rolled up to countries (default) or country + sector."""
    return overview.rolled_network(con, flt, level=level, limit=limit)


@router.get("/places/summary")
def places_summary(con: Con, flt: Filter,
                   level: Annotated[Literal["country", "admin1"], Query(description="country or admin1")] = "country",
                   limit: Annotated[int, Query(ge=1, le=1000, description="largest areas kept")] = 500,
                   ) -> dict[str, Any]:
    """Event counts per place country or admin1 with counts per type; markers for point/city places."""
    return overview.place_aggregates(con, flt, level=level, limit=limit)


@router.get("/timeline/extent")
def timeline_extent(con: Con, flt: Filter) -> dict[str, Any]:
    """The corpus's reporting window and how many filtered events fall in it, before it, or have no date."""
    return overview.time_extent(con, flt)
