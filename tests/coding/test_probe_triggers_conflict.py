"""The conflict trigger probe (tests/data/probe_triggers_conflict.jsonl, sentences written for petrel) through
the default pipeline: per half, the share of events whose gold type is coded (recall), whose most confident
event has the gold type (top), and the share of near misses that stay free of events, must not fall under
the figures measured after the session-9 conflict families (triggers9x). The ``check`` half was never read
for rules: its figure is the honest one."""

from __future__ import annotations

import pytest

from tests.coding.trigger_probe_scoring import HALVES, by_half, load_probe, score_item

# measured on the default (combined) coder, rounded down to 2 decimals; never lower one to make a change pass
# (before the work: fix recall .88 top .88, check recall .90 top .89; no near miss coded before or after)
FLOORS = {"fix": {"recall": 0.96, "top": 0.96, "false_max": 0.0},
          "check": {"recall": 0.92, "top": 0.91, "false_max": 0.0}}


@pytest.fixture(scope="module")
def probe_results(pipeline):
    return [score_item(pipeline, item) for item in load_probe()]


def test_the_probe_is_well_formed() -> None:
    items = load_probe()
    assert len(items) == 240 and len({i.id for i in items}) == 240
    assert sum(i.type == "NONE" for i in items) == 40
    conflict = {"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
    for half in HALVES:  # every type and every near miss kind on both halves
        assert {i.type for i in items if i.half == half} == conflict | {"NONE"}


@pytest.mark.parametrize("half", HALVES)
def test_the_probe_holds_its_floor(probe_results, half: str) -> None:
    figs = by_half(probe_results)[half]
    floor = FLOORS[half]
    assert figs["recall"] >= floor["recall"], (half, figs)
    assert figs["top"] >= floor["top"], (half, figs)
    assert figs["false"] <= floor["false_max"], (half, figs)
