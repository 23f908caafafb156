"""Event coding: quotes, triggers, arguments and status -> PLOVER/CAMEO event mentions.

Public API: :class:`EventStage` and :class:`QuoteStage` (pipeline stages), :class:`Lexicon` (the compiled
verb/noun lexicon and CAMEO table), :class:`MentionIndex` (token -> actor mentions) and
:func:`status_of` (grammatical status of a trigger). See ``docs/coding.md``.
"""

from petrel.coding.arguments import MentionIndex
from petrel.coding.events import EventStage
from petrel.coding.lexicon import CameoInfo, Lexicon, Pattern
from petrel.coding.quotes import QuoteStage
from petrel.coding.status import Status, status_of

__all__ = ["CameoInfo", "EventStage", "Lexicon", "MentionIndex", "Pattern", "QuoteStage", "Status", "status_of"]
