"""The cooperative trigger probe (tests/data/probe_triggers_coop.jsonl, sentences written for petrel) through the
default pipeline: per half, the share of event items whose gold type is coded (``found``) and is the most
confident event (``top``) must not fall under the figures measured, and near misses (same words, no political
event) must not gain false events."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.coding.coop_probe_scoring import HALVES, by_half, load_probe, score_item

# measured on the default (combined) coder, rounded down to 2 decimals; never lower one to make a change pass.
# Before the triggers9c lexicon families: fix found .850 top .850, check found .880 top .880.
FLOORS = {"fix": {"found": 0.93, "top": 0.92}, "check": {"found": 0.93, "top": 0.93}}
# share of near misses with any event: a ceiling (measured, rounded up)
FALSE_CEILING = {"fix": 0.0, "check": 0.0}


@pytest.fixture(scope="module")
def probe_figures(pipeline):
    return by_half([score_item(pipeline, item) for item in load_probe()])


def test_the_probe_is_well_formed() -> None:
    items = load_probe()
    assert len(items) == 240 and len({i.id for i in items}) == 240
    assert Counter(i.type for i in items)["NONE"] == 40
    assert {i.type for i in items} == {"REQUEST", "AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE",
                                       "RETREAT", "ACCUSE", "NONE"}
    for t in {i.type for i in items}:  # both halves hold every type
        assert {i.half for i in items if i.type == t} == set(HALVES), t


@pytest.mark.parametrize("half", HALVES)
def test_the_probe_holds_its_floors(probe_figures, half: str) -> None:
    measured = probe_figures[half]
    for figure, floor in FLOORS[half].items():
        assert measured[figure] >= floor, (half, figure, round(measured[figure], 3))
    assert measured["false"] <= FALSE_CEILING[half], (half, round(measured["false"], 3))
