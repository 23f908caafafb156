"""``/api/stories``"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query

from petrel.api.deps import Con, PageParams, page_out
from petrel.api.routing import StrictRoute
from petrel.api.schemas import ERROR_RESPONSES, PageOut
from petrel.store import queries

router = APIRouter(prefix="/api", tags=["stories"], responses=ERROR_RESPONSES,
                   route_class=StrictRoute)

StorySort = Literal[tuple(queries.STORY_SORTS)]  # type: ignore[valid-type]


@router.get("/stories", response_model=PageOut)
def list_stories(con: Con, paging: PageParams,
                 q: Annotated[str | None, Query(min_length=1, max_length=200, description="words in the title")] = None,
                 sort: StorySort = "-published") -> dict[str, Any]:
    """Stories: articles and events grouped by dedup."""
    page = queries.list_stories(con, q=q, sort=sort, limit=paging.limit, offset=paging.offset)
    return page_out(page, paging)


@router.get("/stories/{story_id:path}")
def get_story(con: Con, story_id: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
    """One story with its articles in publication order and its events in date order."""
    return queries.story_timeline(con, story_id)
