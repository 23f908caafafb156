"""What someone is accused of doing is an event of its own, as the accuser's claim (rule accused-act)."""

from __future__ import annotations

import pytest

from tests.coding.conftest import actor

KEN, SOM = actor("Kenya", "KEN"), actor("Somalia", "SOM")
SOM_MIL, JOURNALISTS = actor("Somali forces", "SOM", "MIL"), actor("Kenyan journalists", "KEN", "MED")
GANGS = actor("Haitian gangs", "HTI", "CRM")
TABLE = {"Kenya": KEN, "Somalia": SOM, "Somali forces": SOM_MIL, "Kenyan journalists": JOURNALISTS,
         "Haitian gangs": GANGS}


def coded(state) -> set[tuple[str, str, str | None, str]]:
    return {(e.type, e.source.name, e.target.name if e.target else None, e.status) for e in state.events}


@pytest.mark.parametrize(("text", "act"), [
    ("Kenya accused Somali forces of arresting Kenyan journalists.",
     ("COERCE", "Somali forces", "Kenyan journalists", "claimed")),
    ("Kenya accused Somali forces of violating the ceasefire.", ("ASSAULT", "Somali forces", None, "claimed")),
    ("Haitian gangs have been accused of killings and kidnappings.", ("ASSAULT", "Haitian gangs", None, "claimed")),
    ("Haitian gangs control the capital and have been accused of killings.",
     ("ASSAULT", "Haitian gangs", None, "claimed")),
])
def test_the_act_an_accusation_names_is_claimed(code, text: str, act: tuple) -> None:
    assert act in coded(code(text, TABLE))


def test_the_accusation_stays(code) -> None:
    got = coded(code("Kenya accused Somali forces of arresting Kenyan journalists.", TABLE))
    assert ("ACCUSE", "Kenya", "Somali forces", "actual") in got


@pytest.mark.parametrize("text", [
    "Kenya accused Somalia of corruption.",  # no violent or repressive act
    "Kenya accused Somalia of trying to win the match by any means.",  # sport
    "Kenya accused Somalia of attacking its trade policy.",  # figurative: an attack on a policy is criticism
])
def test_no_act_when_the_charge_names_none(code, text: str) -> None:
    got = coded(code(text, TABLE))
    assert not any(t in ("ASSAULT", "COERCE") for t, *_ in got), got
