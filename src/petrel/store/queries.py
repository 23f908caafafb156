"""Read queries over a petrel store: the one place the CLI, the HTTP API and users' scripts read events.

Every function takes a DuckDB connection (read-only is enough) and returns plain dicts shaped like the
event JSONL contract (``docs/architecture.md``), so the CLI, the API and exports print the same thing.

Rules this module keeps:

- every value a user gives is a bound parameter; the only SQL text built here comes from constant
  tables (column lists, the sort whitelist ``EVENT_SORTS``, interval and grouping names);
- a page of events selects only the columns it prints, from ``events`` alone: the evidence sentence
  and the reporting documents are stored on the event row by the dedup writer, so a page is one query
  (plus its count) and stays fast on millions of events;
- bad input raises :class:`petrel.errors.QueryError` (E400) and a missing id :class:`NotFound` (E404).

An *actor spec* (``actor``, ``source``, ``target``, dyad sides) matches an actor id, an actor name or
alias, a country code or a country name (case and accents do not count), so ``source=ISR`` and
``source=Israel`` mean "any Israeli actor"; ``country`` takes a country code, name or demonym. A spec
that matches nothing is an error with suggestions (:mod:`petrel.store.specs`).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from dataclasses import dataclass, field, fields
from datetime import date, datetime, timedelta
from typing import Any

import duckdb

from petrel.errors import NotFound, QueryError
from petrel.store.cache import QueryCache
from petrel.store.filters import (  # noqa: F401 - re-exported: the filter is part of this module's API
    QUAD_CLASSES,
    EventFilter,
    Resolved,
    _actor_clause,
    _side,
    _where,
    filter_key,
    resolve_filter,
    where_clause,
)
from petrel.store.merges import event_merges
from petrel.store.specs import literal, param_error

Row = dict[str, Any]
Params = list[Any]

MAX_LIMIT = 100_000  # the library's cap; the HTTP API sets its own, smaller ones
INTERVALS: tuple[str, ...] = ("day", "week", "month", "year")
SERIES_BY: tuple[str, ...] = ("quad_class", "type", "status")

# Ties break on the row id: stable for a given database, and far cheaper in a top-N than a string.
EVENT_SORTS: dict[str, str] = {
    "date": "date_start ASC NULLS LAST, rowid",
    "-date": "date_start DESC NULLS LAST, rowid",
    "seen": "first_seen ASC NULLS LAST, rowid",
    "-seen": "first_seen DESC NULLS LAST, rowid",
    "confidence": "confidence ASC NULLS LAST, rowid",
    "-confidence": "confidence DESC NULLS LAST, rowid",
    "articles": "num_articles ASC NULLS LAST, rowid",
    "-articles": "num_articles DESC NULLS LAST, rowid",
    "goldstein": "goldstein ASC NULLS LAST, rowid",
    "-goldstein": "goldstein DESC NULLS LAST, rowid",
    "num_sources": "num_sources ASC NULLS LAST, rowid",
    "-num_sources": "num_sources DESC NULLS LAST, rowid",
    "type": "type ASC, rowid",
    "-type": "type DESC, rowid",
}
ACTOR_SORTS: dict[str, str] = {
    "name": "name ASC, actor_id", "-name": "name DESC, actor_id",
    "events": "num_events ASC, actor_id", "-events": "num_events DESC, actor_id",
}
DOCUMENT_SORTS: dict[str, str] = {
    "published": "published ASC NULLS LAST, doc_id", "-published": "published DESC NULLS LAST, doc_id",
    "outlet": "outlet ASC NULLS LAST, doc_id", "-outlet": "outlet DESC NULLS LAST, doc_id",
    "events": "num_events ASC, doc_id", "-events": "num_events DESC, doc_id",
}
STORY_SORTS: dict[str, str] = {
    "published": "first_published ASC NULLS LAST, story_id",
    "-published": "last_published DESC NULLS LAST, story_id",
    "articles": "num_articles ASC, story_id", "-articles": "num_articles DESC, story_id",
    "events": "num_events ASC, story_id", "-events": "num_events DESC, story_id",
}

_EVENT_COLUMNS = (
    "event_id, type, mode, context, cameo, quad_class, goldstein, status, "
    "source_name, source_actor_id, source_country, source_sector, "
    "target_name, target_actor_id, target_country, target_sector, "
    "date, date_precision, date_start, date_end, place_name, place_country, place_admin1, lat, lon, "
    "place_precision, place_basis, num_mentions, num_articles, num_sources, first_seen, last_seen, confidence, "
    "story_id, rep_mention_id, evidence, mention_docs"
)
_DOC_COLUMNS = ("doc_id, source, fmt, status, reason_code, reason, url, outlet, published, title, "
                "word_count, story_id, near_dup_of, near_dup_score")


# -- pages and row shapes ---------------------------------------------------------------------


@dataclass(slots=True)
class Page:
    """One page of results and the total number of matching rows."""

    items: list[Row]
    total: int
    limit: int
    offset: int
    undated: int | None = None  # events of ``total`` without a day (listed last under the date sorts)

    def to_dict(self) -> Row:
        out = {"items": self.items, "total": self.total, "limit": self.limit, "offset": self.offset}
        if self.undated is not None:
            out["undated"] = self.undated
        return out


def _check_page(limit: int, offset: int) -> None:
    if not 1 <= limit <= MAX_LIMIT:
        raise QueryError(f"limit must be between 1 and {MAX_LIMIT}", limit=limit)
    if offset < 0:
        raise QueryError("offset must not be negative", offset=offset)


def _order(sort: str, table: dict[str, str]) -> str:
    if sort not in table:
        raise param_error(f"unknown {{sort}} {literal(sort)}", allowed=list(table))
    return table[sort]


def sort_key(sort: str | None = None, order: str | None = None, *, default: str = "-date") -> str:
    """One key of :data:`EVENT_SORTS` from a sort name (``-`` prefix for descending) and an order.

    ``order`` (``asc`` or ``desc``) sets the direction whatever the prefix; without a sort, the
    ``default`` key's field is sorted (newest first for the default ``-date``).
    """
    key = (sort or default).strip()
    if order is None or order == "":
        return key
    if order not in ("asc", "desc"):
        raise param_error(f"{{order}} must be asc or desc, not {literal(order)}")
    return ("-" if order == "desc" else "") + key.lstrip("-")


def _dicts(cur: duckdb.DuckDBPyConnection) -> list[Row]:
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def _json_value(value: Any) -> Any:
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return value


def _jsonable(row: Row) -> Row:
    return {k: _json_value(v) for k, v in row.items()}


def _actor(row: Row, side: str) -> Row | None:
    name, actor_id = row.get(f"{side}_name"), row.get(f"{side}_actor_id")
    if name is None and actor_id is None:
        return None
    return {"name": name or actor_id, "actor_id": actor_id, "country": row.get(f"{side}_country"),
            "sector": list(row.get(f"{side}_sector") or [])}


def _place(row: Row) -> Row | None:
    if row.get("place_name") is None and row.get("lat") is None:
        return None
    return {"name": row["place_name"], "country": row["place_country"], "admin1": row["place_admin1"],
            "lat": row["lat"], "lon": row["lon"], "precision": row["place_precision"],
            "basis": row.get("place_basis")}


def _evidence(ev: Row | None) -> Row | None:
    """The stored ``evidence`` struct (already in the printed shape, keys in order) or None.

    The sentence is stripped of surrounding whitespace, its offsets moved to match.
    """
    if ev is None:
        return None
    out = dict(ev)
    return strip_sentence(out, "sentence", "start", "end")


def strip_sentence(row: Row, text: str, start: str, end: str) -> Row:
    """``row[text]`` without surrounding whitespace, ``row[start]``/``row[end]`` moved to match (in place)."""
    sentence = row.get(text)
    if not isinstance(sentence, str):
        return row
    stripped = sentence.strip()
    if stripped != sentence:
        lead = len(sentence) - len(sentence.lstrip())
        row[text] = stripped
        if row.get(start) is not None:
            row[start] += lead
        if row.get(end) is not None:
            row[end] = row[start] + len(stripped) if row.get(start) is not None else row[end]
    return row


def _mention_docs(docs: list[Row] | None) -> list[Row]:
    """One entry per reporting document with what that document said: its sentence, offsets and trigger."""
    return [{"doc_id": d["doc_id"], "outlet": d["outlet"], "published": _json_value(d["published"]),
             "mention_id": d.get("mention_id"), "sentence": d.get("sentence"), "start": d.get("start"),
             "end": d.get("end"), "trigger": d.get("trigger"), "trigger_start": d.get("trigger_start")}
            for d in docs or []]


def event_record(row: Row) -> Row:
    """An ``events`` row in the event JSONL contract shape, plus quad class, Goldstein and story.

    Evidence and per-document mentions come from the row's ``evidence`` and ``mention_docs`` columns,
    which the dedup writer stores with the event, so no page needs a second query.
    """
    mentions = _mention_docs(row["mention_docs"])
    return {
        "event_id": row["event_id"], "type": row["type"], "mode": row["mode"],
        "context": list(row["context"] or []), "cameo": row["cameo"], "status": row["status"],
        "source": _actor(row, "source"), "target": _actor(row, "target"),
        "date": row["date"], "date_precision": row["date_precision"], "place": _place(row),
        "evidence": _evidence(row["evidence"]), "mentions": mentions,
        "num_articles": row["num_articles"] or len(mentions), "num_sources": row["num_sources"] or 0,
        "num_mentions": row["num_mentions"], "confidence": row["confidence"],
        "quad_class": row["quad_class"], "goldstein": row["goldstein"], "story_id": row["story_id"],
        "first_seen": _json_value(row["first_seen"]), "last_seen": _json_value(row["last_seen"]),
    }


def _records(rows: list[Row]) -> list[Row]:
    return [event_record(row) for row in rows]


# -- events -----------------------------------------------------------------------------------


def list_events(con: duckdb.DuckDBPyConnection, flt: EventFilter | None = None, *, sort: str = "-date",
                limit: int = 50, offset: int = 0, cache: QueryCache | None = None) -> Page:
    """One page of events matching ``flt``, sorted by a key of :data:`EVENT_SORTS`.

    ``cache`` (kept by the HTTP server per read-only connection) spares the statements whose answers
    only change when the database is written: the total, the actor id lookup and the stored date range.
    """
    flt = flt or EventFilter()
    _check_page(limit, offset)
    order = _order(sort, EVENT_SORTS)
    where, params = _where(con, flt, cache)
    total = _total(con, flt, where, params, cache)
    rows = None
    if sort == "-date" and not (flt.story_id or flt.doc_id):
        cutoff = window_cutoff(flt, total, _date_span(con, cache), offset + limit)
        rows = _recent_page(con, where, params, cutoff, limit, offset) if cutoff else None
    if rows is None:
        cur = con.cursor().execute(f"SELECT {_EVENT_COLUMNS} FROM events WHERE {where} ORDER BY {order} "
                                   "LIMIT ? OFFSET ?", params + [limit, offset])
        rows = _dicts(cur)
    undated = _undated(con, flt, where, params, cache)
    return Page(items=_records(rows), total=total, limit=limit, offset=offset, undated=undated)


MIN_WINDOW_DAYS = 7
WINDOW_MARGIN = 2.0  # the window is sized to hold this many times the rows the page needs, on average


def window_cutoff(flt: EventFilter, total: int, span: tuple[date | None, date | None], wanted: int) -> date | None:
    """First day of a newest-first window expected to hold ``wanted`` matches, or None for no window.

    ``span`` is the (first, last) ``date_start`` of the store. The window ends at the last day the filter
    allows and is as long as the filter's average density says ``WINDOW_MARGIN * wanted`` matches need
    (at least ``MIN_WINDOW_DAYS``). None when fewer than ``wanted`` events match (the page is not full,
    so no window can hold it) or when the window would cover the whole range anyway.
    """
    first, newest = span
    if first is None or newest is None or total < wanted:
        return None
    last = min(newest, flt.date_to) if flt.date_to else newest
    start = max(first, flt.date_from) if flt.date_from else first
    days = (last - start).days + 1
    window = max(MIN_WINDOW_DAYS, math.ceil(WINDOW_MARGIN * wanted * max(days, 1) / max(total, 1)))
    return last - timedelta(days=window - 1) if window < days else None


def _recent_page(con: duckdb.DuckDBPyConnection, where: str, params: Params, cutoff: date,
                 limit: int, offset: int) -> list[Row] | None:
    """The newest-first page read from events starting on or after ``cutoff``, or None when too few do.

    Exact: if the window holds a full page at this offset, every event outside it starts earlier and
    sorts after the page (the caller then reads the page with the plain sort). It spares a top-N over
    everything that matches, and on a store written in date order DuckDB skips the row groups before
    the cutoff altogether; the smaller the window, the fewer rows are scanned and materialised.
    """
    cur = con.cursor().execute(
        f"SELECT {_EVENT_COLUMNS} FROM events WHERE {where} AND date_start >= ? "
        f"ORDER BY {EVENT_SORTS['-date']} LIMIT ? OFFSET ?", params + [cutoff, limit, offset])
    rows = _dicts(cur)
    return rows if len(rows) == limit else None


def _date_span(con: duckdb.DuckDBPyConnection, cache: QueryCache | None) -> tuple[date | None, date | None]:
    """The first and last ``date_start`` of the store."""
    def read() -> tuple[date | None, date | None]:
        first, last = con.cursor().execute("SELECT min(date_start), max(date_start) FROM events").fetchone()
        return first, last
    return read() if cache is None else cache.get(("date_span",), read)


def count_events(con: duckdb.DuckDBPyConnection, flt: EventFilter | None = None, *,
                 cache: QueryCache | None = None) -> int:
    """How many events match ``flt`` (remembered in ``cache`` per filter when one is given)."""
    flt = flt or EventFilter()
    where, params = _where(con, flt, cache)
    return _total(con, flt, where, params, cache)


def _total(con: duckdb.DuckDBPyConnection, flt: EventFilter, where: str, params: Params,
           cache: QueryCache | None) -> int:
    """The count over ``where`` (the clause of ``flt``), from ``cache`` when it knows this filter."""
    def read() -> int:
        return int(con.cursor().execute(f"SELECT count(*) FROM events WHERE {where}", params).fetchone()[0])
    return read() if cache is None else cache.get(("count_events", filter_key(flt)), read)


def count_undated(con: duckdb.DuckDBPyConnection, flt: EventFilter | None = None, *,
                  cache: QueryCache | None = None) -> int:
    """How many events matching ``flt`` have no date: counted and listed (last), never dropped."""
    flt = flt or EventFilter()
    where, params = _where(con, flt, cache)
    return _undated(con, flt, where, params, cache)


def _undated(con: duckdb.DuckDBPyConnection, flt: EventFilter, where: str, params: Params,
             cache: QueryCache | None) -> int:
    if flt.date_from or flt.date_to:
        return 0  # a date filter keeps dated events only
    def read() -> int:
        return int(con.cursor().execute(f"SELECT count(*) FROM events WHERE ({where}) AND date_start IS NULL",
                                        params).fetchone()[0])
    return read() if cache is None else cache.get(("count_undated", filter_key(flt)), read)


def iter_events(con: duckdb.DuckDBPyConnection, flt: EventFilter | None = None, *,
                sort: str = "-date", batch_size: int = 1000, cache: QueryCache | None = None,
                limit: int | None = None, offset: int = 0) -> Iterator[Row]:
    """Every matching event (or ``limit`` from ``offset``) as a contract dict, newest first by default.

    Read in batches (for exports); the query runs (and a bad filter raises) when the iteration starts.
    """
    where, params = _where(con, flt, cache)
    window = ""
    _check_page(1, offset)  # an export has no page cap: only a negative offset or a limit below 1 is wrong
    if limit is not None:
        if limit < 1:
            raise QueryError("limit must be at least 1", limit=limit)
        window, params = " LIMIT ? OFFSET ?", [*params, limit, offset]
    elif offset:
        window, params = " OFFSET ?", [*params, offset]
    cur = con.cursor()
    cur.execute(f"SELECT {_EVENT_COLUMNS} FROM events WHERE {where} ORDER BY {_order(sort, EVENT_SORTS)}{window}",
                params)
    names = [d[0] for d in cur.description]
    while batch := cur.fetchmany(batch_size):
        rows = [dict(zip(names, r, strict=True)) for r in batch]
        yield from _records(rows)


def iter_events_jsonl(con: duckdb.DuckDBPyConnection, flt: EventFilter | None = None, *,
                      sort: str = "-date", batch_size: int = 1000) -> Iterator[str]:
    """Every matching event as one JSON line (no trailing newline), for exports."""
    for record in iter_events(con, flt, sort=sort, batch_size=batch_size):
        yield json.dumps(record, ensure_ascii=False)


def get_event(con: duckdb.DuckDBPyConnection, event_id: str) -> Row:
    """One event with every mention (sentence, outlet, title), its quotes and why mentions merged."""
    cur = con.cursor().execute(f"SELECT {_EVENT_COLUMNS} FROM events WHERE event_id = ?", [event_id])
    rows = _dicts(cur)
    if not rows:
        raise NotFound(f"no event {event_id!r}", event_id=event_id)
    record = _records(rows)[0]
    record["event_mentions"] = _event_mentions_full(con, event_id)
    record["quotes"] = _event_quotes(con, event_id)
    record["merges"] = event_merges(con, event_id)
    return record


def _event_mentions_full(con: duckdb.DuckDBPyConnection, event_id: str) -> list[Row]:
    cur = con.cursor().execute(
        "SELECT m.mention_id, m.doc_id, m.outlet, m.published, a.title, a.url, m.type, m.status, m.cameo, "
        "m.source_name, m.target_name, m.date, m.sentence, m.sent_start, m.sent_end, m.trigger, "
        "m.trigger_start, m.rule, m.confidence, m.quote_id, m.origin, m.model_label, m.model_score "
        "FROM event_mentions m LEFT JOIN articles a USING (doc_id) WHERE m.event_id = ? "
        "ORDER BY m.published NULLS LAST, m.mention_id", [event_id])
    return [strip_sentence(_jsonable(r), "sentence", "sent_start", "sent_end") for r in _dicts(cur)]


def _event_quotes(con: duckdb.DuckDBPyConnection, event_id: str) -> list[Row]:
    """Quotes an event mention points to, and quotes by the event's actors in its documents."""
    cur = con.cursor().execute(
        "WITH em AS (SELECT doc_id, quote_id, source_actor_id, target_actor_id FROM event_mentions "
        "WHERE event_id = ?) "
        "SELECT DISTINCT q.quote_id, q.doc_id, q.speaker_name, q.speaker_actor_id, q.speaker_country, q.cue, "
        "q.content, q.start_char, q.end_char, q.kind FROM quotes q "
        "WHERE q.quote_id IN (SELECT quote_id FROM em) OR (q.doc_id IN (SELECT doc_id FROM em) AND "
        "q.speaker_actor_id IN (SELECT source_actor_id FROM em UNION SELECT target_actor_id FROM em)) "
        "ORDER BY q.doc_id, q.start_char", [event_id])
    return _dicts(cur)


