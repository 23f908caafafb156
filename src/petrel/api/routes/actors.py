"""``/api/actors`` (ids may hold ``/``: ``/{actor_id}/events`` is matched first, then ``/{actor_id}``)"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query

from petrel.api.deps import Con, PageParams, page_out
from petrel.api.routing import StrictRoute
from petrel.api.schemas import ERROR_RESPONSES, EventPageOut, PageOut
from petrel.store import queries
from petrel.store.specs import ActorIndex, resolve_country

router = APIRouter(prefix="/api", tags=["actors"], responses=ERROR_RESPONSES, route_class=StrictRoute)

ActorId = Annotated[str, Path(max_length=200)]
ActorSort = Literal[tuple(queries.ACTOR_SORTS)]  # type: ignore[valid-type]
EventSort = Literal[tuple(queries.EVENT_SORTS)]  # type: ignore[valid-type]


@router.get("/actors", response_model=PageOut)
def list_actors(con: Con, paging: PageParams,
                q: Annotated[str | None, Query(min_length=1, max_length=200, description="name, alias or id")] = None,
                country: Annotated[str | None, Query(min_length=2, max_length=100,
                                                     description="country code, name or demonym")] = None,
                sort: ActorSort = "-events") -> dict[str, Any]:
    """Known actors with their event counts."""
    code = resolve_country(country, ActorIndex.read(con)) if country else None
    page = queries.list_actors(con, q=q, country=code, sort=sort, limit=paging.limit, offset=paging.offset)
    return page_out(page, paging)


@router.get("/actors/{actor_id:path}/events", response_model=EventPageOut)
def actor_events(con: Con, actor_id: ActorId, paging: PageParams,
                 role: Literal["any", "source", "target"] = "any", sort: EventSort = "-date") -> dict[str, Any]:
    """Events of one actor, as source, target or either."""
    page = queries.actor_events(con, actor_id, role=role, sort=sort, limit=paging.limit, offset=paging.offset)
    return page_out(page, paging)


@router.get("/actors/{actor_id:path}")
def get_actor(con: Con, actor_id: ActorId) -> dict[str, Any]:
    """One actor: counts as source and target, by quad class, first/last dates, top counterparts."""
    return queries.get_actor(con, actor_id)
