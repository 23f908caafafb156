"""Event merging: event mentions from different articles that tell the same happening become one event.

Steps, all set-based in DuckDB and NumPy:

1. features: one row per mention with normalised fields (type family, status group, actor keys, date
   bounds, place) and its blocking keys. Nodes with a target are filed under
   ``hash(type family, status group, unordered dyad, time bucket)``; every node is also filed under its
   lead actor (the source country, or id, or name; symmetric types also the target), which "wild" nodes
   (no target, or undated) probe. Day dates fall in buckets of ``dedup_window_days + 1`` days and probe
   their bucket and both neighbours; coarse dates use each year they cover (at most ``MAX_YEARS``);
   undated mentions their publication bucket and the day buckets of the story window before it.
2. affected set (incremental): mentions never merged before (no ``merge_log`` row) or whose article's
   near-duplicate link changed (the seeds), the mentions sharing a block with them (found among a
   pre-filtered slice: same type families, days near the seeds' days), and every mention of the events
   those belong to (looked up by ``event_id``). A property test checks that refreshing batch by batch
   groups mentions exactly as a full recompute does. ``full=True`` re-clusters everything (use it after
   changing settings).
3. nodes: mentions with identical coded fields collapse into one node (the same historical fact told by
   a thousand articles is one node, not a million pairs).
4. pairs: candidates from sorted block keys (NumPy), exact integer pre-filters, then
   :func:`petrel.dedup.compat.pair_predicate` in SQL; a vague node keeps only its best link.
5. components: vectorised connected components; clusters holding two nodes in hard conflict (two
   sentences of one article, incompatible dates or places) are re-clustered greedily, best pair first,
   never joining them.
6. writing: ``event_mentions.event_id`` updated; ``events`` and ``merge_log`` rows rewritten for the
   affected events that changed (an event that keeps exactly its mentions, none of them new, is left as
   it is: its rows would be written again identical).

Event ids are ``ev-`` plus 16 hex digits of the md5 of the cluster's anchor mention id, the anchor being
its first ingested mention (then earliest published, then smallest id), so ids stay stable as later
articles join and counts grow.
"""

from __future__ import annotations

import logging

import duckdb
import numpy as np
import pyarrow as pa

from petrel.config import Settings
from petrel.dedup import compat
from petrel.dedup._sql import arrays, drop_temp, temp_table, written_join_order
from petrel.dedup.components import connected_components, constrained_components
from petrel.dedup.records import MergeResult
from petrel.dedup.writing import insert_events, insert_merge_log, update_event_ids

log = logging.getLogger(__name__)

_TEMPS = ("dd_f", "dd_seed", "dd_aff", "dd_nodes", "dd_slim", "dd_pairs", "dd_nlabel", "dd_assign",
          "dd_events", "dd_old_events", "dd_touched", "dd_same")


def merge_events(con: duckdb.DuckDBPyConnection, settings: Settings, *, full: bool = False) -> MergeResult:
    """Group event mentions into events; rewrite ``events`` and ``merge_log`` for what changed."""
    result = MergeResult(mode="full" if full else "incremental")
    result.new_mentions = _seed(con, settings, full)
    if result.new_mentions == 0 and not full:
        drop_temp(con, *_TEMPS)
        result.events_total = _count(con, "events")
        return result
    result.mentions_considered = _affected(con, settings, full)
    n_nodes = _nodes(con)
    result.pairs = _pairs(con, settings)
    labels = _labels(con, n_nodes, settings, result)
    if result.constrained_clusters:
        temp_table(con, "dd_nlabel", pa.table({"node_id": pa.array(np.arange(n_nodes)), "label": pa.array(labels)}))
    _assign(con)
    result.merged_mentions = int(con.execute(
        "SELECT count(*) FROM dd_assign WHERE event_size > 1").fetchone()[0])
    result.events_written = _write(con, full)
    result.events_total = _count(con, "events")
    drop_temp(con, *_TEMPS)
    return result


def _count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    return int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # noqa: S608 (internal)


