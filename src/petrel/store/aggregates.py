"""Aggregates over an event filter: the timeline, a dyad's series, the actor network and the map's places.

Interval and grouping names come from constant tables (:data:`INTERVALS`, :data:`SERIES_BY`); every
value a user gives is a bound parameter. Coarser roll-ups for the dashboard are in
:mod:`petrel.store.overview`.
"""

from __future__ import annotations

from dataclasses import fields

import duckdb

from petrel.errors import QueryError
from petrel.store.cache import QueryCache
from petrel.store.filters import EventFilter, Resolved, _actor_clause, _side, _where, resolve_filter, where_clause
from petrel.store.pages import Params, Row, check_page, dicts


INTERVALS: tuple[str, ...] = ("day", "week", "month", "year")
SERIES_BY: tuple[str, ...] = ("quad_class", "type", "status")


def _bucket_sql(interval: str) -> str:
    if interval not in INTERVALS:
        raise QueryError(f"unknown interval {interval!r}", allowed=list(INTERVALS))
    return f"date_trunc('{interval}', coalesce(date_start, CAST(first_seen AS DATE)))"


def event_timeline(con: duckdb.DuckDBPyConnection, flt: EventFilter | None = None, *,
                   interval: str = "month", by: str = "quad_class") -> list[Row]:
    """Event counts per time bucket and per ``by`` value: ``[{bucket, key, count, goldstein}]``.

    The bucket is the start of the day/week/month/year holding the event's first day (the first time
    the event was seen when it has no date); ``goldstein`` is the bucket's mean Goldstein score.
    """
    where, params = _where(con, flt)
    return _series(con, where, params, interval=interval, by=by)


def _series(con: duckdb.DuckDBPyConnection, where: str, params: Params, *, interval: str, by: str,
            forward: str = "") -> list[Row]:
    """The grouped time series over ``where``; a constant-built ``forward`` condition adds ``direction``.

    The rows are grouped on whether ``forward`` holds and named forward/backward per group, not per row
    (forward first within a bucket and key);
    buckets come back as ISO date strings and the rows through Arrow: a daily series of a busy dyad has
    ~16k groups over ~200k events, and per-row strings or per-value Python conversion cost more than the scan.
    """
    if by not in SERIES_BY:
        raise QueryError(f"unknown grouping {by!r}", allowed=list(SERIES_BY))
    bucket = _bucket_sql(interval)
    inner = f"coalesce(({forward}), false) AS fw, " if forward else ""
    outer = "CASE WHEN fw THEN 'forward' ELSE 'backward' END AS direction, " if forward else ""
    cur = con.cursor().execute(
        f"SELECT CAST(day AS VARCHAR) AS bucket, key, {outer}count, goldstein FROM ("
        f"SELECT CAST({bucket} AS DATE) AS day, {by} AS key, {inner}count(*) AS count, "
        f"round(avg(goldstein), 3) AS goldstein FROM events WHERE ({where}) AND {bucket} IS NOT NULL "
        f"GROUP BY ALL) ORDER BY day, key{', fw DESC' if forward else ''}", params)
    return cur.fetch_arrow_table().to_pylist()


def dyad_series(con: duckdb.DuckDBPyConnection, source: str, target: str, *, interval: str = "week",
                by: str = "quad_class", directed: bool = True, flt: EventFilter | None = None,
                cache: QueryCache | None = None) -> Row:
    """Events from ``source`` to ``target`` over time (both directions unless ``directed``), in one scan.

    Answers "who is escalating against whom, since when": counts per bucket and class plus the mean
    Goldstein score, each row marked ``direction`` forward (source -> target) or backward; the sides
    are actor specs (id, name or country code). ``flt`` narrows further (its actor sides are ignored).
    """
    base = EventFilter(**{**_filter_fields(flt or EventFilter()), "actor": None, "source": None, "target": None})
    known = resolve_filter(con, EventFilter(source=source, target=target), cache)
    fwd_sql, fwd_params = _dyad_clause(source, target, known)
    where, params = fwd_sql, list(fwd_params)
    if not directed:
        back_sql, back_params = _dyad_clause(target, source, known)
        where, params = f"({fwd_sql}) OR ({back_sql})", params + back_params
    base_sql, base_params = where_clause(base, resolve_filter(con, base, cache))
    series = _series(con, f"({where}) AND {base_sql}", fwd_params + params + base_params, interval=interval,
                     by=by, forward=fwd_sql)
    return {"source": source, "target": target, "interval": interval, "by": by, "directed": directed,
            "total": sum(r["count"] for r in series), "series": series}


def _dyad_clause(source: str, target: str, known: Resolved) -> tuple[str, Params]:
    src, p1 = _actor_clause("source", _side(known, source))
    tgt, p2 = _actor_clause("target", _side(known, target))
    return f"{src} AND {tgt}", p1 + p2


def _filter_fields(flt: EventFilter) -> Row:
    return {f.name: getattr(flt, f.name) for f in fields(flt)}


def event_network(con: duckdb.DuckDBPyConnection, flt: EventFilter | None = None, *,
                  limit: int = 200) -> Row:
    """Source -> target edges weighted by event count, with conflict and cooperation counts.

    Nodes are actors keyed by actor id (or name when unresolved); ``limit`` keeps the heaviest edges.
    """
    check_page(limit, 0)
    where, params = _where(con, flt)
    cur = con.cursor().execute(
        "SELECT coalesce(source_actor_id, source_name) AS source, coalesce(target_actor_id, target_name) AS target, "
        "any_value(source_name) AS source_name, any_value(target_name) AS target_name, "
        "any_value(source_country) AS source_country, any_value(target_country) AS target_country, "
        "count(*) AS count, count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict, "
        "count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation, round(avg(goldstein), 3) AS goldstein "
        f"FROM events WHERE {where} AND target_name IS NOT NULL AND source_name IS NOT NULL "
        "GROUP BY 1, 2 ORDER BY count DESC, source, target LIMIT ?", params + [limit])
    edges = dicts(cur)
    return {"nodes": network_nodes(edges), "edges": edges}


def network_nodes(edges: list[Row]) -> list[Row]:
    """The nodes of a network's edges, each with the number of events on its edges."""
    nodes: dict[str, Row] = {}
    for edge in edges:
        for side in ("source", "target"):
            node = nodes.setdefault(edge[side], {"id": edge[side], "name": edge[f"{side}_name"],
                                                 "country": edge[f"{side}_country"], "count": 0})
            node["count"] += edge["count"]
    return list(nodes.values())


def event_places(con: duckdb.DuckDBPyConnection, flt: EventFilter | None = None, *,
                 limit: int = 500) -> list[Row]:
    """Event locations with coordinates, one row per place: ``[{name, country, lat, lon, count, ...}]``."""
    check_page(limit, 0)
    where, params = _where(con, flt)
    cur = con.cursor().execute(
        "SELECT any_value(place_name) AS name, place_country AS country, round(lat, 4) AS lat, "
        "round(lon, 4) AS lon, count(*) AS count, count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict "
        f"FROM events WHERE {where} AND lat IS NOT NULL AND lon IS NOT NULL "
        "GROUP BY 2, 3, 4 ORDER BY count DESC, name LIMIT ?", params + [limit])
    return dicts(cur)
