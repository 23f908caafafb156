"""Near-duplicate articles: syndicated copies and light rewrites.

Each refresh hashes only the articles that have no signature yet (``article_minhash``), finds LSH
candidates between them and every stored article with one join on band keys, checks each candidate with
the estimated Jaccard of the full signatures, and keeps pairs above ``PAIR_FLOOR`` in ``article_pairs``
(stories use the looser pairs as text similarity). Clusters are then recomputed from the stored pairs at
or above ``settings.near_dup_threshold`` (cheap: there are few such pairs), so raising the threshold
un-links articles on the next refresh.

In each cluster the root is the earliest published article (then the first ingested, then the smallest
id). Every other member gets ``near_dup_of = root`` and ``near_dup_score`` = estimated Jaccard with the
root; the root keeps NULL in both.
"""

from __future__ import annotations

import logging

import duckdb
import numpy as np
import pyarrow as pa

from petrel.config import Settings
from petrel.dedup._sql import arrays, drop_temp, insert_arrow, temp_table
from petrel.dedup.components import connected_components
from petrel.dedup.minhash import MinHasher, estimated_jaccard, from_blobs, to_blob
from petrel.dedup.records import NearDupResult

log = logging.getLogger(__name__)

PAIR_FLOOR = 0.3  # pairs kept for stories (text similarity); near-duplicates need settings.near_dup_threshold
HASH_CHUNK = 2_000  # articles hashed per chunk (bounds memory)


def find_near_duplicates(con: duckdb.DuckDBPyConnection, settings: Settings, *,
                         hasher: MinHasher | None = None, full: bool = False) -> NearDupResult:
    """Hash new articles, store their similar pairs, and set ``articles.near_dup_of/near_dup_score``."""
    hasher = hasher or MinHasher()
    result = NearDupResult()
    if full:
        con.execute("DELETE FROM article_minhash")
        con.execute("DELETE FROM article_pairs")
    new_ids = _hash_new_articles(con, hasher, result)
    if new_ids:
        _store_similar_pairs(con, new_ids, result, floor=min(PAIR_FLOOR, settings.near_dup_threshold))
    _assign_clusters(con, settings.near_dup_threshold, result)
    return result


def _hash_new_articles(con: duckdb.DuckDBPyConnection, hasher: MinHasher, result: NearDupResult) -> list[str]:
    rows = con.execute("""
        SELECT a.doc_id, a.text FROM articles a
        WHERE a.status = 'ok' AND a.text IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM article_minhash h WHERE h.doc_id = a.doc_id)
        ORDER BY a.doc_id""").fetchall()
    for start in range(0, len(rows), HASH_CHUNK):
        chunk = rows[start:start + HASH_CHUNK]
        sigs = hasher.signatures([text for _, text in chunk])
        bands = hasher.band_keys(sigs)
        data = pa.table({
            "doc_id": pa.array([doc_id for doc_id, _ in chunk], pa.string()),
            "sig": pa.array([to_blob(s) for s in sigs], pa.binary()),
            "bands": pa.array(list(bands), pa.list_(pa.uint64())),
        })
        insert_arrow(con, "article_minhash", data)
    result.hashed = len(rows)
    return [doc_id for doc_id, _ in rows]


def _store_similar_pairs(con: duckdb.DuckDBPyConnection, new_ids: list[str], result: NearDupResult,
                         *, floor: float) -> None:
    temp_table(con, "dd_new_docs", pa.table({"doc_id": pa.array(new_ids, pa.string())}))
    con.execute("""
        CREATE OR REPLACE TEMP TABLE dd_cand AS
        WITH nb AS (SELECT h.doc_id, unnest(h.bands) AS k FROM article_minhash h
                    JOIN dd_new_docs n USING (doc_id)),
             ab AS (SELECT doc_id, unnest(bands) AS k FROM article_minhash)
        SELECT DISTINCT least(nb.doc_id, ab.doc_id) AS doc_a, greatest(nb.doc_id, ab.doc_id) AS doc_b
        FROM nb JOIN ab ON nb.k = ab.k AND nb.doc_id <> ab.doc_id""")
    cand = arrays(con, """
        SELECT c.doc_a, c.doc_b, ha.sig AS sig_a, hb.sig AS sig_b FROM dd_cand c
        JOIN article_minhash ha ON ha.doc_id = c.doc_a JOIN article_minhash hb ON hb.doc_id = c.doc_b""")
    result.candidate_pairs = len(cand["doc_a"])
    drop_temp(con, "dd_cand", "dd_new_docs")
    if not len(cand["doc_a"]):
        return
    score = estimated_jaccard(from_blobs(list(cand["sig_a"])), from_blobs(list(cand["sig_b"])))
    keep = score >= floor
    result.similar_pairs = int(keep.sum())
    insert_arrow(con, "article_pairs", pa.table({
        "doc_a": pa.array(cand["doc_a"][keep], pa.string()), "doc_b": pa.array(cand["doc_b"][keep], pa.string()),
        "score": pa.array(score[keep], pa.float64())}))