def _features(con: duckdb.DuckDBPyConnection, settings: Settings, *, table: str = "dd_f",
              where: str = "true") -> None:
    """Normalised fields and blocking keys of the mentions matching ``where`` (aliases ``m``, ``a``)."""
    day_width = settings.dedup_window_days + 1
    story_width = settings.story_window_days + 1
    family = compat.case_map("m.type", compat.TYPE_FAMILIES, "m.type")
    mlabel = compat.model_label("m")
    mfamily = compat.case_map(mlabel, compat.TYPE_FAMILIES, mlabel)
    sgroup = compat.case_map("m.status", compat.STATUS_GROUPS, "'occurred'")
    sym = ", ".join(f"'{t}'" for t in compat.SYMMETRIC_TYPES)
    fine = ", ".join(f"'{p}'" for p in compat.FINE_PLACES)
    placefree = ", ".join(f"'{t}'" for t in compat.PLACE_FREE_TYPES)
    month = f"de - ds < {compat.MONTH_DAYS}"  # a coarse date a day inside it may match (MD/MC keys)
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE {table} AS
        WITH base AS (
            SELECT m.mention_id, m.doc_id, m.event_id AS old_event, m.type, {family} AS family,
                   {mlabel} AS mlabel, {mfamily} AS mfamily,
                   coalesce(m.origin IN ('relabelled', 'model'), false) AS by_model,
                   {sgroup} AS sgroup, m.type IN ({sym}) AS sym, m.type IN ({placefree}) AS placefree,
                   m.source_actor_id AS sid, m.source_country AS scty,
                   list_sort(coalesce(m.source_sector, [])) AS ssec, {compat.unknown_name('source')} AS sname,
                   m.target_actor_id AS tid, m.target_country AS tcty,
                   list_sort(coalesce(m.target_sector, [])) AS tsec, {compat.unknown_name('target')} AS tname,
                   m.date_start AS ds, m.date_end AS de, m.date,
                   CAST(coalesce(m.published, a.published, a.ingested_at) AS DATE) AS pub,
                   lower(trim(m.place_name)) AS pname, m.place_name, m.place_country AS pcty,
                   m.place_admin1 AS padm, m.lat, m.lon, m.place_precision AS pprec,
                   a.ingested_at, coalesce(m.published, a.published) AS published,
                   m.doc_id || ':' || coalesce(CAST(m.sent_start AS VARCHAR), m.sentence, '') AS sent_key
            FROM event_mentions m LEFT JOIN articles a USING (doc_id)
            WHERE {where}),
        more AS (
            SELECT *, ds = de AS precise,
                   -- an actor known only by its sector is filed under the country where it acted
                   coalesce(scty, sid, CASE WHEN len(ssec) > 0 OR sname = '{compat.UNKNOWN_NAME}' THEN pcty END,
                            sname, '?') AS slead,
                   coalesce(tcty, tid, CASE WHEN len(tsec) > 0 THEN pcty END, tname) AS tlead,
                   (tid IS NOT NULL OR tcty IS NOT NULL OR tname IS NOT NULL) AS tknown,
                   CASE WHEN ds IS NULL THEN (pub - DATE '1970-01-01') // {story_width} END AS ubucket,
                   (ds - DATE '1970-01-01') // {day_width} AS dbucket,
                   year(ds) * 12 + month(ds) AS month_of_ds, year(de) * 12 + month(de) AS month_of_de
            FROM base),
        times AS (
            SELECT *,
                -- a mention whose sentence the model reads as a type of another family is filed under both
                CASE WHEN mfamily IS NOT NULL AND mfamily <> family THEN [family, mfamily] ELSE [family] END AS fams,
                CASE WHEN sym AND tlead IS NOT NULL THEN [slead, tlead] ELSE [slead] END AS leads,
                least(slead, tlead) || '=' || greatest(slead, tlead) AS dyad,
                CASE WHEN ds IS NULL THEN ['U' || ubucket]
                     WHEN precise THEN ['D' || dbucket, 'MD' || month_of_ds]
                     ELSE list_transform(range(year(ds), least(year(de), year(ds) + {compat.MAX_YEARS - 1}) + 1),
                                         y -> 'Y' || y)
                          || CASE WHEN {month} THEN ['MC' || month_of_ds, 'MC' || month_of_de] ELSE [] END
                     END AS own_t,
                CASE WHEN ds IS NULL THEN ['U' || (ubucket - 1), 'U' || ubucket, 'U' || (ubucket + 1)]
                          || list_transform(range((ubucket * {story_width} - {story_width}) // {day_width},
                                                  (ubucket * {story_width} + {story_width} - 1) // {day_width} + 1),
                                            d -> 'D' || d)
                     WHEN precise THEN ['D' || (dbucket - 1), 'D' || dbucket, 'D' || (dbucket + 1), 'MC' || month_of_ds]
                     ELSE list_transform(range(year(ds), least(year(de), year(ds) + {compat.MAX_YEARS - 1}) + 1),
                                         y -> 'Y' || y)
                          || CASE WHEN {month} THEN ['MD' || month_of_ds, 'MD' || month_of_de] ELSE [] END
                     END AS probe_t
            FROM more)
        SELECT * EXCLUDE (fams, leads, dyad, own_t, probe_t, dbucket, month_of_ds, month_of_de),
               own_f || own_p AS own_keys, probe_f || probe_p AS probe_keys
        FROM (SELECT *,
               -- own keys: the dyad (with a known target) and the lead actor, in the node's own time buckets
               CASE WHEN tknown THEN flatten(list_transform(fams, f -> list_transform(own_t,
                         t -> hash('F', f, sgroup, dyad, t)))) ELSE [] END AS own_f,
               flatten(flatten(list_transform(fams, f -> list_transform(leads, l -> list_transform(own_t,
                         t -> hash('P', f, sgroup, l, t)))))) AS own_p,
               -- probe keys: the dyad in the neighbouring buckets; "wild" nodes (no target, or undated) probe
               -- every node of their lead actor
               CASE WHEN tknown THEN flatten(list_transform(fams, f -> list_transform(probe_t,
                         t -> hash('F', f, sgroup, dyad, t)))) ELSE [] END AS probe_f,
               CASE WHEN NOT tknown OR ds IS NULL OR (tid IS NULL AND tcty IS NULL AND len(tsec) > 0 AND pcty IS NULL)
                    THEN flatten(flatten(list_transform(fams, f -> list_transform(leads,
                         l -> list_transform(probe_t, t -> hash('P', f, sgroup, l, t)))))) ELSE [] END
                 AS probe_p,
               CASE WHEN ds IS NULL THEN 'U' WHEN precise THEN 'D' ELSE 'Y' END AS dclass,
               -- a target known only by its sector and no country anywhere ("two more battalions") has no
               -- dyad key another report of it shares: such a node probes its lead actor like a wild one
               NOT tknown OR ds IS NULL OR (tid IS NULL AND tcty IS NULL AND len(tsec) > 0 AND pcty IS NULL) AS wild,
               (pname IS NOT NULL OR pcty IS NOT NULL) AS pknown, coalesce(pprec IN ({fine}), false) AS pfine,
               -- reports naming nobody, without a town, are never one node across articles: identical words
               -- ("gunmen killed civilians in Nigeria") do not make one event
               CASE WHEN {compat.anonymous('')} AND NOT coalesce(pprec IN ({fine}), false) THEN doc_id END
                 AS anon_doc,
               coalesce(list_aggregate(list_transform(ssec, x -> 1::BIGINT << (hash(x) % 62)::INT), 'bit_or'), 0)
                 AS smask,
               coalesce(list_aggregate(list_transform(tsec, x -> 1::BIGINT << (hash(x) % 62)::INT), 'bit_or'), 0)
                 AS tmask
            FROM times)""")


def _seed(con: duckdb.DuckDBPyConnection, settings: Settings, full: bool) -> int:
    """Mentions to (re)place: never merged, or in an article whose near-duplicate link changed."""
    if full:
        _features(con, settings)
    else:
        changed = ("OR m.doc_id IN (SELECT doc_id FROM dd_changed_docs)"
                   if _temp_exists(con, "dd_changed_docs") else "")
        where = f"(NOT EXISTS (SELECT 1 FROM merge_log g WHERE g.mention_id = m.mention_id) {changed})"
        _features(con, settings, where=where)
    con.execute("CREATE OR REPLACE TEMP TABLE dd_seed AS SELECT mention_id FROM dd_f")
    return _count(con, "dd_seed")


def _temp_exists(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    found = con.execute("SELECT count(*) FROM duckdb_tables() WHERE temporary AND table_name = ?", [name])
    return bool(found.fetchone()[0])


def _candidate_filter(con: duckdb.DuckDBPyConnection, settings: Settings) -> str:
    """SQL filter on ``event_mentions`` keeping every mention that can share a block with a seed.

    Same type families; day dates (or publication days of undated mentions) within the seeds' days widened
    by the story window and two buckets; coarse dates overlapping the coarse seeds' years; month dates
    around the seeds' days and day dates inside the seeds' months.
    """
    margin = settings.story_window_days + 2 * (settings.dedup_window_days + 1) + 1
    lo, hi, ylo, yhi, mlo, mhi = con.execute(f"""
        SELECT min(coalesce(ds, pub)) FILTER (WHERE precise OR ds IS NULL),
               max(coalesce(ds, pub)) FILTER (WHERE precise OR ds IS NULL),
               min(year(ds)) FILTER (WHERE NOT precise), max(year(de)) FILTER (WHERE NOT precise),
               min(ds) FILTER (WHERE NOT precise AND de - ds < {compat.MONTH_DAYS}),
               max(de) FILTER (WHERE NOT precise AND de - ds < {compat.MONTH_DAYS})
        FROM dd_f""").fetchone()
    family = compat.case_map("m.type", compat.TYPE_FAMILIES, "m.type")
    mfamily = compat.case_map(compat.model_label("m"), compat.TYPE_FAMILIES, compat.model_label("m"))
    families = "(SELECT family FROM dd_f UNION SELECT mfamily FROM dd_f WHERE mfamily IS NOT NULL)"
    pub = "CAST(coalesce(m.published, a.published, a.ingested_at) AS DATE)"
    parts = ["false"]
    if lo is not None:
        window = f"BETWEEN DATE '{lo}' - {margin} AND DATE '{hi}' + {margin}"
        parts += [f"(m.date_start = m.date_end AND m.date_start {window})",
                  f"(m.date_start IS NULL AND {pub} {window})"]
        parts.append(f"(m.date_start < m.date_end AND m.date_end - m.date_start < {compat.MONTH_DAYS}"
                     f" AND m.date_end >= DATE '{lo}' - 31 AND m.date_start <= DATE '{hi}' + 31)")
    if ylo is not None:
        parts.append(f"(m.date_start < m.date_end AND year(m.date_start) <= {yhi} AND year(m.date_end) >= {ylo})")
    if mlo is not None:
        parts.append(f"(m.date_start = m.date_end AND m.date_start BETWEEN DATE '{mlo}' - 31 AND DATE '{mhi}' + 31)")
    return (f"(({family} IN {families} OR {mfamily} IN {families}) AND ({' OR '.join(parts)}))"
            " OR m.mention_id IN (SELECT mention_id FROM dd_seed)")


def _affected(con: duckdb.DuckDBPyConnection, settings: Settings, full: bool) -> int:
    """The seeds, their block mates, and every mention of the events those belong to."""
    if full:
        con.execute("CREATE OR REPLACE TEMP TABLE dd_aff AS SELECT * FROM dd_f")
        return _count(con, "dd_aff")
    # every stored mention a seed (the first refresh of a store): the candidates are the seeds themselves
    # and no event has a mention outside them, so dd_f already holds what the two lookups below would give
    every_mention_new = _count(con, "event_mentions") == _count(con, "dd_seed")
    if not every_mention_new:
        _features(con, settings, where=_candidate_filter(con, settings))
    con.execute("""
        CREATE OR REPLACE TEMP TABLE dd_touched AS
        WITH seed AS (SELECT f.* FROM dd_f f JOIN dd_seed USING (mention_id)),
             seed_keys AS (SELECT DISTINCT unnest(probe_keys) AS k FROM seed
                           UNION SELECT DISTINCT unnest(own_keys) FROM seed),
             own AS (SELECT mention_id, old_event, unnest(own_keys) AS k FROM dd_f),
             probe AS (SELECT mention_id, old_event, unnest(probe_keys) AS k FROM dd_f),
             mates AS (SELECT DISTINCT mention_id, old_event FROM (
                           SELECT * FROM own UNION ALL SELECT * FROM probe) JOIN seed_keys USING (k))
        SELECT old_event AS event_id FROM mates UNION SELECT old_event FROM seed""")
    if every_mention_new:
        con.execute("""CREATE OR REPLACE TEMP TABLE dd_aff AS
                       SELECT * FROM dd_f WHERE old_event IN (SELECT event_id FROM dd_touched)""")
        return _count(con, "dd_aff")
    # mentions of those events outside the candidate filter (an event can span more days than the margin)
    _features(con, settings, table="dd_f_more", where="""m.event_id IN (SELECT event_id FROM dd_touched)
        AND m.mention_id NOT IN (SELECT mention_id FROM dd_f)""")
    con.execute("""
        CREATE OR REPLACE TEMP TABLE dd_aff AS
        SELECT * FROM dd_f WHERE old_event IN (SELECT event_id FROM dd_touched)
        UNION ALL SELECT * FROM dd_f_more""")
    drop_temp(con, "dd_f_more")
    return _count(con, "dd_aff")


_NODE_FIELDS = ("type, family, mlabel, mfamily, by_model, sgroup, sym, placefree, sid, scty, ssec, sname, tid, tcty, tsec, tname, tknown, ds, de, "
                "precise, ubucket, pname, pcty, padm, lat, lon, pprec, pknown, pfine, smask, tmask, dclass, wild, anon_doc")


def _nodes(con: duckdb.DuckDBPyConnection) -> int:
    """Collapse identically coded mentions into nodes (node_id 0..n-1, deterministic order)."""
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE dd_nodes AS
        SELECT (row_number() OVER (ORDER BY min(mention_id)) - 1)::BIGINT AS node_id, {_NODE_FIELDS},
               list_distinct(list(doc_id)) AS docs, list_distinct(list(sent_key)) AS sents, min(pub) AS pub_min, max(pub) AS pub_max,
               any_value(date) AS dlabel, any_value(place_name) AS plabel,
               coalesce(sid, scty || CASE WHEN len(ssec) > 0 THEN '/' || array_to_string(ssec, '/') ELSE '' END,
                        sname, '?') AS slabel,
               CASE WHEN tknown THEN coalesce(tid, tcty || CASE WHEN len(tsec) > 0
                    THEN '/' || array_to_string(tsec, '/') ELSE '' END, tname) END AS tlabel,
               list(mention_id) AS mids, count(*) AS n, any_value(own_f) AS own_f, any_value(own_p) AS own_p,
               any_value(probe_f) AS probe_f, any_value(probe_p) AS probe_p
        FROM dd_aff GROUP BY ALL""")
    return _count(con, "dd_nodes")


