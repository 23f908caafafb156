"""The ``model`` stage: the event model reads every sentence that names an actor."""

from __future__ import annotations

from dataclasses import replace

from petrel.model.classifier import EventClassifier
from petrel.state import DocState


class ModelStage:
    """Adds ``state.predictions``: one :class:`SentencePrediction` per sentence with an actor mention
    (a sentence naming nobody cannot hold an event, so the model is not run on it)."""

    name = "model"
    reads = ("doc", "mentions")
    adds = ("predictions",)

    def __init__(self, classifier: EventClassifier) -> None:
        self.classifier = classifier

    def __call__(self, state: DocState) -> None:
        starts = sorted(m.start for m in state.mentions)
        sents = [s for s in state.doc.sents if _names_someone(s.start_char, s.end_char, starts)]
        preds = self.classifier.predict([s.text for s in sents])
        state.predictions.extend(replace(p, start=s.start_char, end=s.end_char) for s, p in zip(sents, preds, strict=True))


def _names_someone(start: int, end: int, mention_starts: list[int]) -> bool:
    from bisect import bisect_left

    i = bisect_left(mention_starts, start)
    return i < len(mention_starts) and mention_starts[i] < end
