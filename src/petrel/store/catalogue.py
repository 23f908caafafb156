"""Everything but events: actors, documents, quotes, stories and the store's summary.

Each listing answers a :class:`~petrel.store.pages.Page` sorted by a key of its own whitelist
(:data:`ACTOR_SORTS`, :data:`DOCUMENT_SORTS`, :data:`STORY_SORTS`); a missing id raises
:class:`~petrel.errors.NotFound` (E404).
"""

from __future__ import annotations

import duckdb

from petrel.errors import NotFound, QueryError
from petrel.store.events import list_events
from petrel.store.filters import EventFilter
from petrel.store.pages import Page, Row, check_page, dicts, json_value, jsonable, order_by
from petrel.store.records import strip_sentence


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
_DOC_COLUMNS = ("doc_id, source, fmt, status, reason_code, reason, url, outlet, published, title, "
                "word_count, story_id, near_dup_of, near_dup_score")
_ACTOR_COUNTS = (
    "counts AS (SELECT actor_id, count(*) AS num_events FROM ("
    "SELECT source_actor_id AS actor_id FROM events UNION ALL SELECT target_actor_id FROM events) "
    "WHERE actor_id IS NOT NULL GROUP BY 1)"
)


def list_actors(con: duckdb.DuckDBPyConnection, *, q: str | None = None, country: str | None = None,
                sort: str = "-events", limit: int = 50, offset: int = 0) -> Page:
    """Known actors (name or alias containing ``q``, of ``country``) with their event counts."""
    check_page(limit, offset)
    order = order_by(sort, ACTOR_SORTS)
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
    items = dicts(con.cursor().execute(f"{base} ORDER BY {order} LIMIT ? OFFSET ?", params + [limit, offset]))
    total = con.cursor().execute(f"SELECT count(*) FROM actors a WHERE {where}", params).fetchone()[0]
    return Page(items=items, total=int(total), limit=limit, offset=offset)


def get_actor(con: duckdb.DuckDBPyConnection, actor_id: str) -> Row:
    """One actor with event counts by role and class, top counterparts and first/last event dates."""
    rows = dicts(con.cursor().execute(
        "SELECT actor_id, name, country, sectors, kind, resolution, aliases, first_doc FROM actors "
        "WHERE actor_id = ?", [actor_id]))
    if not rows:
        raise NotFound(f"no actor {actor_id!r}", actor_id=actor_id)
    actor = rows[0]
    actor.update(_actor_stats(con, actor_id))
    actor["counterparts"] = _counterparts(con, actor_id)
    return actor


