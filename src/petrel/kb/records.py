"""Typed records of the knowledge base: actors and the offices they hold."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

KINDS: tuple[str, ...] = ("organisation", "person", "igo", "country", "place")


@dataclass(slots=True, frozen=True)
class Role:
    """An office held between two dates (``end`` None = still held)."""

    title: str
    country: str | None = None
    sectors: tuple[str, ...] = ()
    start: date | None = None
    end: date | None = None
    org: str | None = None  # actor id of the organisation the role belongs to

    def valid_at(self, when: date) -> bool:
        starts_ok = self.start is None or self.start <= when
        return starts_ok and (self.end is None or when < self.end)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"title": self.title, "country": self.country, "sectors": list(self.sectors),
                               "start": self.start, "end": self.end}
        if self.org:
            out["org"] = self.org
        return out


@dataclass(slots=True)
class Actor:
    """A named actor: organisation, person, inter-governmental organisation, or a place name the ruler tags."""

    id: str
    name: str
    kind: str = "organisation"
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    sectors: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    gender: str | None = None  # "m" | "f" for persons, used by pronoun resolution

    @property
    def names(self) -> list[str]:
        """The name and every alias, name first, without duplicates."""
        return list(dict.fromkeys([self.name, *self.aliases]))

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "name": self.name, "kind": self.kind, "aliases": list(self.aliases),
                               "country": self.country, "sectors": list(self.sectors)}
        if self.roles:
            out["roles"] = [r.to_dict() for r in self.roles]
        if self.gender:
            out["gender"] = self.gender
        return out


@dataclass(slots=True, frozen=True)
class CountryTerm:
    """What a country word means: the code and how it names the country."""

    code: str
    kind: str  # "country" (a name), "demonym" (Iraqi), "capital" (Baghdad: the government)
