"""Scoring deduplication on the bundled multi-outlet corpus (``petrel/data/dedup_corpus``).

The gold lists real-world events, each with the (doc, cue) mentions that tell it, and the clusters of
near-duplicate articles. Because a coder's output is imperfect, scoring happens at the level it can be
checked: each gold mention is matched to at most one extracted event mention of the same document whose
sentence contains the cue's words (first pass: only mentions of the gold type; second pass: any type;
then the highest confidence); then every
pair of matched gold mentions is a gold positive when both belong to one gold event and a predicted
positive when both extracted mentions carry the same ``event_id``. Near-duplicates are scored pairwise over
the corpus articles present in the database.

``oracle_mentions`` builds the event mentions a perfect coder would write (the gold's coded fields), so
the merging logic can be measured without the coder; ``evaluate_dedup_corpus`` runs the real pipeline.
"""

from __future__ import annotations

import itertools
import json
import re
import tempfile
from datetime import date, datetime
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from petrel.config import Settings
from petrel.dedup._sql import insert_arrow
from petrel.dedup.records import DedupScores
from petrel.errors import EvalDataMissing

CORPUS_PACKAGE = "petrel.data"
CORPUS_DIR = "dedup_corpus"
Gold = dict[str, Any]


def corpus_path() -> Path:
    """Folder of the bundled corpus (``articles.jsonl``, ``gold.json``)."""
    return Path(str(resources.files(CORPUS_PACKAGE).joinpath(CORPUS_DIR)))


def load_gold(path: Path | None = None) -> Gold:
    path = path or corpus_path() / "gold.json"
    if not path.exists():
        raise EvalDataMissing(f"dedup gold file {path} is missing", path=str(path))
    return json.loads(path.read_text(encoding="utf-8"))


def load_articles(path: Path | None = None) -> list[dict[str, Any]]:
    path = path or corpus_path() / "articles.jsonl"
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


# -- oracle ------------------------------------------------------------------------------------

