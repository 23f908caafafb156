"""The span head's tags: BIO over word pieces for the two sides of a sentence's event.

Shared by training (gold tags from the corpus's ``source``/``target`` substrings, validation scores) and
run time (decoding the ONNX model's per-piece probabilities into character spans). No torch here.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from petrel.models import PartySpan

#: the span head's labels, in output order
SPAN_TAGS: tuple[str, ...] = ("O", "B-SRC", "I-SRC", "B-TGT", "I-TGT")
O, B_SRC, I_SRC, B_TGT, I_TGT = range(5)
IGNORE = -100  # a piece that says nothing (special tokens; sentences whose sides were not annotated)
SIDES = {"source": (B_SRC, I_SRC), "target": (B_TGT, I_TGT)}


def gold_tags(offsets: Sequence[tuple[int, int]], source: tuple[int, int] | None,
              target: tuple[int, int] | None) -> list[int]:
    """One tag per word piece: a piece that overlaps a side's character span is B (the first) or I; every
    other piece O; special tokens (empty offsets) :data:`IGNORE`. Where the two sides overlap, the source
    keeps the piece."""
    tags = [IGNORE if a == b else O for a, b in offsets]
    for span, (begin, inside) in ((target, SIDES["target"]), (source, SIDES["source"])):
        if span is None:
            continue
        first = True
        for i, (a, b) in enumerate(offsets):
            if a == b or b <= span[0] or a >= span[1]:
                continue
            tags[i] = begin if first else inside
            first = False
    return tags


def decode(probs: np.ndarray, offsets: Sequence[tuple[int, int]]) -> tuple[tuple[PartySpan, ...], tuple[PartySpan, ...]]:
    """``(source spans, target spans)`` from per-piece tag probabilities (``pieces x 5``) and the pieces'
    character offsets in the sentence, best score first.

    Each piece takes its most probable tag; a span is a B followed by the I's of its side; an I after
    anything else starts a span of its side (the head's own slips are not thrown away). A span runs from
    its first piece's start to its last piece's end, so spans never overlap and always lie in the text
    the offsets came from; its score is the mean probability of its pieces' tags. Special tokens (empty
    offsets) end a span and never start one."""
    spans: dict[str, list[PartySpan]] = {"source": [], "target": []}
    current: tuple[str, int, int, list[float]] | None = None  # side, start, end, tag probabilities

    def close() -> None:
        nonlocal current
        if current is not None:
            side, start, end, scores = current
            spans[side].append(PartySpan(start, end, round(float(sum(scores) / len(scores)), 4)))
        current = None

    for row, (a, b) in zip(probs, offsets, strict=False):
        if a >= b:  # special token
            close()
            continue
        tag = int(np.argmax(row))
        score = float(row[tag])
        side = "source" if tag in SIDES["source"] else "target" if tag in SIDES["target"] else None
        if side is None:
            close()
        elif current is not None and current[0] == side and tag == SIDES[side][1]:
            current = (side, current[1], max(current[2], b), [*current[3], score])
        else:
            close()
            current = (side, a, b, [score])
    close()
    order = lambda s: (-s.score, s.start)  # noqa: E731
    return tuple(sorted(spans["source"], key=order)), tuple(sorted(spans["target"], key=order))


def span_f1(gold: Sequence[tuple[int, int] | None], predicted: Sequence[Sequence[PartySpan]]) -> dict[str, float]:
    """Exact and overlap F1 of predicted spans against at most one gold span per sentence."""
    n_gold = sum(g is not None for g in gold)
    n_pred = sum(len(p) for p in predicted)
    exact = overlap = 0
    for g, spans in zip(gold, predicted, strict=True):
        if g is None:
            continue
        exact += any((s.start, s.end) == g for s in spans)
        overlap += any(s.start < g[1] and g[0] < s.end for s in spans)

    def f1(hits: int) -> float:
        p = hits / n_pred if n_pred else 0.0
        r = hits / n_gold if n_gold else 0.0
        return round(2 * p * r / (p + r), 4) if p + r else 0.0

    return {"exact_f1": f1(exact), "overlap_f1": f1(overlap), "gold": n_gold, "predicted": n_pred}
