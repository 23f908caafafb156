"""Places written as a list of administrative units are places, not parties (rule ``place-list``).

Conflict monitors locate an event by a chain of units: "in Kauran Namoda LGA, Zamfara state", "the
outskirts of Ain Issa, Tell Abiad district, Raqqa governorate", "in Gazipur, Dhaka division", "in Bhamo,
Kachin state". The actors stage reads some links of such a chain as parties ("Zamfara state" as a
government by its word "state", "Dhaka division" as an army unit, "Ain Issa" as an unresolved name), and
the event coder then takes them as the target of the act ("bandits killed six villagers in ... Zamfara
state" aimed at a state government). The events stage does not see these mentions as parties:

- a name headed by a unit word ("Zamfara state", "Borno State", "Hawija district", "Bryansk oblast",
  "Bokkos LGA"), not a knowledge-base actor ("Islamic State"); "division", "department", "region",
  "territory" and "zone" count only in lower case ("Dhaka division", not "the 3rd Armored Division" or "the
  State Department");
- a name with no country, no sector and no id directly followed by ", <unit>" ("Ain Issa, Tell Abiad
  district"): the first link of the chain;
- a country named as the owner of the place of the act ("kills four in Syria's Manbij", "in Colombia's
  Guaviare department", "in Niger's north"): it qualifies the place, it is no target;
- a capitalised name, not a knowledge-base actor, whose unit word follows it outside the mention ("Shirak"
  of "Gyumri, Shirak province", which the actors stage read without its word).

A unit the actors stage resolved as a place (resolution ``country``) stays where it stands alone ("in Zamfara
state", "shelled Homs governorate": the coder reads the place of the act, or its residents as the target); as
a later link of a chain, after a comma ("in Harib district, Marib governorate") it goes, or the coder takes it
for the act's object. The stored mentions are unchanged (the actors table still lists them); the places stage
reads the units.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from petrel.actors.context import CONTEXT_PREFIX
from petrel.models import ActorMention

#: unit words that name a place whatever their case after a proper name ("Borno State", "Kirkuk province")
UNIT_WORDS = frozenset({"governorate", "province", "district", "state", "oblast", "lga", "county", "township",
                        "prefecture", "subdistrict", "sub-district", "muhafazah", "wilayah", "krai", "raion",
                        "rayon", "tehsil", "upazila", "commune", "municipality"})
#: unit words that name a place only in lower case ("Dhaka division"; "Armored Division" is an army unit)
LOWER_UNIT_WORDS = frozenset({"division", "department", "region", "territory", "zone"})


def is_unit_word(word: str) -> bool:
    """Whether ``word`` (as written) is an administrative unit word (see the module docstring)."""
    return word.lower() in UNIT_WORDS or word in LOWER_UNIT_WORDS


def _span(doc: Doc, mention: ActorMention) -> Span | None:
    return doc.char_span(mention.start, mention.end, alignment_mode="expand")


def _names_a_unit(span: Span) -> bool:
    """"Zamfara state", "Hawija district": a capitalised name and then its unit word."""
    words = [t for t in span if not t.is_punct and t.lower_ != "'s"]
    return len(words) >= 2 and words[-1] == span.root and is_unit_word(words[-1].text) \
        and words[0].text[:1].isupper() and words[0].lower_ not in ("the", "a", "an")


def _chain_head(doc: Doc, span: Span) -> bool:
    """"Ain Issa, Tell Abiad district": a name followed by a comma and a unit of the chain."""
    i = span.end
    if i >= len(doc) or doc[i].text != ",":
        return False
    for j in range(i + 1, min(i + 6, len(doc))):
        if doc[j].is_punct:
            return False
        if is_unit_word(doc[j].text) and j > i + 1:
            return True
    return False


#: prepositions that place an act ("in Syria's Manbij")
PLACING_PREPS = frozenset({"in", "near", "at", "inside", "outside", "across", "around", "throughout", "into"})
#: nouns of a part of a country a country's name may own ("in Syria's north", "in Sudan's capital")
PLACE_PARTS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                         "capital", "city", "town", "village", "border", "coast", "interior", "heartland"})


def _owns_a_place(span: Span) -> bool:
    """"in Syria's Manbij", "in Colombia's Guaviare department", "in Niger's north": a country named as the
    owner of a place where the act happened qualifies that place; it is no party to the act."""
    root = span.root
    if root.dep_ != "poss":
        return False
    owner = root.head
    place = owner.pos_ == "PROPN" or is_unit_word(owner.text) or owner.lower_ in PLACE_PARTS
    return place and owner.dep_ == "pobj" and owner.head.lower_ in PLACING_PREPS


def is_listed_place(doc: Doc, mention: ActorMention) -> bool:
    """Whether ``mention`` is a link of a chain of administrative units (see the module docstring)."""
    actor = mention.actor
    if actor.actor_id is not None and not actor.actor_id.startswith(CONTEXT_PREFIX):
        return False  # a knowledge-base actor (an id the story made up for an unknown name does not count)
    span = _span(doc, mention)
    if span is None or not len(span):
        return False
    if actor.resolution == "country" and _owns_a_place(span):
        return True
    if _names_a_unit(span):  # a place the index reads as one stays, unless it is a later link of a chain
        return actor.resolution != "country" or (span.start > 0 and doc[span.start - 1].text == ",")
    if span.end < len(doc) and is_unit_word(doc[span.end].text) and span[0].text[:1].isupper():
        return True  # "residents of Gyumri, Shirak province": the name read without its unit word
    return actor.country is None and not actor.sector and _chain_head(doc, span)


def party_mentions(doc: Doc, mentions: list[ActorMention]) -> list[ActorMention]:
    """``mentions`` without the links of administrative place chains."""
    return [m for m in mentions if not is_listed_place(doc, m)]
