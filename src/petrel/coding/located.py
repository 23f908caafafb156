"""Parties known only by what they are take the country of where the event happens.

"Regime forces shelled the town", "demonstrators marched through central Nairobi", "four farmers were
killed": the party has sectors but neither a country nor a knowledge-base id. It belongs to the country of
the place the event's own text states (its sentence, else the dateline), else, for domestic sectors (not
armed forces, which may be anybody's), of the place the article happens in. Its text stays as written; its
resolution becomes ``place``. A phrase that says it is foreign ("foreign troops", "coalition jets") takes no
country from the place, nor does a body that works across borders ("human rights groups", "aid agencies":
sectors NGO, HRI, IGO). A protest that names nobody it is against is addressed to the government of the
country where its text places it (rule ``protested-government``; the parties step does the same where an
actor mention names the place); a government does not protest at its own.

:func:`located_parties` gives an event's parties as the place makes them, from the places resolver's hints
(``petrel.geo.stage``); it edits nothing: :mod:`petrel.coding.settle` builds the event's final parties
from what it returns. The places stage itself only sets ``event.place``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from petrel.coding.rules import PROTESTED_GOVERNMENT
from petrel.models import ActorRef, EventMention, Place, PlaceHints, Provenance

# a phrase that says its party is not of the place ("foreign troops", "a Saudi-led coalition jet")
FOREIGN_WORDS = frozenset({"foreign", "international", "coalition", "western", "multinational", "allied",
                           "overseas", "peacekeeping", "peacekeepers", "-led", "-backed"})
# sectors whose unowned members belong where they act; armed forces may be anybody's when no place is said
DOMESTIC_SECTORS = frozenset({"CVL", "COP", "GOV", "REB", "OPP", "PTY", "BUS", "LAB", "EDU", "JUD", "LEG", "REL",
                              "MED", "HLH", "AGR", "INS", "CRM", "REF", "SPY"})
STATE_SECTORS = frozenset({"GOV", "MIL", "COP"})
# sectors of bodies that work across borders: "human rights groups", "aid agencies" take no country from the
# place they report on, only from their own words ("Kenyan rights groups")
STATELESS_SECTORS = frozenset({"NGO", "HRI", "IGO"})
# a weapon with no owner named ("a drone struck a car in Nabatieh", "two drones targeted the airport") is
# nobody's of the place it struck: it keeps no country
WEAPON_WORDS = frozenset({"drone", "drones", "missile", "missiles", "rocket", "rockets", "jet", "jets", "warplane",
                          "warplanes", "aircraft", "bomber", "bombers", "gunship", "gunships", "mortar", "mortars",
                          "shell", "shells", "artillery", "helicopter", "helicopters"})
# the forces a story's own country fields, unowned: "security forces", "the army", "soldiers" (not a weapon)
HOME_FORCES = frozenset({"security forces", "army", "military", "soldiers", "troops", "forces", "police",
                         "policemen", "gendarmes", "soldier"})


def sector_only(party: ActorRef | None) -> bool:
    """A party with sectors but neither a country nor an id, whose words do not say it is foreign."""
    if party is None or party.country or party.actor_id or not party.sector:
        return False
    words = party.name.lower()
    return not any(w in words for w in FOREIGN_WORDS)


@dataclass(frozen=True, slots=True)
class Located:
    """An event's parties as its place makes them, and its provenance (with ``protested-government``)."""

    source: ActorRef
    target: ActorRef | None
    provenance: Provenance


def located_parties(event: EventMention, hints: Callable[[EventMention], PlaceHints],
                    country_name: Callable[[str], str], *, protests: bool) -> Located:
    """Sector-only parties with their country and a target-less protest addressed (see the module
    docstring); ``event`` is read, never edited."""
    found = Located(event.source, event.target, event.provenance)
    needs_party = sector_only(event.source) or sector_only(event.target)
    needs_target = protests and event.type == "PROTEST"
    if not (needs_party or needs_target):
        return found
    hint = hints(event)
    if needs_party:
        found = located_sector_parties(found, hint.stated, hint.fallback)
    if needs_target:
        found = addressed_protest(found, event.type, hint.stated, country_name)
    return found


def located_sector_parties(found: Located, stated: Place | None, fallback: Place | None) -> Located:
    source = _placed(found.source, stated, fallback)
    target = found.target
    placed_target = _placed(target, stated, fallback)
    if placed_target is not target and not (source.country == placed_target.country
                                            and set(source.sector) == set(target.sector)):
        target = placed_target  # else "regime forces clashed with other forces": no party against itself
    return replace(found, source=source, target=target)


def _placed(party: ActorRef | None, stated: Place | None, fallback: Place | None) -> ActorRef | None:
    """A sector-only party with the country of the event's stated place, else (domestic sectors, home
    forces) of the article's; any other party as it is."""
    if (not sector_only(party) or _weapon(party) or _shipping(party)
            or STATELESS_SECTORS.intersection(party.sector)):
        return party
    place = stated if stated is not None and stated.country else None
    if place is None and fallback is not None and fallback.country and (
            DOMESTIC_SECTORS.intersection(party.sector) or _home_forces(party)):
        place = fallback
    if place is None:
        return party
    return replace(party, country=place.country, sector=list(party.sector), resolution="place")


def addressed_protest(found: Located, event_type: str, stated: Place | None,
                      country_name: Callable[[str], str]) -> Located:
    target = found.target  # a bare place name the coder took for a party ("blocked roads near Lyon") is none
    if event_type != "PROTEST" or stated is None or not stated.country:
        return found
    if target is not None and target.name != stated.name and (target.country or target.actor_id or target.sector):
        return found
    if found.source.country == stated.country and STATE_SECTORS & set(found.source.sector):
        return found
    government = ActorRef(f"government of {country_name(stated.country)}", None, stated.country, ["GOV"], "place")
    return Located(found.source, government, found.provenance.with_rule(PROTESTED_GOVERNMENT))


def _weapon(party: ActorRef) -> bool:
    """"a drone", "two explosive-laden drones", "Israeli drone" (owned: not sector-only): a weapon alone."""
    words = party.name.lower().split()
    return bool(words) and words[-1] in WEAPON_WORDS


def _home_forces(party: ActorRef) -> bool:
    """"security forces", "the army", "soldiers" with no owner are the story's own country's."""
    name = " ".join(w for w in party.name.lower().split() if w not in ("the", "a", "an"))
    return any(name == w or name.endswith(" " + w) for w in HOME_FORCES)


def _shipping(party: ActorRef) -> bool:
    """"attacking shipping", "seized a tanker": business at sea is nobody's of the place it was hit."""
    return party.sector == ["BUS"] and party.name.lower().split()[-1:] in (["shipping"], ["tanker"], ["tankers"],
                                                                         ["ship"], ["ships"], ["vessel"], ["vessels"])
