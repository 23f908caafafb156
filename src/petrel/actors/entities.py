"""What each named entity of a Doc stands for: a knowledge-base actor, a country, or an unknown name."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from petrel.kb import COUNTRY_ID_PREFIX, Actor, CountryTerm, KnowledgeBase

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

ACTOR_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC"})
UNKNOWN_KINDS = {"PERSON": "person", "ORG": "organisation"}
# "Iranian-backed militias", "pro-Iran groups": the country word does not name the actor.
NOT_THE_ACTOR_AFTER = frozenset({"backed", "funded", "supported", "sponsored", "aligned", "allied", "affiliated",
                                 "trained", "armed", "linked", "leaning", "friendly", "inspired"})
NOT_THE_ACTOR_BEFORE = frozenset({"pro", "anti", "non", "ex"})


@dataclass(slots=True)
class EntityInfo:
    """One entity span with what it resolved to (exactly one of actor / country / unknown kind)."""

    span: Span
    actor: Actor | None = None
    country: CountryTerm | None = None
    unknown: str | None = None  # "person" | "organisation" for names the knowledge base does not list
    root_i: int = -1  # index of the span's syntactic root (computed once: Span.root is not cheap)

    def __post_init__(self) -> None:
        if self.root_i < 0:
            self.root_i = self.span.root.i

    @property
    def root(self) -> Token:
        return self.span.doc[self.root_i]

    @property
    def is_person(self) -> bool:
        return (self.actor is not None and self.actor.kind == "person") or self.unknown == "person"

    @property
    def is_org(self) -> bool:
        return (self.actor is not None and self.actor.kind != "person") or self.unknown == "organisation"


def resolve_entities(doc: Doc, kb: KnowledgeBase) -> list[EntityInfo]:
    """Every entity of ``doc`` that can name an actor, resolved against the knowledge base."""
    found = [resolve_entity(ent, kb) for ent in doc.ents if ent.label_ in ACTOR_LABELS and not _only_titles(ent, kb)]
    return [info for info in found if info is not None and not _is_backer(info.span)]


def resolve_entity(ent: Span, kb: KnowledgeBase) -> EntityInfo | None:
    span = _trim(ent)
    if span is None:
        return None
    if _last_word_of_a_name(span) and (term := kb.country_term(span.text)) is not None and term.kind == "region":
        return None  # "Tal Afar" is a town in Iraq, not Ethiopia's Afar region
    if ent.ent_id_:
        return _by_id(span, ent.ent_id_, kb)
    actor = kb.match(span.text)
    if actor is not None:
        return EntityInfo(span, actor=actor)
    term = kb.country_term(span.text)
    if term is not None:
        return EntityInfo(span, country=term)
    if ent.label_ in ("ORG", "PERSON") and len(span) > 1:
        actor = kb.fuzzy_match(span.text)
        if actor is not None:
            return EntityInfo(span, actor=actor)
    if ent.label_ == "GPE":
        term = kb.fuzzy_country_term(span.text)
        if term is not None:
            return EntityInfo(span, country=term)
    return _unknown(span, ent.label_)


def _by_id(span: Span, ent_id: str, kb: KnowledgeBase) -> EntityInfo | None:
    listed = kb.get(ent_id)
    longer = _inside_longer_name(span) if listed is not None and listed.kind in ("organisation", "igo") else None
    if longer is not None:
        actor = kb.match(longer.text)
        return EntityInfo(longer, actor=actor) if actor is not None else EntityInfo(longer, unknown="organisation")
    if ent_id.startswith(COUNTRY_ID_PREFIX):
        code = ent_id[len(COUNTRY_ID_PREFIX):]
        term = kb.country_term(span.text)
        return EntityInfo(span, country=term if term and term.code == code else CountryTerm(code, "country"))
    actor = kb.get(ent_id)
    if actor is None or actor.kind == "place":
        return None
    return EntityInfo(span, actor=actor)


def _last_word_of_a_name(span: Span) -> bool:
    """A capitalised proper noun before the span is part of its name ("Tal" in "Tal Afar")."""
    if span.start == 0:
        return False
    before = span.doc[span.start - 1]
    return before.pos_ == "PROPN" and before.is_title and before.dep_ == "compound" \
        and span.start <= before.head.i < span.end


def _only_titles(ent: Span, kb: KnowledgeBase) -> bool:
    """"Spokesperson" or "President" alone, which the small model sometimes calls a PERSON."""
    if ent.ent_id_:
        return False
    words = [t for t in ent if t.is_alpha]
    return bool(words) and all(kb.is_person_noun(t.lower_) or kb.sectors_for_noun(t.lower_) for t in words)


def _inside_longer_name(span: Span) -> Span | None:
    """"Supreme National Security Council": a listed name ("Security Council") ending a longer one."""
    doc = span.doc
    start = span.start
    while start > span.sent.start and _name_part(doc[start - 1]):
        start -= 1
    return doc[start:span.end] if start < span.start else None


def _name_part(token: Token) -> bool:
    unlisted = not token.ent_type_ or (token.ent_type_ == "ORG" and not token.ent_id_)
    return token.pos_ == "PROPN" and token.is_title and unlisted and token.dep_ == "compound"


def _unknown(span: Span, label: str) -> EntityInfo | None:
    kind = UNKNOWN_KINDS.get(label)
    if kind is None or not _looks_like_name(span) or _names_a_place(span):
        return None
    return EntityInfo(span, unknown=kind)


PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def _names_a_place(span: Span) -> bool:
    """"in Ibb city, Ibb", "near his home in Tafas, Daraa": an unknown name set in apposition to a place
    (or to a place preposition's object) is the place's province, whatever label the model gives it; it
    is no person that "he" could refer to."""
    root = span.root
    if root.dep_ != "appos":
        return False
    head = root.head
    return head.ent_type_ in PLACE_LABELS or (head.dep_ == "pobj" and head.head.lower_ in ("in", "near", "at", "outside"))


def _looks_like_name(span: Span) -> bool:
    """Reject fragments the statistical model sometimes labels ("al-", "n't", "now?He")."""
    words = [t for t in span if t.is_alpha]
    return bool(words) and all(t.is_alpha or t.is_punct or t.like_num or "-" in t.text or "'" in t.text
                               or "’" in t.text or "." in t.text for t in span) and words[0].text[0].isupper() \
        and any(len(t) > 1 for t in words)


def _trim(ent: Span) -> Span | None:
    """Drop a leading article and trailing possessive/punctuation tokens."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (doc[start].lower_ in ("the", "a", "an") or doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[start:end] if end > start else None


def _is_backer(span: Span) -> bool:
    """True for "Iranian-backed", "US-funded", "pro-Iran": the country modifies, it does not act."""
    doc = span.doc
    after = doc[span.end:span.end + 2]
    if len(after) == 2 and after[0].text == "-" and after[1].lower_ in NOT_THE_ACTOR_AFTER:
        return True
    before = doc[max(span.start - 2, 0):span.start]
    if len(before) == 2 and before[1].text == "-" and before[0].lower_ in NOT_THE_ACTOR_BEFORE:
        return True
    return span.start > 0 and doc[span.start - 1].lower_.rstrip("-") in NOT_THE_ACTOR_BEFORE \
        and doc[span.start - 1].lower_.endswith("-")
