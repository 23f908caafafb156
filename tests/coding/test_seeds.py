"""End to end on the two seed articles (read from ../shared at run time; skipped when absent).

Matching and scoring are the scorer's (``petrel.evaluation.scorers.seeds``, through the ``seed_run``
fixture); the floors are the seeds figures of ``eval/baseline.json``, checked by the quality gate. Here:
what every extracted event must carry, and that the matcher finds the core of the story at all.
"""

from __future__ import annotations

import pytest


@pytest.mark.eval
def test_the_core_of_the_seed_story_is_matched(seed_run) -> None:
    _, matched = seed_run
    assert sum(g.core for g, _ in matched) >= 16, [g.gold_id for g, _ in matched]


@pytest.mark.eval
def test_every_seed_event_has_evidence_and_a_rule(seed_run) -> None:
    docs, _ = seed_run
    events = [e for doc in docs.values() for e in doc.events]
    assert events
    for event in events:
        assert event.rule and event.provenance.entry and event.evidence.sentence and event.source.country
        assert event.evidence.trigger_start is not None
        assert event.evidence.trigger in event.evidence.sentence
