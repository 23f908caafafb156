"""A listed name that is only generic words, in a story about another country, is not that listed actor.

"Houthi forces shelled positions of the government-aligned Joint Forces in Hays district" in a story set
in Yemen: "Joint Forces" is also an alias of a Sudanese coalition, but the story never names Sudan. A
knowledge-base match whose matched words are all generic (agent nouns and words such as "joint",
"national", "popular", "security", "front") and whose country no other mention of the document names,
in a document with a focus country (:func:`petrel.actors.focus.focus_country`) other than it, is kept as a
party known only by what it is: the text as written, the listed actor's sectors, no country and no id
(resolution ``unresolved``), so the focus rule and the events stage's place hints may give it the
story's country (issue 11). A distinctive name ("Rapid Support Forces" names its country in any story
about it, "Hezbollah") is left alone: "rapid" and "Hezbollah" are not generic words; so is a one-word
name and a bare listed institution ("Congress", which the focus rule gives the story's country).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from petrel.actors.found import Found
from petrel.models import ActorRef

if TYPE_CHECKING:
    from petrel.kb import KnowledgeBase

GENERIC_WORDS = frozenset({"the", "joint", "national", "popular", "federal", "united", "security", "special",
                           "front", "command", "committee", "council", "unit", "units", "resistance", "movement",
                           "alliance", "coalition", "guard", "guards", "forces", "force", "army", "revolutionary",
                           "people's", "peoples", "defence", "defense", "protection", "local", "tribal",
                           "member", "members", "patrol", "patrols"})


def generic_names(doc: Doc, found: list[Found], kb: KnowledgeBase, focus: str | None) -> list[Found]:
    """``found`` with generic-worded listed names of a country the story never names made sector-only."""
    if focus is None:
        return found
    out = []
    for f in found:
        ref = f.ref
        if ref.actor_id and not ref.actor_id.startswith("ctx:") and not f.institution \
                and ref.country not in (None, focus) and _generic(_worded(doc[f.start:f.end]), kb) \
                and not _named_elsewhere(found, f):
            text = " ".join(w for w in doc[f.start:f.end].text.split())
            f = replace(f, ref=ActorRef(text, None, None, list(ref.sector), "unresolved"))
        out.append(f)
    return out


def _worded(span) -> str:  # noqa: ANN001
    """The span's words without numbers, determiners and lower-case adjectives: "four National Guard
    members" (and a parse's "dead six National Guard members") is as generic as "National Guard members"."""
    return " ".join(t.text for t in span if not (t.like_num or t.pos_ in ("NUM", "DET")
                                                  or (t.pos_ == "ADJ" and t.is_lower)))


def _generic(text: str, kb: KnowledgeBase) -> bool:
    words = [w.strip(".,'’").lower() for w in text.replace("-", " ").split()]
    words = [w for w in words if w != "the"]
    return len(words) > 1 and all(w in GENERIC_WORDS or kb.sectors_for_noun(w) for w in words)


def _named_elsewhere(found: list[Found], this: Found) -> bool:
    """Another mention of the document names the listed actor's country (or is the actor again)."""
    return any(f is not this and f.ref.country == this.ref.country and f.ref.actor_id != this.ref.actor_id
               for f in found)
