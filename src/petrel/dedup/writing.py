"""Writing the derived rows of merged events: ``events`` and ``merge_log``.

Counting (documented in docs/dedup.md):

- ``num_mentions``: every event mention of the event, copies included.
- ``num_articles``: distinct *independent* articles: a near-duplicate article counts as its cluster's root
  (``coalesce(near_dup_of, doc_id)``), so a syndicated copy never adds an article.
- ``num_sources``: distinct outlets of those independent articles (the root's outlet; an article without
  an outlet counts as its own source).
- ``num_copies``: distinct near-duplicate articles whose mentions attach to the event (provenance kept,
  not counted as independent).
- ``first_seen`` / ``last_seen``: min/max publication time of the mentions, falling back to ingest time.
- ``confidence``: the highest mention confidence.
- ``evidence``: the representative mention's document, sentence, offsets and trigger.
- ``mention_docs``: one ``{doc_id, outlet, published, mention_id, sentence, start, end, trigger,
  trigger_start}`` per reporting document (its earliest mention, with that mention's own evidence), in
  order of publication then mention id, as ``/api/events`` prints them.

The event's coded fields are those of its representative mention: highest confidence, then the narrowest
date, then the most precise place, then the earliest seen, then the smallest id.
"""

from __future__ import annotations

import duckdb

from petrel.dedup import compat
from petrel.dedup.compat import pair_reason

REINDEX_ABOVE = 5_000  # changed event ids above which the event_id index is rebuilt instead of updated

_EVENT_COLUMNS = (
    "event_id, type, mode, context, cameo, quad_class, goldstein, status, source_name, source_actor_id, "
    "source_country, source_sector, target_name, target_actor_id, target_country, target_sector, date, "
    "date_precision, date_start, date_end, place_name, place_country, place_admin1, lat, lon, place_precision, "
    "place_basis"
)


def evidence_sql(alias: str) -> str:
    """The ``evidence`` struct of mention ``alias`` (NULL when the alias matched no mention)."""
    return (f"CASE WHEN {alias}.mention_id IS NULL THEN NULL ELSE struct_pack(doc_id := {alias}.doc_id, "
            f"sentence := {alias}.sentence, start := {alias}.sent_start, \"end\" := {alias}.sent_end, "
            f"trigger := {alias}.trigger, trigger_start := {alias}.trigger_start, "
            f"mention_id := {alias}.mention_id) END")


def mention_docs_sql(mentions: str) -> str:
    """``(event_id, mention_docs)`` over ``mentions``, a constant relation with the event_mentions columns:
    one entry per document (its first mention's outlet, publication time and evidence: sentence, offsets,
    trigger), oldest first. Grouped by hash, not sorted per event: this runs over every mention on a full
    recompute."""
    return f"""
        SELECT event_id, list(struct_pack(doc_id := doc_id, outlet := ev.outlet, published := ev.published,
                                          mention_id := ev.mention_id, sentence := ev.sentence,
                                          start := ev.sent_start, "end" := ev.sent_end, trigger := ev.trigger,
                                          trigger_start := ev.trigger_start)
                              ORDER BY ev.published NULLS LAST, ev.mention_id) AS mention_docs
        FROM (SELECT event_id, doc_id, arg_min(struct_pack(outlet := outlet, published := published,
                                                           mention_id := mention_id, sentence := sentence,
                                                           sent_start := sent_start, sent_end := sent_end,
                                                           trigger := trigger, trigger_start := trigger_start),
                                               mention_id) AS ev
              FROM {mentions} GROUP BY event_id, doc_id) GROUP BY event_id"""


def event_details_sql(events: str) -> str:
    """``(event_id, evidence, mention_docs)`` of the rows of ``events`` (a constant relation with
    ``event_id`` and ``rep_mention_id``), read from ``event_mentions``: for writers that insert events
    rows themselves (test fixtures, benchmarks) instead of through :func:`insert_events`."""
    return f"""
        WITH docs AS ({mention_docs_sql(f"event_mentions WHERE event_id IN (SELECT event_id FROM {events})")})
        SELECT e.event_id, {evidence_sql("m")} AS evidence, docs.mention_docs FROM {events} e
        LEFT JOIN event_mentions m ON m.mention_id = e.rep_mention_id LEFT JOIN docs ON docs.event_id = e.event_id"""