# -- aggregates over a filter (timeline, network, map) -----------------------------------------


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
    _check_page(limit, 0)
    where, params = _where(con, flt)
    cur = con.cursor().execute(
        "SELECT coalesce(source_actor_id, source_name) AS source, coalesce(target_actor_id, target_name) AS target, "
        "any_value(source_name) AS source_name, any_value(target_name) AS target_name, "
        "any_value(source_country) AS source_country, any_value(target_country) AS target_country, "
        "count(*) AS count, count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict, "
        "count(*) FILTER (WHERE quad_class IN (1, 2)) AS cooperation, round(avg(goldstein), 3) AS goldstein "
        f"FROM events WHERE {where} AND target_name IS NOT NULL AND source_name IS NOT NULL "
        "GROUP BY 1, 2 ORDER BY count DESC, source, target LIMIT ?", params + [limit])
    edges = _dicts(cur)
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
    _check_page(limit, 0)
    where, params = _where(con, flt)
    cur = con.cursor().execute(
        "SELECT any_value(place_name) AS name, place_country AS country, round(lat, 4) AS lat, "
        "round(lon, 4) AS lon, count(*) AS count, count(*) FILTER (WHERE quad_class IN (3, 4)) AS conflict "
        f"FROM events WHERE {where} AND lat IS NOT NULL AND lon IS NOT NULL "
        "GROUP BY 2, 3, 4 ORDER BY count DESC, name LIMIT ?", params + [limit])
    return _dicts(cur)


