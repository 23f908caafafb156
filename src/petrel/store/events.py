"""Event reads: a page of events, counts, a full export stream and one event with its mentions.

A page of events selects only the columns it prints, from ``events`` alone, so a page is one query
(plus its count) and stays fast on millions of events; newest-first pages read a date window first
(:func:`window_cutoff`). A ``cache`` (kept by the HTTP server per read-only connection) spares the
statements whose answers only change when the database is written.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from datetime import date, timedelta

import duckdb

from petrel.errors import NotFound, QueryError
from petrel.store.cache import QueryCache
from petrel.store.filters import EventFilter, _where, filter_key
from petrel.store.merges import event_merges
from petrel.store.pages import Page, Params, Row, check_page, dicts, jsonable, order_by
from petrel.store.records import EVENT_COLUMNS, PROVENANCE_TYPES, event_records, strip_sentence
from petrel.store.specs import literal, param_error


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


def list_events(con: duckdb.DuckDBPyConnection, flt: EventFilter | None = None, *, sort: str = "-date",
                limit: int = 50, offset: int = 0, cache: QueryCache | None = None) -> Page:
    """One page of events matching ``flt``, sorted by a key of :data:`EVENT_SORTS`.

    ``cache`` (kept by the HTTP server per read-only connection) spares the statements whose answers
    only change when the database is written: the total, the actor id lookup and the stored date range.
    """
    flt = flt or EventFilter()
    check_page(limit, offset)
    order = order_by(sort, EVENT_SORTS)
    where, params = _where(con, flt, cache)
    total = _total(con, flt, where, params, cache)
    rows = None
    if sort == "-date" and not (flt.story_id or flt.doc_id):
        cutoff = window_cutoff(flt, total, _date_span(con, cache), offset + limit)
        rows = _recent_page(con, where, params, cutoff, limit, offset) if cutoff else None
    if rows is None:
        cur = con.cursor().execute(f"SELECT {event_columns(con)} FROM events WHERE {where} ORDER BY {order} "
                                   "LIMIT ? OFFSET ?", params + [limit, offset])
        rows = dicts(cur)
    undated = _undated(con, flt, where, params, cache)
    return Page(items=event_records(rows), total=total, limit=limit, offset=offset, undated=undated)


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
        f"SELECT {event_columns(con)} FROM events WHERE {where} AND date_start >= ? "
        f"ORDER BY {EVENT_SORTS['-date']} LIMIT ? OFFSET ?", params + [cutoff, limit, offset])
    rows = dicts(cur)
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
    check_page(1, offset)  # an export has no page cap: only a negative offset or a limit below 1 is wrong
    if limit is not None:
        if limit < 1:
            raise QueryError("limit must be at least 1", limit=limit)
        window, params = " LIMIT ? OFFSET ?", [*params, limit, offset]
    elif offset:
        window, params = " OFFSET ?", [*params, offset]
    cur = con.cursor()
    cur.execute(f"SELECT {event_columns(con)} FROM events WHERE {where} ORDER BY {order_by(sort, EVENT_SORTS)}{window}",
                params)
    names = [d[0] for d in cur.description]
    while batch := cur.fetchmany(batch_size):
        rows = [dict(zip(names, r, strict=True)) for r in batch]
        yield from event_records(rows)


def iter_events_jsonl(con: duckdb.DuckDBPyConnection, flt: EventFilter | None = None, *,
                      sort: str = "-date", batch_size: int = 1000) -> Iterator[str]:
    """Every matching event as one JSON line (no trailing newline), for exports."""
    for record in iter_events(con, flt, sort=sort, batch_size=batch_size):
        yield json.dumps(record, ensure_ascii=False)


def get_event(con: duckdb.DuckDBPyConnection, event_id: str) -> Row:
    """One event with every mention (sentence, outlet, title), its quotes and why mentions merged."""
    cur = con.cursor().execute(f"SELECT {event_columns(con)} FROM events WHERE event_id = ?", [event_id])
    rows = dicts(cur)
    if not rows:
        raise NotFound(f"no event {event_id!r}", event_id=event_id)
    record = event_records(rows)[0]
    record["event_mentions"] = _event_mentions_full(con, event_id)
    record["quotes"] = _event_quotes(con, event_id)
    record["merges"] = event_merges(con, event_id)
    return record


def event_columns(con: duckdb.DuckDBPyConnection) -> str:
    """What a query selects from ``events`` for :func:`event_record`: :data:`EVENT_COLUMNS` and the typed
    provenance, each column read as NULL from a store of an older schema opened read-only (4 has none of
    them, 5 no model_label, model_score nor blend on events)."""
    return f"{EVENT_COLUMNS}, {_typed(con, 'events', '')}"


def _typed(con: duckdb.DuckDBPyConnection, table: str, alias: str) -> str:
    """The provenance columns of ``table`` (``records.PROVENANCE_TYPES``), NULL where the store lacks one."""
    have = {name for (name,) in con.execute("SELECT column_name FROM information_schema.columns "
                                            "WHERE table_name = ?", [table]).fetchall()}
    return ", ".join(f"{alias}{column}" if column in have else f"NULL::{kind} AS {column}"
                     for column, kind in PROVENANCE_TYPES.items())


def _event_mentions_full(con: duckdb.DuckDBPyConnection, event_id: str) -> list[Row]:
    # the typed provenance (schema 5 and 6; a store of an older schema, read as it is, lacks some: NULL)
    typed = _typed(con, "event_mentions", "m.")
    cur = con.cursor().execute(
        "SELECT m.mention_id, m.doc_id, m.outlet, m.published, a.title, a.url, m.type, m.status, m.cameo, "
        "m.source_name, m.target_name, m.date, m.sentence, m.sent_start, m.sent_end, m.trigger, "
        f"m.trigger_start, m.rule, {typed}, m.confidence, m.quote_id, m.origin "
        "FROM event_mentions m LEFT JOIN articles a USING (doc_id) WHERE m.event_id = ? "
        "ORDER BY m.published NULLS LAST, m.mention_id", [event_id])
    return [strip_sentence(jsonable(r), "sentence", "sent_start", "sent_end") for r in dicts(cur)]


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
    return dicts(cur)
