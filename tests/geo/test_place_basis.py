"""Where an event's place comes from (sentence, paragraph, dateline, document), and which gazetteer hits
are no place at all (an organisation's name, a common word, a far homonym of a town)."""

from __future__ import annotations

import pytest

from .placing import placed


def test_the_sentence_wins_and_says_so(stage, make_state):
    text = "Rebels shelled a market in Kidal on Friday.\n\nA ceasefire was agreed in Algiers last year."
    place = placed(stage, make_state, text, "shelled", dateline="BAMAKO")
    assert (place.name, place.basis) == ("Kidal", "sentence")


def test_the_paragraph_before_the_dateline(stage, make_state):
    text = ("Troops moved into the border town of Bunia on Monday. They arrested nine men after a gunfight.\n\n"
            "The government in Kinshasa did not comment.")
    place = placed(stage, make_state, text, "arrested", dateline="KINSHASA")
    assert (place.name, place.country, place.basis) == ("Bunia", "COD", "paragraph")


def test_another_paragraph_does_not_place_the_event(stage, make_state):
    text = ("They arrested nine men after a gunfight.\n\n"
            "Troops moved into the border town of Bunia on Monday.")
    place = placed(stage, make_state, text, "arrested", dateline="KINSHASA")
    assert (place.name, place.basis) == ("Kinshasa", "dateline")


def test_the_paragraph_is_for_events_that_happened(stage, make_state):
    text = "Rebels hold the town of Bunia. They may attack the airport soon."
    assert placed(stage, make_state, text, "attack", status="hypothetical") is None


def test_congo_in_a_story_about_goma_and_kinshasa_is_the_drc(stage, make_state):
    text = ("Fighting spread across eastern Congo on Sunday.\n\nRebels advanced towards Goma, and officials in "
            "Kinshasa called for talks.")
    place = placed(stage, make_state, text, "spread")
    assert place.country == "COD"


def test_congo_in_a_story_about_brazzaville_is_the_republic(stage, make_state):
    text = ("Protesters marched in Congo on Sunday.\n\nThe police in Brazzaville and Pointe-Noire "
            "fired tear gas.")
    place = placed(stage, make_state, text, "marched")
    assert place.country == "COG"


def test_a_small_foreign_homonym_is_no_place_in_a_story_elsewhere(stage, make_state):
    text = ("Soldiers raided homes in Hamm overnight.\n\nResidents of Gaza City and Khan Younis in Gaza said "
            "the raids went on for hours across Gaza.")
    place = placed(stage, make_state, text, "raided")
    assert place is None or place.country != "DEU"


def test_a_town_known_the_world_over_stays(stage, make_state):
    text = ("Envoys met in Geneva on Monday.\n\nResidents of Gaza City and Khan Younis in Gaza said the raids "
            "went on for hours across Gaza.")
    assert placed(stage, make_state, text, "met").country == "CHE"


def test_an_organisation_is_no_place(stage, make_state):
    text = "Delegates walked out of a session at the Kenya National Assembly on Tuesday."
    place = placed(stage, make_state, text, "walked", status="future")
    assert place is None


def test_admin1_of_a_named_province(stage, make_state):
    place = placed(stage, make_state, "Militants ambushed a convoy in Duhok province on Sunday.", "ambushed")
    assert (place.country, place.admin1, place.basis) == ("IRQ", "Duhok", "sentence")


def test_admin1_of_a_town_with_a_numeric_geonames_code(stage, make_state):
    place = placed(stage, make_state, "Gunmen attacked a village near Maiduguri on Sunday.", "attacked")
    assert (place.country, place.admin1) == ("NGA", "Borno")


# -- descriptions in a monitoring project's style: "in <village>, <province>", "in <town> city" (issue 11)

@pytest.mark.parametrize(("text", "trigger", "name", "country"), [
    ("Soldiers raided a house in Bint Jbeil, Nabatieh, on Monday.", "raided", "Bint Jbeil", "LBN"),
    ("Troops demolished a home in the village of Beit Ummar, Hebron, on Monday.", "demolished", "Beit Ummar", "PSE"),
])
def test_an_unknown_village_takes_the_province_after_its_comma(stage, make_state, text, trigger, name, country):
    place = placed(stage, make_state, text, trigger)
    assert (place.name, place.country, place.precision, place.basis) == (name, country, "admin1", "sentence")
    assert place.admin1


def test_a_known_town_after_the_comma_is_not_replaced_by_an_unknown_word(stage, make_state):
    place = placed(stage, make_state, "Gunmen killed a farmer in Tafas, Daraa, on Monday.", "killed")
    assert (place.country, place.precision) == ("SYR", "city")


@pytest.mark.parametrize("text", ["Retirees protested in front of the governorate building in Basra city.",
                                  "Retirees protested outside the council in Basra city on Sunday."])
def test_a_town_followed_by_city_is_the_town(stage, make_state, text):
    place = placed(stage, make_state, text, "protested")
    assert (place.country, place.precision, place.basis) == ("IRQ", "city", "sentence")


def test_an_event_of_any_status_without_a_place_is_at_the_dateline(stage, make_state):
    text = "Rebels hold the town of Bunia. The army may send more troops next week."
    place = placed(stage, make_state, text, "send", status="hypothetical", dateline="KINSHASA")
    assert (place.name, place.basis) == ("Kinshasa", "dateline")  # the dateline, not the paragraph's Bunia
    assert placed(stage, make_state, text, "send", status="hypothetical") is None


@pytest.mark.parametrize(("text", "trigger", "name"), [
    ("Clan fighting killed 20 people in Hela province on Sunday. The governor said police would be sent to the "
     "province.", "sent", "Hela"),
    ("Rebels entered the town of Kidal in Mali on Monday. Troops later shelled positions inside the town.",
     "shelled", "Kidal"),
])
def test_the_province_or_the_town_is_the_one_named_before(stage, make_state, text, trigger, name):
    place = placed(stage, make_state, text, trigger, status="future" if "would" in text else "actual")
    assert (place.name, place.basis) == (name, "document")


def test_the_region_is_no_anaphor(stage, make_state):
    text = "Clan fighting killed 20 people in Hela province on Sunday. Tensions rose in the region after the vote."
    place = placed(stage, make_state, text, "rose")
    assert place is None or place.basis != "document"