# -- actors -----------------------------------------------------------------------------------


_ACTOR_COUNTS = (
    "counts AS (SELECT actor_id, count(*) AS num_events FROM ("
    "SELECT source_actor_id AS actor_id FROM events UNION ALL SELECT target_actor_id FROM events) "
    "WHERE actor_id IS NOT NULL GROUP BY 1)"
)


def list_actors(con: duckdb.DuckDBPyConnection, *, q: str | None = None, country: str | None = None,
                sort: str = "-events", limit: int = 50, offset: int = 0) -> Page:
    """Known actors (name or alias containing ``q``, of ``country``) with their event counts."""
    _check_page(limit, offset)
    order = _order(sort, ACTOR_SORTS)
    conds, params = ["TRUE"], []
    if q:
        conds.append("(contains(lower(a.name), lower(?)) OR list_contains(list_transform(a.aliases, x -> lower(x)), lower(?)) OR a.actor_id = ?)")
        params += [q, q, q]
    if country:
        conds.append("a.country = upper(?)")
        params.append(country)
    where = " AND ".join(conds)
    base = (f"WITH {_ACTOR_COUNTS} SELECT a.actor_id, a.name, a.country, a.sectors, a.kind, a.resolution, "
            "a.aliases, coalesce(c.num_events, 0) AS num_events FROM actors a LEFT JOIN counts c USING (actor_id) "
            f"WHERE {where}")
    items = _dicts(con.cursor().execute(f"{base} ORDER BY {order} LIMIT ? OFFSET ?", params + [limit, offset]))
    total = con.cursor().execute(f"SELECT count(*) FROM actors a WHERE {where}", params).fetchone()[0]
    return Page(items=items, total=int(total), limit=limit, offset=offset)


