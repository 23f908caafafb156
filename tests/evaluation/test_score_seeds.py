from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from petrel.evaluation import SeedActor, SeedEvent
from petrel.evaluation.scorers import (
    compound_companions,
    country_ok,
    cue_matches,
    event_fits,
    match_seed_events,
    score_seeds,
)

from .conftest import ev

SENT_A = "Zorland's army shelled the Vexan border post on Monday, officials said."
SENT_B = "The Vexan government demanded that Zorland withdraw its troops."


def gold(gid: str, cue: str, types=("ASSAULT",), src=("ZZZ",), tgt: tuple[str, ...] | None = ("VVV",),
         core=True, **kw) -> SeedEvent:
    target = None if tgt is None else SeedActor(countries=tgt)
    return SeedEvent(gid, "doc1", tuple(types), SeedActor(countries=src), target, cue, core=core, **kw)


@pytest.mark.parametrize(("cue", "ok"), [
    ("army shelled the Vexan border post", True),
    ("Zorland's army ... border post", True),  # fragments anywhere, possessive dropped
    ("ZORLAND'S ARMY SHELLED", True),  # case
    ("shelled the Vexan bordr post on Monday officials", True),  # typo tolerated in a long word
    ("army shelled ... the capital", False),  # a fragment is missing
    ("army bombed the Vexan post", False),  # 4 content words, one absent: all are needed
])
def test_cue_matching(cue, ok):
    assert cue_matches(cue, SENT_A) is ok


def test_cue_of_stop_words_only_uses_them():
    assert cue_matches("we will not", "We will not allow it.")
    assert not cue_matches("we will not", "They will allow it.")


def test_country_rules():
    assert country_ok(None, None)
    assert country_ok(SeedActor(), "ANY")
    assert country_ok(SeedActor(countries=("AAA", "BBB")), "bbb")
    assert not country_ok(SeedActor(countries=("AAA",)), None)


def test_event_fits_checks_type_countries_and_cue():
    g = gold("G1", "army shelled", types=("ASSAULT", "COERCE"))
    assert event_fits(g, ev("COERCE", "ZZZ", "VVV", sentence=SENT_A))
    assert not event_fits(g, ev("AID", "ZZZ", "VVV", sentence=SENT_A))
    assert not event_fits(g, ev("ASSAULT", "ZZZ", "XXX", sentence=SENT_A))
    assert not event_fits(g, ev("ASSAULT", "ZZZ", None, sentence=SENT_A))  # target required
    assert not event_fits(g, ev("ASSAULT", "ZZZ", "VVV", sentence=SENT_B))
    assert event_fits(gold("G2", "army shelled", tgt=None), ev("ASSAULT", "ZZZ", None, sentence=SENT_A))


def test_matching_is_one_to_one_and_maximal():
    g1 = gold("G1", "army shelled", types=("ASSAULT", "COERCE"))
    g2 = gold("G2", "army shelled", types=("ASSAULT",))
    e1 = ev("ASSAULT", "ZZZ", "VVV", sentence=SENT_A, confidence=0.9)  # fits both
    e2 = ev("COERCE", "ZZZ", "VVV", sentence=SENT_A)  # fits only G1
    matches = match_seed_events([g1, g2], {"doc1": [e1, e2]})
    assert {(m.gold.gold_id, m.event.type) for m in matches} == {("G1", "COERCE"), ("G2", "ASSAULT")}
    assert match_seed_events([g1], {"other-doc": [e1]}) == []


def test_score_seeds_recall_precision_status_date():
    g1 = gold("G1", "army shelled", status="actual", date="2020-01-06")
    g2 = gold("G2", "demanded ... withdraw", types=("REQUEST",), src=("VVV",), tgt=("ZZZ",), core=False,
              status="actual")
    g3 = gold("G3", "border post", types=("PROTEST",))
    predicted = {"doc1": [ev("ASSAULT", "ZZZ", "VVV", sentence=SENT_A, status="historical", date="2020-01-06"),
                          ev("REQUEST", "VVV", "ZZZ", sentence=SENT_B, status="actual"),
                          ev("AID", sentence=SENT_B)]}
    result = score_seeds([g1, g2, g3], predicted)
    v = {m.name: m.value for m in result.metrics}
    assert v["seeds.core_recall"] == pytest.approx(1 / 2)
    assert v["seeds.recall"] == pytest.approx(2 / 3)
    assert v["seeds.precision"] == pytest.approx(2 / 3)
    assert v["seeds.status_accuracy"] == pytest.approx(1 / 2)
    assert v["seeds.date_accuracy"] == 1.0
    kinds = sorted((m.kind, m.item) for m in result.misses)
    assert kinds == [("miss", "G3"), ("spurious", "doc1"), ("wrong", "G1")]


def test_compound_gold_line_credits_one_event_per_party_for_precision_only():
    g = gold("G1", "army shelled", src=("ZZZ", "QQQ"))
    events = [ev("ASSAULT", "ZZZ", "VVV", sentence=SENT_A), ev("ASSAULT", "QQQ", "VVV", sentence=SENT_A),
              ev("ASSAULT", "QQQ", "VVV", sentence=SENT_A)]  # the last one is a plain duplicate
    matches = match_seed_events([g], {"doc1": events})
    assert len(matches) == 1
    assert compound_companions(matches, {"doc1": events}) == [events[1]]
    v = {m.name: m.value for m in score_seeds([g], {"doc1": events}).metrics}
    assert v["seeds.recall"] == 1.0
    assert v["seeds.precision"] == pytest.approx(2 / 3)


def test_single_country_gold_line_has_no_companions():
    g = gold("G1", "army shelled")
    events = [ev("ASSAULT", "ZZZ", "VVV", sentence=SENT_A), ev("ASSAULT", "ZZZ", "VVV", sentence=SENT_A)]
    assert compound_companions(match_seed_events([g], {"doc1": events}), {"doc1": events}) == []


def test_seed_metadata_fields_compare_loosely_and_null_expects_nothing():
    from datetime import datetime

    from petrel.evaluation import SeedMetadata
    from petrel.evaluation.scorers import score_seed_metadata
    from petrel.models import Article

    meta = [SeedMetadata("d1", "2020-03-04T05:06", "The  Paper", None, wire_credit="AP", section=None)]
    art = Article("x", "d1.txt", "text", "body", title="A title", outlet="the paper",
                  published=datetime(2020, 3, 4, 5, 6, 59), wire_credit="AP")
    metric, misses = score_seed_metadata(meta, {"d1": art})
    assert metric.n == 5 and metric.value == pytest.approx(4 / 5)
    assert [m.item for m in misses] == ["d1:title"]
    metric, _ = score_seed_metadata(meta, {})
    assert metric.value == pytest.approx(2 / 5)  # the two nulls


@given(st.lists(st.from_regex(r"[A-Za-z]{1,9}", fullmatch=True), min_size=1, max_size=15))
def test_a_sentence_always_carries_itself_as_cue(words):
    sentence = " ".join(words) + "."
    assert cue_matches(sentence, sentence)
    assert cue_matches(" ... ".join(words), sentence.upper())
