"""Stories: articles and events that belong to one developing news story.

A story is a connected component of a graph whose nodes are articles, events and "dyad buckets", with
edges (each only within ``settings.story_window_days``):

- article -- event: the article carries a mention of the event and was published at most the window after
  the event was first seen (an old event recalled as background months later does not glue stories);
- article -- article: a near-duplicate link, or an ``article_pairs`` text similarity (MinHash estimate)
  of at least ``STORY_TEXT_MIN`` between articles published within the window;
- event -- dyad bucket: events of one type family between the same two actors (unordered) first seen in
  the same window-sized bucket of days (shared actors).

The story id is ``st-`` plus 16 hex digits of the md5 of its earliest article id (earliest published, then
first ingested), so it stays stable as later articles join. Stories are recomputed whole on each refresh
(vectorised: a few SQL statements and one NumPy components pass).
"""

from __future__ import annotations

import duckdb
import numpy as np
import pyarrow as pa

from petrel.config import Settings
from petrel.dedup import compat
from petrel.dedup._sql import arrays, drop_temp, temp_table
from petrel.dedup.components import connected_components
from petrel.dedup.records import StoryResult, StorySummary, TimelineEntry
from petrel.errors import NotFound, QueryError

STORY_TEXT_MIN = 0.3
TOP_ACTORS = 3
_TEMPS = ("st_edges", "st_nodes", "st_label", "st_article", "st_event")


def build_stories(con: duckdb.DuckDBPyConnection, settings: Settings) -> StoryResult:
    """Recompute stories, ``articles.story_id`` and ``events.story_id``."""
    _edges(con, settings.story_window_days)
    n = _node_ids(con)
    edges = arrays(con, """SELECT nu.id AS u, nv.id AS v FROM st_edges
                           JOIN st_nodes nu ON nu.n = st_edges.u JOIN st_nodes nv ON nv.n = st_edges.v""")
    labels = connected_components(n, edges["u"], edges["v"])
    temp_table(con, "st_label", pa.table({"id": pa.array(np.arange(n)), "label": pa.array(labels)}))
    _story_ids(con)
    _write_story_ids(con)
    _write_stories(con)
    drop_temp(con, *_TEMPS)
    return StoryResult(stories=_count(con, "stories"),
                       articles=_count(con, "articles WHERE story_id IS NOT NULL"),
                       events=_count(con, "events WHERE story_id IS NOT NULL"))


def _count(con: duckdb.DuckDBPyConnection, what: str) -> int:
    return int(con.execute(f"SELECT count(*) FROM {what}").fetchone()[0])  # noqa: S608 (internal)


