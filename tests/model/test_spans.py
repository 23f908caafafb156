"""The span head's tags: gold tags from character spans, and decoding per-piece probabilities into spans."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from petrel.model.spans import B_SRC, B_TGT, I_SRC, I_TGT, IGNORE, O, SPAN_TAGS, decode, gold_tags, span_f1
from petrel.models import PartySpan

TEXT = "Police in Lusaka detained two opposition leaders."
# word pieces of TEXT as a WordPiece tokenizer gives them, with [CLS] and [SEP] (empty offsets)
OFFSETS = [(0, 0), (0, 6), (7, 9), (10, 12), (12, 16), (17, 25), (26, 29), (30, 40), (41, 48), (48, 49), (0, 0)]


def one_hot(tags: list[int]) -> np.ndarray:
    probs = np.full((len(tags), len(SPAN_TAGS)), 0.05, dtype=np.float32)
    for i, t in enumerate(tags):
        probs[i, t if t != IGNORE else O] = 0.8
    return probs


def test_gold_tags_mark_the_pieces_of_each_side() -> None:
    source = (0, 16)  # "Police in Lusaka"
    target = (TEXT.index("two"), TEXT.index("leaders") + len("leaders"))
    tags = gold_tags(OFFSETS, source, target)
    assert tags == [IGNORE, B_SRC, I_SRC, I_SRC, I_SRC, O, B_TGT, I_TGT, I_TGT, O, IGNORE]
    assert gold_tags(OFFSETS, None, None) == [IGNORE] + [O] * 9 + [IGNORE]


def test_decoding_gold_tags_gives_back_the_spans() -> None:
    target = (TEXT.index("two"), TEXT.index("leaders") + len("leaders"))
    src, tgt = decode(one_hot(gold_tags(OFFSETS, (0, 16), target)), OFFSETS)
    assert [(s.start, s.end) for s in src] == [(0, 16)]
    assert [(s.start, s.end) for s in tgt] == [target]
    assert src[0].score == 0.8


def test_an_inside_tag_without_its_begin_starts_a_span_and_a_side_change_ends_one() -> None:
    tags = [IGNORE, I_SRC, I_SRC, O, O, O, B_TGT, I_SRC, I_TGT, O, IGNORE]
    src, tgt = decode(one_hot(tags), OFFSETS)
    assert sorted((s.start, s.end) for s in src) == [(0, 9), (30, 40)]
    assert sorted((s.start, s.end) for s in tgt) == [(26, 29), (41, 48)]


def test_span_f1_counts_exact_and_overlapping_spans() -> None:
    gold = [(0, 6), (10, 20), None]
    pred = [(PartySpan(0, 6, 0.9),), (PartySpan(12, 20, 0.9), PartySpan(30, 35, 0.5)), ()]
    scores = span_f1(gold, pred)
    assert scores["exact_f1"] == round(2 * (1 / 3) * (1 / 2) / (1 / 3 + 1 / 2), 4)
    assert scores["overlap_f1"] == round(2 * (2 / 3) * 1 / (2 / 3 + 1), 4)


@st.composite
def pieces(draw: st.DrawFn) -> tuple[np.ndarray, list[tuple[int, int]], int]:
    """Random tag probabilities over word pieces of a text, with [CLS]/[SEP] and pieces split inside words."""
    n = draw(st.integers(0, 30))
    offsets: list[tuple[int, int]] = [(0, 0)]
    at = 0
    for _ in range(n):
        at += draw(st.integers(0, 2))  # a gap (space) or a piece right after the last
        width = draw(st.integers(1, 6))
        offsets.append((at, at + width))
        at += width
    offsets.append((0, 0))
    length = at + draw(st.integers(0, 3))
    raw = draw(st.lists(st.lists(st.floats(0.01, 1.0), min_size=5, max_size=5), min_size=len(offsets),
                        max_size=len(offsets)))
    probs = np.array(raw, dtype=np.float32)
    return probs / probs.sum(1, keepdims=True), offsets, length


@settings(deadline=None)  # no timing in the default suite: a loaded machine is slow, not wrong
@given(pieces())
def test_decoded_spans_are_well_formed_inside_the_text_and_never_overlap(case) -> None:  # noqa: ANN001
    probs, offsets, length = case
    src, tgt = decode(probs, offsets)
    spans = [*src, *tgt]
    for s in spans:
        assert 0 <= s.start < s.end <= length
        assert 0.0 <= s.score <= 1.0
        assert any(a == s.start for a, b in offsets if a < b) and any(b == s.end for a, b in offsets if a < b)
    ordered = sorted(spans, key=lambda s: s.start)
    assert all(x.end <= y.start for x, y in zip(ordered, ordered[1:]))
    for side in (src, tgt):  # best first
        assert [s.score for s in side] == sorted((s.score for s in side), reverse=True)
    tagged = sum(int(np.argmax(p)) != O for p, (a, b) in zip(probs, offsets) if a < b)
    assert (tagged == 0) == (not spans)


@settings(deadline=None)  # no timing in the default suite: a loaded machine is slow, not wrong
@given(pieces())
def test_decoding_is_the_same_for_the_same_probabilities(case) -> None:  # noqa: ANN001
    probs, offsets, _ = case
    assert decode(probs, offsets) == decode(probs.copy(), list(offsets))
