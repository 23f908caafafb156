"""Reported-speech rules: a claimed wrong is the speaker's accusation; a reported obligation a demand."""

from __future__ import annotations

import pytest

from tests.coding.conftest import actor
from tests.coding.test_events import TABLE, triples

REBELS = actor("Georgian rebels", "GEO", "REB")
SPEECH_TABLE = dict(TABLE, rebels=REBELS, **{"Georgian government": actor("Georgian government", "GEO", "GOV"),
                                              "Georgian army": actor("Georgian army", "GEO", "MIL"),
                                              "Georgian newspaper": actor("Georgian newspaper", "GEO", "MED")})


def accusations(state) -> list:
    return [e for e in state.events if e.provenance.outermost() == "speech-accuse"]


@pytest.mark.parametrize("text", [
    "Georgia said Russia attacked its villages.",
    "Georgia claimed that Russian troops had shelled Tbilisi.",
    '"Russia bombed our villages," Novak said.',
    "The Georgian government said the rebels attacked a police station.",
    "A report by the Georgian government said Russian troops had shelled Tbilisi.",  # a text speaks for its author
    "Georgia said Russia attacked itself.",  # a self-inflicted act is no event, but it is still an accusation
    "Georgia said that Russian troops took part in the shelling of Tbilisi.",
])
def test_a_claimed_wrong_by_another_camp_is_the_speakers_accusation(code, text: str) -> None:
    state = code(text, SPEECH_TABLE)
    [accusation] = accusations(state)
    assert (accusation.type, accusation.cameo, accusation.source.country) == ("ACCUSE", "112", "GEO")
    assert accusation.target.country in ("RUS", "GEO") and accusation.target is not accusation.source
    assert accusation.status == "actual" and accusation.quote_id is not None
    claimed = [e for e in state.events if e.type == "ASSAULT"]  # the claimed act stays, and ranks first
    assert all(e.confidence > accusation.confidence for e in claimed)
    assert all(e.status == "claimed" for e in claimed)  # one side's word against the other's
    assert all(e.source.country != e.target.country for e in claimed if e.target is not None)


@pytest.mark.parametrize("text", [
    "Georgia said it attacked Russian positions.",  # the speaker's own act
    "Georgia said the Georgian army shelled Russian positions.",  # the speaker's own side
    "Georgia said Russia would attack it.",  # announced, not done: a warning
    "Georgia said Russia did not attack its villages.",  # denied
    "Georgia denied that Russia attacked its villages.",
    "Georgia said Russia sent aid to Kenya.",  # a friendly act is no wrong
    "A Georgian newspaper reported that Russia attacked Georgian villages.",  # the news tells, it does not accuse
    "Georgia said warrants were issued for Russian officers sought in the killing of Kenyan monks.",
])
def test_no_accusation_for_own_side_future_denied_friendly_or_embedded_acts(code, text: str) -> None:
    assert not accusations(code(text, SPEECH_TABLE)), text


def test_a_future_claim_gives_a_future_accusation(code) -> None:
    [accusation] = accusations(code("Georgia will say that Russia attacked its villages.", SPEECH_TABLE))
    assert accusation.status == "future"


def test_the_accusation_keeps_the_claimed_events(code) -> None:
    found = triples(code("Georgia said Russia attacked Kenya.", SPEECH_TABLE))
    assert {("ASSAULT", "RUS", "KEN"), ("ACCUSE", "GEO", "RUS")} <= found


def test_an_accusation_the_article_states_outright_is_not_read_again_off_the_details(code) -> None:
    text = "Georgia accused Russia of aggression. Georgia said Russian troops attacked its villages."
    found = code(text, SPEECH_TABLE)
    assert not accusations(found)
    assert [e.rule.split(":")[0] for e in found.events if e.type == "ACCUSE"] == ["verb"]
    assert accusations(code("Georgia said Russian troops attacked its villages.", SPEECH_TABLE))


@pytest.mark.parametrize(("text", "expected"), [
    ("Novak issued a stern reminder to Russia that it must cooperate with the inspectors.", ("REQUEST", "GEO", "RUS")),
    ("Kenya sent a message that Somalia must release the hostages.", ("REQUEST", "KEN", "SOM")),
    ("Kenya told Somalia that it must release the hostages.", ("REQUEST", "KEN", "SOM")),
    ("Novak said Russia should cooperate with the inspectors.", ("REQUEST", "GEO", "RUS")),
    ("Kenya reaffirmed that Somalia must release the hostages.", ("REQUEST", "KEN", "SOM")),
])
def test_an_obligation_put_in_words_on_another_is_a_demand(code, text: str, expected: tuple[str, str, str]) -> None:
    state = code(text, SPEECH_TABLE)
    assert expected in triples(state)
    assert any(e.rule.startswith("speech-obligation") for e in state.events if e.type == "REQUEST")


@pytest.mark.parametrize("text", [
    "Kenya issued a statement that Kenya must cooperate with the inspectors.",  # its own side
    "Kenya issued a statement that it must cooperate with the inspectors.",  # nobody spoken to: itself
    "Kenya issued a reminder of the need for Somalia to cooperate.",  # no "that" clause
    "Kenya said Somalia cooperated with the inspectors.",  # no obligation
])
def test_no_demand_without_an_obligation_on_another(code, text: str) -> None:
    assert not [e for e in code(text, SPEECH_TABLE).events if e.rule.startswith("speech-obligation")], text


def test_a_participle_parsed_as_the_subject_gives_way_to_its_own_subject(code, nlp) -> None:
    from petrel.coding.events import _speaker_token

    doc = nlp("The Red Cross operating in Somalia said Kenyan forces must ensure security.")
    said = next(t for t in doc if t.lower_ == "said")
    assert _speaker_token(said).lower_ in ("cross", "red")


def test_a_reported_attack_without_its_doer_is_by_the_side_it_came_from(code) -> None:
    state = code("Georgia said Tbilisi was shelled from Russia.", SPEECH_TABLE)
    assert {("ASSAULT", "RUS", "GEO"), ("ACCUSE", "GEO", "RUS")} <= triples(state)
    assert any(e.provenance.outermost() == "speech-origin" for e in state.events)


@pytest.mark.parametrize("text", [
    "Georgia said rockets were fired at Russia from Georgia.",  # from the speaker's own side
    "Georgia said two Kenyan monks were kidnapped from Russia.",  # where they were taken from
    "Rockets were fired at Tbilisi from Russia.",  # nobody reports it (left to the argument rules)
])
def test_no_origin_doer_from_the_speakers_side_a_removal_or_outside_speech(code, text: str) -> None:
    assert not [e for e in code(text, SPEECH_TABLE).events if e.provenance.outermost() == "speech-origin"], text
