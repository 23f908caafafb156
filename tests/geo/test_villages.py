"""Villages and small towns below the gazetteer's floor, taken only in a country the story names."""

from __future__ import annotations

from .placing import placed


def test_a_small_town_of_a_named_country(stage, make_state):
    place = placed(stage, make_state, "Russian artillery shelled the town of Chasiv Yar on Monday, Ukraine's army said.",
                   "shelled")
    assert (place.name, place.country, place.admin1, place.precision) == ("Chasiv Yar", "UKR", "Donetsk", "city")


def test_a_small_town_of_a_country_the_story_never_names_is_not_taken(stage, make_state):
    place = placed(stage, make_state, "Artillery shelled Chasiv Yar on Monday.", "shelled")
    assert place is None or place.name != "Chasiv Yar"


def test_a_village_needs_its_country_named(gazetteer):
    assert gazetteer.village("Chasiv Yar", {"UKR": 1.0}).admin1 == "Donetsk"
    assert gazetteer.village("Chasiv Yar", {"RUS": 3.0, "UKR": 0.5}) is None


def test_a_far_homonym_leaves_room_for_the_village(gazetteer):
    # "Hays" is a Kansas town in the gazetteer; in a Yemen story it is the Yemeni village
    village = gazetteer.village("Hays", {"YEM": 2.0})
    assert village is not None and village.country == "YEM"
    assert gazetteer.village("Hays", {"USA": 1.0, "YEM": 2.0}) is None


def test_town_alternate_names_below_the_gazetteers_alternates_floor(gazetteer):
    # Pūnch (28,000 people) is in cities15000 without its alternate names, which start at 50,000
    assert not gazetteer.lookup("Poonch")
    assert gazetteer.village("Poonch", {"IND": 1.0}).country == "IND"