def insert_events(con: duckdb.DuckDBPyConnection) -> None:
    """Insert one ``events`` row per id in temp table ``dd_events`` from its current mentions."""
    prank = compat.case_map("m.place_precision", {k: str(v) for k, v in compat.PLACE_RANK.items()}, "'9'")
    rep_cols = ", ".join(f"rep.{c.strip()}" for c in _EVENT_COLUMNS.split(","))
    con.execute(f"""
        INSERT INTO events ({_EVENT_COLUMNS}, num_mentions, num_articles, num_sources, first_seen, last_seen,
                            confidence, story_id, rep_mention_id, num_copies, evidence, mention_docs,
                            provenance, repeats, model_label, model_score, blend)
        WITH j AS (
            SELECT m.*, a.near_dup_of, coalesce(a.near_dup_of, m.doc_id) AS root_doc,
                   coalesce(ra.outlet, a.outlet, m.outlet, 'doc:' || coalesce(a.near_dup_of, m.doc_id)) AS root_outlet,
                   coalesce(m.published, a.published, a.ingested_at) AS seen, {prank} AS prank
            FROM event_mentions m JOIN dd_events e USING (event_id)
            LEFT JOIN articles a ON a.doc_id = m.doc_id
            LEFT JOIN articles ra ON ra.doc_id = a.near_dup_of),
        agg AS (
            SELECT event_id, count(*) AS n, count(DISTINCT root_doc) AS na, count(DISTINCT root_outlet) AS ns,
                   count(DISTINCT CASE WHEN near_dup_of IS NOT NULL THEN doc_id END) AS nc,
                   min(seen) AS fs, max(seen) AS ls, max(confidence) AS conf
            FROM j GROUP BY event_id),
        rep AS (
            SELECT * FROM (
                SELECT j.*, row_number() OVER (PARTITION BY event_id ORDER BY confidence DESC NULLS LAST,
                    date_end - date_start NULLS LAST, prank, seen NULLS LAST, mention_id) AS r
                FROM j) WHERE r = 1),
        docs AS ({mention_docs_sql("j")})
        SELECT {rep_cols}, agg.n, agg.na, agg.ns, agg.fs, agg.ls, agg.conf, NULL, rep.mention_id, agg.nc,
               {evidence_sql("rep")}, docs.mention_docs, rep.provenance, rep.repeats,
               rep.model_label, rep.model_score, rep.blend
        FROM rep JOIN agg USING (event_id) JOIN docs USING (event_id)
        ORDER BY rep.date_start NULLS LAST, rep.event_id""")


def update_event_ids(con: duckdb.DuckDBPyConnection) -> int:
    """Set ``event_mentions.event_id`` from temp table ``dd_assign`` where it changed.

    DuckDB updates an indexed column row by row through the index; for a large change (a full
    recompute) the ``event_id`` indexes are dropped and rebuilt around the update, which is ~50x faster.
    """
    con.execute("""CREATE OR REPLACE TEMP TABLE dd_changed_ids AS
                   SELECT x.mention_id, x.event_id FROM dd_assign x JOIN event_mentions m USING (mention_id)
                   WHERE m.event_id IS DISTINCT FROM x.event_id""")
    changed = int(con.execute("SELECT count(*) FROM dd_changed_ids").fetchone()[0])
    indexes = []
    if changed > REINDEX_ABOVE:
        indexes = con.execute("""SELECT index_name, sql FROM duckdb_indexes()
                                 WHERE table_name = 'event_mentions' AND NOT is_primary AND NOT is_unique
                                   AND expressions LIKE '%event_id%'""").fetchall()
    for name, _ in indexes:
        con.execute(f"DROP INDEX {name}")
    con.execute("""UPDATE event_mentions SET event_id = x.event_id FROM dd_changed_ids x
                   WHERE event_mentions.mention_id = x.mention_id""")
    for _, sql in indexes:
        con.execute(sql)
    con.execute("DROP TABLE dd_changed_ids")
    return changed


def insert_merge_log(con: duckdb.DuckDBPyConnection) -> None:
    """One ``merge_log`` row per affected mention of the events in ``dd_events``: what it joined and why.

    The event's anchor says ``first report``; a mention coded identically to an earlier one of its node
    points at that one; the first mention of every other node points at the first mention of the node it
    links to through its best-scoring pair, with that pair's reason and score.
    """
    con.execute(f"""
        INSERT INTO merge_log (mention_id, event_id, merged_with, reason, score)
        WITH both_ways AS (SELECT na AS node_id, nb AS other, score FROM dd_pairs
                           UNION ALL SELECT nb, na, score FROM dd_pairs),
        links AS (
            SELECT w.node_id, w.other, w.score,
                   row_number() OVER (PARTITION BY w.node_id ORDER BY w.score DESC, w.other) AS r
            FROM both_ways w JOIN dd_nlabel x ON x.node_id = w.node_id JOIN dd_nlabel y ON y.node_id = w.other
            WHERE x.label = y.label),
        best AS (
            SELECT l.node_id, l.other, l.score, {pair_reason()} AS reason
            FROM links l JOIN dd_nodes a ON a.node_id = l.node_id JOIN dd_nodes b ON b.node_id = l.other
            WHERE l.r = 1),
        node_first AS (SELECT DISTINCT node_id, node_first FROM dd_assign)
        SELECT s.mention_id, s.event_id,
               CASE WHEN s.pos_in_event = 1 THEN NULL
                    WHEN s.pos_in_node > 1 THEN s.node_first
                    ELSE nf.node_first END,
               CASE WHEN s.pos_in_event = 1 THEN 'first report'
                    WHEN s.pos_in_node > 1 THEN 'identical coding (same type, actors, date, place, status)'
                    ELSE b.reason END,
               CASE WHEN s.pos_in_event = 1 THEN NULL WHEN s.pos_in_node > 1 THEN 1.0 ELSE b.score END
        FROM dd_assign s
        LEFT JOIN best b ON b.node_id = s.node_id
        LEFT JOIN node_first nf ON nf.node_id = b.other
        WHERE s.event_id IN (SELECT event_id FROM dd_events)""")
