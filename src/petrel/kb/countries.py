"""Country terms: names from pycountry plus petrel's supplement (short forms, demonyms, capitals).

The supplement lives in the ``countries`` section of the knowledge-base YAML::

    countries:
      IRQ: {names: [Iraq], demonyms: [Iraqi, Iraqis], capitals: [Baghdad]}

A capital stands for the government (``"Baghdad said"``), a demonym for the people or, with an agent
noun, for the state (``"Iraqi officials"``). ``regions`` are provinces and regions whose name alone tells
the country of an actor ("Darfur rebels", "Tigrayan forces").
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import pycountry

from petrel.kb.normalise import normalise
from petrel.kb.records import CountryTerm

TERM_KINDS: tuple[str, ...] = ("names", "demonyms", "capitals", "regions")
_KIND_OF = {"names": "country", "demonyms": "demonym", "capitals": "capital", "regions": "region"}


@dataclass(slots=True)
class CountryEntry:
    code: str
    names: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    capitals: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)

    def terms(self) -> Iterator[tuple[str, str]]:
        """(surface form, kind) pairs."""
        for section in TERM_KINDS:
            for term in getattr(self, section):
                yield term, _KIND_OF[section]


def pycountry_entries() -> dict[str, CountryEntry]:
    """Every ISO 3166 country with its short, common and official names."""
    entries: dict[str, CountryEntry] = {}
    for country in pycountry.countries:
        names = [getattr(country, attr, None) for attr in ("common_name", "name", "official_name")]
        entries[country.alpha_3] = CountryEntry(country.alpha_3, [n for n in names if n])
    return entries


def merge_supplement(entries: dict[str, CountryEntry], supplement: Mapping[str, Any]) -> None:
    """Add the supplement's terms to ``entries``, first (new codes such as XKX are created)."""
    for code, spec in supplement.items():
        entry = entries.setdefault(str(code), CountryEntry(str(code)))
        for section in TERM_KINDS:
            extra = [str(t) for t in (spec or {}).get(section, []) or []]
            current = getattr(entry, section)
            setattr(entry, section, extra + [t for t in current if t not in extra])


def display_name(entry: CountryEntry) -> str:
    """The short everyday name: first supplement or common name, else the ISO name."""
    return entry.names[0] if entry.names else entry.code


def term_index(entries: Mapping[str, CountryEntry]) -> dict[str, CountryTerm]:
    """Normalised term -> CountryTerm. Earlier kinds win ties (a name beats a demonym)."""
    index: dict[str, CountryTerm] = {}
    for entry in entries.values():
        for term, kind in entry.terms():
            key = normalise(term)
            if key and key not in index:
                index[key] = CountryTerm(entry.code, kind)
    return index
