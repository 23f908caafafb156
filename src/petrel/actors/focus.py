"""The country a document is about, for actors the text leaves without one.

News tells "militants attacked a checkpoint" without saying whose militants when the whole story is
set in one country. The focus is the country named most often as a place ("in Iraq", a capital after
"in", the dateline, demonym place nouns, "the Colombian border city"; with a gazetteer also towns and
provinces, "near Monguno in Borno state"), when no other country is named as often. Unowned phrases of domestic sectors (rebels, police,
protesters, officials...) take it with resolution "context"; military phrases do not, since foreign
troops are the usual exception ("the 5,200 troops" in a story set in Iraq are American).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from petrel.actors.found import Found
from petrel.actors.phrases import SPEECH_VERBS
from petrel.kb import COUNTRY_ID_PREFIX

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from petrel.kb import KnowledgeBase

PLACE_PREPS = frozenset({"in", "inside", "across", "throughout", "within"})
NEAR_PREPS = frozenset({"near", "outside", "around"})  # for towns and provinces only: "near Monguno"
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
PLACE_NOUNS = frozenset({"city", "town", "village", "province", "region", "district", "state", "capital",
                         "port", "border", "countryside", "frontier", "camp"})
PlaceCountry = Callable[[str], "str | None"]
NOT_DOMESTIC = frozenset({"MIL", "IGO", "NGO"})
NON_STATES = frozenset({"IGO", "NGO", "IMG", "MNC"})
# Modifiers naming a continent or a group of countries: "European diplomats", "Arab foreign ministers".
SUPRANATIONAL = frozenset({"european", "african", "asian", "arab", "western", "latin", "middle", "gulf", "nordic",
                           "scandinavian", "baltic", "balkan", "international", "foreign", "regional", "global",
                           "world", "allied", "coalition", "multinational"})
MIN_PLACE_MENTIONS = 1
DATELINE_WEIGHT = 2


def focus_country(doc: Doc, kb: KnowledgeBase, dateline: str | None = None,
                  place_country: PlaceCountry | None = None) -> str | None:
    """The country named most often as a place ("in Iraq"; the dateline counts twice), if more than any other.

    Once is enough (measured: a single "in <country>" lifts PLOVER source/target country accuracy and
    ConfliBERT span F1 over requiring two); a tie gives no focus. ``place_country`` (a gazetteer lookup,
    name -> ISO alpha-3) lets towns and provinces count for their country.
    """
    counts: Counter[str] = Counter(_place_countries(doc, kb))
    counts.update(_demonym_places(doc, kb))
    if place_country is not None:
        counts.update(_subnational_countries(doc, kb, place_country))
    place = kb.country_for_term(dateline) if dateline else None
    if place:
        counts[place] += DATELINE_WEIGHT
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < MIN_PLACE_MENTIONS or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def _place_countries(doc: Doc, kb: KnowledgeBase) -> list[str]:
    """Countries of the entities named as places ("in Iraq", "in Lima"), also inside an actor's phrase
    ("lawmakers in Peru")."""
    codes = []
    for ent in doc.ents:
        root = ent.root
        if ent.ent_id_ and not ent.ent_id_.startswith(COUNTRY_ID_PREFIX):
            continue  # a listed actor or place name, not a country term
        if _named_as_place(root, PLACE_PREPS):
            code = kb.country_for_term(ent.text)  # normalised: "the Philippines" is a key
            codes += [code] if code else []
    return codes


def _named_as_place(root, preps: frozenset[str]) -> bool:  # noqa: ANN001
    """"in Iraq", and a name before its place noun: "in Borno state", "in Khyber Pakhtunkhwa province"."""
    if root.dep_ == "compound" and root.head.lemma_.lower() in PLACE_NOUNS:
        root = root.head
    return root.dep_ == "pobj" and root.head.lower_ in preps


def _subnational_countries(doc: Doc, kb: KnowledgeBase, place_country: PlaceCountry) -> list[str]:
    """Countries of towns and provinces named as places ("in Borno state", "near Monguno")."""
    codes = []
    for ent in doc.ents:
        root = ent.root
        if ent.label_ not in PLACE_LABELS or ent.ent_id_ or kb.country_for_term(ent.text):
            continue  # countries are counted already; listed actors are not places
        if _named_as_place(root, PLACE_PREPS | NEAR_PREPS):
            code = place_country(ent.text)
            codes += [code] if code else []
    return codes


def _demonym_places(doc: Doc, kb: KnowledgeBase) -> list[str]:
    """"the Colombian border city", "a Nigerian village": the demonym's country."""
    codes = []
    for tok in doc:
        if tok.lemma_.lower() in PLACE_NOUNS:
            for child in tok.children:
                code = kb.country_for_term(child.text) if child.dep_ == "amod" and child.i < tok.i else None
                codes += [code] if code else []
    return codes


