"""Pydantic models of the API's answers (they document ``/openapi.json``; extra fields pass through)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class ActorOut(_Open):
    name: str
    actor_id: str | None = None
    country: str | None = None
    sector: list[str] = []


class PlaceOut(_Open):
    name: str | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str | None = None
    basis: str | None = None  # sentence|paragraph|dateline|document


class EvidenceOut(_Open):
    doc_id: str
    sentence: str | None = None
    start: int | None = None
    end: int | None = None
    trigger: str | None = None
    trigger_start: int | None = None


class MentionOut(_Open):
    """One reporting document with its own evidence: what that outlet said."""

    doc_id: str
    outlet: str | None = None
    published: str | None = None
    mention_id: str | None = None
    sentence: str | None = None
    start: int | None = None
    end: int | None = None
    trigger: str | None = None
    trigger_start: int | None = None


class RuleOut(_Open):
    """A rule that shaped the event, with its registry entry (``petrel.coding.rules``)."""

    id: str
    stage: str | None = None  # None: an id this petrel no longer registers (a store written by an older one)
    doc: str | None = None


class WhyOut(_Open):
    """Why the event exists (its representative mention's ``petrel.models.Provenance``)."""

    rules: list[RuleOut] = []  # outermost first
    entry: str | None = None  # the lexicon entry that fired (event-model:CODE: the model proposed it)
    repeats: list[list[str]] = []
    model_label: str | None = None  # the event model's reading of the sentence, when it took part
    model_score: float | None = None
    blend: str | None = None  # kept|proposed|relabelled; None when the model took no part


class EventOut(_Open):
    """One event in the event JSONL contract shape, plus quad class, Goldstein score and story."""

    event_id: str
    type: str
    mode: str | None = None
    context: list[str] = []
    cameo: str | None = None
    status: str
    source: ActorOut | None = None
    target: ActorOut | None = None
    date: str | None = None
    date_precision: str | None = None
    place: PlaceOut | None = None
    evidence: EvidenceOut | None = None
    mentions: list[MentionOut] = []
    num_articles: int
    num_sources: int
    confidence: float | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    story_id: str | None = None
    provenance: list[str] | None = None  # the rules then the entry (null: stored before schema 5)
    repeats: list[list[str]] | None = None
    why: WhyOut | None = None  # the same, typed, with the model's part (null: stored before schema 5)


class MergeOut(_Open):
    """Why one report joined the event (``merge_log``), with words for both reports."""

    mention_id: str
    merged_with: str | None = None
    reason: str | None = None
    score: float | None = None
    kind: str  # first, identical or similar
    summary: str  # one readable line, e.g. 'Northern Wire ("Title", 2024-01-05) joined the report of ...'
    doc_id: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None
    merged_with_doc_id: str | None = None
    merged_with_outlet: str | None = None
    merged_with_title: str | None = None
    merged_with_published: str | None = None


class EventDetailOut(EventOut):
    event_mentions: list[dict[str, Any]] = []
    quotes: list[dict[str, Any]] = []
    merges: list[MergeOut] = []


class PageOut(_Open):
    items: list[dict[str, Any]]
    total: int
    page: int
    limit: int
    offset: int = 0
    pages: int


class EventPageOut(PageOut):
    items: list[EventOut]  # type: ignore[assignment]
    undated: int | None = None  # matching events without a day (listed last under the date sorts)


class ErrorBody(BaseModel):
    code: str
    message: str
    detail: dict[str, Any] = {}


class ErrorOut(BaseModel):
    """The one error shape of every answer with a 4xx or 5xx status."""

    error: ErrorBody


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorOut, "description": "invalid parameter (E400)"},
    404: {"model": ErrorOut, "description": "not found (E404)"},
}
