"""The synthetic test split: sentences written for petrel before the event model was trained and never
edited after (``training/test``). Scored like PLOVER: the type of the top event, ``NONE`` when there is
none, against the written label; accuracy, macro-F1, and the share of near misses left alone."""

from __future__ import annotations

from collections.abc import Sequence

from petrel.evaluation.metrics import accuracy, macro_f1, ratio
from petrel.evaluation.predict import PredictedEvent, top_event
from petrel.evaluation.records import Metric, Miss, SetResult
from petrel.model.train.data import Row

SET = "synthetic"
NO_EVENT = "NONE"


def score_synthetic(rows: Sequence[Row], predictions: Sequence[Sequence[PredictedEvent]]) -> SetResult:
    tops = [top_event(p) for p in predictions]
    gold = [r.type for r in rows]
    pred = [t.type if t else NO_EVENT for t in tops]
    near = [p == NO_EVENT for r, p in zip(rows, pred, strict=True) if r.near_miss]
    metrics = [
        Metric(f"{SET}.type_accuracy", accuracy(gold, pred), len(gold), "top event type (NONE if none) = label"),
        Metric(f"{SET}.type_macro_f1", macro_f1(gold, pred), len(gold), "macro-F1 over the 16 types and NONE"),
        Metric(f"{SET}.near_miss_specificity", ratio(sum(near), len(near)), len(near),
               "near misses coded as no event", gated=False),
    ]
    misses = [Miss(SET, str(i), r.text, r.type, t.describe() if t else NO_EVENT, "miss" if t is None else "wrong",
                   (r.type, p)) for i, (r, p, t) in enumerate(zip(rows, pred, tops, strict=True)) if r.type != p]
    return SetResult(SET, metrics, misses)