def get_actor(con: duckdb.DuckDBPyConnection, actor_id: str) -> Row:
    """One actor with event counts by role and class, top counterparts and first/last event dates."""
    rows = _dicts(con.cursor().execute(
        "SELECT actor_id, name, country, sectors, kind, resolution, aliases, first_doc FROM actors "
        "WHERE actor_id = ?", [actor_id]))
    if not rows:
        raise NotFound(f"no actor {actor_id!r}", actor_id=actor_id)
    actor = rows[0]
    actor.update(_actor_stats(con, actor_id))
    actor["counterparts"] = _counterparts(con, actor_id)
    return actor


def _actor_stats(con: duckdb.DuckDBPyConnection, actor_id: str) -> Row:
    row = _dicts(con.cursor().execute(
        "SELECT count(*) FILTER (WHERE source_actor_id = ?) AS as_source, "
        "count(*) FILTER (WHERE target_actor_id = ?) AS as_target, "
        "CAST(min(date_start) AS VARCHAR) AS first_date, CAST(max(date_end) AS VARCHAR) AS last_date "
        "FROM events WHERE source_actor_id = ? OR target_actor_id = ?", [actor_id] * 4))[0]
    row["by_quad_class"] = {str(k): v for k, v in con.cursor().execute(
        "SELECT quad_class, count(*) FROM events WHERE (source_actor_id = ? OR target_actor_id = ?) "
        "AND quad_class IS NOT NULL GROUP BY 1 ORDER BY 1", [actor_id] * 2).fetchall()}
    return row


