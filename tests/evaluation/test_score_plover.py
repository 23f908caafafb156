from __future__ import annotations

import pytest

from petrel.evaluation import GoldActor, PloverRecord
from petrel.evaluation.scorers import score_plover

from .conftest import ev


def rec(rid: str, type_: str, src: tuple[str, ...] = ("AAA",), tgt: tuple[str, ...] = ("BBB",)) -> PloverRecord:
    return PloverRecord(rid, f"invented sentence {rid}", type_, type_,
                        tuple(GoldActor(c) for c in src), tuple(GoldActor(c) for c in tgt))


def values(result) -> dict[str, float | None]:
    return {m.name.split(".", 1)[1]: m.value for m in result.metrics}


def test_top_event_decides_and_no_event_is_wrong():
    records = [rec("1", "ASSAULT"), rec("2", "AGREE"), rec("3", "REJECT")]
    predictions = [
        [ev("ASSAULT", confidence=0.9), ev("AGREE", confidence=0.1)],  # right
        [ev("ASSAULT", confidence=0.9), ev("AGREE", confidence=0.1)],  # wrong top, but AGREE is there
        [],  # nothing coded
    ]
    v = values(score_plover(records, predictions))
    assert v["type_accuracy"] == pytest.approx(1 / 3)
    assert v["type_any"] == pytest.approx(2 / 3)
    assert v["coverage"] == pytest.approx(2 / 3)
    # ASSAULT: P=1/2 R=1 -> 2/3; AGREE: 0; REJECT: 0
    assert v["type_macro_f1"] == pytest.approx((2 / 3) / 3)


def test_country_accuracy_counts_only_records_with_gold_codes():
    records = [rec("1", "AGREE", src=("AAA", "CCC"), tgt=()), rec("2", "AGREE", src=("AAA",), tgt=("BBB",))]
    predictions = [[ev("AGREE", src="CCC", tgt=None)], [ev("AGREE", src="AAA", tgt="XXX")]]
    result = score_plover(records, predictions)
    by_name = {m.name: m for m in result.metrics}
    assert by_name["plover.source_country_accuracy"].value == 1.0
    assert by_name["plover.source_country_accuracy"].n == 2
    assert by_name["plover.target_country_accuracy"].value == 0.0
    assert by_name["plover.target_country_accuracy"].n == 1
    assert [m.item for m in result.misses] == ["2"]


def test_coverage_is_not_gated():
    result = score_plover([rec("1", "AID")], [[]])
    gated = {m.name: m.gated for m in result.metrics}
    assert gated["plover.coverage"] is False and gated["plover.type_accuracy"] is True
    assert result.misses[0].kind == "miss"


def test_igo_and_ngo_are_one_international_class():
    records = [rec("1", "ACCUSE", src=("IGO",), tgt=("USA",)), rec("2", "ACCUSE", src=("NGO",), tgt=("USA",)),
               rec("3", "ACCUSE", src=("USA",), tgt=("IGO",))]
    predictions = [[ev("ACCUSE", src="NGO", tgt="USA")], [ev("ACCUSE", src="IGO", tgt="USA")],
                   [ev("ACCUSE", src="USA", tgt="IMG")]]  # an armed group is not an international body
    v = values(score_plover(records, predictions))
    assert v["source_country_accuracy"] == 1.0
    assert v["target_country_accuracy"] == pytest.approx(2 / 3)


def test_pair_figures_need_an_event_from_the_gold_source_to_the_gold_target():
    records = [rec("1", "ASSAULT"), rec("2", "AGREE"), rec("3", "REJECT"), rec("4", "AID", tgt=())]
    predictions = [
        [ev("ACCUSE", src="AAA", tgt="CCC", confidence=0.9), ev("ASSAULT", src="AAA", tgt="BBB", confidence=0.2)],
        [ev("AGREE", src="BBB", tgt="AAA")],  # the pair reversed is not the pair
        [ev("REQUEST", src="AAA", tgt="BBB", confidence=0.8), ev("REJECT", src="AAA", tgt="BBB", confidence=0.3)],
        [ev("AID", src="AAA", tgt=None)],  # no gold target: not counted
    ]
    by_name = {m.name: m for m in score_plover(records, predictions).metrics}
    assert by_name["plover.pair_found"].value == pytest.approx(2 / 3)
    assert by_name["plover.pair_found"].n == 3
    # record 1: the only event for the pair is ASSAULT (right); record 3: the top event for the pair is REQUEST
    assert by_name["plover.pair_type_accuracy"].value == pytest.approx(1 / 3)
