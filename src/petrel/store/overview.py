"""Aggregates the dashboard draws at a coarser grain than the actor: a rolled-up network, places per
country or admin1, and the time extent of a filter (reporting window, history, undated events).

Each function takes the same :class:`EventFilter` as :mod:`petrel.store.queries` and answers plain dicts.
"""

from __future__ import annotations

from typing import Any

import duckdb

from petrel.errors import QueryError
from petrel.store.aggregates import network_nodes
from petrel.store.filters import EventFilter, _where
from petrel.store.pages import check_page, dicts, json_value

Row = dict[str, Any]
NETWORK_LEVELS = ("actor", "country", "sector")
PLACE_LEVELS = ("country", "admin1")
#: place precisions fine enough to draw one event as a point on a map
POINT_PRECISIONS = ("point", "city")


def _node_key(side: str, level: str) -> str:
    actor = f"coalesce({side}_actor_id, {side}_name)"
    country = f"coalesce({side}_country, '?')"
    if level == "actor":
        return actor
    if level == "country":
        return country
    return f"{country} || ' ' || coalesce(lower({side}_sector[1]), 'other')"


def _node_label(side: str, level: str) -> str:
    if level == "actor":
        return f"any_value({side}_name)"
    return _node_key(side, level)


def rolled_network(con: duckdb.DuckDBPyConnection, flt: EventFilter | None = None, *, level: str = "country",
                   limit: int = 200) -> Row:
    """Source -> target edges with the actors rolled up to ``level`` (actor, country, country + sector).

    An edge carries ``count``, ``conflict``, ``cooperation``, ``goldstein`` (mean) and ``by_quad``
    (counts per quad class); a country-level node id is the code (``?`` when unknown), so it can be
    sent back as an actor spec. Events without a target are left out; ``limit`` keeps the heaviest edges.
    """
    if level not in NETWORK_LEVELS:
        raise QueryError(f"unknown network level {level!r}", allowed=list(NETWORK_LEVELS))
    check_page(limit, 0)
    where, params = _where(con, flt)
    src, tgt = _node_key("source", level), _node_key("target", level)
    quads = ", ".join(f"count(*) FILTER (WHERE quad_class = {q}) AS q{q}" for q in (1, 2, 3, 4))
    cur = con.cursor().execute(
        f"SELECT {src} AS source, {tgt} AS target, {_node_label('source', level)} AS source_name, "
        f"{_node_label('target', level)} AS target_name, any_value(source_country) AS source_country, "
        "any_value(target_country) AS target_country, count(*) AS count, "
        "count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict, "
        f"count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation, round(avg(goldstein), 3) AS goldstein, {quads} "
        f"FROM events WHERE {where} AND target_name IS NOT NULL AND source_name IS NOT NULL "
        "GROUP BY 1, 2 ORDER BY count DESC, source, target LIMIT ?", params + [limit])
    edges = []
    for row in dicts(cur):
        row["by_quad"] = {str(q): row.pop(f"q{q}") for q in (1, 2, 3, 4)}
        edges.append(row)
    return {"level": level, "nodes": network_nodes(edges), "edges": edges}


def place_aggregates(con: duckdb.DuckDBPyConnection, flt: EventFilter | None = None, *, level: str = "country",
                     limit: int = 500) -> Row:
    """Event counts per place country (or country + admin1), with counts per type and the mean position.

    Also answers ``points``: places whose precision is fine enough for a marker (point or city), and
    ``unplaced``: events without any place country.
    """
    if level not in PLACE_LEVELS:
        raise QueryError(f"unknown place level {level!r}", allowed=list(PLACE_LEVELS))
    check_page(limit, 0)
    where, params = _where(con, flt)
    admin = "place_admin1" if level == "admin1" else "NULL"
    rows = dicts(con.cursor().execute(
        f"SELECT place_country AS country, {admin} AS admin1, count(*) AS count, "
        "count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict, round(avg(lat), 4) AS lat, "
        "round(avg(lon), 4) AS lon "
        f"FROM events WHERE {where} AND place_country IS NOT NULL GROUP BY 1, 2 ORDER BY count DESC, 1, 2 LIMIT ?",
        params + [limit]))
    types = con.cursor().execute(
        f"SELECT place_country, {admin}, type, count(*) FROM events WHERE {where} AND place_country IS NOT NULL "
        "GROUP BY 1, 2, 3 ORDER BY 4 DESC, 3", params).fetchall()
    by_type: dict[tuple[Any, Any], dict[str, int]] = {}
    for country, admin1, kind, n in types:
        by_type.setdefault((country, admin1), {})[str(kind)] = int(n)
    for row in rows:
        row["by_type"] = by_type.get((row["country"], row["admin1"]), {})
    marks = ", ".join("?" for _ in POINT_PRECISIONS)
    points = dicts(con.cursor().execute(
        "SELECT any_value(place_name) AS name, place_country AS country, round(lat, 4) AS lat, "
        "round(lon, 4) AS lon, count(*) AS count, count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict "
        f"FROM events WHERE {where} AND lat IS NOT NULL AND lon IS NOT NULL AND place_precision IN ({marks}) "
        "GROUP BY 2, 3, 4 ORDER BY count DESC, name LIMIT ?", params + list(POINT_PRECISIONS) + [limit]))
    unplaced = con.cursor().execute(
        f"SELECT count(*) FROM events WHERE {where} AND place_country IS NULL", params).fetchone()[0]
    return {"level": level, "items": rows, "points": points, "unplaced": int(unplaced)}


def time_extent(con: duckdb.DuckDBPyConnection, flt: EventFilter | None = None) -> Row:
    """Where the filtered events sit in time against the corpus's reporting window.

    ``window`` is the first and last publication day of the ingested articles (``null`` without any);
    ``in_window``, ``before`` (history: events that began before the window), ``after`` and ``undated``
    count events; ``first_date`` and ``last_date`` span the filtered dated events.
    """
    first, last = con.cursor().execute(
        "SELECT CAST(min(published) AS DATE), CAST(max(published) AS DATE) FROM articles "
        "WHERE status = 'ok' AND published IS NOT NULL").fetchone()
    where, params = _where(con, flt)
    total, undated, before, after, first_date, last_date = con.cursor().execute(
        "SELECT count(*), count(*) FILTER (WHERE date_start IS NULL), "
        "count(*) FILTER (WHERE date_start < ?), "
        "count(*) FILTER (WHERE date_start > ?), min(date_start), max(coalesce(date_end, date_start)) "
        f"FROM events WHERE {where}", [first, last] + params).fetchone()
    before, after = (int(before or 0), int(after or 0)) if first is not None else (0, 0)
    return {"window": [json_value(first), json_value(last)], "first_date": json_value(first_date),
            "last_date": json_value(last_date), "total": int(total), "undated": int(undated),
            "before": before, "after": after, "in_window": int(total) - int(undated) - before - after}

__all__ = ["NETWORK_LEVELS", "PLACE_LEVELS", "POINT_PRECISIONS", "place_aggregates", "rolled_network", "time_extent"]
