"""The country a document is about, for actors the text leaves without one.

News tells "militants attacked a checkpoint" without saying whose militants when the whole story is
set in one country. The focus is the country named most often as a place ("in Iraq", a capital after
"in", the dateline), when it leads clearly. Unowned phrases of domestic sectors (rebels, police,
protesters, officials...) take it with resolution "context"; military phrases do not, since foreign
troops are the usual exception ("the 5,200 troops" in a story set in Iraq are American).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from petrel.actors.resolver import Found

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from petrel.kb import KnowledgeBase

PLACE_PREPS = frozenset({"in", "inside", "across", "throughout", "within"})
NOT_DOMESTIC = frozenset({"MIL", "IGO", "NGO"})
MIN_PLACE_MENTIONS = 2


def focus_country(doc: Doc, found: list[Found], kb: KnowledgeBase, dateline: str | None = None) -> str | None:
    """The country named most often as a place, if named at least twice and more than any other."""
    counts: Counter[str] = Counter()
    for f in found:
        head = doc[f.head]
        if f.ref.country and head.dep_ == "pobj" and head.head.lower_ in PLACE_PREPS and not f.ref.actor_id:
            counts[f.ref.country] += 1
    place = kb.country_for_term(dateline) if dateline else None
    if place:
        counts[place] += MIN_PLACE_MENTIONS
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < MIN_PLACE_MENTIONS or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def apply_focus(found: list[Found], country: str | None, *, subjects_only: bool = False) -> list[Found]:
    """Give the focus country to unowned phrases of domestic sectors.

    ``subjects_only`` narrows it to phrases that are the subject of their clause ("Militants attacked"):
    the doer of a story's events is most often local, an object or a phrase in passing less so.
    """
    if country is None:
        return found
    return [_with_focus(f, country) if _unowned_domestic(f) and (f.subject or not subjects_only) else f
            for f in found]


def _unowned_domestic(found: Found) -> bool:
    ref = found.ref
    return (ref.resolution == "unresolved" and ref.country is None and bool(ref.sector)
            and not NOT_DOMESTIC.intersection(ref.sector) and not found.person)


def _with_focus(found: Found, country: str) -> Found:
    return replace(found, ref=replace(found.ref, country=country, sector=list(found.ref.sector), resolution="context"))
