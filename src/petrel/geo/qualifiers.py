"""Places that the text qualifies by a larger one: "Kalu village (Hays district, Abyan governorate)",
"in Bint Jbeil, Nabatieh", "the Sheikh Othman district of Aden city", "Burkina Faso's Sahel region".

- A *qualifier* is a known city or subdivision (or, for a name the gazetteer does not know, a country)
  that follows a place name after a comma, an opening parenthesis or "of"/"in", with at most the place's
  own kind word ("village", "district") and one intermediate named unit ("Hays district,") between them.
  The qualified name keeps its own text and takes the qualifier's country and admin1: an unknown village
  of a known province, or a known name of another country or province (a homonym: "Al-Qahirah district
  of Taiz" is not Cairo).
- A *possessor* country ("Burkina Faso's") says in which country the possessed name lies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from petrel.geo.gazetteer import Gazetteer
from petrel.geo.sources import GazEntry

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

UNIT_WORDS = (r"(?:village|town|city|district|sub-?district|county|township|municipality|commune|area|"
              r"neighbou?rhood|locality|settlement|camp|region|province|governorate|state|division|tehsil|"
              r"ward|quarter|suburb|oblast|raion|department|prefecture)")
_NAME = r"[A-Z][\w'\u2019.-]*(?:\s+(?:[A-Z][\w'\u2019.-]*|al|el|de|du|of))*"
# What may stand between a place and its qualifier.
BETWEEN = re.compile(
    rf"^\s*(?:{UNIT_WORDS}\s*)?(?:,\s*(?:in\b)?|\(|\bof\b|\bin\b)\s*(?:the\s+)?"
    rf"(?:{_NAME}\s+{UNIT_WORDS}\s*[,;]\s*)?$", re.IGNORECASE)
UNIT_END = re.compile(rf"\b{UNIT_WORDS}\s*$", re.IGNORECASE)
UNIT_START = re.compile(rf"\s*{UNIT_WORDS}\b", re.IGNORECASE)
POSSESSOR = re.compile(rf"(?P<name>{_NAME})\s*['\u2019]s\s*$")
TEXT_KEY = "petrel.geo.text"
QUALIFYING_KINDS = frozenset({"city", "admin1", "admin2"})


@dataclass(frozen=True, slots=True)
class Span:
    """A place name in the text: its offsets, text, what it resolved to (``None``: unknown) and its head."""

    start: int
    end: int
    text: str
    entry: GazEntry | None
    head: Token


def qualifier_of(doc: Doc, span: Span, known: list[Span]) -> Span | None:
    """The known place that qualifies ``span``: the last of those after it that the text between them
    allows (:data:`BETWEEN`), the larger unit of "Kalu village (Hays district, Abyan governorate)"."""
    found = None
    for other in known:
        if other.start < span.end or other.entry is None:
            continue
        between = doc_text(doc)[span.end:other.start]
        if len(between) > 80:
            break
        if BETWEEN.match(between) and ("," in between or "(" in between or names_a_unit(span.text, between)):
            found = other
    return found


def names_a_unit(text: str, between: str) -> bool:
    """"Sheikh Othman district of Aden", not "the Giants Brigades in Mocha": before "of" or "in", only a
    name said to be a village, district, ... is inside the next place."""
    return bool(UNIT_END.search(text) or UNIT_START.match(between))


def qualified(span: Span, qualifier: Span, gazetteer: Gazetteer) -> GazEntry | None:
    """The entry of ``span`` as its qualifier places it, or ``None`` when it stands as resolved."""
    outer, inner = qualifier.entry, span.entry
    if outer is None or outer.country is None or (inner is not None and inner.kind == "country"):
        return None
    if inner is not None and inner.country == outer.country and (
            outer.kind in ("city", "country") or inner.admin1 in (None, outer.admin1)):
        return None  # consistent: "Djibo, in the Sahel region"
    if outer.kind == "country":  # "Tripoli, Lebanon": the name in that country, else a place in it
        same = [e for e in gazetteer.ranked(span.text) if e.country == outer.country and e.kind != "country"]
        if same:
            return same[0]
        return replace(outer, name=span.text, kind="qualified", geonameid=None, approximate=True, population=0)
    if outer.kind not in QUALIFYING_KINDS and not (outer.kind == "region" and outer.admin1):
        return None  # a region within one subdivision ("eastern Deir ez-Zor countryside") places a village too
    precision = "admin1" if outer.precision in ("city", "point", "admin1") or outer.kind == "region" \
        else outer.precision
    return replace(outer, name=span.text, precision=precision, kind="qualified", geonameid=None,
                   approximate=True, population=0)


def doc_text(doc: Doc) -> str:
    """``doc.text``, kept in the doc's user data: spaCy joins every token again on each ``doc.text``."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def possessor_country(doc: Doc, start: int, gazetteer: Gazetteer) -> str | None:
    """The country named as the possessor right before ``start`` ("Burkina Faso's Sahel region")."""
    window = doc_text(doc)[max(0, start - 60):start]
    if not window.rstrip().endswith(("'s", "\u2019s")):
        return None  # no possessive right before: skip the (slow, anchored at the end) search
    m = POSSESSOR.search(window)
    if m is None:
        return None
    entry = gazetteer.best(m.group("name"))
    return entry.country if entry is not None and entry.kind == "country" else None
