"""A fight no side of which is named, told as monitors tell agentless violence (places10): "a tribal clash broke
out near Nasiriyah, killing two civilians" is an attack by unidentified attackers on the people harmed (rule
device-agent). A clash whose sides are named is left to the rules that read them. Sentences written for these
tests."""

from __future__ import annotations

import pytest

PUBLISHED = "2025-09-14"


@pytest.mark.parametrize("text", [
    "On 9 September 2025, a tribal clash broke out near Nasiriyah, killing two civilians.",
    "On 10 September 2025, clashes erupted in a market in Sabha, wounding three civilians.",
    "On 11 September 2025, heavy fighting broke out on the edge of Gao, killing four soldiers.",
])
def test_an_agentless_fight_that_harms_people_is_an_attack(pipeline, text):
    events = [e for e in pipeline.code_text(text, published=PUBLISHED).events if e.type == "ASSAULT"]
    assert events, text
    assert events[0].target is not None and events[0].source.actor_id is None


def test_a_fight_that_harms_nobody_named_is_no_attack_by_unknown_doers(pipeline):
    events = pipeline.code_text("On 12 September 2025, a clash broke out near Mosul, damaging two shops.",
                                published=PUBLISHED).events
    assert not any(e.rule.startswith("device-agent") for e in events)
