"""Event coding: quotes, triggers, arguments and status -> PLOVER/CAMEO event mentions.

Public API: :class:`EventStage` and :class:`QuoteStage` (pipeline stages), :class:`Lexicon` (the compiled
verb/noun lexicon and CAMEO table), :class:`MentionIndex` (token -> actor mentions) and
:func:`status_of` (grammatical status of a trigger). See ``docs/coding.md``.

The names load on first use (PEP 562), so a reader of the rule registry (:mod:`petrel.coding.rules`: the
store and the API name each rule of an event's provenance) does not import spaCy with this package.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from petrel.coding.arguments import MentionIndex
    from petrel.coding.events import EventStage
    from petrel.coding.lexicon import CameoInfo, Lexicon, Pattern
    from petrel.coding.quotes import QuoteStage
    from petrel.coding.status import Status, status_of

_HOME = {"MentionIndex": "arguments", "EventStage": "events", "CameoInfo": "lexicon", "Lexicon": "lexicon",
         "Pattern": "lexicon", "QuoteStage": "quotes", "Status": "status", "status_of": "status"}

__all__ = ["CameoInfo", "EventStage", "Lexicon", "MentionIndex", "Pattern", "QuoteStage", "Status", "status_of"]


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module 'petrel.coding' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"petrel.coding.{_HOME[name]}"), name)
    globals()[name] = value
    return value
