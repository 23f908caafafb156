"""The side probe (tests/data/probe_sides.jsonl, sentences written for petrel) through the default pipeline:
the share of items whose event is found with its gold type, and whose source, target, status and whole
tuple agree, must not fall under the figures measured when the probe was written (probe16)."""

from __future__ import annotations

import pytest

from tests.coding.probe_scoring import COMPONENTS, figures, load_probe, score_item

# measured on the default (combined) coder, rounded down to 2 decimals; never lower one to make a change pass
FLOORS = {"found": 0.93, "source": 0.87, "target": 0.72, "status": 0.91, "tuple": 0.70}


@pytest.fixture(scope="module")
def probe_results(pipeline):
    return [score_item(pipeline, item) for item in load_probe()]


def test_the_probe_is_well_formed() -> None:
    items = load_probe()
    assert 120 <= len(items) <= 160 and len({i.id for i in items}) == len(items)
    assert {i.type for i in items} == {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "REQUEST", "ACCUSE",
                                       "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE",
                                       "ASSAULT", "RETREAT", "CONCEDE"}


@pytest.mark.parametrize("component", COMPONENTS)
def test_the_probe_holds_its_floor(probe_results, component: str) -> None:
    measured = figures(probe_results)[component]
    missed = [r.item.id for r in probe_results if not getattr(r, component)]
    assert measured >= FLOORS[component], (component, round(measured, 3), missed)


def test_the_target_kind_rules_show_on_the_probe(probe_results) -> None:
    """Military sites are MIL targets; mobilised troops are no target."""
    by_id = {r.item.id: r for r in probe_results}
    assert by_id["p016"].target and by_id["p022"].target  # "opened fire on Armenian positions"
    assert by_id["p055"].target and by_id["p059"].target  # "massed troops", "called up reservists"
    assert by_id["p085"].target and by_id["p153"].target  # "an opposition figure was detained", "released prisoners"
