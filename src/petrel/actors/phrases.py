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