def _counterparts(con: duckdb.DuckDBPyConnection, actor_id: str, limit: int = 10) -> list[Row]:
    cur = con.cursor().execute(
        "SELECT CASE WHEN source_actor_id = ? THEN coalesce(target_actor_id, target_name) "
        "ELSE coalesce(source_actor_id, source_name) END AS actor, "
        "any_value(CASE WHEN source_actor_id = ? THEN target_name ELSE source_name END) AS name, "
        "count(*) AS count, round(avg(goldstein), 3) AS goldstein FROM events "
        "WHERE (source_actor_id = ? OR target_actor_id = ?) GROUP BY 1 HAVING actor IS NOT NULL "
        "ORDER BY count DESC, actor LIMIT ?", [actor_id] * 4 + [limit])
    return _dicts(cur)


def actor_events(con: duckdb.DuckDBPyConnection, actor_id: str, *, role: str = "any", sort: str = "-date",
                 limit: int = 50, offset: int = 0) -> Page:
    """Events where the actor is the source, the target or either (``role`` source|target|any)."""
    if role not in ("any", "source", "target"):
        raise QueryError("role must be any, source or target", role=role)
    get_actor(con, actor_id)  # 404 for an unknown actor
    key = "actor" if role == "any" else role
    return list_events(con, EventFilter(**{key: actor_id}), sort=sort, limit=limit, offset=offset)


