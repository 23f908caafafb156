"""People of a town live in its country: "residents of Bannu", "villagers from Gao" (issue 11).

The small spaCy model often misses a town's name ("Bannu" gets no entity), so the phrase "residents of
Bannu" stays without a country and the focus rule (or the events stage's place hints) could give it
another country the story names more often. A people noun (an agent noun of the civilian sector:
residents, villagers, families, people) with an "of", "from" or "in" object that is a proper name the
gazetteer knows as a country, a province or a town of 100,000 people or more (``town_country``, the strict
lookup also used for institutions named after a town) takes that country, resolution ``country``. A name
the knowledge base lists as an actor is not a place here ("supporters of Hamas").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc, Token

from petrel.actors.found import Found

RESIDENCE_PREPS = frozenset({"of", "from", "in"})
PEOPLE_SECTORS = frozenset({"CVL"})


def people_of_towns(doc: Doc, found: list[Found], town_country: Callable[[str], str | None] | None,
                    is_actor: Callable[[str], bool]) -> list[Found]:
    """``found`` with people phrases of a known town given its country."""
    if town_country is None:
        return found
    return [_placed(doc, f, town_country, is_actor) if _unowned_people(f) else f for f in found]


def _unowned_people(f: Found) -> bool:
    return f.ref.country is None and not f.ref.actor_id and bool(PEOPLE_SECTORS & set(f.ref.sector))


def _placed(doc: Doc, f: Found, town_country: Callable[[str], str | None], is_actor: Callable[[str], bool]) -> Found:
    head = doc[f.head]
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in RESIDENCE_PREPS:
            continue
        for obj in prep.children:
            name = _proper_name(obj)
            if obj.dep_ != "pobj" or name is None or is_actor(name):
                continue
            country = town_country(name)
            if country:
                return replace(f, ref=replace(f.ref, country=country, sector=list(f.ref.sector), resolution="country"))
    return f


def _proper_name(tok: Token) -> str | None:
    """"Bannu", "Lakki Marwat": the proper noun with its compound proper nouns, else None."""
    if tok.pos_ != "PROPN":
        return None
    parts = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < tok.i] + [tok]
    return " ".join(t.text for t in sorted(parts, key=lambda t: t.i))
