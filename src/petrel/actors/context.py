"""Actors nobody listed: names met in one document, kept so later mentions link to them.

A context actor gets the id ``ctx:<slug of the full name>``; a later "Mohiy" links to "Mohamed Mohiy"
(surname), a later "Hezbollah Brigades" to an earlier unknown "Iraqi Hezbollah Brigades" (same tail).
"""

from __future__ import annotations

from dataclasses import replace

from petrel.kb import normalise, slugify
from petrel.models import ActorRef

CONTEXT_PREFIX = "ctx:"


def context_id(name: str) -> str:
    return CONTEXT_PREFIX + slugify(name)


class DocumentActors:
    """The persons and organisations already met in one document, by full name and by surname."""

    def __init__(self) -> None:
        self._by_name: dict[str, ActorRef] = {}
        self._by_surname: dict[str, ActorRef] = {}

    def remember(self, name: str, ref: ActorRef, *, person: bool) -> None:
        key = normalise(name)
        if not key:
            return
        self._by_name.setdefault(key, ref)
        if person and " " in key:
            self._by_surname.setdefault(key.split()[-1], ref)

    def by_surname(self, word: str) -> ActorRef | None:
        """A person met earlier whose surname is ``word`` ("Salih" after "Barham Salih")."""
        found = self._by_surname.get(normalise(word))
        return replace(found, sector=list(found.sector)) if found else None

    def find(self, name: str) -> ActorRef | None:
        """An actor met earlier under this name, its surname, or a longer name ending with it."""
        key = normalise(name)
        if not key:
            return None
        found = self._by_name.get(key) or self._by_surname.get(key)
        if found is None:
            found = next((ref for name_key, ref in self._by_name.items() if name_key.endswith(" " + key)), None)
        return replace(found, sector=list(found.sector)) if found else None