# -- documents --------------------------------------------------------------------------------


def list_documents(con: duckdb.DuckDBPyConnection, *, status: str | None = None, outlet: str | None = None,
                   q: str | None = None, story_id: str | None = None, sort: str = "-published",
                   limit: int = 50, offset: int = 0) -> Page:
    """Articles (ingested and rejected, with the reason) and how many event mentions each gave."""
    _check_page(limit, offset)
    order = _order(sort, DOCUMENT_SORTS)
    conds, params = ["TRUE"], []
    for column, value in (("status", status), ("story_id", story_id)):
        if value:
            conds.append(f"{column} = ?")
            params.append(value)
    if outlet:
        conds.append("lower(outlet) = lower(?)")
        params.append(outlet)
    if q:
        conds.append("contains(lower(coalesce(title, '')), lower(?))")
        params.append(q)
    where = " AND ".join(conds)
    sql = (f"SELECT {_DOC_COLUMNS}, (SELECT count(*) FROM event_mentions m WHERE m.doc_id = articles.doc_id) "
           f"AS num_events FROM articles WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?")
    items = [_jsonable(r) for r in _dicts(con.cursor().execute(sql, params + [limit, offset]))]
    total = con.cursor().execute(f"SELECT count(*) FROM articles WHERE {where}", params).fetchone()[0]
    return Page(items=items, total=int(total), limit=limit, offset=offset)


