"""A speech act joined to a reported clause is the reporter's (rule reported-and, petrel.coding.coordination);
"X was behind the attack" said by another camp is its accusation."""

from __future__ import annotations

import pytest

from tests.coding.conftest import actor

ETH, ERI, KEN = actor("Ethiopia", "ETH", "GOV"), actor("Eritrea", "ERI", "MIL"), actor("Kenya", "KEN")
TABLE = {"Ethiopian officials": ETH, "Ethiopia": ETH, "Eritrean forces": ERI, "Eritrea": ERI, "Kenya": KEN}


def coded(state) -> set[tuple[str, str, str | None]]:
    return {(e.type, e.source.name, e.target.name if e.target else None) for e in state.events}


@pytest.mark.parametrize("text", [
    "Ethiopian officials said Eritrean forces were behind the raid and urged Kenya to act against them.",
    "Ethiopian officials said Eritrean forces attacked the town and called on Kenya to help.",
    "Ethiopia said Eritrean forces crossed the border and demanded that Kenya close its airspace.",
])
def test_a_speech_act_after_a_reported_clause_is_the_speakers(code, text: str) -> None:
    got = coded(code(text, TABLE))
    assert any(t == "REQUEST" and s == "Ethiopia" and tg == "Kenya" for t, s, tg in got), got
    assert not any(t == "REQUEST" and s == "Eritrea" for t, s, _ in got)


def test_an_act_after_a_reported_clause_stays_with_its_doer(code) -> None:
    got = coded(code("Ethiopian officials said Eritrean forces attacked Kenya and burned a market.", TABLE))
    assert ("ASSAULT", "Eritrea", "Kenya") in got
    assert not any(t == "ASSAULT" and s == "Ethiopia" for t, s, _ in got)


def test_who_was_behind_an_attack_is_accused_of_it(code) -> None:
    # a fighting party's word (an official's report would stay actual: rule official-report)
    army = actor("the Ethiopian army", "ETH", "MIL")
    state = code("The Ethiopian army said Eritrea was behind the attack.", {**TABLE, "The Ethiopian army": army})
    assert ("ACCUSE", "the Ethiopian army", "Eritrea") in coded(state)
    assert {e.status for e in state.events if e.type == "ASSAULT"} == {"claimed"}


@pytest.mark.parametrize("text", [
    "Ethiopia said Eritrea was behind schedule on its debt payments.",  # no act
    "Ethiopia said Eritrea was behind the peace talks.",  # backing talks is no attack
    "No group said it was behind the attack.",  # nobody named
    "Eritrea denied it was behind the attack.",  # denied, not asserted
    "Ethiopia said Eritrea was not behind the attack.",
    "Ethiopia said Eritrea may have been behind the attack.",
    "It is not clear whether Eritrea was behind the attack.",
])
def test_not_said_to_be_behind_an_attack(code, text: str) -> None:
    got = coded(code(text, TABLE))
    assert not any(t in ("ASSAULT", "ACCUSE") for t, _, _ in got), got


def test_talks_between_two_parties_are_their_meeting(code) -> None:
    got = coded(code("Turkey hosted talks between Eritrea and Ethiopia in May.",
                     {**TABLE, "Turkey": actor("Turkey", "TUR")}))
    assert any(t == "CONSULT" and {s, tg} == {"Eritrea", "Ethiopia"} for t, s, tg in got), got
    assert coded(code("The gap between Eritrea and Ethiopia widened.", TABLE)) == set()
