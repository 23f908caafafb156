"""Places whatever the small spaCy model labels them, and the finer of two nested places (sentences
written for these tests)."""

from __future__ import annotations

import pytest

from petrel.geo.mentions import ADMIN_NAMED

from .placing import placed


@pytest.mark.parametrize(("text", "trigger", "country", "admin1"), [
    ("Russian drones hit energy facilities in Ukraine's Odesa region overnight.", "hit", "UKR", "Odesa"),
    ("Militants attacked a military post in Niger's Tillaberi region.", "attacked", "NER", "Tillabéri"),
    ("Rebels of the M23 captured Bukavu, capital of South Kivu province.", "captured", "COD", "South Kivu"),
    ("Fighters seized the town of Kidal in northern Mali.", "seized", "MLI", "Kidal"),
    ("A car bomb exploded in Mogadishu's Hodan district on Saturday.", "exploded", "SOM", "Banadir"),
    ("Police fired tear gas at demonstrators in Nairobi's central business district.", "fired", "KEN", "Nairobi"),
])
def test_the_place_whatever_the_entity_label(stage, make_state, text, trigger, country, admin1):
    place = placed(stage, make_state, text, trigger)
    assert (place.country, place.admin1) == (country, admin1)


def test_the_finer_of_two_nested_places(stage, make_state):
    place = placed(stage, make_state, "Fighters seized the town of Kidal in northern Mali.", "seized")
    assert (place.name, place.precision) == ("Kidal", "city")


def test_a_compass_word_that_is_part_of_a_province_name(stage, make_state):
    place = placed(stage, make_state, "Troops clashed with rebels in North Darfur state on Monday.", "clashed")
    assert (place.country, place.admin1, place.precision) == ("SDN", "North Darfur", "admin1")


def test_geonames_variants_of_a_province_carry_its_english_name(gazetteer):
    assert gazetteer.lookup("El Fasher")[0].admin1 == "North Darfur"  # geonames says "Northern Darfur"


@pytest.mark.parametrize(("text", "found"), [
    ("attacks in Odesa region overnight", "Odesa region"),
    ("the Islamic State claimed it", "Islamic State"),  # found, and resolves to no place
    ("in Burkina Faso's Sahel region", "Sahel region"),
])
def test_admin_named_spans(text, found):
    assert [m.group(1) for m in ADMIN_NAMED.finditer(text)] == [found]


def test_islamic_state_is_no_place(stage, make_state):
    place = placed(stage, make_state, "Fighters loyal to the Islamic State attacked the convoy.", "attacked")
    assert place is None


def test_every_country_demonym_votes(gazetteer):
    # the knowledge base's country terms give the gazetteer demonyms its supplement lacks
    assert gazetteer.demonym_country("Haitian") == "HTI"
    assert gazetteer.demonym_country("Cameroonian") == "CMR"


def test_a_department_of_the_story_country(stage, make_state):
    # "Centre" names a region of Burkina Faso, Cameroon, France and Haiti: "Haitian" decides
    place = placed(stage, make_state, "Haitian gangs attacked the town of Mirebalais, in the Centre department.",
                   "attacked")
    assert (place.country, place.admin1) == ("HTI", "Centre")


def test_west_bank_spellings(stage, make_state):
    place = placed(stage, make_state, "Israeli troops raided a refugee camp near Tulkarem on Tuesday.", "raided")
    assert (place.country, place.admin1) == ("PSE", "Tulkarm")
