"""Which verb an event's date hangs on, and whether that verb looks ahead (the date stage's tense tests)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token


def governing_verb(token: Token) -> Token:
    """The nearest verb (or auxiliary) at or above ``token``; the sentence root if none."""
    for t in [token, *token.ancestors]:
        if t.pos_ in ("VERB", "AUX"):
            return t
    return token.sent.root


# "plan to hold", "are expected to sign", "is due to arrive", "vowed to march": the infinitive is ahead
SCHEDULE_HEADS = frozenset({"plan", "expect", "due", "set", "schedule", "vow", "pledge", "promise", "threaten",
                            "intend", "aim", "prepare", "hope", "want", "seek"})


def is_future_verb(verb: Token, future_aux: frozenset[str]) -> bool:
    """``will``/``shall`` on the verb or on a verb it completes ("will begin withdrawing"), ``going to``
    before it, or an infinitive of a plan or schedule ("plan to hold", "is due to arrive")."""
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ in future_aux for c in verb.children):
            return True
        if verb.dep_ != "xcomp":
            return False
        if (verb.head.lemma_ == "go" and verb.head.tag_ == "VBG") or verb.head.lemma_ in SCHEDULE_HEADS:
            return True
        verb = verb.head
    return False
