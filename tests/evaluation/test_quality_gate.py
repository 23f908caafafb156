"""The quality gate: every gated metric of the scorecard at or above its floor in eval/baseline.json.

The scorecard runs once per session on ../shared/eval (skipped when it is absent). To raise floors after
an improvement: ``petrel eval --update-baseline`` (see docs/evaluation.md); floors are never lowered
quietly.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from petrel.evaluation import Scorecard, check_against_baseline, load_floors, run_scorecard

BASELINE = Path(__file__).resolve().parents[2] / "eval" / "baseline.json"

pytestmark = pytest.mark.eval


@pytest.fixture(scope="session")
def scorecard(eval_dir, session_settings, pipeline) -> Scorecard:
    return run_scorecard(session_settings, pipeline=pipeline)


def test_every_metric_at_or_above_its_floor(scorecard):
    regressions = check_against_baseline(scorecard, BASELINE)
    assert not regressions, "below the pinned floors:\n" + "\n".join(f"  {r}" for r in regressions)


def test_every_gated_metric_has_a_floor(scorecard):
    floors = load_floors(BASELINE)
    unpinned = [m.name for m in scorecard.metrics if m.gated and m.value is not None and m.name not in floors]
    assert not unpinned, f"pin these in {BASELINE} (petrel eval --update-baseline): {unpinned}"


def test_no_set_skipped(scorecard):
    skipped = {r.name: r.skipped for r in scorecard.results if r.skipped}
    assert not skipped, f"evaluation sets not scored: {skipped}"