def _pairs(con: duckdb.DuckDBPyConnection, settings: Settings) -> int:
    """Compatible node pairs: candidates from shared block keys (NumPy), then the SQL pair test.

    Candidate generation is a sort and a range expansion in NumPy, with exact cheap filters (status group,
    type family, day distance, source sectors) applied before deduplication, so the SQL test sees few rows
    and no hash table grows with the square of a block.
    """
    window, story = settings.dedup_window_days, settings.story_window_days
    # the pair test reads narrow rows (no key or member lists): joins of wide list rows dominate otherwise
    con.execute("""CREATE OR REPLACE TEMP TABLE dd_slim AS
                   SELECT * EXCLUDE (own_f, own_p, probe_f, probe_p, mids, dlabel, plabel, slabel, tlabel)
                   FROM dd_nodes""")
    nodes = _node_arrays(con)
    found = [_candidates(con, "own_f", "probe_f", nodes, lead_keys=False),
             _candidates(con, "own_p", "probe_p", nodes, lead_keys=True)]
    na = np.concatenate([f[0] for f in found])
    nb = np.concatenate([f[1] for f in found])
    keep = _cheap_filter(nodes, na, nb, window)
    packed = np.unique((na[keep] << 32) | nb[keep])
    log.debug("pair candidates: %d found, %d after the cheap filters, %d distinct", len(na), int(keep.sum()),
              len(packed))
    temp_table(con, "dd_cand", pa.table({"na": pa.array(packed >> 32), "nb": pa.array(packed & 0xFFFFFFFF)}))
    with written_join_order(con):
        con.execute(f"""
            CREATE OR REPLACE TEMP TABLE dd_pairs AS
            SELECT c.na, c.nb, {compat.pair_score(window, story)} AS score,
                   {compat.vague('a')} AS vague_a, {compat.vague('b')} AS vague_b, a.n AS wa, b.n AS wb
            FROM dd_cand c JOIN dd_slim a ON a.node_id = c.na JOIN dd_slim b ON b.node_id = c.nb
            WHERE {compat.pair_predicate(window, story)}""")
    drop_temp(con, "dd_cand")
    _keep_best_links_of_vague_nodes(con)
    return _count(con, "dd_pairs")