def apply_focus(found: list[Found], country: str | None, *, subjects_only: bool = False,
                doc: Doc | None = None) -> list[Found]:
    """Give the focus country to unowned phrases of domestic sectors, and to a people called ethnic
    ("ethnic Albanians" in a story set in Serbia live in Serbia) whatever its place in the clause.

    ``subjects_only`` narrows it to phrases that are the subject of their clause ("Militants attacked"),
    or that share their sentence with the focus country as a place ("... arrested students in Iraq";
    needs ``doc``): the doer of a story's events is most often local, a phrase in passing less so.
    """
    if country is None:
        return found
    local = _sentences_placing(doc, found, country) if doc is not None else set()

    def takes_focus(f: Found) -> bool:
        if f.minority:
            return f.ref.country != country  # "ethnic Albanians", wherever they stand in the clause
        placed = doc is not None and doc[f.head].sent.start in local
        return (_unowned_domestic(f, doc) and (not subjects_only or f.subject or placed)
                and not _civilian_witness(f, doc))

    found = [_with_focus(f, country) if takes_focus(f) else f for f in found]
    return _institutions_at_home(found, country, doc) if doc is not None else found


def _civilian_witness(found: Found, doc: Doc | None) -> bool:
    """"..., residents said": civilians who only tell what happened are the story's witnesses, not one of
    its parties, and take no country from it (a story newly set by its provinces, "in Sagaing region",
    would otherwise make their report a party's claim)."""
    if doc is None or not found.subject or set(found.ref.sector) - {"CVL"}:
        return False
    return doc[found.head].head.lemma_.lower() in SPEECH_VERBS


def _institutions_at_home(found: list[Found], country: str, doc: Doc) -> list[Found]:
    """A bare "Congress" or "the Supreme Court" in a story set elsewhere is that country's institution.

    The knowledge base lists the US Congress under "Congress"; in a story set in Peru a bare "Congress" is
    Peru's, unless its sentence names the listed actor's country too ("US lawmakers ... Congress").
    """
    named = {(doc[f.head].sent.start, f.ref.country) for f in found if f.ref.country and not f.institution}
    return [_at_home(f, country, doc) if f.institution and f.ref.country not in (None, country)
            and (doc[f.head].sent.start, f.ref.country) not in named else f for f in found]


def _at_home(found: Found, country: str, doc: Doc) -> Found:
    ref = found.ref
    words = doc[found.start:found.end].text.split()
    name = " ".join(words[1:] if words and words[0].lower() == "the" else words)
    return replace(found, institution=False, ref=replace(ref, name=name, actor_id=None, country=country,
                                                          sector=list(ref.sector), resolution="context"))


def _sentences_placing(doc: Doc, found: list[Found], country: str) -> set[int]:
    """Start tokens of the sentences that name ``country`` as a place."""
    return {doc[f.head].sent.start for f in found if f.ref.country == country and _is_place(doc[f.head], f)}


def _is_place(head, found: Found) -> bool:
    return head.dep_ == "pobj" and head.head.lower_ in PLACE_PREPS and not found.ref.actor_id


def _unowned_domestic(found: Found, doc: Doc | None = None) -> bool:
    """A phrase of a domestic sector that names no owner; "European diplomats" name a continent, which is
    an owner too (they are not the focus country's)."""
    ref = found.ref
    if doc is not None and any(doc[i].lower_ in SUPRANATIONAL for i in range(found.start, found.head)):
        return False
    return (ref.resolution == "unresolved" and ref.country is None and bool(ref.sector)
            and not NOT_DOMESTIC.intersection(ref.sector) and not found.person)


def _with_focus(found: Found, country: str) -> Found:
    return replace(found, ref=replace(found.ref, country=country, sector=list(found.ref.sector), resolution="context"))


@dataclass(frozen=True, slots=True)
class CountryContext:
    """The countries a document names, for actors that do not say theirs (see :meth:`country_at`)."""

    focus: str | None
    by_sentence: dict[int, frozenset[str]]
    in_doc: frozenset[str]
    places_by_sentence: dict[int, frozenset[str]] = field(default_factory=dict)

    def country_at(self, sent_start: int) -> str | None:
        """The one country the sentence names; if it names several, the one it names as a place ("imposed
        a curfew in Chile, a spokesman for the French consulate said" -> CHL), else none; with none,
        the focus, else the one country of the document."""
        here = self.by_sentence.get(sent_start, frozenset())
        if here:
            if len(here) == 1:
                return next(iter(here))
            placed = self.places_by_sentence.get(sent_start, frozenset())
            return next(iter(placed)) if len(placed) == 1 else None
        if self.focus:
            return self.focus
        return next(iter(self.in_doc)) if len(self.in_doc) == 1 else None


def country_context(doc: Doc, found: list[Found], focus: str | None) -> CountryContext:
    by_sentence: dict[int, set[str]] = {}
    for f in found:
        code = f.ref.country
        if code and code not in NON_STATES:
            by_sentence.setdefault(doc[f.head].sent.start, set()).add(code)
    in_doc = frozenset(c for codes in by_sentence.values() for c in codes)
    places: dict[int, set[str]] = {}
    for f in found:
        head = doc[f.head]
        if f.ref.country and f.ref.country not in NON_STATES and _is_place(head, f):
            places.setdefault(head.sent.start, set()).add(f.ref.country)
    return CountryContext(focus, {k: frozenset(v) for k, v in by_sentence.items()}, in_doc,
                          {k: frozenset(v) for k, v in places.items()})
