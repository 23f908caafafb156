"""A denial answers the charge before it, in its own sentence or the story (rule answered-party), and a
denial's charge noun says what was charged (rule denied-charge); petrel.coding.answers."""

from __future__ import annotations

import pytest

from tests.coding.conftest import actor

KEN, SOM = actor("Kenya", "KEN"), actor("Somalia", "SOM")
KEN_GOV, SOM_GOV = actor("government of Kenya", "KEN", "GOV"), actor("Somali government", "SOM", "GOV")
OPP = actor("opposition", "KEN", "OPP")
RIGHTS = actor("Human Rights Watch", None, "NGO", actor_id="hrw")
ARMY = actor("Somali army", "SOM", "MIL")
TABLE = {"Kenya": KEN, "Nairobi": KEN, "Somalia": SOM, "Mogadishu": SOM, "the Kenyan government": KEN_GOV,
         "the Somali government": SOM_GOV, "A Somali spokesman": SOM_GOV, "The Kenyan opposition": OPP,
         "Human Rights Watch": RIGHTS, "the Somali army": ARMY, "Somali soldiers": ARMY}


def coded(state) -> set[tuple[str, str, str | None]]:
    return {(e.type, e.source.name, e.target.name if e.target else None) for e in state.events}


@pytest.mark.parametrize("text", [
    "Kenya accused Somalia of arming the militias, a charge Mogadishu denies.",
    "Kenya accused Somalia of failing to protect the refugees, which Mogadishu denied.",
    "Kenya accused Somalia of arming the militias. A Somali spokesman denied the charge.",
])
def test_a_denial_after_an_accusation_rejects_the_accuser(code, text: str) -> None:
    got = coded(code(text, TABLE))
    assert ("ACCUSE", "Kenya", "Somalia") in got
    assert any(t == "REJECT" and target == "Kenya" for t, _, target in got), got


def test_charges_read_as_a_verb_are_no_arrest(code) -> None:
    got = coded(code("Human Rights Watch accused Somali soldiers of killing civilians, charges the Somali army "
                     "denies.", TABLE))
    assert ("ACCUSE", "Human Rights Watch", "Somali army") in got
    assert ("REJECT", "Somali army", "Human Rights Watch") in got
    assert not any(t == "COERCE" for t, _, _ in got)


def test_what_a_denial_calls_a_charge_is_an_accusation(code) -> None:
    got = coded(code("The Kenyan opposition called the vote a sham, a charge the Kenyan government rejected.",
                     TABLE))
    assert ("REJECT", "government of Kenya", "opposition") in got
    assert ("ACCUSE", "opposition", "government of Kenya") in got
    got = coded(code("The Kenyan opposition said the vote was rigged, a claim the Kenyan government rejected.",
                     TABLE))
    assert ("ACCUSE", "opposition", "government of Kenya") in got


@pytest.mark.parametrize("text", [
    "A Somali spokesman denied the charge.",  # nobody the story names made it
    "Somalia seized the border town, which Kenya denied.",  # a denial of a fact, not of a charge
])
def test_a_denial_answering_no_charge_is_a_statement(code, text: str) -> None:
    got = coded(code(text, TABLE))
    assert not any(t in ("REJECT", "ACCUSE") for t, _, _ in got), got


def test_a_charge_denied_with_nobody_named_is_a_statement(code) -> None:
    assert coded(code("It was a charge the Kenyan government rejected.", TABLE)) == set()


def test_a_denial_the_tagger_reads_as_a_noun_still_answers_the_charge(code) -> None:
    """"a charge Mogadishu rejects": "rejects" tagged as a plural noun, the denier its compound."""
    got = coded(code("Kenya has accused Somalia of spending millions of dollars to buy votes, a charge Mogadishu "
                     "rejects.", TABLE))
    assert ("ACCUSE", "Kenya", "Somalia") in got
    assert ("REJECT", "Somalia", "Kenya") in got


def test_rejects_as_a_noun_without_a_charge_is_nothing(code) -> None:
    assert coded(code("Kenya accused Somalia of fraud. The factory sold its rejects to Somalia.", TABLE)) == {
        ("ACCUSE", "Kenya", "Somalia")}


@pytest.mark.parametrize(("text", "accused"), [
    ("Kenya called the Somali vote a sham.", True),
    ("Kenya called the expulsion a provocation.", True),
    ("Kenya called the deal a success.", False),
])
def test_calling_something_a_sham_is_an_accusation(code, text: str, accused: bool) -> None:
    assert any(t == "ACCUSE" and s == "Kenya" for t, s, _ in coded(code(text, TABLE))) is accused
