"""Query parameters shared by routes, validated at the edge and turned into library records."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated

from fastapi import Query

from petrel.errors import QueryError
from petrel.models import PLOVER_TYPES, STATUSES
from petrel.store.queries import EventFilter

MAX_PAGE_SIZE = 200
Text = Annotated[str | None, Query(min_length=1, max_length=200)]


def event_filter(
    actor: Annotated[str | None, Query(min_length=1, max_length=200,
                                       description="actor id, name or country code, on either side")] = None,
    source: Annotated[str | None, Query(min_length=1, max_length=200,
                                        description="source actor id, name or country code")] = None,
    target: Annotated[str | None, Query(min_length=1, max_length=200,
                                        description="target actor id, name or country code")] = None,
    country: Annotated[str | None, Query(min_length=2, max_length=3, pattern="^[A-Za-z]{2,3}$",
                                         description="country code of either side")] = None,
    type: Annotated[list[str], Query(max_length=16, description="PLOVER types (repeat or comma-separate): "
                                     + ", ".join(PLOVER_TYPES))] = [],  # noqa: B006 (FastAPI copies defaults)
    quad_class: Annotated[list[int], Query(max_length=4, description="1 verbal cooperation, 2 material "
                                           "cooperation, 3 verbal conflict, 4 material conflict")] = [],  # noqa: B006
    status: Annotated[list[str], Query(max_length=6, description="statuses: " + ", ".join(STATUSES))] = [],  # noqa: B006
    date_from: Annotated[date | None, Query(description="events ending on or after this day")] = None,
    date_to: Annotated[date | None, Query(description="events starting on or before this day")] = None,
    place: Annotated[str | None, Query(min_length=1, max_length=200, description="place name or place country code")] = None,
    outlet: Annotated[str | None, Query(min_length=1, max_length=200, description="reported by this outlet")] = None,
    text: Annotated[str | None, Query(min_length=1, max_length=200, description="words in an evidence sentence")] = None,
    story_id: Annotated[str | None, Query(min_length=1, max_length=200, description="events of this story")] = None,
    doc_id: Annotated[str | None, Query(min_length=1, max_length=200, description="events coded from this document")] = None,
) -> EventFilter:
    """The event filter every event route accepts (raises E400 for unknown types or statuses)."""
    return EventFilter(actor=actor, source=source, target=target, country=country, type=_split(type, "type", 16),
                       quad_class=quad_class, status=_split(status, "status", 6), date_from=date_from, date_to=date_to,
                       place=place, outlet=outlet, text=text, story_id=story_id, doc_id=doc_id)


def _split(values: list[str], name: str, cap: int) -> list[str]:
    """Repeated and comma-separated values as one list; more than ``cap`` items in all is E400."""
    parts = [part for value in values for part in value.split(",", cap) if part.strip()]
    if len(parts) > cap:
        raise QueryError(f"invalid {name}: at most {cap} values (repeated or comma-separated)", param=name, cap=cap)
    return parts


@dataclass(frozen=True, slots=True)
class Paging:
    page: int
    limit: int

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.limit


def paging(
    page: Annotated[int, Query(ge=1, le=1_000_000, description="page number, from 1")] = 1,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE, description=f"rows per page (at most {MAX_PAGE_SIZE})")] = 50,
) -> Paging:
    return Paging(page=page, limit=limit)
