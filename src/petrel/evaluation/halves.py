"""A fixed split of each labelled set into a ``dev`` half and a ``held`` half.

Rules are written while looking at the ``dev`` half's misses only (``python -m petrel.evaluation SET
--half dev``); the ``held`` half is scored but never read, so the gap between the two halves shows how
much a change is fitted to the sentences it was written against. The half of a record depends only on
its text (a SHA-1 bit), so it is stable across runs, machines and reorderings of the file.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import TypeVar

HALVES = ("dev", "held")
T = TypeVar("T")


def half_of(text: str) -> str:
    """``dev`` or ``held`` for a record's text."""
    digest = hashlib.sha1(" ".join(text.split()).encode("utf-8")).digest()
    return HALVES[digest[-1] & 1]


def select_half(records: Sequence[T], half: str | None, text: Callable[[T], str]) -> list[T]:
    """The records of ``half`` (all of them when ``half`` is None)."""
    if half is None:
        return list(records)
    if half not in HALVES:
        raise ValueError(f"half must be one of {HALVES}, not {half!r}")
    return [r for r in records if half_of(text(r)) == half]
