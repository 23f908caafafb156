"""An event's parties, decided once: the last step of the events stage, after every sentence is coded.

The events stage codes a document sentence by sentence; what a later sentence reads of an earlier one
(:func:`petrel.coding.unnamed.remember_doers`, :func:`petrel.coding.story.remember_told`) is the parties as
the parse gave them. Before the events leave the stage, each one's parties are settled here, in this
order, each step reading what the one before it gave and handing its answer on (none edits an event):

1. where it struck: an unidentified perpetrator takes the country of the place its text states
   (:func:`petrel.coding.unnamed.located_attacker`, rules ``unknown-agent``/``device-agent``);
2. where it happens: parties known only by their sector take the country of the event's place, and a
   protest at nobody named is addressed to that place's government (:func:`petrel.coding.located.located_parties`,
   with ``Settings.sector_actors``; rule ``protested-government``);
3. whom the source stands for (:func:`petrel.coding.sides.settled_source`: ``unknown-perpetrator``,
   ``armed-state``, ``policing-forces``) and what the target is (:func:`petrel.coding.targets.settled_target`:
   ``target-kind``, ``mobilized-forces``).

The places come from the places resolver the pipeline shares with the places stage
(:meth:`petrel.geo.stage.PlaceResolver.hints_of`): the places stage hands what it knows forward through it
and never edits an actor. The event that leaves the stage is built once, with its final parties
(:func:`settle_parties`); later stages add their own fields (date, place) and never write its parties.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from petrel.coding import located, sides, targets, unnamed
from petrel.coding.rules import PROTESTED_GOVERNMENT
from petrel.models import EventMention, PlaceHints

Hints = Callable[[EventMention], PlaceHints]  # where an event's text (or article) puts it


@dataclass(frozen=True, slots=True)
class Settling:
    """What :func:`settle_parties` reads besides the event: the place hints (None: no places resolver) and
    what the rule modules ask of the stage."""

    hints: Hints | None
    on: Callable[[str], bool]
    country_name: Callable[[str], str]
    is_state_name: Callable[[str], bool]
    sector_actors: bool


def settle_parties(event: EventMention, how: Settling) -> EventMention:
    """``event`` with its final parties (and provenance, when a step adds its rule): a new record when a step
    changed anything, else ``event`` itself; ``event`` is never edited."""
    source, target, provenance = event.source, event.target, event.provenance
    seen = event
    if how.hints is not None:
        hints = how.hints
        source = unnamed.located_attacker(event, lambda e: hints(e).stated)
        seen = _as(event, source, target, provenance)
        if how.sector_actors:
            found = located.located_parties(seen, hints, how.country_name, protests=how.on(PROTESTED_GOVERNMENT))
            source, target, provenance = found.source, found.target, found.provenance
            seen = _as(seen, source, target, provenance)
    source = sides.settled_source(seen, on=how.on, is_state_name=how.is_state_name)
    target = targets.settled_target(seen, target, on=how.on)
    return _as(event, source, target, provenance)


def _as(event: EventMention, source, target, provenance) -> EventMention:  # noqa: ANN001 - its own fields
    """``event`` with these parties: itself when they are its own."""
    if source is event.source and target is event.target and provenance is event.provenance:
        return event
    return replace(event, source=source, target=target, provenance=provenance)
