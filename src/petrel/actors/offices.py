"""State offices the text names without a country: "the interior minister said", "President Prosper Avril".

An office of state (a title whose sectors are government, military, police, judiciary or legislature)
belongs to a country. When neither the phrase nor the knowledge base says which, the context does: the
one country its sentence names; for a sentence naming none, the document's focus country, else the one
country the document names. A sentence naming two or more countries leaves the office without one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from petrel.actors.focus import CountryContext
from petrel.actors.found import Found
from petrel.actors.phrases import SPEECH_VERBS, is_plural, is_subject, left_start
from petrel.actors.words import GENERIC_HEADS
from petrel.models import ActorRef

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from petrel.kb import KnowledgeBase

STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG"})
# Person nouns that name a role, not an office of one state ("the envoy", "the adviser" serve someone else).
NOT_OFFICES = GENERIC_HEADS | frozenset({"deputy", "officer", "secretary", "director", "adviser", "advisor",
                                         "negotiator", "diplomat", "emissary", "ambassador", "envoy", "founder",
                                         "chair", "chairman", "chairwoman", "member", "candidate", "lawmaker"})
DEFINITE = frozenset({"the"})
NON_STATES = frozenset({"IGO", "NGO", "IMG"})
VISIT_NOUNS = frozenset({"visit", "trip", "tour", "stopover", "stop"})


def with_office_countries(doc: Doc, found: list[Found], context: CountryContext) -> list[Found]:
    """Titled persons nobody placed ("President Prosper Avril") take the context country.

    Every mention of that person (same ``ctx:`` id) takes the country of its first placed mention.
    """
    chosen: dict[str, str] = {}
    for f in found:
        if _unplaced_office_holder(f) and f.ref.actor_id not in chosen:
            code = _visit_host(doc[f.head], found) or context.country_at(doc[f.head].sent.start)
            if code:
                chosen[f.ref.actor_id] = code
    return [_placed(f, chosen[f.ref.actor_id]) if _unplaced_office_holder(f) and f.ref.actor_id in chosen else f
            for f in found]


def _visit_host(head: Token, found: list[Found]) -> str | None:
    """"held talks with President X during a visit to Beirut": whom a visitor meets on a visit to a
    country is that country's (the host), whatever else the sentence names."""
    if head.dep_ != "pobj" or head.head.lower_ != "with":
        return None
    meeting = head.head.head  # "met with X", or "held talks with X" (then the light verb too)
    holders = [meeting, meeting.head] if meeting.dep_ == "dobj" else [meeting]
    visits = [v for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ in ("during", "on", "in")
              for v in p.children if v.dep_ == "pobj" and v.lemma_.lower() in VISIT_NOUNS]
    places = [o for v in visits for p in v.children if p.dep_ == "prep" and p.lower_ == "to"
              for o in p.children if o.dep_ == "pobj"]
    countries = {f.ref.country for o in places for f in found if f.start <= o.i < f.end and f.ref.country}
    return countries.pop() if len(countries) == 1 else None


def _unplaced_office_holder(f: Found) -> bool:
    ref = f.ref
    return (f.person and ref.country is None and ref.resolution in ("context", "unresolved")
            and bool(ref.actor_id) and bool(STATE_SECTORS.intersection(ref.sector)))


def _placed(f: Found, country: str) -> Found:
    return replace(f, ref=replace(f.ref, country=country, sector=list(f.ref.sector), resolution="context"))


def untitled_offices(doc: Doc, kb: KnowledgeBase, found: list[Found], context: CountryContext,
                     when: date | None = None) -> list[Found]:
    """"The interior minister said ...": a definite office with no name and no possible antecedent (no
    earlier person of its sectors and office, which coreference would pick) -> the context country's
    government (or army, police...) with the office's sectors. Runs before coreference, so "him" can refer
    to it. A state body that reports the office's words or deeds speaks of its own country's office ("The
    Kremlin said the president would not travel to Brazil": Russia's), whatever else the sentence names."""
    covered = {i for f in found for i in range(f.start, f.end)}
    added = []
    for token in doc:
        if token.i in covered or not _untitled_office(token, kb):
            continue
        code = _reporting_state(token, found) or context.country_at(token.sent.start)
        sectors = _office_sectors(token, kb)
        if code and sectors and not _antecedent_exists(doc, kb, found, token, sectors, when):
            start = left_start(token)
            name = " ".join(doc[start:token.i + 1].text.split()[1:])
            ref = ActorRef(name, None, code, sectors, "context")
            added.append(Found(start, token.i + 1, token.i, ref, person=True, subject=is_subject(token)))
    return added


