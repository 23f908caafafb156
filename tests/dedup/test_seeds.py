"""Through the full pipeline: the 2011 US withdrawal told by both seed outlets is one event, two sources."""

from __future__ import annotations

import json

import duckdb
import pytest


@pytest.fixture(scope="module")
def seeds_db(seeds_dir, pipeline, tmp_path_factory):
    if not seeds_dir.is_dir():
        pytest.skip("seed articles are absent")
    from petrel.ingest_service import ingest_paths

    settings = pipeline.settings.model_copy(update={"db_path": tmp_path_factory.mktemp("seeds") / "s.duckdb"})
    ingest_paths([str(seeds_dir)], settings, pipeline=pipeline)
    con = duckdb.connect(str(settings.db_path))
    yield con
    con.close()


def _same_as_pairs(eval_dir) -> list[tuple[dict, dict]]:
    path = eval_dir / "seeds" / "gold.jsonl"
    if not path.exists():
        pytest.skip("seed gold is absent")
    gold = {g["id"]: g for g in map(json.loads, path.read_text().splitlines())}
    return [(g, gold[g["same_as"]]) for g in gold.values() if g.get("same_as")]


def _event_for(con, gold: dict) -> str | None:
    words = [w for w in gold["cue"].lower().split() if w != "..."]
    rows = con.execute("""SELECT m.event_id, m.sentence FROM event_mentions m
                          WHERE m.doc_id IN (SELECT doc_id FROM articles WHERE source LIKE ?)
                            AND list_contains(?, m.type)""",
                       [f"%{gold['doc']}%", gold["type"]]).fetchall()
    for event_id, sentence in rows:
        if all(w in sentence.lower() for w in words):
            return event_id
    return None


def test_the_same_historical_event_told_by_both_outlets_is_one_event(seeds_db, eval_dir) -> None:
    for first, second in _same_as_pairs(eval_dir):
        a, b = _event_for(seeds_db, first), _event_for(seeds_db, second)
        assert a is not None and a == b, (first["id"], second["id"])
        row = seeds_db.execute("SELECT num_articles, num_sources FROM events WHERE event_id = ?", [a]).fetchone()
        assert row == (2, 2)
        reason = seeds_db.execute("SELECT reason FROM merge_log WHERE event_id = ? AND reason <> 'first report'",
                                  [a]).fetchone()[0]
        assert reason.startswith(f"same type {first['type'][0]}")
