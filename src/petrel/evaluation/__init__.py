"""Accuracy of petrel on labelled data: readers, pure scorers, the scorecard and the baseline gate.

Public API::

    card = run_scorecard(settings, sets=None, pipeline=None)   # Scorecard of Metric(name, value, n)
    console.print(render_scorecard(card, floors=load_floors(path)))
    check_against_baseline(card, Path("eval/baseline.json"))  # -> list[Regression]
    write_baseline(card, Path("eval/baseline.json"))          # raises floors, never lowers them
    print(format_misses(diagnose("plover")))                  # gold beside prediction, per miss

Sets (``RUNNERS``): ``plover``, ``petr2``, ``conflibert``, ``re3d``, ``seeds``, ``dedup``, ``synthetic``,
``realnews``. The data is read from ``Settings.eval_dir`` at run time (``realnews`` from
``Settings.realnews_dir``, in the repository); see ``docs/evaluation.md`` for every metric and how it is computed.
"""

from petrel.evaluation.baseline import (
    MARGIN,
    check_against_baseline,
    floor_of,
    load_floors,
    proposed_floors,
    write_baseline,
)
from petrel.evaluation.predict import CodedText, PredictedEvent, code_texts, predicted_events, top_event
from petrel.evaluation.records import (
    GoldActor,
    Metric,
    Miss,
    PentaSentence,
    PetrCoding,
    PetrSentence,
    PloverRecord,
    Regression,
    Scorecard,
    SeedActor,
    SeedEvent,
    SeedMetadata,
    SetResult,
    SpanSentence,
)
from petrel.evaluation.runners import RUNNERS, EvalContext
from petrel.evaluation.scorecard import (
    CODERS,
    compare_coders,
    confusion,
    diagnose,
    format_misses,
    render_comparison,
    render_scorecard,
    run_scorecard,
    scorecard_markdown,
)

__all__ = [
    "CODERS",
    "MARGIN",
    "RUNNERS",
    "CodedText",
    "EvalContext",
    "GoldActor",
    "Metric",
    "Miss",
    "PentaSentence",
    "PetrCoding",
    "PetrSentence",
    "PloverRecord",
    "PredictedEvent",
    "Regression",
    "Scorecard",
    "SeedActor",
    "SeedEvent",
    "SeedMetadata",
    "SetResult",
    "SpanSentence",
    "check_against_baseline",
    "compare_coders",
    "render_comparison",
    "code_texts",
    "confusion",
    "diagnose",
    "floor_of",
    "format_misses",
    "load_floors",
    "predicted_events",
    "proposed_floors",
    "render_scorecard",
    "run_scorecard",
    "scorecard_markdown",
    "top_event",
    "write_baseline",
]
