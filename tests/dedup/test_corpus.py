"""The bundled multi-outlet corpus: gold consistency and pairwise scores (oracle and full pipeline)."""

from __future__ import annotations

import duckdb
import pytest

from petrel.dedup import evaluate_dedup, load_gold, refresh
from petrel.dedup.evaluate import load_articles, load_oracle
from petrel.store.schema import create_schema


def test_every_gold_cue_is_in_its_article() -> None:
    articles = {a["id"]: a["text"] for a in load_articles()}
    gold = load_gold()
    assert 40 <= len(articles) <= 60
    assert len({a["outlet"] for a in load_articles()}) >= 5
    for event in gold["events"]:
        for m in event["mentions"]:
            assert all(part.strip() in articles[m["doc"]] for part in m["cue"].split("...")), m
    for cluster in gold["near_duplicate_clusters"]:
        assert set(cluster) <= set(articles)


def test_no_seed_sentence_is_copied_into_the_corpus(seeds_dir) -> None:
    if not seeds_dir.is_dir():
        pytest.skip("seed articles are absent")
    seed_lines = {line.strip() for p in seeds_dir.glob("*.txt") for line in p.read_text().splitlines()
                  if len(line.strip()) > 40}
    corpus = " ".join(a["text"] for a in load_articles())
    assert not [line for line in seed_lines if line in corpus]


def test_oracle_mentions_are_deduplicated_above_the_floors(dedup_settings) -> None:
    con = duckdb.connect()
    create_schema(con)
    load_oracle(con)
    refresh(con, dedup_settings)
    scores = evaluate_dedup(con)
    assert scores.matched_mentions == scores.gold_mentions
    assert scores.event_precision >= 0.9 and scores.event_recall >= 0.9, scores.details
    assert scores.neardup_precision >= 0.9 and scores.neardup_recall >= 0.9


def test_a_scorer_that_merges_everything_is_penalised(dedup_settings) -> None:
    con = duckdb.connect()
    create_schema(con)
    load_oracle(con)
    refresh(con, dedup_settings)
    con.execute("UPDATE event_mentions SET event_id = 'one'")
    scores = evaluate_dedup(con)
    assert scores.event_recall == 1.0 and scores.event_precision < 0.2


def test_an_other_type_mention_aligns_with_the_gold_event_its_date_fits(con) -> None:
    """One sentence tells a clash (not extracted) and a 2017 siege (extracted as COERCE): the siege's gold
    mention gets it, so the clash is not scored as merged with the siege."""
    from tests.dedup.builders import add_article, add_mentions, mention

    text = "Days after soldiers fought militants, residents recalled the siege of 2017 when militants held the city."
    add_article(con, "a")
    add_article(con, "b")
    add_mentions(con, [
        mention("a1", "a", type="COERCE", date="2017", event_id="siege", sentence=text),
        mention("b1", "b", type="COERCE", date="2017", event_id="siege", sentence="In 2017 militants held the city."),
    ])
    gold = {"near_duplicate_clusters": [], "events": [
        {"id": "clash", "type": "ASSAULT", "date": "2026-03-14",
         "mentions": [{"doc": "a", "cue": "soldiers fought militants"}]},
        {"id": "siege", "type": "ASSAULT", "date": "2017",
         "mentions": [{"doc": "a", "cue": "siege of 2017"}, {"doc": "b", "cue": "In 2017 militants held"}]},
    ]}
    scores = evaluate_dedup(con, gold)
    assert (scores.event_precision, scores.event_recall, scores.matched_mentions) == (1.0, 1.0, 2)
