"""The ``model`` stage: the event model reads every sentence that names an actor."""

from __future__ import annotations

from dataclasses import replace

from petrel.model.classifier import EventClassifier, LazyClassifier
from petrel.state import DocState


class ModelStage:
    """Adds ``state.predictions``: one :class:`SentencePrediction` per sentence with an actor mention
    (a sentence naming nobody cannot hold an event, so the model is not run on it; nor on a sentence the
    pre-filter left unparsed, see :mod:`petrel.prefilter`)."""

    name = "model"
    reads = ("doc", "mentions")
    adds = ("predictions",)

    def __init__(self, classifier: EventClassifier | LazyClassifier) -> None:
        self.classifier = classifier

    def __call__(self, state: DocState) -> None:
        self.run_batch([state])

    def run_batch(self, states: list[DocState]) -> None:
        """The sentences of every document at once: one model call, batches of similar length."""
        wanted = [(state, s) for state in states for s in _candidates(state)]
        if not wanted:  # nothing to read: a lazily loaded model stays unloaded
            return
        preds = self.classifier.predict([s.text for _, s in wanted])
        for (state, s), p in zip(wanted, preds, strict=True):
            at = s.start_char  # the spans come in the sentence's offsets; the article's from here on
            state.predictions.append(replace(p, start=at, end=s.end_char,
                                             source_spans=tuple(x.shifted(at) for x in p.source_spans),
                                             target_spans=tuple(x.shifted(at) for x in p.target_spans)))


def _candidates(state: DocState) -> list:  # noqa: ANN202 - spaCy Spans
    starts = sorted(m.start for m in state.mentions)
    return [s for s in state.doc.sents
            if _names_someone(s.start_char, s.end_char, starts) and state.is_parsed(s.start_char)]


def _names_someone(start: int, end: int, mention_starts: list[int]) -> bool:
    from bisect import bisect_left

    i = bisect_left(mention_starts, start)
    return i < len(mention_starts) and mention_starts[i] < end
