"""Query parameters shared by routes, validated at the edge and turned into library records."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Query

from petrel.errors import QueryError
from petrel.models import PLOVER_TYPES, STATUSES
from petrel.store.queries import EventFilter
from petrel.store.specs import relabel

MAX_PAGE_SIZE = 200
_SPEC = "actor id, name or alias, country code or name"
_FROM = "events ending on or after this day: YYYY-MM-DD, YYYY-MM (its first day) or YYYY"
_TO = "events starting on or before this day: YYYY-MM-DD, YYYY-MM (its last day) or YYYY"
Text = Annotated[str | None, Query(min_length=1, max_length=200)]


def event_filter(
    actor: Annotated[str | None, Query(min_length=1, max_length=200, description=f"either side: {_SPEC}")] = None,
    source: Annotated[str | None, Query(min_length=1, max_length=200, description=f"source: {_SPEC}")] = None,
    target: Annotated[str | None, Query(min_length=1, max_length=200, description=f"target: {_SPEC}")] = None,
    country: Annotated[str | None, Query(min_length=2, max_length=100,
                                         description="country of either side: code (IRQ, IQ), name or demonym")] = None,
    type: Annotated[list[str], Query(max_length=16, description="PLOVER types (repeat or comma-separate): "
                                     + ", ".join(PLOVER_TYPES))] = [],  # noqa: B006 (FastAPI copies defaults)
    quad_class: Annotated[list[int], Query(max_length=4, description="1 verbal cooperation, 2 material "
                                           "cooperation, 3 verbal conflict, 4 material conflict")] = [],  # noqa: B006
    status: Annotated[list[str], Query(max_length=6, description="statuses: " + ", ".join(STATUSES))] = [],  # noqa: B006
    date_from: Annotated[str | None, Query(min_length=1, max_length=30, description=f"{_FROM} (also `from`)")] = None,
    date_to: Annotated[str | None, Query(min_length=1, max_length=30, description=f"{_TO} (also `to`)")] = None,
    from_: Annotated[str | None, Query(alias="from", min_length=1, max_length=30, description=_FROM)] = None,
    to: Annotated[str | None, Query(min_length=1, max_length=30, description=_TO)] = None,
    place: Annotated[str | None, Query(min_length=1, max_length=200, description="place name or place country code")] = None,
    outlet: Annotated[str | None, Query(min_length=1, max_length=200, description="reported by this outlet")] = None,
    text: Annotated[str | None, Query(min_length=1, max_length=200, description="words in an evidence sentence")] = None,
    story_id: Annotated[str | None, Query(min_length=1, max_length=200, description="events of this story")] = None,
    doc_id: Annotated[str | None, Query(min_length=1, max_length=200, description="events coded from this document")] = None,
) -> EventFilter:
    """The event filter every event route accepts (E400 naming the parameter for a bad value)."""
    labels = {"date_from": "from" if from_ else "date_from", "date_to": "to" if to else "date_to"}
    for given, alias in ((date_from, from_), (date_to, to)):
        if given and alias:
            raise QueryError("give `from` or `date_from` (and `to` or `date_to`), not both")
    try:
        return EventFilter(actor=actor, source=source, target=target, country=country,
                           type=_split(type, "type", 16), quad_class=quad_class, status=_split(status, "status", 6),
                           date_from=from_ or date_from, date_to=to or date_to, place=place, outlet=outlet,
                           text=text, story_id=story_id, doc_id=doc_id)
    except QueryError as exc:
        raise relabel(exc, labels) from None


def _split(values: list[str], name: str, cap: int) -> list[str]:
    """Repeated and comma-separated values as one list; more than ``cap`` items in all is E400."""
    parts = [part for value in values for part in value.split(",", cap) if part.strip()]
    if len(parts) > cap:
        raise QueryError(f"invalid {name}: at most {cap} values (repeated or comma-separated)", param=name, cap=cap)
    return parts


@dataclass(frozen=True, slots=True)
class Paging:
    """Which rows: ``limit`` rows from ``offset``; ``page`` is the page holding the first row.

    ``explicit`` says whether the request named ``page``, ``limit`` or ``offset`` (an export without
    them writes every matching row).
    """

    page: int
    limit: int
    offset: int
    explicit: bool = False


def paging(
    page: Annotated[int | None, Query(ge=1, le=1_000_000, description="page number, from 1")] = None,
    limit: Annotated[int | None, Query(ge=1, le=MAX_PAGE_SIZE,
                                       description=f"rows per page (at most {MAX_PAGE_SIZE}, default 50)")] = None,
    offset: Annotated[int | None, Query(ge=0, le=200_000_000, description="rows to skip (instead of `page`)")] = None,
) -> Paging:
    if page is not None and offset is not None:
        raise QueryError("give `page` or `offset`, not both")
    size = limit or 50
    start = offset if offset is not None else ((page or 1) - 1) * size
    return Paging(page=start // size + 1, limit=size, offset=start,
                  explicit=any(v is not None for v in (page, limit, offset)))
