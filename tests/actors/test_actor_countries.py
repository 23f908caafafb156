"""Countries of the parties petrel finds (session 9, actors9): knowledge of groups, parties, seats of
government and international bodies, and the context rules for institutions that do not name their country.
Every sentence here was written for these tests."""

from __future__ import annotations

from datetime import datetime

import pytest

from petrel.actors import ActorStage
from petrel.config import Settings
from petrel.models import ActorMention, Article
from petrel.state import DocState


@pytest.fixture(scope="module")
def stage(kb) -> ActorStage:
    return ActorStage(Settings(), kb)


@pytest.fixture(scope="module")
def run(nlp, stage):
    def _run(text: str, published: str = "2025-06-01", dateline: str | None = None) -> list[ActorMention]:
        article = Article(doc_id="t", source="test", fmt="text", text=text,
                          published=datetime.fromisoformat(published), dateline=dateline)
        state = DocState(article, nlp(text))
        stage(state)
        return state.mentions
    return _run


def country_of(mentions: list[ActorMention], text: str, words: str) -> str | None:
    """The country of the mention covering ``words`` (None when no mention covers them)."""
    at = text.index(words)
    over = [m for m in mentions if m.start <= at and at + len(words) <= m.end]
    assert len(over) <= 1, [(m.text, m.actor) for m in over]
    return over[0].actor.country if over else None


@pytest.mark.parametrize(("text", "words", "country"), [
    ("Fighters of the White Army overran an army barracks in Upper Nile on Sunday.", "White Army", "SSD"),
    ("Mai-Mai militiamen ambushed a convoy north of Beni, a local official said.", "Mai-Mai", "COD"),
    ("Los Choneros gang members were moved to a maximum-security prison on Friday.", "Los Choneros", "ECU"),
    ("Police blamed Jaish al-Adl for the raid on a border post in Sistan-Baluchestan.", "Jaish al-Adl", "IRN"),
    ("The Economic Freedom Fighters walked out of parliament during the budget speech.",
     "Economic Freedom Fighters", "ZAF"),
    ("The Knesset passed the bill in a late-night vote on Wednesday.", "Knesset", "ISR"),
    ("Greenpeace activists chained themselves to the gates of a coal plant.", "Greenpeace", "NGO"),
    ("The Asian Development Bank approved a loan for a new power line in Nepal.", "Asian Development Bank", "IGO"),
    ("The International Rescue Committee warned of cholera in camps near the border.",
     "International Rescue Committee", "NGO"),
])
def test_listed_groups_parties_and_bodies(run, text: str, words: str, country: str) -> None:
    assert country_of(run(text), text, words) == country


def test_a_longer_country_name_wins_over_a_listed_army_inside_it(run) -> None:
    """"Sudan's army" is listed (SDN); "South Sudan's army" is South Sudan's."""
    text = "South Sudan's army said it had retaken a garrison town from rebels on Monday."
    assert country_of(run(text), text, "army") == "SSD"
    text = "The South Sudanese army deployed tanks in Juba."
    assert country_of(run(text), text, "army") == "SSD"


@pytest.mark.parametrize(("text", "words", "country"), [
    ("Dominican soldiers turned back hundreds of people at the Dajabon crossing.", "Dominican soldiers", "DOM"),
    ("Zhongnanhai has not commented on the reshuffle.", "Zhongnanhai", "CHN"),
    ("The Casa Rosada said the decree would be published on Tuesday.", "Casa Rosada", "ARG"),
    ("Malacanang ordered an inquiry into the flood-control contracts.", "Malacanang", "PHL"),
])
def test_demonyms_and_seats_of_government(run, text: str, words: str, country: str) -> None:
    assert country_of(run(text), text, words) == country


def test_office_holders_of_the_day(run) -> None:
    text = "Foreign Minister Gideon Saar met his Greek counterpart in Athens."
    assert country_of(run(text), text, "Gideon Saar") == "ISR"
    text = "Bobi Wine told supporters in Kampala that the vote had been rigged."
    assert country_of(run(text), text, "Bobi Wine") == "UGA"


@pytest.mark.parametrize(("text", "words", "country"), [
    # a seat of government reports its own country's office, whatever place the sentence names
    ("The Kremlin said the president would not attend the summit in Brazil.", "the president", "RUS"),
    ("Downing Street said the prime minister had spoken to the French president about migrant boats.",
     "the prime minister", "GBR"),
    ("The Elysee said the president had discussed the war in Ukraine with his U.S. counterpart.",
     "the president", "FRA"),
    ("Pakistan's foreign ministry said the prime minister would visit Kabul next week.", "the prime minister", "PAK"),
])
def test_a_state_body_speaks_of_its_own_office(run, text: str, words: str, country: str) -> None:
    assert country_of(run(text), text, words) == country


