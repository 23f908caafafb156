"""Which earlier mention a pronoun or a definite description stands for, where news puts a speaker, a
victim or an organisation named in passing nearer than the actor (issue 11, item 2). Used by
:class:`petrel.actors.coref.Coreference`; each function here narrows or adds candidates, the choice
itself stays there.

- **speakers are not doers**: "Gunmen abducted 25 students, police said. They stormed the dormitories":
  "they" as the subject of an act is the earlier subject that acted, not the one that only spoke
  (:func:`doers_first`); as the subject of speech ("They said ...") the speakers stay candidates. A
  relative pronoun ("one of the protesters who escaped") is background, not the story's actor.
- **the same head**: "Ethiopia's foreign ministry summoned the envoy. The ministry accused ...": a
  definite description whose head noun is the head of an earlier organisation's mention is that
  organisation (:func:`same_head`): "the ministry", "the paramilitary force", "the agency".
- **"It" opening a sentence**: "The Pakistani Taliban attacked a police station. It killed four
  policemen": the subject of an act at the start of a sentence is the named organisation that was the
  subject of the sentence before (:func:`opening_it`), not a country, not a person, not an
  organisation only mentioned in passing.
- **second-day re-namings**: "Hamas fighters attacked a post. The Palestinian militant group said ...":
  a definite group the resolver read by its demonym is the one listed organisation of that country named
  just before (:func:`renamed_groups`, run before coreference).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from petrel.actors.phrases import SPEECH_VERBS, is_subject

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc, Token

    from petrel.actors.found import Found
    from petrel.kb import KnowledgeBase

RELATIVES = frozenset({"who", "which", "whom"})
# heads that name no one organisation by themselves ("the area", "the official"); the rest of a definite
# description's heads are compared with the heads of earlier mentions
NOT_NAMES = frozenset({"country", "state", "region", "area", "province", "city", "town", "village", "people",
                       "man", "woman", "member", "official", "leader", "spokesman", "spokeswoman", "source"})


def _speaks(doc: Doc, f: Found) -> bool:
    """The mention is the subject of a verb of speech ("police said", "residents told Reuters")."""
    head = doc[f.head]
    return is_subject(head) and head.head.lemma_.lower() in SPEECH_VERBS


def _clause_verb(token: Token) -> Token:
    return token.head if is_subject(token) else token


def doers_first(doc: Doc, token: Token, subjects: list[Found]) -> list[Found]:
    """Earlier sentences' subjects for a pronoun: named subjects before relative pronouns ("said Jeanne
    Mbuyi, one of the protesters *who* escaped. They also confiscated ...": not the protesters); and when
    the pronoun is the subject of an act (not of speech), those that did something before those that only
    spoke, if any did."""
    main = [f for f in subjects if doc[f.head].lower_ not in RELATIVES] or subjects
    if not is_subject(token) or _clause_verb(token).lemma_.lower() in SPEECH_VERBS:
        return main
    doers = [f for f in main if not _speaks(doc, f)]
    return doers or main


def same_head(token: Token, kb: KnowledgeBase) -> Callable[[Found], bool] | None:
    """For "the ministry", "the paramilitary force", "the command": accept an earlier organisation whose
    mention has the same head noun: a listed one, or one a country owns when the noun names a party by
    itself ("Ethiopia's foreign ministry"; not "a law Russia passed ... the law"). None when the noun names
    a person or a place."""
    lemma = token.lemma_.lower()
    if lemma in NOT_NAMES or kb.is_person_noun(lemma) or not token.is_alpha:
        return None
    doc = token.doc
    party_noun = bool(kb.sectors_for_noun(lemma))  # "ministry", "force", "coalition": a party by itself

    def accept(f: Found) -> bool:
        listed = f.ref.actor_id is not None and not f.ref.actor_id.startswith("country")
        return (not f.person and f.end - f.start > 1 and (listed or (party_noun and f.ref.country is not None))
                and _same_word(doc[f.head], token))
    return accept


def _same_word(a: Token, b: Token) -> bool:
    def stem(t: Token) -> str:
        word = t.lower_
        return word[:-1] if word.endswith("s") and len(word) > 3 else word
    return a.lemma_.lower() == b.lemma_.lower() or stem(a) == stem(b)


def opening_it(token: Token, sent_of: dict[int, int], found: list[Found]) -> Found | None:
    """"It" opening a sentence as the subject of an act: the named organisation that was the subject of the
    sentence just before, when that sentence has exactly one subject organisation (not a country or a
    person). A speech verb after the act ("It killed four policemen, an official said") reports it."""
    if token.lower_ != "it" or token.dep_ != "nsubj" or token.i != token.sent.start:
        return None
    verb = token.head
    if verb.pos_ != "VERB" or any(a.lemma_.lower() in SPEECH_VERBS and a.i < token.i for a in verb.ancestors):
        return None
    here = sent_of[token.i]
    before = [f for f in found if sent_of.get(f.head) == here - 1 and f.subject and not f.person and not f.plural
              and f.ref.actor_id is not None and not f.ref.actor_id.startswith("country")]
    return before[0] if len({f.ref.actor_id for f in before}) == 1 else None


GROUP_NOUNS = frozenset({"group", "movement", "militia", "faction", "organisation", "organization", "outfit",
                         "network"})
CAMP_SECTORS = frozenset({"REB", "RAD", "INS", "OPP", "PTY", "CRM"})
RENAME_SENTENCES = 3


def renamed_groups(doc: Doc, found: list[Found]) -> list[Found]:
    """Second-day re-namings the resolver read by their demonym: "Hamas fighters attacked a post. The
    Palestinian militant group said ...": a definite "the <demonym> ... group/movement/militia" with a
    country and no listed actor is the one listed organisation of that country (and of its camp, when the
    phrase names one) named up to three sentences before. Two candidates: left as read."""
    sent_of = {t.i: n for n, s in enumerate(doc.sents) for t in s}
    out = []
    for f in found:
        head = doc[f.head]
        if (f.ref.actor_id is None and f.ref.country is not None and not f.person and doc[f.start].lower_ == "the"
                and head.lemma_.lower() in GROUP_NOUNS):
            camp = CAMP_SECTORS.intersection(f.ref.sector)
            earlier = {g.ref.actor_id: g for g in found
                       if g.end <= f.start and 0 <= sent_of[f.head] - sent_of[g.head] <= RENAME_SENTENCES
                       and g.ref.actor_id is not None and not g.ref.actor_id.startswith("country") and not g.person
                       and g.ref.country == f.ref.country and camp <= set(g.ref.sector)}
            if len(earlier) == 1:
                g = next(iter(earlier.values()))
                f = replace(f, ref=replace(g.ref, sector=list(g.ref.sector), resolution="coref"), group=g.group)
        out.append(f)
    return out
