"""Place names as conflict monitors write them (places10): "the northern Idlib countryside", "Bokkos, Plateau
state", "Taftan county, Sistan and Baluchestan", "Jamundi, Valle del Cauca".

- ``countryside``: "(the) [compass] X countryside" is the rural part of X: a region of X's first-level
  subdivision (X a governorate, or a town whose governorate the gazetteer knows), not the town of X.
- ``joined`` entity spans: the small spaCy model often cuts one name in two ("Sistan" PERSON + "and" +
  "Baluchestan" GPE, "Valle" + "del" + "Cauca"): two entities with at most one joining word between them
  are one name when the whole resolves in the gazetteer.
- ``unit kind``: a name followed by the word for its kind of unit ("Plateau state", "Plateau department")
  is, among same-named subdivisions of several countries, the one ISO 3166-2 calls that kind.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from petrel.geo.gazetteer import Gazetteer
from petrel.geo.qualifiers import doc_text
from petrel.geo.sources import GazEntry

if TYPE_CHECKING:
    from spacy.tokens import Span

COUNTRYSIDE = re.compile(
    r"(?<![\w'\u2019-])(?:(?P<compass>(?i:north|south|east|west|central|northern|southern|eastern|western|"
    r"north-?eastern|north-?western|south-?eastern|south-?western|northeastern|northwestern|southeastern|"
    r"southwestern)\s+)?(?P<name>[A-Z][\w'\u2019-]*(?:\s+(?:[A-Z][\w'\u2019-]*|al|el|ez|az|ar|as|ad)){0,3})"
    r"\s+(?i:countryside))\b")
# words that join the two halves of a name the parser cut ("Sistan and Baluchestan", "Valle del Cauca")
JOINING_WORDS = frozenset({"and", "de", "del", "la", "el", "al", "ez", "az", "ar", "as", "ad", "ed", "du", "des"})
PLACE_LIKE = frozenset({"GPE", "LOC", "FAC", "ORG", "PERSON", "NORP"})
# the word after a name -> the ISO 3166-2 subdivision types it denotes (pycountry ``type``, lower case)
UNIT_TYPES = {
    "state": {"state", "regional state", "federal state", "federal district"},
    "department": {"department", "departamento", "département"},
    "governorate": {"governorate"},
    "province": {"province", "provincia"},
    "region": {"region", "administrative region", "development region"},
    "oblast": {"oblast", "region"},
    "county": {"county"},
    "prefecture": {"prefecture"},
    "division": {"division"},
}


def countryside_spans(sentence: Span) -> list[tuple[int, int, str, str]]:
    """(start, end, text, "countryside") of every "[compass] X countryside" in the sentence."""
    base = sentence.start_char
    return [(base + m.start(), base + m.end(), m.group(0), "countryside")
            for m in COUNTRYSIDE.finditer(sentence.text)]


def countryside_place(text: str, gazetteer: Gazetteer, votes: Mapping[str, float],
                      hint: str | None = None) -> GazEntry | None:
    """"northern Idlib countryside": a region in the first-level subdivision of X (its own when X is one,
    else the town's), named as written, at X's point. ``None`` when X resolves to no such place."""
    m = COUNTRYSIDE.fullmatch(text)
    if m is None:
        return None
    ranked = gazetteer.ranked(m.group("name"), votes=votes, country_hint=hint)
    admin = next((e for e in ranked if e.kind == "admin1"), None)
    town = next((e for e in ranked if e.kind == "city" and e.admin1), None)
    base = admin if admin is not None and (town is None or town.country == admin.country) else town
    if base is None or not base.admin1:
        return None
    return replace(base, name=text, precision="region", kind="region", geonameid=None, population=0,
                   approximate=True)


def joined_spans(sentence: Span, gazetteer: Gazetteer) -> list[tuple[int, int, str, str]]:
    """Spans of two neighbouring entities, with nothing or one joining word between them, whose whole
    resolves to a place the gazetteer knows ("Sistan and Baluchestan", "Valle del Cauca")."""
    doc = sentence.doc
    ents = [e for e in sentence.ents if e.label_ in PLACE_LIKE]
    spans = []
    for first, second in zip(ents, ents[1:]):
        gap = doc[first.end:second.start]
        if len(gap) > 1 or (len(gap) == 1 and gap[0].lower_ not in JOINING_WORDS):
            continue
        if not (first.label_ in ("GPE", "LOC") or second.label_ in ("GPE", "LOC")):
            continue
        text = doc_text(doc)[first.start_char:second.end_char]
        if gazetteer.best(text) is not None:
            spans.append((first.start_char, second.end_char, text, "entity"))
    return spans


@cache
def subdivision_type(code: str) -> str:
    """The ISO 3166-2 type of a subdivision ("NG-PL" -> "state"), lower case; "" when unknown."""
    import pycountry

    sub = pycountry.subdivisions.get(code=code)
    return (getattr(sub, "type", "") or "").lower() if sub is not None else ""


def of_unit_kind(entries: list[GazEntry], unit_word: str) -> list[GazEntry]:
    """``entries`` (best first) with those ISO 3166-2 calls ``unit_word`` ("state") first, when the
    candidates lie in more than one country; otherwise unchanged."""
    types = UNIT_TYPES.get(unit_word.lower())
    if not types or len({e.country for e in entries}) < 2:
        return entries
    matching = [e for e in entries if e.code and subdivision_type(e.code) in types]
    return matching + [e for e in entries if e not in matching] if matching else entries