def _assign_clusters(con: duckdb.DuckDBPyConnection, threshold: float, result: NearDupResult) -> None:
    pairs = arrays(con, """
        SELECT p.doc_a, p.doc_b FROM article_pairs p
        JOIN articles a ON a.doc_id = p.doc_a AND a.status = 'ok'
        JOIN articles b ON b.doc_id = p.doc_b AND b.status = 'ok'
        WHERE p.score >= ?""", [threshold])
    members = _cluster_roots(con, pairs["doc_a"], pairs["doc_b"])
    temp_table(con, "dd_neardup", members)
    result.changed = _apply_near_dups(con)
    result.near_duplicates = int(con.execute(
        "SELECT count(*) FROM articles WHERE near_dup_of IS NOT NULL").fetchone()[0])
    drop_temp(con, "dd_neardup")


def _cluster_roots(con: duckdb.DuckDBPyConnection, doc_a: np.ndarray, doc_b: np.ndarray) -> pa.Table:
    """Each non-root member of a cluster with its root and its estimated Jaccard to the root."""
    empty = pa.table({"doc_id": pa.array([], pa.string()), "near_dup_of": pa.array([], pa.string()),
                      "near_dup_score": pa.array([], pa.float64())})
    if not len(doc_a):
        return empty
    docs, inverse = np.unique(np.concatenate([doc_a, doc_b]).astype(str), return_inverse=True)
    labels = connected_components(len(docs), inverse[: len(doc_a)], inverse[len(doc_a):])
    temp_table(con, "dd_nd_members", pa.table({"doc_id": pa.array(docs), "label": pa.array(labels)}))
    found = arrays(con, """
        WITH ranked AS (
            SELECT m.doc_id, m.label, h.sig,
                   row_number() OVER (PARTITION BY m.label
                       ORDER BY a.published NULLS LAST, a.ingested_at, m.doc_id) AS pos
            FROM dd_nd_members m JOIN articles a USING (doc_id) JOIN article_minhash h USING (doc_id))
        SELECT r.doc_id, o.doc_id AS root, r.sig, o.sig AS root_sig
        FROM ranked r JOIN ranked o ON o.label = r.label AND o.pos = 1
        WHERE r.pos > 1 ORDER BY r.doc_id""")
    drop_temp(con, "dd_nd_members")
    score = estimated_jaccard(from_blobs(list(found["sig"])), from_blobs(list(found["root_sig"])))
    return pa.table({"doc_id": pa.array(found["doc_id"], pa.string()),
                     "near_dup_of": pa.array(found["root"], pa.string()),
                     "near_dup_score": pa.array(score, pa.float64())})


def _apply_near_dups(con: duckdb.DuckDBPyConnection) -> int:
    """Write the clusters into ``articles``; remember changed articles in temp table ``dd_changed_docs``."""
    con.execute("""
        CREATE OR REPLACE TEMP TABLE dd_changed_docs AS
        SELECT a.doc_id FROM articles a LEFT JOIN dd_neardup n USING (doc_id)
        WHERE a.near_dup_of IS DISTINCT FROM n.near_dup_of""")
    con.execute("""
        UPDATE articles SET near_dup_of = NULL, near_dup_score = NULL
        WHERE near_dup_of IS NOT NULL AND doc_id NOT IN (SELECT doc_id FROM dd_neardup)""")
    con.execute("""
        UPDATE articles SET near_dup_of = n.near_dup_of, near_dup_score = n.near_dup_score
        FROM dd_neardup n WHERE articles.doc_id = n.doc_id
          AND (articles.near_dup_of IS DISTINCT FROM n.near_dup_of
               OR articles.near_dup_score IS DISTINCT FROM n.near_dup_score)""")
    return int(con.execute("SELECT count(*) FROM dd_changed_docs").fetchone()[0])
