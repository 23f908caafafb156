"""The shipped event model gives a sentence the same probabilities whatever shares its call or batch.

Sentences written for this test (not from the evaluation sets), of different lengths so that batching
them pads the short ones."""

from __future__ import annotations

import numpy as np
import pytest

from petrel.model.classifier import DEFAULT_DIR, EventClassifier

SENTENCES = [
    "Police arrested twelve protesters outside the parliament in Lusaka on Monday.",
    "The two foreign ministers met in Oslo.",
    "Rebels shelled the outskirts of the northern town overnight, killing three civilians and wounding "
    "at least a dozen others, according to a local hospital official who asked not to be named.",
    "Kenya sent food aid to Somalia.",
    "The opposition accused the electoral commission of rigging the count in several districts.",
    "Thousands of teachers went on strike in Santiago to demand higher pay.",
    "Ministers said nothing.",
    "The government of Chile rejected the request to extradite the former general to Argentina, saying "
    "the courts had already ruled on the case.",
    "Japan and South Korea agreed to resume talks on fishing rights next month.",
    "Troops were deployed along the border after the clashes.",
    "The president threatened to impose sanctions on the neighbouring country if the blockade continued.",
    "The union called off its boycott of the state broadcaster.",
]


@pytest.fixture(scope="module")
def classifier() -> EventClassifier:
    return EventClassifier(DEFAULT_DIR)


def test_a_sentence_alone_and_in_a_mixed_call_gets_identical_probabilities(classifier: EventClassifier) -> None:
    together_t, together_m = classifier.probabilities(SENTENCES)
    reversed_t, _ = classifier.probabilities(SENTENCES[::-1])
    for k, text in enumerate(SENTENCES):
        alone_t, alone_m = classifier.probabilities([text])
        np.testing.assert_array_equal(alone_t[0], together_t[k], err_msg=text)
        np.testing.assert_array_equal(alone_m[0], together_m[k], err_msg=text)
        np.testing.assert_array_equal(alone_t[0], reversed_t[len(SENTENCES) - 1 - k], err_msg=text)


def test_spans_come_with_the_prediction_and_lie_inside_their_sentence(classifier: EventClassifier) -> None:
    if len(classifier.session.get_outputs()) < 3:
        pytest.skip("the shipped model predates the span head")
    preds = classifier.predict(SENTENCES)
    assert any(p.source_spans for p in preds) and any(p.target_spans for p in preds)
    for text, p in zip(SENTENCES, preds, strict=True):
        for span in (*p.source_spans, *p.target_spans):
            assert 0 <= span.start < span.end <= len(text) and 0 < span.score <= 1
    kenya = preds[SENTENCES.index("Kenya sent food aid to Somalia.")]
    text = "Kenya sent food aid to Somalia."
    assert text[kenya.source_spans[0].start:kenya.source_spans[0].end] == "Kenya"
    assert text[kenya.target_spans[0].start:kenya.target_spans[0].end] == "Somalia"


def test_a_repeated_sentence_gets_the_probabilities_of_its_first_reading(classifier: EventClassifier) -> None:
    texts = [SENTENCES[0], SENTENCES[1], SENTENCES[0]]
    types, modes = classifier.probabilities(texts)
    np.testing.assert_array_equal(types[0], types[2])
    assert not np.array_equal(types[0], types[1])


def test_a_model_exported_with_fixed_scales_is_batch_independent_in_padded_batches(
        classifier: EventClassifier) -> None:
    """Run straight on the ONNX session with padded batches, as petrel did before 2026-12-07: a model with
    dynamic (per-batch) activation scales moves a sentence's probabilities by up to 0.4; fixed scales leave
    only last-bit float noise, which can cross an int8 rounding step now and then (about 1e-4 at worst
    measured), hence the tolerance. The weights shipped before `make model` re-exports them (or
    `python -m petrel.model.train.quantise ... --calibrate training` re-quantises them) still have dynamic
    scales: then the classifier's one-sentence calls above are what keeps them reproducible."""
    if classifier.meta.get("quantisation", {}).get("scheme") != "int8-static":
        pytest.skip("the shipped model predates fixed activation scales (labels.json has no int8-static)")
    encoded = classifier.tokenizer.encode_batch(SENTENCES)
    width = max(len(e.ids) for e in encoded)
    ids = np.zeros((len(SENTENCES), width), dtype=np.int64)
    mask = np.zeros_like(ids)
    for j, e in enumerate(encoded):
        ids[j, : len(e.ids)] = e.ids
        mask[j, : len(e.ids)] = 1
    batch_t, batch_m, *batch_s = classifier.session.run(None, {"input_ids": ids, "attention_mask": mask})
    for j, e in enumerate(encoded):
        one = np.array([e.ids], dtype=np.int64)
        alone_t, alone_m, *alone_s = classifier.session.run(None, {"input_ids": one,
                                                                    "attention_mask": np.ones_like(one)})
        assert np.abs(alone_t[0] - batch_t[j]).max() < 1e-3, SENTENCES[j]
        assert np.abs(alone_m[0] - batch_m[j]).max() < 1e-3, SENTENCES[j]
        if batch_s:  # the span head: the sentence's own pieces (padding left out)
            assert np.abs(alone_s[0][0] - batch_s[0][j, : len(e.ids)]).max() < 1e-3, SENTENCES[j]
