"""Lexicon families of the conflict half of PLOVER (CAMEO 10-20) that wire copy uses and the lexicon lacked
(session 9, triggers9x): particle verbs of criticism and refusal, light verbs with threat and alert nouns,
trade bans, funding cuts, alert levels, police swoops, and words the tokenizer splits at a hyphen. Each
family with sentences written for it, and the near misses that must stay silent (sport, business,
figurative)."""

from __future__ import annotations

import pytest

from tests.coding.conftest import actor

FRA, DEU, ITA = actor("France", "FRA", "GOV"), actor("Germany", "DEU", "GOV"), actor("Italy", "ITA", "GOV")
CHL, PER = actor("Chile", "CHL", "GOV"), actor("Peru", "PER", "GOV")
NOR_MIL, SWE_MIL = actor("the Norwegian army", "NOR", "MIL"), actor("the Swedish army", "SWE", "MIL")
GHA_COP = actor("Ghanaian police", "GHA", "COP")
OPP = actor("opposition activists", "GHA", "OPP")
UNION = actor("Teachers in Lima", "PER", "LAB")
ACME, BOLT = actor("Acme", "USA", "BUS"), actor("Bolt", "USA", "BUS")
COURT, EDITOR = actor("A court in Lima", "PER", "JUD"), actor("a Chilean editor", "CHL", "MED")
TABLE = {"A court in Lima": COURT, "a Chilean editor": EDITOR, "France": FRA, "Germany": DEU, "Italy": ITA, "Chile": CHL, "Peru": PER, "the Norwegian army": NOR_MIL,
         "the Swedish army": SWE_MIL, "Ghanaian police": GHA_COP, "opposition activists": OPP,
         "Teachers in Lima": UNION, "Acme": ACME, "Bolt": BOLT}


def types(state) -> list[tuple[str, str | None]]:
    return [(e.type, e.cameo) for e in state.events]


@pytest.mark.parametrize(("text", "etype"), [
    # criticism said with a particle verb or a light verb
    ("France tore into Germany over its energy subsidies on Monday.", "ACCUSE"),
    ("Italy laid into France over the migrant boats, officials said.", "ACCUSE"),
    ("Chile rounded on Peru after the border incident.", "ACCUSE"),
    ("Germany hit back at France on Tuesday over the budget dispute.", "ACCUSE"),
    ("Italy took a swipe at Germany over its fiscal rules.", "ACCUSE"),
    ("France railed against Italy's decision to close its ports.", "ACCUSE"),
    # refusal said with a particle verb or a synonym
    ("Germany snubbed France's invitation to the summit.", "REJECT"),
    ("Peru brushed aside Chile's calls for talks on the maritime border.", "REJECT"),
    ("Italy balked at France's request for more warships.", "REJECT"),
    ("Germany baulked at Italy's plan for joint borrowing.", "REJECT"),
    ("Chile shot down Peru's proposal for a joint commission.", "REJECT"),  # not ASSAULT 195
    ("Peru shrugged off Chile's demands for compensation.", "REJECT"),
    # a threat as a light verb with a noun of response, or a warning of consequences
    ("Chile promised a crushing response to any incursion by Peru.", "THREATEN"),
    ("France vowed swift retaliation against Italy after the seizure.", "THREATEN"),
    ("Germany warned Italy of consequences if the ports stayed closed.", "THREATEN"),
    ("Peru brandished the threat of a trade war with Chile.", "THREATEN"),
    # strikes said as leaving the job, and hyphenated protest nouns
    ("Teachers in Lima walked off the job on Monday over unpaid wages.", "PROTEST"),
    ("Teachers in Lima staged a sit-in outside the ministry.", "PROTEST"),
    # trade bans, lending cuts, sanctions lists
    ("France banned imports of Italian wine on Friday.", "SANCTION"),
    ("Germany suspended lending to Peru over the election dispute.", "SANCTION"),
    ("France added Italy's largest bank to its sanctions list.", "SANCTION"),
    # alert levels, readiness, patrols, jets, troops in the streets, hyphenated tests
    ("On Friday the Norwegian army raised its alert level after the incident.", "MOBILIZE"),
    ("Chile put its army on the highest level of combat readiness.", "MOBILIZE"),
    ("Peru placed troops on standby near the border with Chile.", "MOBILIZE"),
    ("Ghanaian police stepped up patrols in the capital ahead of the vote.", "MOBILIZE"),
    ("On Sunday the Swedish army scrambled jets after the incursion.", "MOBILIZE"),
    ("Peru sent troops into the streets of Lima after the riots.", "MOBILIZE"),
    ("France test-fired a new cruise missile on Tuesday.", "MOBILIZE"),
    # police swoops and seizures of accounts
    ("Ghanaian police swooped on opposition activists before dawn.", "COERCE"),
    ("Peru froze the bank accounts of opposition activists.", "COERCE"),
])
def test_conflict_families(code, text: str, etype: str) -> None:
    got = types(code(text, TABLE))
    assert got and got[0][0] == etype, got