def _node_arrays(con: duckdb.DuckDBPyConnection) -> dict[str, np.ndarray]:
    """Per-node integer codes for the cheap filters, indexed by node_id."""
    return arrays(con, """
        SELECT hash(sgroup, family) AS group_code, hash(sgroup, coalesce(mfamily, family)) AS model_group_code,
               dclass = 'D' AS precise_day,
               coalesce(ds - DATE '1970-01-01', 0) AS day, sym, smask,
               CASE WHEN sid IS NULL THEN 0 ELSE hash(sid) END AS sid_code,
               CASE WHEN tid IS NULL THEN 0 ELSE hash(tid) END AS tid_code,
               CASE WHEN tcty IS NULL THEN 0 ELSE hash(tcty) END AS tcty_code,
               pknown AND pfine AND NOT placefree AND lat IS NOT NULL AND lon IS NOT NULL AS has_point,
               coalesce(radians(lat), 0) AS lat_r, coalesce(radians(lon), 0) AS lon_r,
               scty IS NULL AS no_country, CASE dclass WHEN 'D' THEN 0 WHEN 'U' THEN 1 ELSE 2 END AS dclass, wild
        FROM dd_slim ORDER BY node_id""")


def _candidates(con: duckdb.DuckDBPyConnection, own: str, probe: str, nodes: dict[str, np.ndarray], *,
                lead_keys: bool) -> tuple[np.ndarray, np.ndarray]:
    """(probing node, found node) for every probe key equal to an own key, once per symmetric pair.

    Keys of one date class are symmetric (x probes y's bucket iff y probes x's), so such a pair is kept
    once (x < y); a lead-actor key is probed only by wild nodes, so a wild-to-specific pair is kept as found.
    """
    o = arrays(con, f"SELECT node_id, unnest({own}) AS k FROM dd_nodes")
    p = arrays(con, f"SELECT node_id, unnest({probe}) AS k FROM dd_nodes")
    ok, on = o["k"].astype(np.uint64), o["node_id"].astype(np.int64)
    order = np.argsort(ok, kind="stable")
    ok, on = ok[order], on[order]
    pk, pn = p["k"].astype(np.uint64), p["node_id"].astype(np.int64)
    lo = np.searchsorted(ok, pk, side="left")
    counts = np.searchsorted(ok, pk, side="right") - lo
    x = np.repeat(pn, counts)
    starts = np.repeat(lo - np.cumsum(counts) + counts, counts)
    y = on[starts + np.arange(len(x))]
    same_class = nodes["dclass"][x] == nodes["dclass"][y]
    once = (x < y) | (~same_class & (x != y))
    if lead_keys:
        once |= ~nodes["wild"][y].astype(bool) & (x != y)
    return np.minimum(x[once], y[once]), np.maximum(x[once], y[once])