def _edges(con: duckdb.DuckDBPyConnection, window: int) -> None:
    family = compat.case_map("e.type", compat.TYPE_FAMILIES, "e.type")
    width = window + 1
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE st_edges AS
        SELECT DISTINCT 'a:' || m.doc_id AS u, 'e:' || m.event_id AS v
        FROM event_mentions m JOIN events e USING (event_id) LEFT JOIN articles a USING (doc_id)
        WHERE coalesce(m.published, a.published, a.ingested_at) <= e.first_seen + INTERVAL {window} DAY
           OR e.first_seen IS NULL
        UNION ALL
        SELECT 'a:' || doc_id, 'a:' || near_dup_of FROM articles WHERE near_dup_of IS NOT NULL AND status = 'ok'
        UNION ALL
        SELECT 'a:' || p.doc_a, 'a:' || p.doc_b FROM article_pairs p
        JOIN articles x ON x.doc_id = p.doc_a JOIN articles y ON y.doc_id = p.doc_b
        WHERE p.score >= {STORY_TEXT_MIN} AND x.status = 'ok' AND y.status = 'ok'
          AND abs(date_diff('day', coalesce(x.published, x.ingested_at), coalesce(y.published, y.ingested_at)))
              <= {window}
        UNION ALL
        SELECT 'e:' || e.event_id,
               'k:' || {family} || '|' || least(sk, tk) || '|' || greatest(sk, tk) || '|'
                    || ((CAST(e.first_seen AS DATE) - DATE '1970-01-01') // {width})
        FROM (SELECT *, coalesce(source_actor_id, source_country) AS sk,
                        coalesce(target_actor_id, target_country) AS tk FROM events) e
        WHERE sk IS NOT NULL AND tk IS NOT NULL AND sk <> tk AND e.first_seen IS NOT NULL""")


def _node_ids(con: duckdb.DuckDBPyConnection) -> int:
    con.execute("""
        CREATE OR REPLACE TEMP TABLE st_nodes AS
        SELECT (row_number() OVER (ORDER BY n) - 1)::BIGINT AS id, n FROM (
            SELECT u AS n FROM st_edges UNION SELECT v FROM st_edges
            UNION SELECT 'a:' || doc_id FROM articles WHERE status = 'ok'
            UNION SELECT 'e:' || event_id FROM events)""")
    return _count(con, "st_nodes")


def _story_ids(con: duckdb.DuckDBPyConnection) -> None:
    """Story id per component, from its earliest article (or smallest event id if it has none)."""
    con.execute("""
        CREATE OR REPLACE TEMP TABLE st_article AS
        SELECT substr(n.n, 3) AS doc_id, l.label FROM st_nodes n JOIN st_label l USING (id) WHERE n.n LIKE 'a:%'""")
    con.execute("""
        CREATE OR REPLACE TEMP TABLE st_event AS
        SELECT substr(n.n, 3) AS event_id, l.label FROM st_nodes n JOIN st_label l USING (id) WHERE n.n LIKE 'e:%'""")
    con.execute("""
        CREATE OR REPLACE TEMP TABLE st_label AS
        WITH first_article AS (
            SELECT s.label, arg_min(s.doc_id, (a.published IS NULL, a.published, a.ingested_at, s.doc_id)) AS anchor
            FROM st_article s JOIN articles a USING (doc_id) GROUP BY s.label),
        first_event AS (SELECT label, min(event_id) AS anchor FROM st_event GROUP BY label)
        SELECT label, 'st-' || substr(md5(coalesce(fa.anchor, fe.anchor)), 1, 16) AS story_id
        FROM first_event fe FULL JOIN first_article fa USING (label)""")


def _write_story_ids(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("""
        UPDATE articles SET story_id = x.story_id
        FROM (SELECT s.doc_id, l.story_id FROM st_article s JOIN st_label l USING (label)) x
        WHERE articles.doc_id = x.doc_id AND articles.story_id IS DISTINCT FROM x.story_id""")
    con.execute("""
        UPDATE events SET story_id = x.story_id
        FROM (SELECT s.event_id, l.story_id FROM st_event s JOIN st_label l USING (label)) x
        WHERE events.event_id = x.event_id AND events.story_id IS DISTINCT FROM x.story_id""")


def _write_stories(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("DELETE FROM stories")
    con.execute(f"""
        INSERT INTO stories (story_id, title, first_published, last_published, num_articles, num_events,
                             num_sources, top_actors)
        WITH sa AS (
            SELECT story_id, count(*) AS na, count(DISTINCT coalesce(outlet, 'doc:' || doc_id)) AS ns,
                   min(coalesce(published, ingested_at)) AS fp, max(coalesce(published, ingested_at)) AS lp,
                   arg_min(title, (published IS NULL, published, ingested_at, doc_id))
                       FILTER (WHERE title IS NOT NULL) AS title
            FROM articles WHERE status = 'ok' AND story_id IS NOT NULL GROUP BY story_id),
        names AS (
            SELECT story_id, name, count(*) AS c FROM (
                SELECT story_id, source_name AS name FROM events WHERE story_id IS NOT NULL
                UNION ALL SELECT story_id, target_name FROM events WHERE story_id IS NOT NULL)
            WHERE name IS NOT NULL GROUP BY story_id, name),
        top AS (SELECT story_id, list(name ORDER BY c DESC, name)[1:{TOP_ACTORS}] AS actors
                FROM names GROUP BY story_id),
        se AS (SELECT story_id, count(*) AS ne, mode(type) AS top_type FROM events
               WHERE story_id IS NOT NULL GROUP BY story_id)
        SELECT coalesce(sa.story_id, se.story_id),
               coalesce(sa.title, se.top_type || ': ' || array_to_string(top.actors, ', '), se.top_type),
               sa.fp, sa.lp, coalesce(sa.na, 0), coalesce(se.ne, 0), coalesce(sa.ns, 0),
               coalesce(top.actors, [])
        FROM sa FULL JOIN se ON se.story_id = sa.story_id
        LEFT JOIN top ON top.story_id = coalesce(sa.story_id, se.story_id)""")


def list_stories(con: duckdb.DuckDBPyConnection, limit: int = 20) -> list[StorySummary]:
    """The most recent stories first (then the largest)."""
    if limit < 1:
        raise QueryError("limit must be at least 1", limit=limit)
    rows = con.execute("""
        SELECT story_id, title, first_published, last_published, num_articles, num_events, num_sources,
               top_actors FROM stories
        ORDER BY last_published DESC NULLS LAST, num_articles DESC, story_id LIMIT ?""", [limit]).fetchall()
    return [StorySummary(r[0], r[1], r[2], r[3], int(r[4]), int(r[5]), int(r[6]), list(r[7] or [])) for r in rows]


def story_timeline(con: duckdb.DuckDBPyConnection, story_id: str) -> list[TimelineEntry]:
    """Events of a story by date (then first seen), with status and the outlets that told each."""
    found = con.execute("SELECT count(*) FROM stories WHERE story_id = ?", [story_id]).fetchone()[0]
    if not found:
        raise NotFound(f"no story {story_id}: list stories with petrel.dedup.list_stories", story_id=story_id)
    rows = con.execute("""
        SELECT e.event_id, e.date, e.date_precision, e.type, e.status,
               coalesce(e.source_name, e.source_country), coalesce(e.target_name, e.target_country),
               e.place_name, e.num_articles, e.num_sources,
               list_sort(list_distinct(list(a.outlet) FILTER (WHERE a.outlet IS NOT NULL))), e.first_seen,
               coalesce(e.date_start, CAST(e.first_seen AS DATE)) AS sort_day
        FROM events e JOIN event_mentions m USING (event_id) LEFT JOIN articles a ON a.doc_id = m.doc_id
        WHERE e.story_id = ?
        GROUP BY ALL ORDER BY sort_day NULLS LAST, e.first_seen, e.event_id""", [story_id]).fetchall()
    return [TimelineEntry(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], int(r[8] or 0), int(r[9] or 0),
                          list(r[10] or []), r[11]) for r in rows]