def oracle_mentions(gold: Gold, articles: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``event_mentions`` rows a perfect coder would produce for the gold events."""
    by_doc = {a["id"]: a for a in articles}
    rows = []
    for event in gold["events"]:
        for mention in event["mentions"]:
            fields = {**event, **{k: v for k, v in mention.items() if k not in ("doc", "cue")}}
            rows.append(_oracle_row(event["id"], mention, fields, by_doc[mention["doc"]]))
    return rows


def _oracle_row(gold_id: str, mention: dict[str, Any], f: dict[str, Any], article: dict[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = {
        "mention_id": f"{mention['doc']}#{gold_id}", "event_id": f"{mention['doc']}#{gold_id}",
        "doc_id": mention["doc"], "outlet": article.get("outlet"), "published": _timestamp(article.get("published")),
        "type": f["type"], "status": f["status"], "date": f["date"], "date_precision": _precision(f["date"]),
        "sentence": mention["cue"], "trigger": mention["cue"].split()[0], "confidence": 0.8, "rule": "oracle",
    }
    row["date_start"], row["date_end"] = _bounds(f["date"])
    for prefix in ("source", "target"):
        actor = f.get(prefix) or {}
        row.update({f"{prefix}_name": actor.get("name"), f"{prefix}_actor_id": actor.get("actor_id"),
                    f"{prefix}_country": actor.get("country"), f"{prefix}_sector": actor.get("sector")})
    place = f.get("place") or {}
    row.update({"place_name": place.get("name"), "place_country": place.get("country"),
                "place_admin1": place.get("admin1"), "lat": place.get("lat"), "lon": place.get("lon"),
                "place_precision": place.get("precision")})
    return row


def _timestamp(value: str | None) -> datetime | None:
    if not value:
        return None
    return datetime.fromisoformat(value.replace("Z", "+00:00")).replace(tzinfo=None)


def _precision(value: str | None) -> str | None:
    if not value:
        return None
    if "/" in value:
        return "range"
    return {3: "day", 2: "month", 1: "year"}[len(value.split("-"))]


def _bounds(value: str | None) -> tuple[date | None, date | None]:
    if not value:
        return None, None
    first, _, last = value.partition("/")
    return _day_bounds(first)[0], _day_bounds(last or first)[1]


def _day_bounds(value: str) -> tuple[date, date]:
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return date(*parts), date(*parts)
    if len(parts) == 2:
        nxt = date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return date(parts[0], parts[1], 1), date.fromordinal(nxt.toordinal() - 1)
    return date(parts[0], 1, 1), date(parts[0], 12, 31)


def load_oracle(con: duckdb.DuckDBPyConnection, gold: Gold | None = None,
                articles: list[dict[str, Any]] | None = None) -> None:
    """Write the corpus articles and the oracle event mentions into a petrel database."""
    gold = gold or load_gold()
    articles = articles or load_articles()
    insert_arrow(con, "articles", pa.Table.from_pylist([_article_row(a) for a in articles]))
    mentions = oracle_mentions(gold, articles)
    schema = _schema(con, "event_mentions", mentions[0].keys())
    insert_arrow(con, "event_mentions", pa.Table.from_pylist(mentions, schema=schema))


def _article_row(article: dict[str, Any]) -> dict[str, Any]:
    return {"doc_id": article["id"], "source": f"dedup_corpus:{article['id']}", "fmt": "jsonl", "status": "ok",
            "outlet": article.get("outlet"), "published": _timestamp(article.get("published")),
            "title": article.get("title"), "text": article["text"], "word_count": len(article["text"].split())}


_ARROW = {"VARCHAR": pa.string(), "DOUBLE": pa.float64(), "DATE": pa.date32(), "TIMESTAMP": pa.timestamp("us"),
          "VARCHAR[]": pa.list_(pa.string()), "INTEGER": pa.int32(), "TINYINT": pa.int8()}


def _schema(con: duckdb.DuckDBPyConnection, table: str, names: Any) -> pa.Schema:
    kinds = {r[0]: r[1] for r in con.execute(f"DESCRIBE {table}").fetchall()}  # noqa: S608 (internal)
    return pa.schema([pa.field(n, _ARROW[kinds[n]]) for n in names])


# -- scoring -----------------------------------------------------------------------------------

def evaluate_dedup(con: duckdb.DuckDBPyConnection, gold: Gold | Path | None = None) -> DedupScores:
    """Pairwise same-event and near-duplicate precision/recall of a refreshed database on the gold."""
    if not isinstance(gold, dict):
        gold = load_gold(gold)
    matched = _match(con, gold)
    tp, fp, fn, false_merges, missed = _pair_counts(matched)
    nd_p, nd_r, nd_predicted, nd_gold = _neardup_scores(con, gold)
    p = tp / (tp + fp) if tp + fp else None
    r = tp / (tp + fn) if tp + fn else None
    f1 = 2 * p * r / (p + r) if p and r else None
    n_gold = sum(len(e["mentions"]) for e in gold["events"])
    return DedupScores(event_precision=p, event_recall=r, event_f1=f1, gold_mentions=n_gold,
                       matched_mentions=len(matched), predicted_pairs=tp + fp, gold_pairs=tp + fn,
                       neardup_precision=nd_p, neardup_recall=nd_r, neardup_predicted_pairs=nd_predicted,
                       neardup_gold_pairs=nd_gold,
                       details={"false_merges": false_merges[:20], "missed_merges": missed[:20]})


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def _match(con: duckdb.DuckDBPyConnection, gold: Gold) -> list[tuple[str, str, str]]:
    """(gold event id, gold mention key, extracted event id) per matched gold mention."""
    docs = sorted({m["doc"] for e in gold["events"] for m in e["mentions"]})
    rows = con.execute("""SELECT mention_id, doc_id, event_id, type, sentence, confidence, date_start, date_end
                          FROM event_mentions WHERE list_contains(?, doc_id)""", [docs]).fetchall()
    by_doc: dict[str, list[tuple]] = {}
    for row in rows:
        by_doc.setdefault(row[1], []).append(row)
    used: set[str] = set()
    found: dict[str, tuple[str, str, str]] = {}
    # the gold type with a fitting date first, then the gold type, then any type with a fitting date, then
    # any type: two gold events told in one sentence ("attacked again, a week after a raid") each get the
    # extracted mention that is theirs
    for same_type, dated in ((True, True), (True, False), (False, True), (False, False)):
        for event in gold["events"]:
            for mention in event["mentions"]:
                key = f"{mention['doc']}|{mention['cue']}"
                if key in found:
                    continue
                rows = by_doc.get(mention["doc"], [])
                if dated:
                    rows = [r for r in rows if _date_fits(r, event.get("date"))]
                best = _best_candidate(rows, mention["cue"], event["type"], used, same_type=same_type)
                if best is not None:
                    used.add(best[0])
                    found[key] = (event["id"], key, best[2])
    return list(found.values())


def _date_fits(row: tuple, gold_date: str | None) -> bool:
    """The extracted mention's dates overlap the gold event's ("2017" is not the clash of 2026-03-14)."""
    start, end = _bounds(gold_date)
    if start is None or row[6] is None:
        return False
    return row[6] <= end and start <= row[7]


def _best_candidate(rows: list[tuple], cue: str, gold_type: str, used: set[str], *,
                    same_type: bool) -> tuple | None:
    parts = [_norm(p) for p in cue.split("...") if _norm(p)]
    found = [r for r in rows if r[0] not in used and all(p in _norm(r[4] or "") for p in parts)
             and (r[3] == gold_type or not same_type)]
    if not found:
        return None
    return min(found, key=lambda r: (r[3] != gold_type, -(r[5] or 0.0), r[0]))


def _pair_counts(matched: list[tuple[str, str, str]]) -> tuple[int, int, int, list, list]:
    tp = fp = fn = 0
    false_merges, missed = [], []
    for (g1, k1, e1), (g2, k2, e2) in itertools.combinations(matched, 2):
        same_gold, same_pred = g1 == g2, e1 == e2
        tp += same_gold and same_pred
        if same_pred and not same_gold:
            fp += 1
            false_merges.append((k1, k2))
        elif same_gold and not same_pred:
            fn += 1
            missed.append((k1, k2))
    return tp, fp, fn, false_merges, missed


def _neardup_scores(con: duckdb.DuckDBPyConnection, gold: Gold) -> tuple[float | None, float | None, int, int]:
    """Near-duplicate pair precision and recall, with the predicted and gold pair counts."""
    clusters = gold.get("near_duplicate_clusters", [])
    corpus_docs = {d for e in gold["events"] for m in e["mentions"] for d in [m["doc"]]}
    corpus_docs |= {d for c in clusters for d in c}
    rows = con.execute("SELECT doc_id, coalesce(near_dup_of, doc_id) FROM articles WHERE list_contains(?, doc_id)",
                       [sorted(corpus_docs)]).fetchall()
    root = dict(rows)
    gold_pairs = {tuple(sorted(p)) for c in clusters for p in itertools.combinations(c, 2)
                  if p[0] in root and p[1] in root}
    pred_pairs = {tuple(sorted((a, b))) for a, b in itertools.combinations(sorted(root), 2) if root[a] == root[b]}
    tp = len(gold_pairs & pred_pairs)
    p = tp / len(pred_pairs) if pred_pairs else None
    r = tp / len(gold_pairs) if gold_pairs else None
    return p, r, len(pred_pairs), len(gold_pairs)


def evaluate_dedup_corpus(settings: Settings | None = None, *, pipeline: Any = None) -> DedupScores:
    """Ingest the bundled corpus through the full pipeline into a scratch database and score it."""
    from petrel.ingest_service import ingest_paths

    base = settings or Settings()
    with tempfile.TemporaryDirectory(prefix="petrel-dedup-") as tmp:
        scratch = base.model_copy(update={"db_path": Path(tmp) / "dedup.duckdb"})
        ingest_paths([str(corpus_path() / "articles.jsonl")], scratch, pipeline=pipeline)
        con = duckdb.connect(str(scratch.db_path))
        try:
            return evaluate_dedup(con)
        finally:
            con.close()
