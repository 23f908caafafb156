"""Lexicon families added for issue 11 (events a careful coder lists that petrel missed), each with the
near misses that must stay silent: figurative, sport and business uses."""

from __future__ import annotations

import pytest

from tests.coding.conftest import actor

MLI, NER, BFA = actor("Mali", "MLI", "GOV"), actor("Niger", "NER", "GOV"), actor("Burkina Faso", "BFA", "GOV")
AU = actor("African Union", None, "IGO", actor_id="au")
KEN_MIL, ETH_COP = actor("Kenyan soldiers", "KEN", "MIL"), actor("Ethiopian police", "ETH", "COP")
REB, NGA = actor("Boko Haram", "NGA", "REB", actor_id="bh"), actor("Nigerian government", "NGA", "GOV")
ACME, BOLT = actor("Acme", "USA", "BUS"), actor("Bolt", "USA", "BUS")
TABLE = {"Mali": MLI, "Niger": NER, "Burkina Faso": BFA, "the African Union": AU, "Kenyan soldiers": KEN_MIL,
         "Ethiopian police": ETH_COP, "Boko Haram": REB, "the Nigerian government": NGA, "Acme": ACME, "Bolt": BOLT,
         "Nairobi": actor("Nairobi", "KEN"), "Addis Ababa": actor("Addis Ababa", "ETH")}


def coded(state) -> set[tuple[str, str, str | None]]:
    return {(e.type, e.source.name, e.target.name if e.target else None) for e in state.events}


@pytest.mark.parametrize(("text", "expected"), [
    ("Mali and Niger formed an alliance with Burkina Faso and left the African Union.",
     {("COOPERATE", "Mali", "Burkina Faso"), ("COOPERATE", "Niger", "Burkina Faso"),
      ("SANCTION", "Mali", "African Union"), ("SANCTION", "Niger", "African Union")}),
    ("Niger quit the African Union in 2024.", {("SANCTION", "Niger", "African Union")}),
    ("Boko Haram ended a ceasefire with the Nigerian government in May.",
     {("REJECT", "Boko Haram", "Nigerian government")}),
])
def test_alliances_blocs_and_ceasefires(code, text: str, expected: set) -> None:
    assert expected <= coded(code(text, TABLE))


def test_leaving_a_bloc_is_no_resignation_and_no_retreat(code) -> None:
    got = coded(code("Niger quit the African Union in 2024.", TABLE))
    assert not any(t == "RETREAT" for t, _, _ in got)


@pytest.mark.parametrize("text", [
    "Kenyan soldiers set up checkpoints on the roads into Nairobi on Monday.",
    "Ethiopian police erected checkpoints around Addis Ababa.",
])
def test_checkpoints_restrict_the_places_people(code_sector, text: str) -> None:
    state = code_sector(text, TABLE)
    assert [(e.type, e.cameo) for e in state.events] == [("COERCE", "172")]
    assert state.events[0].target is not None and state.events[0].target.sector == ["CVL"]


@pytest.mark.parametrize("text", [
    "Acme set up quality checkpoints in its factories.",  # business: no checkpoint on anyone's people
    "The striker left the league to join a club in Nairobi.",  # sport
    "Acme and Bolt formed a partnership to build batteries.",  # business, not an alliance
    "The plan left the union divided.",  # figurative
    "Mali left the meeting of the African Union early.",  # a meeting, not the bloc
])
def test_near_misses_code_no_new_event(code, text: str) -> None:
    got = coded(code(text, TABLE))
    assert not any(t in ("COERCE", "SANCTION", "COOPERATE") for t, _, _ in got), got


def test_a_raid_someone_was_behind_is_an_attack(code) -> None:
    state = code("Mali said Boko Haram was behind the raid.", TABLE)
    assert ("ASSAULT", "Boko Haram", None) in coded(state)
    assert ("ACCUSE", "Mali", "Boko Haram") in coded(state)


