"""Deduplication figures from the dedup package's own evaluation (``petrel.dedup.evaluate_dedup_corpus``).

The dedup engineer owns the corpus and the pairwise scoring; the scorecard only reports its figures
(event-pair precision/recall/F1, near-duplicate precision/recall). When the function is not available
the set is reported as skipped. The near-duplicate figures come without their pair counts (``n`` is 0).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from petrel.evaluation.records import Metric

if TYPE_CHECKING:
    from petrel.evaluation.runners import EvalContext

SET = "dedup"
FIELDS = {
    "event_precision": "same-event pairs predicted that are gold pairs",
    "event_recall": "gold same-event pairs predicted",
    "event_f1": "pairwise F1",
    "neardup_precision": "near-duplicate article pairs that are gold",
    "neardup_recall": "gold near-duplicate article pairs found",
}


def dedup_metrics(ctx: EvalContext) -> list[Metric]:
    from petrel.dedup import evaluate_dedup_corpus

    scores = evaluate_dedup_corpus(ctx.settings, pipeline=ctx.pipeline)
    sizes = {"event_precision": scores.predicted_pairs, "event_recall": scores.gold_pairs,
             "event_f1": scores.predicted_pairs + scores.gold_pairs,
             "neardup_precision": scores.neardup_predicted_pairs, "neardup_recall": scores.neardup_gold_pairs}
    metrics = [Metric(f"{SET}.{name}", getattr(scores, name), sizes.get(name, 0), text)
               for name, text in FIELDS.items()]
    found = scores.matched_mentions / scores.gold_mentions if scores.gold_mentions else None
    metrics.append(Metric(f"{SET}.mentions_found", found, scores.gold_mentions,
                          "gold event mentions the coder extracted (pairs are scored on these)", gated=False))
    return metrics
