"""What a target is, from the words that name it, once a document's events have their parties (probe16).

Asked by :mod:`petrel.coding.settle` after the sides (:mod:`petrel.coding.sides`), each step a registered rule
(:mod:`petrel.coding.rules`) that ``Settings.disabled_rules`` may switch off:

- ``target-kind``: a target of force or coercion (ASSAULT, COERCE, THREATEN) that the words give a country
  but no sector ("Armenian positions", "a Pakistani border post", "a Palestinian teenager", "the southern
  Lebanese town") takes the sector its head noun names: a military site or unit (positions, a post, a base,
  a checkpoint, a convoy, a patrol) is ``MIL``; a person named by age or sex, a settlement or a civil
  building (a teenager, women, a village, a market, homes) is ``CVL``; so are prisoners and hostages, also
  when released (RETREAT, CAMEO 0841: "released 90 Palestinian prisoners"). Targets with a knowledge-base id or
  a sector already, and any other head noun, are left alone.
- ``mobilized-forces``: the troops a MOBILIZE event moves are its means, not its target: "Russia massed
  troops near the border", "Serbia raised the readiness of its army", "Russia keeps 1,500 troops in X"
  have no target (the place may have lent the troops a country; the source is left as it is).

Written from the side probe (tests/data/probe_sides.jsonl), whose sentences were written for petrel.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from petrel.coding import rules as R
from petrel.models import ActorRef, EventMention

FORCE_TYPES = frozenset({"ASSAULT", "COERCE", "THREATEN"})
MILITARY_SITES = frozenset({"position", "positions", "post", "posts", "outpost", "outposts", "base", "bases",
                            "checkpoint", "checkpoints", "barracks", "convoy", "convoys", "patrol", "patrols",
                            "garrison", "garrisons", "trench", "trenches", "unit", "units"})
CIVIL_WORDS = frozenset({"teenager", "teenagers", "teen", "teens", "boy", "boys", "girl", "girls", "child",
                         "children", "woman", "women", "man", "men", "youth", "youths", "elder", "elders",
                         "town", "towns", "village", "villages", "city", "cities", "neighbourhood",
                         "neighbourhoods", "neighborhood", "neighborhoods", "camp", "camps", "market", "markets",
                         "home", "homes", "house", "houses", "hospital", "hospitals", "school", "schools",
                         "mosque", "mosques", "church", "churches", "hamlet", "hamlets", "settlement",
                         "settlements", "prisoner", "prisoners", "hostage", "hostages", "detainee", "detainees",
                         "captive", "captives"})
RELEASE_CODE = "0841"  # a release: the people freed are what the target is
FORCE_WORDS = frozenset({"troop", "troops", "force", "forces", "soldier", "soldiers", "army", "armies",
                         "reservist", "reservists", "reserves", "conscripts", "unit", "units", "peacekeepers",
                         "warship", "warships", "jets", "tanks", "battalion", "battalions", "brigade", "brigades"})


def _head(name: str) -> str:
    words = name.lower().replace("-", " ").split()
    return words[-1] if words else ""


def target_kind(event_type: str, target: ActorRef | None, cameo: str | None = None) -> ActorRef | None:
    """The target with the sector its head noun names (rule ``target-kind``), or as it was."""
    release = event_type == "RETREAT" and (cameo or "").startswith(RELEASE_CODE)
    if target is None or not (event_type in FORCE_TYPES or release) or target.sector or target.actor_id \
            or not target.country:
        return target
    head = _head(target.name)
    if head in MILITARY_SITES:
        return replace(target, sector=["MIL"])
    if head in CIVIL_WORDS:
        return replace(target, sector=["CVL"])
    return target


def is_mobilized_force(event_type: str, target: ActorRef | None) -> bool:
    """"troops", "its army", "300,000 reservists" as the target of a MOBILIZE event (rule ``mobilized-forces``)."""
    return event_type == "MOBILIZE" and target is not None and not target.actor_id \
        and _head(target.name) in FORCE_WORDS


def settled_target(event: EventMention, target: ActorRef | None, *, on: Callable[[str], bool]) -> ActorRef | None:
    """``target`` (the event's, as the place made it) once the rules of the module docstring have read its
    words (``event`` is read, never edited: :mod:`petrel.coding.settle` builds the final parties)."""
    if on(R.TARGET_KIND):
        target = target_kind(event.type, target, event.cameo)
    if on(R.MOBILIZED_FORCES) and is_mobilized_force(event.type, target):
        target = None
    return target
