"""Actor resolution: mentions of named actors, countries, context actors and coreferent phrases.

``ActorStage(settings, kb)(state)`` appends :class:`~petrel.models.ActorMention` records to
``state.mentions``; :func:`actors_in_doc` lists a document's distinct actors. See ``docs/actors.md``.
"""

from __future__ import annotations

from petrel.actors.context import CONTEXT_PREFIX, context_id
from petrel.actors.stage import ActorStage, actors_in_doc

__all__ = ["CONTEXT_PREFIX", "ActorStage", "actors_in_doc", "context_id"]
