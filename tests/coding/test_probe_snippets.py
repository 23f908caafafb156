"""The snippet probe (tests/data/probe_snippets.jsonl: headlines, teasers, shouted and Title Case lines, source
tags and quotes written for petrel) through the default pipeline, each item coded as a one-paragraph article:
per half, the share of event items with any event, of items whose most confident event has the gold type
(NONE: no event), of items with a gold source country found on an event of the gold type, and of items with
a gold target whose event of the gold type has one, must not fall under the figures measured after the
snippet families (issues 11 and 15, snippets10); the share of no-event items given an event must not rise.
The ``check`` half was never read for rules: its figure is the honest one."""

from __future__ import annotations

import pytest

from tests.coding.snippet_probe_scoring import HALVES, by_half, load_probe, score_item

# measured on the default (combined) coder, rounded down to 2 decimals (false: rounded up); never lower one to
# make a change pass. Before the work: fix any .83 top .84 source .76 filled .69 false .06;
# check any .83 top .84 source .79 filled .64 false .00.
FLOORS = {"fix": {"any": 0.99, "top": 0.96, "source": 0.94, "filled": 0.87, "false_max": 0.06},
          "check": {"any": 0.91, "top": 0.90, "source": 0.89, "filled": 0.75, "false_max": 0.0}}
PLOVER = {"AGREE", "ACCUSE", "ASSAULT", "AID", "CONCEDE", "CONSULT", "COOPERATE", "COERCE", "MOBILIZE", "PROTEST",
          "REJECT", "REQUEST", "RETREAT", "SANCTION", "SUPPORT", "THREATEN"}
FORMS = {"headline", "teaser", "truncated", "caps", "title", "tagged", "quote"}


@pytest.fixture(scope="module")
def probe_results(pipeline):
    return [score_item(pipeline, item) for item in load_probe()]


def test_the_probe_is_well_formed() -> None:
    items = load_probe()
    assert len(items) == 240 and len({i.id for i in items}) == 240
    assert sum(i.type == "NONE" for i in items) == 36
    assert {i.form for i in items} == FORMS
    assert [i.half for i in items] == ["fix", "check"] * 120  # alternating in writing order
    for half in HALVES:  # every type and the no-event items on both halves
        assert {i.type for i in items if i.half == half} == PLOVER | {"NONE"}


@pytest.mark.parametrize("half", HALVES)
def test_the_probe_holds_its_floor(probe_results, half: str) -> None:
    figs = by_half(probe_results)[half]
    floor = FLOORS[half]
    for name in ("any", "top", "source", "filled"):
        assert figs[name] >= floor[name], (half, name, figs)
    assert figs["false"] <= floor["false_max"], (half, figs)
