"""What a document carries through the per-document stages: :class:`DocState`, and the :class:`Stage`
protocol every stage meets. Stages import this module, never :mod:`petrel.pipeline` (which runs them).

=========  ==========================  =====================================
stage      reads                       adds
=========  ==========================  =====================================
actors     doc, article                state.mentions (ActorMention)
model      doc, mentions               state.predictions (SentencePrediction)
quotes     doc, article, mentions      state.quotes (Quote)
events     doc, article (and through   state.events (EventMention, no date/place yet)
           the place hints its
           dateline), mentions,
           quotes, predictions
dates      doc, article.published      event.date, event.date_precision, may adjust status
places     doc, article, events        event.place
=========  ==========================  =====================================
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
    adds: tuple[str, ...]

    def __call__(self, state: DocState) -> None: ...