def _reporting_state(token: Token, found: list[Found]) -> str | None:
    """The country of the state body (not a person: a seat of government, a ministry, a capital standing for
    its government) that is the subject of the speech verb whose reported clause holds ``token``: "The
    Elysee said the president had spoken with ...", "Downing Street said the prime minister ..."."""
    verb = token.head
    while verb.dep_ not in ("ccomp", "parataxis") and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ not in ("ccomp", "parataxis") or verb.head.lemma_.lower() not in SPEECH_VERBS:
        return None
    speakers = [c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    for f in found:
        if (any(f.start <= c.i < f.end for c in speakers) and not f.person and "GOV" in f.ref.sector
                and f.ref.country and f.ref.country not in NON_STATES):
            return f.ref.country
    return None


def _antecedent_exists(doc: Doc, kb: KnowledgeBase, found: list[Found], token: Token, sectors: list[str],
                       when: date | None = None) -> bool:
    """An earlier person sharing a sector and not holding another office: "Interior Minister Jose Perez ...
    the minister" is Perez; "Foreign Minister X ... the president" is not X."""
    return any(f.person and f.end <= token.i and set(sectors) & set(f.ref.sector)
               and not other_office(doc, kb, f, token, when) for f in found)


def other_office(doc: Doc, kb: KnowledgeBase, antecedent: Found, token: Token, when: date | None = None) -> bool:
    """Whether the earlier person ``antecedent`` holds an office other than the one ``token`` names: its
    phrase or its knowledge-base role of the day names titles, none of them the token's ("the president"
    after "Foreign Minister Ana Ruiz" or after a person listed as prime minister). A bare name tells
    nothing, and generic titles ("the official", "the leader") are not offices."""
    lemma = token.lemma_.lower()
    if lemma in NOT_OFFICES or not kb.is_person_noun(lemma):
        return False
    titles = {t.lemma_.lower() for t in doc[antecedent.start:antecedent.end]
              if t.pos_ in ("NOUN", "PROPN") and kb.is_person_noun(t.lemma_.lower())}
    actor = kb.get(antecedent.ref.actor_id) if antecedent.ref.actor_id else None
    role = kb.role_at(actor, when) if actor is not None else None
    if role is not None:
        titles |= {w.lower() for w in role.title.replace("-", " ").split()}
    return bool(titles) and lemma not in titles


def _untitled_office(token: Token, kb: KnowledgeBase) -> bool:
    if token.pos_ != "NOUN" or is_plural(token) or token.lemma_.lower() in NOT_OFFICES:
        return False
    if not kb.is_person_noun(token.lemma_.lower()):
        return False
    dets = [c for c in token.children if c.dep_ == "det"]
    return len(dets) == 1 and dets[0].lower_ in DEFINITE and not any(c.dep_ == "poss" for c in token.children)


def _office_sectors(token: Token, kb: KnowledgeBase) -> list[str]:
    """Sectors of the office, the two-word title first ("interior minister" before "minister")."""
    left = token.doc[token.i - 1] if token.i > 0 else None
    sectors: list[str] = []
    if left is not None and left.head.i == token.i and left.dep_ in ("compound", "amod"):
        sectors = kb.sectors_for_noun(f"{left.lower_} {token.lemma_.lower()}")
    sectors = sectors or kb.sectors_for_noun(token.lemma_.lower())
    return [s for s in sectors if s in STATE_SECTORS]


def placed_institutions(doc: Doc, found: list[Found], kb: KnowledgeBase,
                        place_country: Callable[[str], str | None] | None) -> list[Found]:
    """An organisation no one listed whose name starts with a town or province and ends with an institution
    noun is that place's country's institution: "Delhi Police" (IND, COP), "Lagos State Police" (NGA), "an
    Istanbul court" (TUR, JUD). Resolution ``context``. ``place_country`` is the gazetteer's
    :meth:`~petrel.geo.gazetteer.Gazetteer.town_country` (big towns and provinces only)."""
    if place_country is None:
        return found
    return [_named_after_place(doc, f, kb, place_country) if _unplaced_organisation(f) else f for f in found]


def _unplaced_organisation(f: Found) -> bool:
    return not f.person and f.ref.country is None and f.ref.actor_id is None and f.end - f.start >= 2


def _named_after_place(doc: Doc, f: Found, kb: KnowledgeBase, place_country: Callable[[str], str | None]) -> Found:
    words = doc[f.start:f.end]
    if words[0].pos_ == "DET":
        words = words[1:]
    head = words[-1]
    sectors = kb.sectors_for_noun(head.lemma_.lower())
    if not sectors or len(words) < 2 or not all(t.pos_ == "PROPN" for t in words[:-1]) or any(
            t.ent_type_ == "NORP" for t in words):
        return f  # a place name before the noun ("Delhi Police"), not "West African leaders" or "US-backed forces"
    for cut in range(len(words) - 1, 0, -1):  # the longest place name before the institution noun
        country = place_country(words[:cut].text)
        if country:
            ref = ActorRef(f.ref.name, None, country, list(sectors), "context")
            return replace(f, ref=ref)
    return f
