"""The material-whom probe (tests/data/probe_whom_material.jsonl, sentences written for petrel, whom9m)
through the default pipeline: per half, the share of items whose event of the gold type is found, has a
target, has the gold target, and has the gold source and target, must not fall under the measured floors."""

from __future__ import annotations

import pytest

from tests.coding.whom_probe_scoring import COMPONENTS, HALVES, by_half, load_probe, score_item

# measured on the default (combined) coder after the material rules (coding/material.py), rounded down to 2
# decimals; before them: fix .833/.722/.600/.578, check .789/.678/.544/.522. Never lower one to make a change pass.
# Merged with the verbal whom rules and the cooperative lexicon, the check half's one gained item is lost again
# (check target .544, pair .522, as before the material rules); with the actors9 country
# work also merged: fix .833/.800/.689/.667, check .789/.689/.556/.533 (the floors below).
FLOORS = {
    "fix": {"found": 0.83, "filled": 0.80, "target": 0.68, "pair": 0.66},
    "check": {"found": 0.78, "filled": 0.68, "target": 0.55, "pair": 0.53},
}


@pytest.fixture(scope="module")
def probe_figures(pipeline):
    return by_half([score_item(pipeline, item) for item in load_probe()])


def test_the_probe_is_well_formed() -> None:
    items = load_probe()
    assert len(items) == 180 and len({i.id for i in items}) == len(items)
    assert {i.types[0] for i in items} == {"ASSAULT", "COERCE", "PROTEST", "SANCTION", "AID", "MOBILIZE",
                                           "COOPERATE", "SUPPORT"}
    for half in HALVES:  # both halves hold every type
        assert {i.types[0] for i in items if i.half == half} == {i.types[0] for i in items}


@pytest.mark.parametrize("half", HALVES)
@pytest.mark.parametrize("component", COMPONENTS)
def test_the_probe_holds_its_floor(probe_figures, half: str, component: str) -> None:
    assert probe_figures[half][component] >= FLOORS[half][component], (half, component,
                                                                         round(probe_figures[half][component], 3))
