"""What a document carries through the per-document stages: :class:`DocState`, and the :class:`Stage`
protocol every stage meets. Stages import this module, never :mod:`petrel.pipeline` (which runs them).

=========  ==========================  =====================================
stage      reads                       adds
=========  ==========================  =====================================
actors     doc, article                state.mentions (ActorMention)
model      doc, mentions               state.predictions (SentencePrediction)
quotes     doc, article, mentions      state.quotes (Quote)
events     doc, article (and through   state.events (EventMention, no date/place yet; its
           the place hints its         parties decided once, petrel.coding.settle)
           dateline), mentions,
           quotes, predictions
dates      doc, article.published      event.date, event.date_precision; overrides status
places     doc, article, events        event.place
=========  ==========================  =====================================

A stage adds what it owns and never writes what an earlier stage set: what a later stage knows that an
earlier one needs goes forward through a shared resolver (the places resolver's hints give the events
stage the countries of parties known only by their sector; the places stage never edits an actor). The
one exception is declared on the stage as ``overrides`` (the dates stage may turn an ``actual`` event
``historical`` once it has a date); ``tests/test_state.py`` runs the stages and fails when one writes a
field it neither adds nor overrides.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from petrel.models import ActorMention, Article, EventMention, ProcessedDocument, Quote, SentencePrediction

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(slots=True)
class DocState:
    """A document on its way through the per-document stages."""

    article: Article
    doc: Doc
    mentions: list[ActorMention] = field(default_factory=list)
    predictions: list[SentencePrediction] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    #: character spans the pre-filter parsed (``petrel.prefilter``); None when the whole document was parsed
    parsed: tuple[tuple[int, int], ...] | None = None

    def is_parsed(self, start_char: int) -> bool:
        """Whether the sentence starting at ``start_char`` was fully parsed (the pre-filter may skip some)."""
        return self.parsed is None or any(a <= start_char < b for a, b in self.parsed)

    def result(self) -> ProcessedDocument:
        return ProcessedDocument(self.article, self.mentions, self.quotes, self.events)


class Stage(Protocol):
    name: str
    reads: tuple[str, ...]
    adds: tuple[str, ...]  # ``X`` (a DocState list) or ``event.X`` (a field of the events another stage added)
    # optional ``overrides``: fields an earlier stage set that this one may rewrite, each explained where declared

    def __call__(self, state: DocState) -> None: ...
