"""Plain metric arithmetic shared by the scorers (no petrel types here)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class PRF:
    """Counts behind precision, recall and F1; each is None when its denominator is zero."""

    tp: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float | None:
        return ratio(self.tp, self.predicted)

    @property
    def recall(self) -> float | None:
        return ratio(self.tp, self.gold)

    @property
    def f1(self) -> float | None:
        return f1_of(self.tp, self.predicted, self.gold)

    def __add__(self, other: PRF) -> PRF:
        return PRF(self.tp + other.tp, self.predicted + other.predicted, self.gold + other.gold)


def ratio(num: int | float, den: int | float) -> float | None:
    return None if den == 0 else num / den


def f1_of(tp: int, predicted: int, gold: int) -> float | None:
    """F1 from counts: 2TP / (predicted + gold); None when both are empty."""
    return ratio(2 * tp, predicted + gold)


def multiset_prf(predicted: Iterable[Hashable], gold: Iterable[Hashable]) -> PRF:
    """Precision/recall counts of two bags: an item matches at most as often as it occurs in both."""
    pred, want = Counter(predicted), Counter(gold)
    return PRF(sum((pred & want).values()), sum(pred.values()), sum(want.values()))


def accuracy(gold: Sequence[Hashable], predicted: Sequence[Hashable | None]) -> float | None:
    return ratio(sum(g == p for g, p in zip(gold, predicted, strict=True)), len(gold))


def per_label_prf(gold: Sequence[Hashable], predicted: Sequence[Hashable | None], label: Hashable) -> PRF:
    pairs = list(zip(gold, predicted, strict=True))
    tp = sum(g == label and p == label for g, p in pairs)
    return PRF(tp, sum(p == label for _, p in pairs), sum(g == label for g, _ in pairs))


def macro_f1(gold: Sequence[Hashable], predicted: Sequence[Hashable | None]) -> float | None:
    """Mean F1 over the labels that occur in ``gold`` (a predicted label gold never uses only costs precision)."""
    labels = sorted(set(gold), key=str)
    scores = [per_label_prf(gold, predicted, lab).f1 or 0.0 for lab in labels]
    return ratio(sum(scores), len(scores))
