"""Noun-phrase geometry: which noun a modifier belongs to and where a phrase starts and ends."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Token

MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss", "npadvmod", "nummod", "det"})
NOMINAL_POS = frozenset({"NOUN", "PROPN"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "agent"})
SPEECH_VERBS = frozenset({"say", "tell", "add", "stress", "insist", "warn", "state", "note", "explain", "ask",
                          "reply", "declare", "write", "argue", "claim", "announce", "vow", "threaten"})


def np_head(token: Token, stop: Callable[[Token], bool] | None = None) -> Token:
    """The noun a pre-modifier belongs to: "British" and "US" in "British and US forces" -> "forces".

    ``stop`` ends the climb at a possessor that is an actor itself ("the Russian government's refusal").
    """
    current = token
    for _ in range(12):
        if stop is not None and current.dep_ == "poss" and current is not token and stop(current):
            break
        if current.dep_ == "conj" and current.head.i < current.i and current.head.dep_ in MODIFIER_DEPS:
            current = current.head
            continue
        head = current.head
        if current.dep_ in MODIFIER_DEPS and head.i > current.i and head.pos_ in NOMINAL_POS:
            current = head
            continue
        break
    return current


def left_start(head: Token) -> int:
    """First token index of the phrase headed by ``head`` (its leftmost pre-modifier, not punctuation)."""
    start = head.left_edge.i
    doc = head.doc
    while start < head.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return start


def is_subject(token: Token) -> bool:
    return token.dep_ in SUBJECT_DEPS or (token.dep_ == "pobj" and token.head.dep_ == "agent")


def is_plural(token: Token) -> bool:
    return token.tag_ in ("NNS", "NNPS") or token.morph.get("Number") == ["Plur"]


def possessive_of(token: Token) -> bool:
    """True when ``token`` is a possessor ("Lebanon" in "Lebanon's prime minister")."""
    return token.dep_ == "poss"


# Dependencies of a verb that heads a clause of its own (not "Iranian-backed", "Serb-held").
CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "advcl", "relcl", "parataxis", "csubj", "xcomp", "pcomp"})
MAX_PHRASE_TOKENS = 24
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
MAX_LEFT_TOKENS = 14


def phrase_bounds(doc, start: int, end: int, head: int) -> tuple[int, int]:
    """``[start, end)`` cut to the noun phrase around ``head``: no clause verb inside, at most 24 tokens.

    A mention is a noun phrase; a bad parse can stretch a head's left edge or a prepositional phrase
    over a whole sentence ("Residents said militants attacked ..."), which would make the event coder's
    source span the sentence.
    """
    clause = [i for i in range(start, end) if i != head and _heads_clause(doc[i])]
    if clause:  # a bad parse: keep the head's own subtree, between the clause verbs
        start = max([start, *(i + 1 for i in clause if i < head)])
        end = min([end, *(i for i in clause if i > head)])
        root = doc[head]
        while start < head and not _under(doc[start], root):
            start += 1
        end = next((i for i in range(head + 1, end) if not _under(doc[i], root)), end)
    start = max(start, head - MAX_LEFT_TOKENS)
    end = min(end, start + MAX_PHRASE_TOKENS)
    while start < head and (doc[start].is_punct or doc[start].dep_ in ("cc", "mark", "prep")):
        start += 1
    while end > head + 1 and (doc[end - 1].is_punct or doc[end - 1].dep_ in ("cc", "prep", "det")):
        end -= 1
    return start, max(end, head + 1)


def _under(token: Token, root: Token) -> bool:
    return token.i == root.i or root.is_ancestor(token)


def _heads_clause(token: Token) -> bool:
    if token.pos_ not in ("VERB", "AUX"):
        return False
    if token.dep_ in ("acl", "conj") and (token.tag_ in FINITE_TAGS or any(
            c.dep_ == "conj" and c.tag_ in FINITE_TAGS for c in token.children)):
        return True  # a finite verb parsed as a modifier: "Doctors from aid groups donated and delivered ..."
    return token.dep_ in CLAUSE_DEPS or any(c.dep_ in SUBJECT_DEPS for c in token.children)
