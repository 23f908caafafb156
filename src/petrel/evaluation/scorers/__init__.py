"""Scorers: pure functions from gold records and :class:`~petrel.evaluation.predict.PredictedEvent` lists
to a :class:`~petrel.evaluation.records.SetResult` (metrics plus diagnostic misses). No I/O, no pipeline.
"""

from petrel.evaluation.scorers.conflibert import (
    align_tokens,
    detokenize,
    penta_class,
    score_pentaclass,
    score_spans,
    token_key,
)
from petrel.evaluation.scorers.petrarch import actor_country, dyads, score_petr2
from petrel.evaluation.scorers.plover import score_plover
from petrel.evaluation.scorers.re3d import score_re3d
from petrel.evaluation.scorers.realnews import RealnewsPrediction, match_article, score_realnews
from petrel.evaluation.scorers.synthetic import score_synthetic
from petrel.evaluation.scorers.seeds import (
    SeedMatch,
    compound_companions,
    country_ok,
    cue_matches,
    event_fits,
    match_seed_events,
    score_seed_metadata,
    score_seeds,
)

__all__ = [
    "RealnewsPrediction", "match_article", "score_realnews", "SeedMatch", "actor_country", "align_tokens", "compound_companions", "country_ok", "cue_matches", "detokenize", "dyads",
    "event_fits", "match_seed_events", "penta_class", "score_pentaclass", "score_petr2", "score_plover", "score_re3d",
    "score_seed_metadata", "score_seeds", "score_spans", "score_synthetic", "token_key",
]