def _cheap_filter(nodes: dict[str, np.ndarray], a: np.ndarray, b: np.ndarray, window: int) -> np.ndarray:
    """Exact necessary conditions of the pair test on integers (never drops a compatible pair)."""
    ga, gb, ma_, mb_ = (nodes["group_code"][a], nodes["group_code"][b], nodes["model_group_code"][a],
                        nodes["model_group_code"][b])
    keep = (ga == gb) | (ga == mb_) | (ma_ == gb) | (ma_ == mb_)
    both_days = nodes["precise_day"][a].astype(bool) & nodes["precise_day"][b].astype(bool)
    keep &= ~both_days | (np.abs(nodes["day"][a] - nodes["day"][b]) <= window)
    ma, mb = nodes["smask"][a], nodes["smask"][b]
    sectors = (ma == 0) | (mb == 0) | ((ma & mb) != 0)
    same_id = (nodes["sid_code"][a] == nodes["sid_code"][b]) & (nodes["sid_code"][a] != 0)
    no_country = nodes["no_country"][a].astype(bool) | nodes["no_country"][b].astype(bool)
    sym = nodes["sym"][a].astype(bool) | nodes["sym"][b].astype(bool)
    keep &= sectors | same_id | no_country | sym
    ta, tb = nodes["tcty_code"][a], nodes["tcty_code"][b]
    same_tid = (nodes["tid_code"][a] == nodes["tid_code"][b]) & (nodes["tid_code"][a] != 0)
    keep &= (ta == 0) | (tb == 0) | (ta == tb) | same_tid | sym
    points = nodes["has_point"][a].astype(bool) & nodes["has_point"][b].astype(bool)
    return keep & (~points | (_km(nodes, a, b) <= compat.PLACE_KM + 1.0))


