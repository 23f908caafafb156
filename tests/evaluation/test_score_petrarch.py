from __future__ import annotations

import pytest

from petrel.evaluation import PetrCoding, PetrSentence
from petrel.evaluation.scorers import actor_country, dyads, score_petr2

from .conftest import ev


def sent(sid: str, *codings: tuple[str, str, str]) -> PetrSentence:
    return PetrSentence(sid, "TEST", None, f"invented {sid}", tuple(PetrCoding(*c) for c in codings))


@pytest.mark.parametrize(("code", "country"), [
    ("IRQGOVMIL", "IRQ"), ("USA", "USA"), ("---REB", "---"), ("IGOUNO", "IGO"), ("IMGMUSISI", "IMG"), ("", "---"),
])
def test_actor_country_is_the_three_letter_prefix(code, country):
    assert actor_country(code) == country


def test_lenient_dyads_mark_missing_targets_as_dashes_and_drop_negated_and_claimed():
    events = [ev(cameo="190", src=None, tgt="BBB"), ev(cameo="0431", src="AAA", tgt=None),
              ev(cameo="190", status="negated"), ev(cameo="190", status="claimed")]
    assert dyads(events, level="root") == [("19", "---", "BBB"), ("04", "AAA", "---")]
    assert dyads(events, level="code") == [("190", "---", "BBB"), ("0431", "AAA", "---")]
    assert dyads(events, level="event") == [("19", "", ""), ("04", "", "")]


def test_strict_dyads_score_claimed_events_and_leave_a_missing_target_empty():
    events = [ev(cameo="190", src=None, tgt="BBB"), ev(cameo="0431", src="AAA", tgt=None),
              ev(cameo="190", status="negated"), ev(cameo="190", src="AAA", tgt="BBB", status="claimed")]
    assert dyads(events, level="root", strict=True) == [("19", "---", "BBB"), ("04", "AAA", ""), ("19", "AAA", "BBB")]


def test_the_strict_family_is_gated_and_the_lenient_one_is_not():
    sentences = [sent("1", ("140", "AAALEG", "---")), sent("2", ("190", "AAA", "BBB"))]
    predictions = [[ev(cameo="140", src="AAA", tgt=None)], [ev(cameo="190", src="AAA", tgt="BBB", status="claimed")]]
    metrics = {m.name: m for m in score_petr2(sentences, predictions).metrics}
    assert metrics["petr2.root_dyad_recall"].value == 0.5 and metrics["petr2.root_dyad_recall"].gated
    assert metrics["petr2.root_dyad_recall_lenient"].value == 0.5
    assert not metrics["petr2.root_dyad_f1_lenient"].gated
    assert metrics["petr2.root_dyad_precision"].value == 0.5  # the claimed act is scored, the --- target is not
    assert metrics["petr2.root_dyad_precision_lenient"].value == 1.0


def test_precision_recall_at_root_and_code():
    sentences = [sent("1", ("190", "AAAGOV", "BBBMIL")), sent("2", ("042", "CCC", "DDD"), ("042", "DDD", "CCC")),
                 sent("3")]
    predictions = [
        [ev(cameo="193", src="AAA", tgt="BBB")],  # root right, full code wrong
        [ev(cameo="042", src="CCC", tgt="DDD"), ev(cameo="042", src="CCC", tgt="DDD")],  # one right, one duplicate
        [ev(cameo="111", src="AAA", tgt="BBB")],  # expected nothing
    ]
    v = {m.name: m.value for m in score_petr2(sentences, predictions).metrics}
    assert v["petr2.root_dyad_precision"] == pytest.approx(2 / 4)
    assert v["petr2.root_dyad_recall"] == pytest.approx(2 / 3)
    assert v["petr2.code_dyad_recall"] == pytest.approx(1 / 3)
    assert v["petr2.root_recall"] == pytest.approx(3 / 3)
    assert v["petr2.no_event_specificity"] == 0.0


def test_unknown_country_matches_only_a_countryless_actor():
    sentences = [sent("1", ("190", "---REB", "AAA")), sent("2", ("190", "---REB", "AAA"))]
    predictions = [[ev(cameo="190", src=None, tgt="AAA")], [ev(cameo="190", src="ZZZ", tgt="AAA")]]
    v = {m.name: m.value for m in score_petr2(sentences, predictions).metrics}
    assert v["petr2.root_dyad_recall"] == 0.5


def test_a_missing_target_matches_petrarchs_dashes_target_only_leniently():
    sentences = [sent("1", ("140", "AAALEG", "---")), sent("2", ("140", "AAALEG", "BBB"))]
    predictions = [[ev(cameo="140", src="AAA", tgt=None)], [ev(cameo="140", src="AAA", tgt=None)]]
    v = {m.name: m.value for m in score_petr2(sentences, predictions).metrics}
    assert v["petr2.root_dyad_recall_lenient"] == 0.5
    assert v["petr2.root_dyad_recall"] == 0.0
