"""What the actor resolver finds: a mention in token offsets with what coreference needs to know of it."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from petrel.models import ActorRef


@dataclass(slots=True)
class Found:
    """A mention in token offsets, with what coreference needs to know about it."""

    start: int
    end: int
    head: int
    ref: ActorRef
    person: bool = False
    plural: bool = False
    subject: bool = False
    group: ActorRef | None = None  # the organisation a person leads or speaks for, when known
    institution: bool = False  # a listed legislature or court named by a generic noun, no owner ("Congress")
    minority: bool = False  # "ethnic Albanians" with no residence in the phrase: the focus country may say it


def drop_nested_duplicates(found: list[Found]) -> list[Found]:
    """Drop a mention inside a longer one for the same actor ("US" inside "US-led coalition")."""
    groups: defaultdict[tuple, list[Found]] = defaultdict(list)
    for f in found:
        groups[(f.ref.actor_id, f.ref.country)].append(f)
    nested: set[int] = set()
    for members in groups.values():
        reach = -1  # furthest end among earlier-starting (or equal-starting, longer) mentions
        for f in sorted(members, key=lambda m: (m.start, -m.end)):
            if reach >= f.end:
                nested.add(id(f))
            reach = max(reach, f.end)
    return [f for f in found if id(f) not in nested]
