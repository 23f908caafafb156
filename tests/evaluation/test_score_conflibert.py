from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from petrel.evaluation import CodedText, PentaSentence, SpanSentence
from petrel.evaluation.scorers import (
    align_tokens,
    detokenize,
    penta_class,
    score_pentaclass,
    score_spans,
    token_key,
)

from .conftest import ev


@pytest.mark.parametrize(("cameo", "klass"), [
    ("010", 0), ("0214", 0), ("036", 1), ("057", 1), ("061", 2), ("0871", 2), ("090", 3), ("138", 3),
    ("141", 4), ("193", 4), ("204", 4),
])
def test_penta_class_from_cameo_root(cameo, klass):
    assert penta_class(ev(cameo=cameo)) == klass


def test_penta_class_without_code_uses_type_and_no_event_is_statement():
    assert penta_class(ev("THREATEN", cameo=None)) == 3
    assert penta_class(ev("AID", cameo=None)) == 2
    assert penta_class(None) == 0


def test_pentaclass_scores_and_coverage():
    sentences = [PentaSentence(0, "a", 4), PentaSentence(1, "b", 0), PentaSentence(2, "c", 1)]
    preds = [[ev(cameo="190")], [], [ev(cameo="120")]]
    v = {m.name: m.value for m in score_pentaclass(sentences, preds).metrics}
    assert v["conflibert.penta_accuracy"] == pytest.approx(2 / 3)
    assert v["conflibert.coverage"] == pytest.approx(2 / 3)
    assert v["conflibert.penta_accuracy_covered"] == pytest.approx(1 / 2)


def test_align_tokens_ignores_spacing_apostrophes_and_punctuation():
    text = "The Zorlandʼs army (ZA) shelled Vexo."
    tokens = ["The", "Zorland", "'s", "army", "(", "ZA", ")", "shelled", "Vexo", "."]
    spans = align_tokens(tokens, text)
    assert spans is not None
    shown = [text[sp[0]:sp[1]] if sp else None for sp in spans]
    assert shown == ["The", "Zorland", "s", "army", None, "ZA", None, "shelled", "Vexo", None]
    assert align_tokens(["Other", "words"], text) is None


def test_detokenize_closes_punctuation_and_clitics():
    tokens = ["Zorland", "'s", "army", "(", "ZA", ")", "said", ",", "no", "."]
    assert detokenize(tokens) == "Zorland's army (ZA) said, no."


def test_span_f1_on_tokens_with_reciprocal_on_both_sides():
    text = "Zorland army shelled the Vexan post."
    sentence = SpanSentence(0, ("Zorland", "army", "shelled", "the", "Vexan", "post", "."),
                            ("B-S", "I-S", "O", "B-T", "I-T", "I-T", "O"))
    pred = ev(source_span=(8, 12), target_span=(25, 35))  # "army" ; "Vexan post"
    v = {m.name: m.value for m in score_spans([sentence], [CodedText(text, [pred])]).metrics}
    assert v["conflibert.source_span_precision"] == 1.0
    assert v["conflibert.source_span_recall"] == 0.5
    assert v["conflibert.target_span_recall"] == pytest.approx(2 / 3)
    recip = SpanSentence(0, ("Zorland", "and", "Vexo", "met"), ("B-R", "O", "B-R", "O"))
    coded = CodedText("Zorland and Vexo met", [ev(source_span=(0, 7))])
    v = {m.name: m.value for m in score_spans([recip], [coded]).metrics}
    assert v["conflibert.source_span_recall"] == 0.5
    assert v["conflibert.target_span_recall"] == 0.0


def test_no_event_costs_recall_only():
    sentence = SpanSentence(0, ("Zorland", "spoke"), ("B-S", "O"))
    v = {m.name: m.value for m in score_spans([sentence], [CodedText("Zorland spoke", [])]).metrics}
    assert v["conflibert.source_span_recall"] == 0.0
    assert v["conflibert.source_span_precision"] is None


_token = st.one_of(st.from_regex(r"[A-Za-z0-9]{1,8}", fullmatch=True),
                   st.sampled_from([",", ".", "(", ")", "'s", "n't", "%", "-", "ʼ"]))


@given(st.lists(_token, min_size=1, max_size=25))
def test_tokens_always_align_on_their_detokenised_text(tokens):
    text = detokenize(tokens)
    spans = align_tokens(tokens, text)
    assert spans is not None
    for token, span in zip(tokens, spans, strict=True):
        if span is None:
            assert token_key(token) == ""
        else:
            assert token_key(text[span[0]:span[1]]) == token_key(token)
