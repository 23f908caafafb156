"""Event filters: what a query over events is restricted to, checked and turned into SQL.

:class:`EventFilter` holds what a user asked for (types, statuses, actors, dyad sides, dates, places,
text); :func:`resolve_filter` resolves its actor and country specs against the store once (a spec that
matches nothing is an error with suggestions, :mod:`petrel.store.specs`); :func:`where_clause` gives the
``WHERE`` text and its bound parameters. Every value a user gives is a bound parameter. Used by
:mod:`petrel.store.events` and :mod:`petrel.store.aggregates`; :mod:`petrel.store.queries` re-exports the
public names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from typing import Any

import duckdb

from petrel.errors import QueryError
from petrel.models import PLOVER_TYPES, STATUSES
from petrel.store.cache import QueryCache
from petrel.store.specs import ActorIndex, SideSpec, literal, param_error, resolve_actor, resolve_country

Row = dict[str, Any]
Params = list[Any]

QUAD_CLASSES: dict[int, str] = {1: "verbal cooperation", 2: "material cooperation",
                                3: "verbal conflict", 4: "material conflict"}

@dataclass(slots=True, kw_only=True)
class EventFilter:
    """Which events to read. Every field is optional; set fields are combined with AND.

    ``actor`` matches either side, ``source``/``target`` one side (actor id, name or country code);
    ``country`` matches either side's country; ``date_from``/``date_to`` keep events whose date range
    overlaps ``[date_from, date_to]`` (events without a date are left out when either is set);
    ``place`` matches a place name (case-insensitive) or a place country code; ``outlet`` keeps events
    reported by that outlet; ``text`` searches the evidence sentences (case-insensitive substring);
    ``doc_id`` keeps events coded from that document.
    """

    actor: str | None = None
    source: str | None = None
    target: str | None = None
    country: str | None = None
    type: list[str] = field(default_factory=list)
    quad_class: list[int] = field(default_factory=list)
    status: list[str] = field(default_factory=list)
    date_from: date | None = None
    date_to: date | None = None
    place: str | None = None
    outlet: str | None = None
    text: str | None = None
    story_id: str | None = None
    doc_id: str | None = None

    def __post_init__(self) -> None:
        self.type = [t.strip().upper() for t in _as_list(self.type) if t.strip()]
        self.status = [s.strip().lower() for s in _as_list(self.status) if s.strip()]
        self.quad_class = [_as_int(q, "quad_class") for q in _as_list(self.quad_class)]
        self.date_from = _as_date(self.date_from, "date_from")
        self.date_to = _as_date(self.date_to, "date_to")
        self._check()

    def _check(self) -> None:
        """Errors name the field in ``detail["params"]``, so an edge can say the flag the user typed."""
        bad_types = [t for t in self.type if t not in PLOVER_TYPES]
        if bad_types:
            raise param_error(f"unknown event type {literal(bad_types[0])} ({{type}}): use a PLOVER type",
                              allowed=list(PLOVER_TYPES))
        bad_status = [s for s in self.status if s not in STATUSES]
        if bad_status:
            raise param_error(f"unknown status {literal(bad_status[0])} ({{status}})", allowed=list(STATUSES))
        if any(q not in QUAD_CLASSES for q in self.quad_class):
            raise param_error("{quad_class} must be 1, 2, 3 or 4", allowed=sorted(QUAD_CLASSES))
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise param_error("{date_from} is after {date_to}", date_from=str(self.date_from),
                              date_to=str(self.date_to))

    def is_empty(self) -> bool:
        return not any(getattr(self, f.name) for f in fields(self))

    def to_dict(self) -> Row:
        """The filter as JSON-ready values (only the fields that are set)."""
        out: Row = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value:
                out[f.name] = value.isoformat() if isinstance(value, date) else value
        return out


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, str):
        return value.split(",")
    if isinstance(value, int):
        return [value]
    return list(value)


def _as_int(value: Any, name: str) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        raise param_error(f"{{{name}}} must be an integer, not {literal(value)}") from None


def _as_date(value: Any, name: str) -> date | None:
    if value is None or value == "" or (isinstance(value, date) and not isinstance(value, datetime)):
        return value or None
    if isinstance(value, datetime):
        return value.date()
    text = str(value).strip()
    try:
        if len(text) == 4:
            return date(int(text), 1 if name == "date_from" else 12, 1 if name == "date_from" else 31)
        if len(text) == 7:
            year, month = (int(p) for p in text.split("-"))
            return _month_bound(year, month, first=name == "date_from")
        return date.fromisoformat(text[:10])
    except ValueError:
        raise param_error(f"{{{name}}} must be a date (YYYY-MM-DD, YYYY-MM or YYYY), not {literal(text)}") from None


def _month_bound(year: int, month: int, *, first: bool) -> date:
    if first:
        return date(year, month, 1)
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return date.fromordinal(nxt.toordinal() - 1)


def _actor_clause(side: str, spec: SideSpec) -> tuple[str, Params]:
    """SQL for one side matching a resolved actor spec; ``side`` is the constant ``source`` or ``target``.

    A spec that is exactly a known actor id compares ids only (the cheap path over a large table);
    otherwise the side matches the resolved actor ids, the name as typed (actors the knowledge base
    does not know) and the resolved country codes.
    """
    if spec.id_only:
        return f"{side}_actor_id = ?", [spec.actor_ids[0]]
    sql, params = f"lower({side}_name) = ?", [spec.text.lower()]
    if spec.actor_ids:
        ids_sql, ids = _in_clause(f"{side}_actor_id", spec.actor_ids)
        sql, params = f"{ids_sql} OR {sql}", ids + params
    if spec.countries:
        codes_sql, codes = _in_clause(f"{side}_country", spec.countries)
        sql, params = f"{sql} OR {codes_sql}", params + codes
    return f"({sql})", params


def _in_clause(column: str, values: Sequence[Any]) -> tuple[str, Params]:
    return f"{column} IN ({', '.join('?' for _ in values)})", list(values)


def _mention_clause(condition: str, params: Params) -> tuple[str, Params]:
    """Events that have at least one event mention meeting ``condition``."""
    return f"event_id IN (SELECT event_id FROM event_mentions WHERE {condition})", params


@dataclass(frozen=True, slots=True)
class Resolved:
    """What a filter's actor specs and country spec mean in this store (see :mod:`petrel.store.specs`)."""

    sides: dict[str, SideSpec] = field(default_factory=dict)
    country: str | None = None