def _km(nodes: dict[str, np.ndarray], a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Haversine distance in km (the SQL test's formula; +1 km of slack above against rounding)."""
    la, lb = nodes["lat_r"][a], nodes["lat_r"][b]
    dlat, dlon = lb - la, nodes["lon_r"][b] - nodes["lon_r"][a]
    h = np.sin(dlat / 2) ** 2 + np.cos(la) * np.cos(lb) * np.sin(dlon / 2) ** 2
    return 12742.0 * np.arcsin(np.sqrt(np.clip(h, 0.0, 1.0)))


def _keep_best_links_of_vague_nodes(con: duckdb.DuckDBPyConnection) -> None:
    """A vague node (no target, no place or no date) keeps only its best link (then the better attested).

    Otherwise one vague report ("troops attacked", no place) would chain every compatible event of its
    actor into one cluster; attaching it to its most similar event keeps clusters small and right.
    """
    con.execute("""
        CREATE OR REPLACE TEMP TABLE dd_pairs AS
        WITH both_ways AS (
            SELECT na AS node, nb AS other, score, wb AS w_other, vague_a AS vague, na, nb FROM dd_pairs
            UNION ALL SELECT nb, na, score, wa, vague_b, na, nb FROM dd_pairs),
        best AS (
            SELECT na, nb FROM (
                SELECT *, row_number() OVER (PARTITION BY node ORDER BY score DESC, w_other DESC, other) AS r
                FROM both_ways WHERE vague) WHERE r = 1)
        SELECT na, nb, score FROM dd_pairs WHERE NOT vague_a AND NOT vague_b
        UNION SELECT p.na, p.nb, p.score FROM dd_pairs p JOIN best USING (na, nb)""")


def _labels(con: duckdb.DuckDBPyConnection, n_nodes: int, settings: Settings, result: MergeResult) -> np.ndarray:
    pairs = arrays(con, "SELECT na, nb, score FROM dd_pairs")
    labels = connected_components(n_nodes, pairs["na"], pairs["nb"])
    temp_table(con, "dd_nlabel", pa.table({"node_id": pa.array(np.arange(n_nodes)), "label": pa.array(labels)}))
    cannot = con.execute(f"""
        WITH big AS (SELECT label FROM dd_nlabel GROUP BY label HAVING count(*) > 1),
             n AS (SELECT d.*, l.label FROM dd_nodes d JOIN dd_nlabel l USING (node_id) JOIN big USING (label))
        SELECT a.node_id, b.node_id, a.label FROM n a JOIN n b ON a.label = b.label AND a.node_id < b.node_id
        WHERE {compat.hard_conflict(settings.dedup_window_days)}""").fetchall()
    result.constrained_clusters = len({row[2] for row in cannot})
    if cannot:
        labels = _split_conflicts(con, labels, cannot, pairs)
    return labels


def _split_conflicts(con: duckdb.DuckDBPyConnection, labels: np.ndarray, cannot: list[tuple[int, int, int]],
                     pairs: dict[str, np.ndarray]) -> np.ndarray:
    """Re-cluster the conflicted clusters greedily, never joining a cannot-link pair."""
    bad = sorted({row[2] for row in cannot})
    nodes = [int(n) for n in np.flatnonzero(np.isin(labels, bad))]
    sizes = arrays(con, "SELECT node_id, len(mids) AS n FROM dd_nodes ORDER BY node_id")["n"]
    weight = {n: int(sizes[n]) for n in nodes}
    inside = np.isin(labels[pairs["na"]], bad)
    edges = [(a, b, s, weight[a] + weight[b]) for a, b, s in zip(
        pairs["na"][inside].tolist(), pairs["nb"][inside].tolist(), pairs["score"][inside].tolist(), strict=True)]
    roots = constrained_components(nodes, edges, [(a, b) for a, b, _ in cannot])
    labels = labels.copy()
    for node, root in roots.items():
        labels[node] = root
    return labels


def _assign(con: duckdb.DuckDBPyConnection) -> None:
    """Event id of every affected mention, from its cluster's anchor mention."""
    con.execute("""
        CREATE OR REPLACE TEMP TABLE dd_assign AS
        WITH m AS (SELECT a.mention_id, a.ingested_at, a.published, n.node_id, l.label
                   FROM dd_nodes n JOIN dd_nlabel l USING (node_id), unnest(n.mids) AS u(mention_id)
                   JOIN dd_aff a USING (mention_id)),
             ordered AS (SELECT *, row_number() OVER (PARTITION BY label
                                   ORDER BY ingested_at NULLS LAST, published NULLS LAST, mention_id) AS pos_in_event,
                                   row_number() OVER (PARTITION BY node_id
                                   ORDER BY ingested_at NULLS LAST, published NULLS LAST, mention_id) AS pos_in_node,
                                   count(*) OVER (PARTITION BY label) AS event_size
                         FROM m)
        SELECT o.*, 'ev-' || substr(md5(first_value(mention_id) OVER (PARTITION BY label ORDER BY pos_in_event)), 1, 16)
                    AS event_id,
               first_value(mention_id) OVER (PARTITION BY node_id ORDER BY pos_in_node) AS node_first
        FROM ordered o""")


def _write(con: duckdb.DuckDBPyConnection, full: bool) -> int:
    """Rewrite event ids, and the events and merge_log rows of the events that changed (``dd_events``)."""
    con.execute("""CREATE OR REPLACE TEMP TABLE dd_old_events AS
                   SELECT DISTINCT old_event AS event_id FROM dd_aff""")
    _unchanged_events(con, full)
    con.execute("""CREATE OR REPLACE TEMP TABLE dd_events AS SELECT DISTINCT event_id FROM dd_assign
                   WHERE event_id NOT IN (SELECT event_id FROM dd_same)""")
    update_event_ids(con)
    if full:
        con.execute("DELETE FROM events")
        con.execute("DELETE FROM merge_log")
    else:
        con.execute("""DELETE FROM events WHERE (event_id IN (SELECT event_id FROM dd_old_events)
                                              OR event_id IN (SELECT event_id FROM dd_events))
                                             AND event_id NOT IN (SELECT event_id FROM dd_same)""")
        con.execute("""DELETE FROM merge_log WHERE mention_id IN (
                           SELECT mention_id FROM dd_assign WHERE event_id IN (SELECT event_id FROM dd_events))""")
    insert_events(con)
    insert_merge_log(con)
    return _count(con, "dd_events")


def _unchanged_events(con: duckdb.DuckDBPyConnection, full: bool) -> None:
    """``dd_same``: affected events that keep their id and exactly their mentions, none of them a seed.

    Their ``events`` row and ``merge_log`` rows depend only on their mentions, those mentions' articles
    (a changed near-duplicate link makes its mentions seeds) and the pairs among their nodes, so writing
    them again would write the same rows: they are left as they are. On a big store most affected events
    are such block mates of the new mentions, and rewriting them was most of the writing (and of the commit).
    """
    if full:
        con.execute("CREATE OR REPLACE TEMP TABLE dd_same AS SELECT NULL::VARCHAR AS event_id WHERE false")
        return
    con.execute("""
        CREATE OR REPLACE TEMP TABLE dd_same AS
        WITH now AS (SELECT a.event_id, list_sort(list(a.mention_id)) AS members,
                            bool_or(s.mention_id IS NOT NULL) AS seeded
                     FROM dd_assign a LEFT JOIN dd_seed s USING (mention_id) GROUP BY a.event_id),
             before AS (SELECT old_event AS event_id, list_sort(list(mention_id)) AS members
                        FROM dd_aff WHERE old_event IS NOT NULL GROUP BY old_event)
        SELECT event_id FROM now JOIN before USING (event_id)
        WHERE now.members = before.members AND NOT now.seeded""")
