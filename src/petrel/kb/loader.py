"""Reading knowledge-base YAML files into typed records.

A file may hold any of three sections; every section is optional::

    actors:      [{id, name, kind, aliases, country, sectors, roles, gender}, ...]
    countries:   {IRQ: {names: [...], demonyms: [...], capitals: [...]}, ...}
    agents:      {MIL: [troops, soldiers, ...], ...}   # sector code -> nouns naming its members
    person_nouns: [president, minister, ...]          # agent nouns that name one person

Errors name the file and the reason (:class:`~petrel.errors.ConfigError`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from petrel.errors import ConfigError
from petrel.kb.records import KINDS, Actor, Role

log = logging.getLogger(__name__)
# libyaml's loader when PyYAML was built with it (about 20x faster on the shipped files), else pure Python.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
SECTIONS: tuple[str, ...] = ("actors", "countries", "agents", "person_nouns")


@dataclass(slots=True)
class KbSource:
    """The content of one or more YAML files, merged in reading order."""

    actors: dict[str, Actor] = field(default_factory=dict)
    countries: dict[str, Any] = field(default_factory=dict)
    agents: dict[str, list[str]] = field(default_factory=dict)
    person_nouns: list[str] = field(default_factory=list)

    def merge(self, other: KbSource) -> None:
        """Later files extend earlier ones; an actor with a known id replaces it."""
        self.actors.update(other.actors)
        for code, spec in other.countries.items():
            mine = self.countries.setdefault(code, {})
            for section, terms in (spec or {}).items():
                mine[section] = list(dict.fromkeys([*(terms or []), *mine.get(section, [])]))
        for sector, nouns in other.agents.items():
            self.agents[sector] = list(dict.fromkeys([*self.agents.get(sector, []), *nouns]))
        self.person_nouns = list(dict.fromkeys([*self.person_nouns, *other.person_nouns]))


def read_yaml(path: Path) -> dict[str, Any]:
    """Parse one file; anything but a mapping at the top is an error."""
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)  # noqa: S506 - a safe loader
    except FileNotFoundError as exc:
        raise ConfigError(f"knowledge-base file not found: {path}", path=str(path)) from exc
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise ConfigError(f"knowledge-base file {path} is not valid YAML: {exc}", path=str(path)) from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"knowledge-base file {path} must hold a mapping with an 'actors' list", path=str(path))
    return data


def load_file(path: Path) -> KbSource:
    """Read and validate one knowledge-base file."""
    data = read_yaml(path)
    unknown = sorted(set(data) - set(SECTIONS))
    if unknown:
        log.warning("knowledge-base file %s: ignoring unknown sections %s", path, unknown)
    try:
        return KbSource(
            actors={a.id: a for a in (parse_actor(item) for item in _as_list(data.get("actors"), "actors"))},
            countries=dict(data.get("countries") or {}),
            agents={str(k): [str(n) for n in v] for k, v in (data.get("agents") or {}).items()},
            person_nouns=[str(n) for n in _as_list(data.get("person_nouns"), "person_nouns")],
        )
    except (TypeError, ValueError, AttributeError) as exc:
        raise ConfigError(f"knowledge-base file {path}: {exc}", path=str(path)) from exc


def _as_list(value: Any, what: str) -> list[Any]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise ValueError(f"'{what}' must be a list")
    return value


def parse_actor(item: Any) -> Actor:
    """One ``actors`` entry -> :class:`Actor` (ValueError says what is wrong)."""
    if not isinstance(item, dict) or not item.get("id") or not item.get("name"):
        raise ValueError(f"every actor needs an 'id' and a 'name' (got {item!r:.80})")
    kind = str(item.get("kind", "organisation"))
    if kind not in KINDS:
        raise ValueError(f"actor {item['id']}: kind must be one of {', '.join(KINDS)}, not {kind!r}")
    return Actor(
        id=str(item["id"]), name=str(item["name"]), kind=kind,
        aliases=[str(a) for a in _as_list(item.get("aliases"), "aliases")],
        country=_opt_str(item.get("country")),
        sectors=[str(s) for s in _as_list(item.get("sectors"), "sectors")],
        roles=[parse_role(r, item["id"]) for r in _as_list(item.get("roles"), "roles")],
        gender=_opt_str(item.get("gender")),
    )


def parse_role(item: Any, actor_id: str) -> Role:
    if not isinstance(item, dict) or not item.get("title"):
        raise ValueError(f"actor {actor_id}: every role needs a 'title'")
    return Role(
        title=str(item["title"]), country=_opt_str(item.get("country")),
        sectors=tuple(str(s) for s in _as_list(item.get("sectors"), "sectors")),
        start=parse_date(item.get("start"), actor_id), end=parse_date(item.get("end"), actor_id),
        org=_opt_str(item.get("org")),
    )


def parse_date(value: Any, actor_id: str) -> date | None:
    """YAML gives dates already parsed; strings must be ISO dates."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise ValueError(f"actor {actor_id}: {value!r} is not an ISO date (YYYY-MM-DD)") from exc


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)


def dump_actors(actors: list[Actor]) -> str:
    """YAML text of an ``actors`` file (the format :func:`load_file` reads)."""
    return yaml.safe_dump({"actors": [a.to_dict() for a in actors]}, sort_keys=False, allow_unicode=True, width=120)