def get_document(con: duckdb.DuckDBPyConnection, doc_id: str) -> Row:
    """One article with its text, event mentions (with offsets), quotes and actor mentions."""
    rows = _dicts(con.cursor().execute(
        f"SELECT {_DOC_COLUMNS}, section, wire_credit, dateline, text FROM articles WHERE doc_id = ?", [doc_id]))
    if not rows:
        raise NotFound(f"no document {doc_id!r}", doc_id=doc_id)
    doc = _jsonable(rows[0])
    doc["events"] = [strip_sentence(_jsonable(r), "sentence", "sent_start", "sent_end")
                     for r in _dicts(con.cursor().execute(
        "SELECT mention_id, event_id, type, status, cameo, quad_class, source_name, target_name, date, "
        "sentence, sent_start, sent_end, trigger, trigger_start, confidence FROM event_mentions "
        "WHERE doc_id = ? ORDER BY sent_start, mention_id", [doc_id]))]
    doc["quotes"] = _dicts(con.cursor().execute(
        "SELECT quote_id, speaker_name, speaker_actor_id, cue, content, start_char, end_char, kind "
        "FROM quotes WHERE doc_id = ? ORDER BY start_char", [doc_id]))
    doc["actor_mentions"] = _dicts(con.cursor().execute(
        "SELECT start_char, end_char, text, actor_id, name, country, resolution FROM mentions "
        "WHERE doc_id = ? ORDER BY start_char", [doc_id]))
    return doc


# -- quotes -----------------------------------------------------------------------------------


