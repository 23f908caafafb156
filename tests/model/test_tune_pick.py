"""Choosing the blend: dev F1 first, the validation sentences among near-ties."""

from petrel.model.tune import DEV_F1_TIE, pick


def test_a_clear_dev_win_beats_the_validation_sentences() -> None:
    points = [(0.60, 1.50, "a"), (0.58, 1.70, "b")]
    assert pick(points, DEV_F1_TIE)[2] == "a"


def test_a_near_tie_on_dev_goes_to_the_validation_sentences() -> None:
    points = [(0.5985, 1.56, "veto off"), (0.5966, 1.60, "veto 0.95"), (0.55, 1.90, "far")]
    assert pick(points, DEV_F1_TIE)[2] == "veto 0.95"


def test_without_a_tie_band_the_objective_alone_decides() -> None:
    points = [(0.5985, 1.56, "a"), (0.5966, 1.60, "b")]
    assert pick(points, 0.0)[2] == "a"