def resolve_filter(con: duckdb.DuckDBPyConnection, flt: EventFilter, cache: QueryCache | None = None) -> Resolved:
    """Resolve ``actor``/``source``/``target`` and ``country`` (QueryError with suggestions when unknown).

    The actors table is small; the answer is kept in ``cache`` per filter when one is given.
    """
    specs = {name: getattr(flt, name) for name in ("actor", "source", "target") if getattr(flt, name)}
    if not specs and not flt.country:
        return Resolved()
    if cache is None:
        return _resolve(con, specs, flt.country, ActorIndex.read(con))
    index = cache.get(("actor_index",), lambda: ActorIndex.read(con))  # one read per opening of the file
    return cache.get(("resolve", tuple(specs.items()), flt.country),
                     lambda: _resolve(con, specs, flt.country, index))


def _resolve(con: duckdb.DuckDBPyConnection, specs: dict[str, str], country: str | None,
             index: ActorIndex) -> Resolved:
    sides = {spec: resolve_actor(con, spec, index, param=name) for name, spec in specs.items()}
    return Resolved(sides=sides, country=resolve_country(country, index) if country else None)


def where_clause(flt: EventFilter, resolved: Resolved | None = None) -> tuple[str, Params]:
    """The WHERE clause (``"TRUE"`` when the filter is empty) and its parameters, over ``events``.

    ``resolved`` (from :func:`resolve_filter`) says what the actor and country specs mean; without it
    a spec matches an actor id, a name as typed or a country code.
    """
    resolved = resolved or Resolved()
    parts: list[tuple[str, Params]] = []
    if flt.actor:
        spec = _side(resolved, flt.actor)
        src, p1 = _actor_clause("source", spec)
        tgt, p2 = _actor_clause("target", spec)
        parts.append((f"({src} OR {tgt})", p1 + p2))
    for side in ("source", "target"):
        text = getattr(flt, side)
        if text:
            parts.append(_actor_clause(side, _side(resolved, text)))
    if flt.country:
        parts.append(("(source_country = ? OR target_country = ?)", [resolved.country or flt.country.upper()] * 2))
    parts.extend(_list_clauses(flt))
    parts.extend(_scalar_clauses(flt))
    if not parts:
        return "TRUE", []
    return " AND ".join(sql for sql, _ in parts), [p for _, params in parts for p in params]


def _list_clauses(flt: EventFilter) -> list[tuple[str, Params]]:
    parts = []
    for column, values in (("type", flt.type), ("quad_class", flt.quad_class), ("status", flt.status)):
        if values:
            parts.append(_in_clause(column, values))
    return parts


def _scalar_clauses(flt: EventFilter) -> list[tuple[str, Params]]:
    parts: list[tuple[str, Params]] = []
    if flt.date_from:
        parts.append(("date_end >= ?", [flt.date_from]))
    if flt.date_to:
        parts.append(("date_start <= ?", [flt.date_to]))
    if flt.place:
        parts.append(("(lower(place_name) = lower(?) OR place_country = upper(?))", [flt.place] * 2))
    if flt.story_id:
        parts.append(("story_id = ?", [flt.story_id]))
    if flt.outlet:
        parts.append(_mention_clause("lower(outlet) = lower(?)", [flt.outlet]))
    if flt.text:
        parts.append(_mention_clause("contains(lower(sentence), lower(?))", [flt.text]))
    if flt.doc_id:
        parts.append(_mention_clause("doc_id = ?", [flt.doc_id]))
    return parts


def _side(resolved: Resolved, text: str) -> SideSpec:
    """The resolved spec, or the plain reading (id, name as typed, a code) when it was not resolved."""
    found = resolved.sides.get(text)
    if found is not None:
        return found
    code = (text.upper(),) if re.fullmatch(r"[A-Za-z]{2,3}", text) else ()
    return SideSpec(text, actor_ids=(text,), countries=code)


def _where(con: duckdb.DuckDBPyConnection, flt: EventFilter | None,
           cache: QueryCache | None = None) -> tuple[str, Params]:
    flt = flt or EventFilter()
    return where_clause(flt, resolve_filter(con, flt, cache))


def filter_key(flt: EventFilter) -> tuple[Any, ...]:
    """A hashable key holding every field of the (validated) filter, for caches."""
    return tuple((f.name, _frozen(getattr(flt, f.name))) for f in fields(flt))


def _frozen(value: Any) -> Any:
    return tuple(value) if isinstance(value, list) else value
