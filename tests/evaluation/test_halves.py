import pytest
from hypothesis import given
from hypothesis import strategies as st

from petrel.evaluation.halves import HALVES, half_of, select_half


@given(st.text())
def test_half_depends_only_on_the_words(text: str) -> None:
    assert half_of(text) in HALVES
    assert half_of(text) == half_of("  " + text.replace(" ", "\n") + " ")


def test_halves_partition_the_records_and_both_are_used() -> None:
    texts = [f"Sentence number {i} about a protest." for i in range(200)]
    dev, held = select_half(texts, "dev", str), select_half(texts, "held", str)
    assert sorted(dev + held) == sorted(texts)
    assert 60 < len(dev) < 140
    assert select_half(texts, None, str) == texts


def test_unknown_half_is_refused() -> None:
    with pytest.raises(ValueError, match="half must be one of"):
        select_half(["a"], "test", str)
