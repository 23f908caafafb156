"""From petrel's output to what the scorers compare: :class:`PredictedEvent` records.

This is the one module that runs the pipeline. Texts are coded in batches through
``Pipeline.process_articles`` (one spaCy ``pipe`` call), never one by one. Each event keeps the offsets of
its source and target mentions in the coded text, found among the actor mentions of its evidence
sentence (the very mention object the event was read from, else the nearest mention of the same actor,
else the actor's name searched in the sentence).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from petrel.errors import InputError
from petrel.models import ActorMention, ActorRef, Article, EventMention, ProcessedDocument

if TYPE_CHECKING:
    from petrel.pipeline import Pipeline

log = logging.getLogger(__name__)
Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class PredictedEvent:
    """One extracted event, reduced to what the scorers compare."""

    type: str
    cameo: str | None = None
    source_country: str | None = None
    target_country: str | None = None
    has_target: bool = False
    status: str = "actual"
    date: str | None = None
    sentence: str = ""
    confidence: float = 0.5
    source_span: Span | None = None  # character offsets in the coded text
    target_span: Span | None = None
    source_name: str = ""
    target_name: str = ""

    def describe(self) -> str:
        target = f"{self.target_name}[{self.target_country or '-'}]" if self.has_target else "-"
        return (f"{self.type}/{self.cameo or '-'} {self.source_name}[{self.source_country or '-'}] -> {target}"
                f" ({self.status}{', ' + self.date if self.date else ''})")


def top_event(events: Sequence[PredictedEvent]) -> PredictedEvent | None:
    """The most confident event (the first of equals), or None."""
    best: PredictedEvent | None = None
    for event in events:
        if best is None or event.confidence > best.confidence:
            best = event
    return best


@dataclass(frozen=True, slots=True)
class MentionSpan:
    """One actor mention in a coded text: offsets and how its actor was resolved (kb, context, ...)."""

    start: int
    end: int
    resolution: str


@dataclass(frozen=True, slots=True)
class CodedText:
    """One coded text: the text as the pipeline saw it (after cleaning; offsets point here), its events
    and its actor mentions."""

    text: str
    events: list[PredictedEvent]
    mentions: tuple[MentionSpan, ...] = ()


def code_texts(pipeline: Pipeline, texts: Sequence[str], *, prefix: str) -> list[CodedText]:
    """Code many short texts in one batch, in input order; a text the clean stage rejects codes to nothing."""
    articles: dict[int, Article] = {}
    for i, text in enumerate(texts):
        try:
            articles[i] = make_article(text, doc_id=f"{prefix}-{i}")
        except InputError as exc:
            log.warning("evaluation text %s-%d not coded: %s", prefix, i, exc.one_line())
    coded = dict(zip(articles, pipeline.process_articles(list(articles.values())), strict=True))
    return [_coded_text(coded[i]) if i in coded else CodedText(text, []) for i, text in enumerate(texts)]


def _coded_text(doc: ProcessedDocument) -> CodedText:
    spans = tuple(MentionSpan(m.start, m.end, m.actor.resolution) for m in doc.mentions)
    return CodedText(doc.article.text, predicted_events(doc), spans)


def make_article(text: str, *, doc_id: str, published: str | None = None) -> Article:
    """An article for a sentence or snippet, through the clean stage's light repair."""
    from petrel.clean import article_from_text

    return article_from_text(text, doc_id=doc_id, published=published)


def predicted_events(doc: ProcessedDocument) -> list[PredictedEvent]:
    return [to_predicted(event, doc.mentions) for event in doc.events]


def to_predicted(event: EventMention, mentions: Sequence[ActorMention]) -> PredictedEvent:
    ev = event.evidence
    local = [m for m in mentions if ev.start <= m.start and m.end <= ev.end]
    target = event.target
    return PredictedEvent(
        type=event.type, cameo=event.cameo, source_country=event.source.country,
        target_country=target.country if target else None, has_target=target is not None,
        status=event.status, date=event.date, sentence=ev.sentence, confidence=event.confidence,
        source_span=actor_span(event.source, local, ev.start, ev.sentence, event.evidence.trigger_start),
        target_span=actor_span(target, local, ev.start, ev.sentence, event.evidence.trigger_start),
        source_name=event.source.name, target_name=target.name if target else "",
    )


def actor_span(actor: ActorRef | None, mentions: Sequence[ActorMention], sent_start: int, sentence: str,
               anchor: int | None) -> Span | None:
    """Offsets of the mention an event's actor was read from (see the module docstring)."""
    if actor is None:
        return None
    same = [m for m in mentions if m.actor is actor] or [m for m in mentions if _same_actor(m.actor, actor)]
    if same:
        near = min(same, key=lambda m: abs(m.start - anchor) if anchor is not None else m.start)
        return near.start, near.end
    found = re.search(re.escape(actor.name), sentence) if actor.name else None
    return (sent_start + found.start(), sent_start + found.end()) if found else None


def _same_actor(a: ActorRef, b: ActorRef) -> bool:
    if a.actor_id or b.actor_id:
        return a.actor_id == b.actor_id
    return (a.name, a.country) == (b.name, b.country)