def _actor_stats(con: duckdb.DuckDBPyConnection, actor_id: str) -> Row:
    row = dicts(con.cursor().execute(
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
    return dicts(cur)


def actor_events(con: duckdb.DuckDBPyConnection, actor_id: str, *, role: str = "any", sort: str = "-date",
                 limit: int = 50, offset: int = 0) -> Page:
    """Events where the actor is the source, the target or either (``role`` source|target|any)."""
    if role not in ("any", "source", "target"):
        raise QueryError("role must be any, source or target", role=role)
    get_actor(con, actor_id)  # 404 for an unknown actor
    key = "actor" if role == "any" else role
    return list_events(con, EventFilter(**{key: actor_id}), sort=sort, limit=limit, offset=offset)


def list_documents(con: duckdb.DuckDBPyConnection, *, status: str | None = None, outlet: str | None = None,
                   q: str | None = None, story_id: str | None = None, sort: str = "-published",
                   limit: int = 50, offset: int = 0) -> Page:
    """Articles (ingested and rejected, with the reason) and how many event mentions each gave."""
    check_page(limit, offset)
    order = order_by(sort, DOCUMENT_SORTS)
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
    items = [jsonable(r) for r in dicts(con.cursor().execute(sql, params + [limit, offset]))]
    total = con.cursor().execute(f"SELECT count(*) FROM articles WHERE {where}", params).fetchone()[0]
    return Page(items=items, total=int(total), limit=limit, offset=offset)


def get_document(con: duckdb.DuckDBPyConnection, doc_id: str) -> Row:
    """One article with its text, event mentions (with offsets), quotes and actor mentions."""
    rows = dicts(con.cursor().execute(
        f"SELECT {_DOC_COLUMNS}, section, wire_credit, dateline, text FROM articles WHERE doc_id = ?", [doc_id]))
    if not rows:
        raise NotFound(f"no document {doc_id!r}", doc_id=doc_id)
    doc = jsonable(rows[0])
    doc["events"] = [strip_sentence(jsonable(r), "sentence", "sent_start", "sent_end")
                     for r in dicts(con.cursor().execute(
        "SELECT mention_id, event_id, type, status, cameo, quad_class, source_name, target_name, date, "
        "sentence, sent_start, sent_end, trigger, trigger_start, confidence FROM event_mentions "
        "WHERE doc_id = ? ORDER BY sent_start, mention_id", [doc_id]))]
    doc["quotes"] = dicts(con.cursor().execute(
        "SELECT quote_id, speaker_name, speaker_actor_id, cue, content, start_char, end_char, kind "
        "FROM quotes WHERE doc_id = ? ORDER BY start_char", [doc_id]))
    doc["actor_mentions"] = dicts(con.cursor().execute(
        "SELECT start_char, end_char, text, actor_id, name, country, resolution FROM mentions "
        "WHERE doc_id = ? ORDER BY start_char", [doc_id]))
    return doc


def list_quotes(con: duckdb.DuckDBPyConnection, *, doc_id: str | None = None, speaker: str | None = None,
                limit: int = 50, offset: int = 0) -> Page:
    """Quotes with their speaker and cue, optionally of one document or by a speaker (name or id contains)."""
    check_page(limit, offset)
    conds, params = ["TRUE"], []
    if doc_id:
        conds.append("q.doc_id = ?")
        params.append(doc_id)
    if speaker:
        conds.append("(contains(lower(coalesce(q.speaker_name, '')), ?) OR "
                     "contains(lower(coalesce(q.speaker_actor_id, '')), ?))")
        params += [speaker.lower()] * 2
    where = " AND ".join(conds)
    items = [jsonable(r) for r in dicts(con.cursor().execute(
        "SELECT q.quote_id, q.doc_id, q.speaker_name, q.speaker_actor_id, q.speaker_country, q.cue, q.content, "
        "q.start_char, q.end_char, q.kind, a.outlet, a.published, a.title FROM quotes q "
        f"LEFT JOIN articles a USING (doc_id) WHERE {where} "
        "ORDER BY a.published DESC NULLS LAST, q.doc_id, q.start_char LIMIT ? OFFSET ?", params + [limit, offset]))]
    total = con.cursor().execute(f"SELECT count(*) FROM quotes q WHERE {where}", params).fetchone()[0]
    return Page(items=items, total=int(total), limit=limit, offset=offset)


_STORY_COLUMNS = ("story_id, title, first_published, last_published, num_articles, num_events, num_sources, "
                  "top_actors")


def list_stories(con: duckdb.DuckDBPyConnection, *, q: str | None = None, sort: str = "-published",
                 limit: int = 50, offset: int = 0) -> Page:
    """Stories (articles and events grouped by dedup), newest first by default."""
    check_page(limit, offset)
    order = order_by(sort, STORY_SORTS)
    where, params = ("contains(lower(coalesce(title, '')), lower(?))", [q]) if q else ("TRUE", [])
    items = [jsonable(r) for r in dicts(con.cursor().execute(
        f"SELECT {_STORY_COLUMNS} FROM stories WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?",
        params + [limit, offset]))]
    total = con.cursor().execute(f"SELECT count(*) FROM stories WHERE {where}", params).fetchone()[0]
    return Page(items=items, total=int(total), limit=limit, offset=offset)


def story_timeline(con: duckdb.DuckDBPyConnection, story_id: str, *, limit: int = 500) -> Row:
    """A story with its articles in publication order and its events in date order."""
    rows = dicts(con.cursor().execute(f"SELECT {_STORY_COLUMNS} FROM stories WHERE story_id = ?", [story_id]))
    if not rows:
        raise NotFound(f"no story {story_id!r}", story_id=story_id)
    story = jsonable(rows[0])
    story["articles"] = [jsonable(r) for r in dicts(con.cursor().execute(
        "SELECT doc_id, outlet, published, title, url FROM articles WHERE story_id = ? "
        "ORDER BY published NULLS LAST, doc_id", [story_id]))]
    story["events"] = list_events(con, EventFilter(story_id=story_id), sort="date", limit=limit).items
    return story


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
    out["date_range"] = [json_value(first), json_value(last)]
    out["outlets"] = dict(cur.execute(
        "SELECT outlet, count(*) FROM articles WHERE outlet IS NOT NULL AND status = 'ok' "
        "GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20").fetchall())
    return out