def test_an_office_is_not_an_earlier_holder_of_another_office(run) -> None:
    """"The president" after "the French foreign minister" is not the minister: with no president named,
    it is the office of the country its sentence names."""
    text = "The French foreign minister visited Beirut on Tuesday. The president promised reforms, Lebanese media said."
    assert country_of(run(text), text, "The president") == "LBN"
    text = "President Bola Tinubu met state governors in Abuja. The president urged calm."
    assert run(text)[-1].actor.actor_id == "bola-tinubu"
    text = "Foreign Minister Ana Ruiz of Peru met the Chilean president in Santiago. The minister later flew home."
    assert country_of(run(text), text, "The minister") == "PER"


@pytest.mark.parametrize(("text", "words", "country"), [
    ("Turkey's foreign minister arrived in Damascus on Sunday. The interior ministry said it had tightened "
     "security around the capital.", "The interior ministry", "SYR"),
    ("Rival militias fought in the Libyan capital overnight. The health ministry said 12 people were killed.",
     "The health ministry", "LBY"),
    ("Protests spread across Tanzania on Friday. The opposition accused the government of rigging the vote.",
     "The opposition", "TZA"),
])
def test_home_ministries_and_the_opposition(run, text: str, words: str, country: str) -> None:
    assert country_of(run(text), text, words) == country


def test_a_bare_ministry_is_still_the_earlier_ministry(run) -> None:
    text = "Ethiopia's foreign ministry summoned the Egyptian ambassador. The ministry accused Cairo of meddling."
    assert country_of(run(text), text, "The ministry") == "ETH"


def test_a_generic_listed_name_with_a_number_in_a_story_set_elsewhere(run) -> None:
    """"National Guard" is listed as the US's; "six National Guard members" in a story set in Mexico are not."""
    text = "Cartel gunmen shot dead six National Guard members in northern Mexico on Tuesday."
    assert country_of(run(text), text, "National Guard") != "USA"
    text = "The National Guard was deployed to Chicago on Sunday."
    assert country_of(run(text), text, "National Guard") == "USA"


def test_a_province_named_before_its_place_noun_sets_the_story(run) -> None:
    """"in Kaduna state" names Nigeria as the story's place, as "in Kaduna" does."""
    text = "Militants stormed a village in Kaduna state on Sunday, killing nine people."
    assert country_of(run(text), text, "Militants") == "NGA"


def test_heads_of_government_of_smaller_states(run) -> None:
    text = "Prime Minister Mia Mottley told a regional summit that climate finance was too slow."
    assert country_of(run(text), text, "Mia Mottley") == "BRB"
    text = "Edi Rama said the migrant centres would stay open."
    assert country_of(run(text), text, "Edi Rama") == "ALB"


def test_civilians_who_only_report_take_no_country_from_the_story(run) -> None:
    """"residents said" report; "residents fled" act."""
    text = "Soldiers burned houses in a village in Sagaing region on Monday, killing four people, residents said."
    assert country_of(run(text), text, "residents") is None
    text = "Fighting spread across Sagaing region. Residents fled to the forests on Monday."
    assert country_of(run(text), text, "Residents") == "MMR"


def test_a_ministry_reporting_another_partys_act_takes_no_country_from_it(run) -> None:
    """Gaza's health ministry is not Israel's ("Israeli strikes ..., the health ministry said"), and the
    ministry reporting a Syrian air raid on Idlib need not be the Syrian government's."""
    text = "Syrian jets bombed a bakery in northern Syria, killing seven people, the health ministry said."
    assert country_of(run(text), text, "the health ministry") is None


@pytest.mark.parametrize(("text", "words", "country"), [
    # a state's voice acting on "the government" of the country the sentence is set in
    ("After a week of talks in Caracas, Brazil's envoy accused the government of stalling the dialogue.",
     "the government", "VEN"),
    ("Speaking in Nairobi, the French foreign minister urged the government to free the jailed reporters.",
     "the government", "KEN"),
    ("On a visit to Bamako, the Algerian foreign minister warned the junta against abandoning the accord.",
     "the junta", "MLI"),
    # no other country in the sentence, or a subject who is no state's voice: the subject's own
    ("Opposition leader Juan Perez of Chile accused the government of rigging the count.", "the government", "CHL"),
    ("Kenya's opposition leader, speaking in London on Monday, accused the government of rigging the vote.",
     "the government", "KEN"),
])
def test_an_institution_acted_on_by_a_foreign_state_is_the_other_countrys(run, text: str, words: str,
                                                                          country: str) -> None:
    assert country_of(run(text), text, words) == country