def list_quotes(con: duckdb.DuckDBPyConnection, *, doc_id: str | None = None, speaker: str | None = None,
                limit: int = 50, offset: int = 0) -> Page:
    """Quotes with their speaker and cue, optionally of one document or by a speaker (name or id contains)."""
    _check_page(limit, offset)
    conds, params = ["TRUE"], []
    if doc_id:
        conds.append("q.doc_id = ?")
        params.append(doc_id)
    if speaker:
        conds.append("(contains(lower(coalesce(q.speaker_name, '')), ?) OR "
                     "contains(lower(coalesce(q.speaker_actor_id, '')), ?))")
        params += [speaker.lower()] * 2
    where = " AND ".join(conds)
    items = [_jsonable(r) for r in _dicts(con.cursor().execute(
        "SELECT q.quote_id, q.doc_id, q.speaker_name, q.speaker_actor_id, q.speaker_country, q.cue, q.content, "
        "q.start_char, q.end_char, q.kind, a.outlet, a.published, a.title FROM quotes q "
        f"LEFT JOIN articles a USING (doc_id) WHERE {where} "
        "ORDER BY a.published DESC NULLS LAST, q.doc_id, q.start_char LIMIT ? OFFSET ?", params + [limit, offset]))]
    total = con.cursor().execute(f"SELECT count(*) FROM quotes q WHERE {where}", params).fetchone()[0]
    return Page(items=items, total=int(total), limit=limit, offset=offset)


# -- stories ----------------------------------------------------------------------------------


_STORY_COLUMNS = ("story_id, title, first_published, last_published, num_articles, num_events, num_sources, "
                  "top_actors")


def list_stories(con: duckdb.DuckDBPyConnection, *, q: str | None = None, sort: str = "-published",
                 limit: int = 50, offset: int = 0) -> Page:
    """Stories (articles and events grouped by dedup), newest first by default."""
    _check_page(limit, offset)
    order = _order(sort, STORY_SORTS)
    where, params = ("contains(lower(coalesce(title, '')), lower(?))", [q]) if q else ("TRUE", [])
    items = [_jsonable(r) for r in _dicts(con.cursor().execute(
        f"SELECT {_STORY_COLUMNS} FROM stories WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?",
        params + [limit, offset]))]
    total = con.cursor().execute(f"SELECT count(*) FROM stories WHERE {where}", params).fetchone()[0]
    return Page(items=items, total=int(total), limit=limit, offset=offset)


def story_timeline(con: duckdb.DuckDBPyConnection, story_id: str, *, limit: int = 500) -> Row:
    """A story with its articles in publication order and its events in date order."""
    rows = _dicts(con.cursor().execute(f"SELECT {_STORY_COLUMNS} FROM stories WHERE story_id = ?", [story_id]))
    if not rows:
        raise NotFound(f"no story {story_id!r}", story_id=story_id)
    story = _jsonable(rows[0])
    story["articles"] = [_jsonable(r) for r in _dicts(con.cursor().execute(
        "SELECT doc_id, outlet, published, title, url FROM articles WHERE story_id = ? "
        "ORDER BY published NULLS LAST, doc_id", [story_id]))]
    story["events"] = list_events(con, EventFilter(story_id=story_id), sort="date", limit=limit).items
    return story


# -- summary ----------------------------------------------------------------------------------


def summary(con: duckdb.DuckDBPyConnection) -> Row:
    """Counts per table and per event type, class and status, the date range and the top outlets."""
    cur = con.cursor()
    out: Row = {"articles": dict(cur.execute("SELECT status, count(*) FROM articles GROUP BY 1 ORDER BY 1").fetchall())}
    for table in ("events", "event_mentions", "actors", "quotes", "stories"):
        out[table] = int(cur.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # noqa: S608 (constant)
    for column in ("type", "quad_class", "status"):
        pairs = cur.execute(f"SELECT {column}, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC, 1").fetchall()
        out[f"by_{column}"] = {str(k): v for k, v in pairs}
    first, last = cur.execute("SELECT min(date_start), max(date_end) FROM events").fetchone()
    out["date_range"] = [_json_value(first), _json_value(last)]
    out["outlets"] = dict(cur.execute(
        "SELECT outlet, count(*) FROM articles WHERE outlet IS NOT NULL AND status = 'ok' "
        "GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20").fetchall())
    return out


__all__ = [
    "EVENT_SORTS", "INTERVALS", "MAX_LIMIT", "QUAD_CLASSES", "SERIES_BY", "EventFilter", "Page",
    "QueryCache", "Resolved", "actor_events", "count_events", "dyad_series", "event_network", "event_places", "event_record",
    "event_timeline", "get_actor", "get_document", "get_event", "iter_events", "iter_events_jsonl",
    "filter_key", "list_actors", "resolve_filter", "sort_key", "list_documents", "list_events", "list_quotes", "list_stories", "story_timeline",
    "summary", "where_clause",
]

