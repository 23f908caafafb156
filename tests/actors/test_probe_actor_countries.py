"""The actor-country probe (tests/data/probe_actor_countries.jsonl, items written for petrel by actors9)
through the default pipeline: the shares of items whose source and target carry the gold country, read on
the coded event and on the phrase itself, must not fall under the figures measured for each half."""

from __future__ import annotations

import pytest

from tests.actors.country_probe_scoring import COMPONENTS, figures, load_probe, score_item

# measured on the default (combined) coder, rounded down to 2 decimals; never lower one to make a change pass
FLOORS = {  # baseline (before session 9's changes): fix .87/.73/.68, check .91/.65/.67 (source/target/both)
    "fix": {"found": 0.82, "source": 0.91, "target": 0.73, "both": 0.71,
            "phrase_source": 0.89, "phrase_target": 0.70, "phrase_both": 0.66},
    "check": {"found": 0.80, "source": 0.93, "target": 0.68, "both": 0.70,
              "phrase_source": 0.88, "phrase_target": 0.69, "phrase_both": 0.66},
}


@pytest.fixture(scope="module")
def probe_results(pipeline):
    return [score_item(pipeline, item) for item in load_probe()]


def test_the_probe_is_well_formed() -> None:
    items = load_probe()
    assert len(items) == 200 and len({i.id for i in items}) == 200
    assert sum(i.half == "fix" for i in items) == 100
    for i in items:
        assert i.source.text in i.text and (i.target is None or i.target.text in i.text), i.id
    families = {i.family for i in items}
    for half in ("fix", "check"):
        assert {i.family for i in items if i.half == half} == families


@pytest.mark.parametrize("half", sorted(FLOORS))
@pytest.mark.parametrize("component", COMPONENTS)
def test_the_probe_holds_its_floor(probe_results, half: str, component: str) -> None:
    measured = figures([r for r in probe_results if r.item.half == half])[component]
    assert measured >= FLOORS[half][component], (half, component, round(measured, 3))
