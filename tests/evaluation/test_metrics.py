from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from petrel.evaluation.metrics import PRF, accuracy, f1_of, macro_f1, multiset_prf, per_label_prf, ratio

labels = st.lists(st.sampled_from("abcd"), min_size=1, max_size=30)


def test_prf_handles_empty_denominators():
    assert PRF(0, 0, 0).precision is None
    assert PRF(0, 0, 0).recall is None
    assert PRF(0, 0, 0).f1 is None
    assert PRF(0, 3, 0).precision == 0.0


def test_prf_values_and_sum():
    total = PRF(2, 4, 5) + PRF(1, 1, 1)
    assert (total.tp, total.predicted, total.gold) == (3, 5, 6)
    assert total.precision == pytest.approx(0.6)
    assert total.recall == pytest.approx(0.5)
    assert total.f1 == pytest.approx(6 / 11)


def test_multiset_matches_each_item_once():
    counts = multiset_prf(["x", "x", "y"], ["x", "z"])
    assert (counts.tp, counts.predicted, counts.gold) == (1, 3, 2)


def test_macro_f1_averages_over_gold_labels_only():
    gold = ["a", "a", "b", "b"]
    pred = ["a", "a", "c", "b"]
    # a: P=1 R=1 -> 1; b: P=1 R=.5 -> 2/3; c is not a gold label (it only costs b's recall)
    assert macro_f1(gold, pred) == pytest.approx((1 + 2 / 3) / 2)


def test_accuracy_and_ratio():
    assert accuracy(["a", "b"], ["a", None]) == 0.5
    assert accuracy([], []) is None
    assert ratio(1, 0) is None
    assert f1_of(0, 0, 0) is None


@given(labels)
def test_perfect_prediction_scores_one(gold):
    assert accuracy(gold, gold) == 1.0
    assert macro_f1(gold, gold) == pytest.approx(1.0)


@given(labels, labels)
def test_scores_are_bounded(gold, pred):
    pred = (pred * len(gold))[: len(gold)]
    assert 0.0 <= macro_f1(gold, pred) <= 1.0
    for lab in set(gold):
        f1 = per_label_prf(gold, pred, lab).f1
        assert f1 is None or 0.0 <= f1 <= 1.0