def test_charges_denied_are_no_charge_that(code) -> None:
    """"charges the government denies": the tagger makes "charges" a verb with a clause; a "charge that"
    entry would swallow the denial, so the lexicon has none."""
    got = types(code("Chile has accused Peru of torture, charges Peru denies.", TABLE))
    assert any(t == "REJECT" for t, _ in got), got


def test_burning_villages_by_an_armed_group_is_no_riot(code) -> None:
    got = types(code("Witnesses said the Swedish army torched villages near the border.", TABLE))
    assert got and got[0][0] == "COERCE" and not any(t == "PROTEST" for t, _ in got), got


def test_a_test_firing_is_no_attack(code) -> None:
    got = types(code("France test-fired a new cruise missile on Tuesday.", TABLE))
    assert not any(t == "ASSAULT" for t, _ in got), got


@pytest.mark.parametrize("text", [
    "Acme shot down rumours that it would sell its plant to Bolt.",  # business: rumours are no proposal
    "Acme walked off with the industry prize on Monday.",  # no job left: an award
    "Acme raised its price level for the second time this year.",  # a price level, not an alert level
    "Bolt stepped up production at its plant in Ohio.",  # production, not security or patrols
    "Acme took aim at the premium market with a new phone.",  # a market, not a party
    "Acme staged a comeback against Bolt in the fourth quarter.",  # sport register: no protest
    "Bolt put its staff on standby for the product launch.",  # staff, not troops
])
def test_near_misses_code_no_conflict_event(code, text: str) -> None:
    got = types(code(text, TABLE))
    assert not any(t in ("ACCUSE", "REJECT", "PROTEST", "MOBILIZE", "COERCE", "SANCTION") for t, _ in got), got


def test_an_army_cutting_off_food_is_no_aid_cut(code) -> None:
    got = types(code("The Swedish army's siege of the town cut off food supplies to Italy's citizens there.", TABLE))
    assert not any(t == "SANCTION" for t, _ in got), got


@pytest.mark.parametrize("text", [
    "Chile crushed its rivals in the Copa America on Saturday.",
    "Germany routed its opponents 7-1 in the semi-final.",
    "Peru hammered its competitors in the regional export rankings.",
])
def test_a_contest_object_is_no_attack(code, text: str) -> None:
    assert not any(t == "ASSAULT" for t, _ in types(code(text, TABLE)))


@pytest.mark.parametrize(("text", "cameo"), [
    ("Germany snubbed France's invitation to the summit.", "125"),  # REJECT meet
    ("Peru brushed aside Chile's demands for compensation.", "124"),  # REJECT change
    ("Italy balked at sending more warships to France.", "121"),  # REJECT assist
    ("Chile shot down Peru's proposal for a joint commission.", "125"),
])
def test_refusals_say_what_they_refuse(code, text: str, cameo: str) -> None:
    got = types(code(text, TABLE))
    assert got and got[0] == ("REJECT", cameo), got


@pytest.mark.parametrize("text", [
    "A court in Lima convicted a Chilean editor of espionage on Monday.",
    "A court in Lima sentenced a Chilean editor to six years in prison.",
])
def test_a_conviction_is_sanction_convict(code, text: str) -> None:
    """PLOVER's SANCTION has the mode ``convict``: CAMEO 116 (find guilty) is coded there, not as ACCUSE."""
    events = code(text, TABLE).events
    assert events and (events[0].type, events[0].mode, events[0].cameo) == ("SANCTION", "convict", "116")