def test_trading_fire_is_fighting_and_trading_accusations_is_criticism(code) -> None:
    assert {("ASSAULT", "Mali", "Niger"), ("ASSAULT", "Niger", "Mali")} <= coded(
        code("Mali and Niger traded fire across the border.", TABLE))
    got = coded(code("Mali and Niger traded accusations over the border.", TABLE))
    assert ("ACCUSE", "Mali", "Niger") in got
    assert not any(t == "COOPERATE" for t, _, _ in got)


def test_leaving_people_dead_is_no_withdrawal(code) -> None:
    got = coded(code("Fighting between Mali and Niger left 40 people dead.", TABLE))
    assert not any(t == "RETREAT" for t, _, _ in got), got


@pytest.mark.parametrize(("text", "expected"), [
    ("Mali still keeps about 2,000 troops in Niger.", ("MOBILIZE", "Mali", None)),
    ("Mali told four Nigerien diplomats to leave by Friday.", ("SANCTION", "Mali", "Niger")),
    ("Mali briefly suspended visas for Nigeriens.", ("SANCTION", "Mali", "Niger")),
    ("Mali said it was reviewing its ties with Niger.", ("THREATEN", "Mali", None)),
])
def test_troops_kept_diplomats_sent_home_visas_and_ties(code, text: str, expected: tuple) -> None:
    table = {**TABLE, "Nigerien": NER, "Nigeriens": NER}
    got = coded(code(text, table))
    assert any(t == expected[0] and s == expected[1] and (expected[2] is None or tg == expected[2])
               for t, s, tg in got), got


@pytest.mark.parametrize("text", [
    "Acme keeps a large sales force in Niger.",  # business
    "Mali told the reporters to leave the room.",  # no diplomats
    "Acme is reviewing its ties with Bolt.",  # business ties: a review is no threat between companies
])
def test_near_misses_of_troops_diplomats_and_ties(code, text: str) -> None:
    got = coded(code(text, TABLE))
    assert not any(t in ("MOBILIZE", "SANCTION", "THREATEN") for t, _, _ in got), got


def test_a_wrong_done_through_others_is_accused(code) -> None:
    got = coded(code("Mali said Nigerien officials had used criminal gangs to target activists in Bamako.",
                     {**TABLE, "Nigerien officials": NER}))
    assert ("ACCUSE", "Mali", "Niger") in got


def test_forces_deployed_with_nobody_named_mobilise_as_their_side(code) -> None:
    table = {**TABLE, "Malian troops": actor("Malian troops", "MLI", "MIL"),
             "the rebels": actor("rebels", None, "REB")}
    got = coded(code("Malian troops had been deployed to the region under a ceasefire.", table))
    assert ("MOBILIZE", "Malian troops", None) in got
    assert coded(code("The rebels were deployed along the front.", table)) == set()


def test_a_soldier_maimed_by_a_landmine_was_attacked(code) -> None:
    got = coded(code("A Malian soldier was maimed by a landmine.",
                     {**TABLE, "A Malian soldier": actor("Malian soldier", "MLI", "MIL")}))
    assert ("ASSAULT", "unidentified attackers", "Malian soldier") in got


@pytest.mark.parametrize("text", [
    "An army review concluded that the strike had been lawful.",
    "Kenyan soldiers concluded the raid had caught the wrong men.",
    "The African Union concluded its inquiry on Monday.",
])
def test_a_finding_is_no_agreement(code, text: str) -> None:
    """'conclude' is an agreement only with what was concluded: a clause it introduces is a finding."""
    assert not any(t == "SUPPORT" for t, _, _ in coded(code(text, TABLE)))


@pytest.mark.parametrize(("text", "expected"), [
    ("Mali concluded a defence pact with Niger.", ("SUPPORT", "Mali", "Niger")),
    ("Mali and Niger concluded an accord in Niamey.", ("SUPPORT", "Mali", "Niger")),
])
def test_concluding_a_pact_is_signing_it(code, text: str, expected: tuple) -> None:
    assert expected in coded(code(text, TABLE))
