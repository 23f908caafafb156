"""The whom probe (tests/data/probe_whom_verbal.jsonl, sentences written for petrel): targets of verbal and
diplomatic events. Each half's figures must not fall under the floors measured on the default pipeline."""

from __future__ import annotations

import pytest

from tests.coding.verbal_whom_scoring import COMPONENTS, figures, load_probe, score_item

# measured on the default (combined) coder, rounded down to 2 decimals; never lower one to make a change pass.
# Before the whom rules (commit 8292163): fix .856/.744/.667/.611, check .878/.800/.678/.611 (found/filled/
# target/pair); after them (whom9v): fix .889/.867/.822/.767, check .878/.811/.700/.633. Merged with the
# cooperative lexicon (triggers9c), two fix items change event (a passive reaffirmed support, restored services):
# fix target .811, pair .756; with the actors9 country work also merged: fix .911/.889/.822/.767, check
# .878/.822/.722/.667 (the floors below).
FLOORS = {"fix": {"found": 0.91, "filled": 0.88, "target": 0.82, "pair": 0.76},
          "check": {"found": 0.87, "filled": 0.82, "target": 0.72, "pair": 0.66}}
TYPES = {"ACCUSE", "REQUEST", "REJECT", "THREATEN", "CONSULT", "AGREE", "SUPPORT", "CONCEDE", "RETREAT"}


@pytest.fixture(scope="module")
def probe_results(pipeline):
    return [score_item(pipeline, item) for item in load_probe()]


def test_the_probe_is_well_formed() -> None:
    items = load_probe()
    assert len(items) == 180 and len({i.id for i in items}) == 180
    assert {i.type for i in items} == TYPES
    for kind in TYPES:
        halves = [i.half for i in items if i.type == kind]
        assert len(halves) == 20 and halves.count("fix") == 10
    for i in items:
        assert i.source.text in i.text and i.target.text in i.text, i.id


@pytest.mark.parametrize("half", ["fix", "check"])
@pytest.mark.parametrize("component", COMPONENTS)
def test_the_probe_holds_its_floor(probe_results, half: str, component: str) -> None:
    measured = figures([r for r in probe_results if r.item.half == half])[component]
    assert measured >= FLOORS[half][component], (half, component, round(measured, 3))
