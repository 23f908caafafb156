"""People of a town live in its country; "the government" of a story set in one country is its own (issue 11).
Every sentence here is written for these tests."""

from __future__ import annotations

import pytest

from petrel.actors import ActorStage
from petrel.config import Settings


@pytest.fixture(scope="module")
def placed(resources, kb, nlp):
    gazetteer = resources.gazetteer
    stage = ActorStage(Settings(), kb, place_country=gazetteer.country_of, town_country=gazetteer.town_country)
    return lambda text: stage.mentions(nlp(text), doc_id="r")


def _at(found, text: str, word: str, occurrence: int = 0):
    at = -1
    for _ in range(occurrence + 1):
        at = text.index(word, at + 1)
    hits = [m for m in found if m.start <= at < m.end and m.text != "its"]
    assert hits, [(m.text, m.actor) for m in found]
    return hits[-1].actor


@pytest.mark.parametrize(("text", "word", "country"), [
    ("Kabul rejected the charge. Afghanistan said so again. Residents of Bannu staged a sit-in on Friday.",
     "Residents", "PAK"),
    ("Villagers from Gao marched on Monday.", "Villagers", "MLI"),
    ("Families in Kisumu buried their dead.", "Families", "KEN"),
])
def test_people_of_a_town_take_its_country(placed, text, word, country) -> None:
    actor = _at(placed(text), text, word)
    assert (actor.country, actor.resolution) == (country, "country")


def test_a_listed_actor_after_of_is_no_town(kb, nlp) -> None:
    """A name the knowledge base lists as an actor is not read as a town, whatever the gazetteer says."""
    from petrel.actors.residents import people_of_towns
    from petrel.actors.resolver import DocResolver

    doc = nlp("Families of Dunmore marched on Friday.")
    found = DocResolver(doc, kb, None).run()
    everywhere = lambda name: "IRL"  # noqa: E731 - a gazetteer that knows every name
    assert any(f.ref.country == "IRL" for f in people_of_towns(doc, found, everywhere, lambda name: False))
    assert not any(f.ref.country for f in people_of_towns(doc, found, everywhere, lambda name: True))


def test_without_a_gazetteer_nothing_is_placed(kb, nlp) -> None:
    text = "Residents of Bannu staged a sit-in on Friday."
    found = ActorStage(Settings(), kb).mentions(nlp(text), doc_id="r")
    assert _at(found, text, "Residents").country is None


def test_the_government_of_a_story_set_in_one_country_is_its_own(placed) -> None:
    text = ("Clashes between clans in Enga province in Papua New Guinea killed dozens last month. Australia sent "
            "police advisers. The government imposed a curfew on Friday.")
    assert _at(placed(text), text, "The government").country == "PNG"


def test_the_government_named_in_its_own_sentence_stays_that_countrys(placed) -> None:
    text = ("Clashes between clans in Papua New Guinea killed dozens last month. Australia said the government "
            "would send police advisers.")
    assert _at(placed(text), text, "the government").country == "AUS"


def test_the_army_of_a_story_set_in_one_country_is_its_own(placed) -> None:
    text = ("Fighting in Mali killed dozens last month. France sent troops to the region. The army opened fire on "
            "a convoy.")
    assert _at(placed(text), text, "The army").country == "MLI"


def test_an_army_whose_sentence_names_another_country_is_that_countrys(placed) -> None:
    text = "Fighting in Mali killed dozens last month. France said the army would stay in the region."
    assert _at(placed(text), text, "the army").country == "FRA"


def test_a_generic_listed_name_in_a_story_about_another_country_is_no_listed_actor(placed) -> None:
    text = ("Fighting continued in Yemen on Monday. Houthi forces shelled positions of the government-aligned "
            "Joint Forces in Hays district in Yemen.")
    actor = _at(placed(text), text, "Joint Forces")
    assert actor.actor_id is None and actor.country != "SDN" and "MIL" in actor.sector


def test_a_generic_listed_name_in_its_own_countrys_story_stays_listed(placed) -> None:
    text = "The Joint Forces attacked positions near El Fasher in Sudan on Monday."
    assert _at(placed(text), text, "Joint Forces").country == "SDN"


def test_a_distinctive_listed_name_stays_listed_anywhere(placed) -> None:
    text = "Fighting continued in Yemen on Monday. Officials said Hezbollah sent advisers to Yemen."
    assert _at(placed(text), text, "Hezbollah").country == "LBN"
