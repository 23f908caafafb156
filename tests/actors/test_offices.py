"""Offices of state without a country in the text: the context gives it."""

from __future__ import annotations

import pytest

from petrel.actors import ActorStage
from petrel.actors.offices import CountryContext
from petrel.config import Settings


@pytest.fixture(scope="module")
def mentions(nlp, kb):
    stage = ActorStage(Settings(), kb)
    return lambda text: stage.mentions(nlp(text), doc_id="o")


def _at(found, text: str, word: str):
    at = text.index(word)
    hits = [m for m in found if m.start <= at < m.end]
    assert len(hits) == 1, [(m.text, m.actor) for m in hits]
    return hits[0].actor


def test_an_untitled_minister_belongs_to_the_story_country(mentions) -> None:
    text = "Farmers blocked roads in Ecuador on Monday. The interior minister said the police would clear them."
    actor = _at(mentions(text), text, "interior minister")
    assert (actor.country, "GOV" in actor.sector, actor.resolution) == ("ECU", True, "context")


def test_a_defence_minister_is_military_and_a_pronoun_can_refer_to_him(mentions) -> None:
    text = "Ecuador's Congress summoned the defence minister and told him to explain the purchase."
    found = mentions(text)
    assert _at(found, text, "defence minister").sector == ["MIL", "GOV"]
    assert _at(found, text, "him").country == "ECU"


def test_a_named_minister_earlier_is_the_antecedent_not_a_new_office(mentions) -> None:
    text = "Interior Minister Jose Alvarado visited Quito. The minister said the police would act."
    assert _at(mentions(text), text, "The minister").actor_id == "ctx:jose-alvarado"


def test_no_country_in_context_leaves_the_office_alone(mentions) -> None:
    text = "The interior minister said the police would act."
    assert not [m for m in mentions(text) if "minister" in m.text]


def test_a_titled_person_nobody_placed_takes_the_one_country_of_the_sentence(mentions) -> None:
    text = "President Tomas Ferreira rejected the demands of Bolivian miners."
    assert _at(mentions(text), text, "Ferreira").country == "BOL"


def test_two_countries_and_no_focus_give_no_country() -> None:
    context = CountryContext("PER", {0: frozenset({"BOL", "PER"}), 9: frozenset({"BOL"})}, frozenset({"BOL", "PER"}))
    assert context.country_at(0) is None  # two countries in the sentence: not even the focus
    assert context.country_at(9) == "BOL"  # the sentence's one country before the focus
    assert context.country_at(5) == "PER"  # a sentence naming none: the focus
    assert CountryContext(None, {}, frozenset({"BOL"})).country_at(5) == "BOL"


@pytest.mark.parametrize(("text", "name", "country", "sector"), [
    ("Tanzanian activist Amina Salum was arrested by Arusha Police on Monday.", "Arusha Police", "TZA", "COP"),
    ("The Mombasa County Assembly rejected the budget.", "Mombasa County Assembly", "KEN", "LEG"),
    ("An Istanbul court jailed the journalist.", "Istanbul court", "TUR", "JUD"),
])
def test_an_institution_named_after_a_town_is_that_countrys(resources, kb, nlp, text, name, country, sector) -> None:
    stage = ActorStage(Settings(), kb, town_country=resources.gazetteer.town_country)
    actor = _at(stage.mentions(nlp(text), doc_id="o"), text, name)
    assert (actor.country, sector in actor.sector, actor.resolution) == (country, True, "context")
    without = ActorStage(Settings(), kb)  # no gazetteer: nothing to place the town with
    assert _at(without.mentions(nlp(text), doc_id="o"), text, name).country is None


@pytest.mark.parametrize(("text", "name"), [
    ("Federal Police arrested the journalist.", "Federal Police"),  # a small town called Federal: no place
    ("West African leaders met on Monday.", "West African leaders"),  # a description, not a name
])
def test_words_that_are_only_small_towns_place_nothing(resources, kb, nlp, text, name) -> None:
    stage = ActorStage(Settings(), kb, town_country=resources.gazetteer.town_country)
    assert _at(stage.mentions(nlp(text), doc_id="o"), text, name).country is None


def test_a_listed_institution_whose_phrase_names_its_country_stays_that_countrys(mentions) -> None:
    text = "U.S. Congress voted to keep tariffs on the Chinese steel makers in Beijing."
    assert _at(mentions(text), text, "Congress").country == "USA"


def test_whom_a_visitor_meets_on_a_visit_is_the_hosts(mentions) -> None:
    text = ("The Peruvian commander in Chile, General Hugo Paz, held talks with President Tomas Ferreira "
            "during a visit to La Paz on Monday, offering aid to Ecuador.")
    actor = _at(mentions(text), text, "Tomas Ferreira")
    assert (actor.country, actor.resolution) == ("BOL", "context")  # four countries named; the visit says


def test_of_several_countries_the_one_named_as_a_place_owns_the_office(mentions) -> None:
    text = "President Tomas Ferreira imposed a curfew in Bolivia, a spokesman for the Peruvian consulate said."
    assert _at(mentions(text), text, "Tomas Ferreira").country == "BOL"
    text = "President Tomas Ferreira met Bolivian and Peruvian envoys."  # no place among several: nobody
    assert _at(mentions(text), text, "Tomas Ferreira").country is None
