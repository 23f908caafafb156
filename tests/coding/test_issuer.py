""""We" outside quotes in a statement is the party that issues it (rule issuer, petrel.coding.issuer)."""

from __future__ import annotations

import pytest

from tests.coding.conftest import actor

USA = actor("United States", "USA", "GOV")
GMB, UGA = actor("Gambia", "GMB"), actor("Uganda", "UGA")
TABLE = {"Washington": USA, "Gambia": GMB, "Uganda": UGA, "Ugandan": UGA}
HEADING = "Press Statement\nJane Doe, Department Spokesperson\nWashington, DC\nMay 2, 2019\n"


def coded(state) -> set[tuple[str, str, str | None]]:
    return {(e.type, e.source.name, e.target.name if e.target else None) for e in state.events}


@pytest.mark.parametrize(("sentence", "expected"), [
    ("We condemn Uganda for the arrests of opposition leaders.", ("ACCUSE", "United States", "Uganda")),
    ("We congratulate Gambia on a peaceful election.", ("SUPPORT", "United States", "Gambia")),
    ("We continue to call on Uganda to release all political prisoners.", ("REQUEST", "United States", "Uganda")),
])
def test_we_in_a_statement_is_its_issuer(code, sentence: str, expected: tuple[str, str, str]) -> None:
    got = coded(code(HEADING + sentence, TABLE))
    assert expected in got
    assert all(e.provenance.outermost() == "issuer" for e in code(HEADING + sentence, TABLE).events)


def test_we_needs_an_issuer_named_before_it(code) -> None:
    assert coded(code("We condemn Uganda for the arrests.\nWashington, DC", TABLE)) == set()


def test_we_inside_a_quote_is_the_speaker_not_the_issuer(code) -> None:
    text = HEADING + '"We condemn Uganda for the arrests," the Gambian minister said.'
    table = {**TABLE, "the Gambian minister": actor("Gambian minister", "GMB", "GOV")}
    got = coded(code(text, table))
    assert ("ACCUSE", "Gambian minister", "Uganda") in got
    assert not any(source == "United States" for _, source, _ in got)


def test_a_country_named_first_issues_the_statement(code) -> None:
    text = "Washington applauds the people of Gambia.\nWe condemn Uganda for the arrests."
    assert ("ACCUSE", "US", "Uganda") in coded(code(text, {**TABLE, "Washington": actor("US", "USA")}))


def test_an_act_joined_to_the_list_is_not_the_issuers(code) -> None:
    """The parser hangs "release" on "continue": asked of Uganda, not done by the issuer."""
    text = HEADING + ("We continue to call on Uganda to provide for the needs of its people, respect the "
                      "constitution, allow a true democratic process, and release all political prisoners.")
    got = coded(code(text, TABLE))
    assert ("REQUEST", "United States", "Uganda") in got
    assert not any(t == "RETREAT" for t, _, _ in got), got

