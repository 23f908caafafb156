"""Places as conflict monitors name them (issue 11, places10), through the whole pipeline. Sentences written
for these tests (not taken from the monitor-places probe or any evaluation set).

- "(compass) X countryside" is a region of X's first-level subdivision (:mod:`petrel.geo.register`);
- two entities the parser cut from one name ("Sistan and Baluchestan", "Valle del Cauca") are one place;
- a unit word picks the homonym ISO 3166-2 calls by it ("Plateau state" is Nigeria's);
- a town of the West Bank or the Gaza Strip is in its governorate (:data:`petrel.geo.admin1.SPANNING_GROUPS`);
- geonames' spellings of a few subdivisions ("Oromiya", "Hadramaout") are the ISO subdivision's.
"""

from __future__ import annotations

import pytest

PUBLISHED = "2025-11-20"


def placed(pipeline, text: str):  # noqa: ANN001, ANN201
    events = pipeline.code_text(text, published=PUBLISHED).events
    assert events, text
    return max(events, key=lambda e: e.confidence).place


@pytest.mark.parametrize(("text", "admin1"), [
    ("On 2 November 2025, armed men ambushed a bus in the southern Idlib countryside, wounding four people.", "Idlib"),
    ("On 3 November 2025, government troops shelled farmland in the Homs countryside. No casualties were reported.", "Homs"),
    ("On 4 November 2025, gunmen attacked a checkpoint in the western Daraa countryside, killing a fighter.",
     "Daraa"),
    ("On 5 November 2025, unknown gunmen killed a mukhtar in the eastern Aleppo countryside.", "Aleppo"),
])
def test_a_countryside_is_in_its_governorate(pipeline, text, admin1):
    place = placed(pipeline, text)
    assert place is not None and (place.country, place.admin1) == ("SYR", admin1), place
    assert place.precision == "region" and place.name.endswith("countryside"), place


def test_a_village_of_a_countryside_takes_its_governorate(pipeline):
    """An unknown village qualified by the countryside after a comma keeps its name, in that governorate."""
    place = placed(pipeline, "On 6 November 2025, gunmen shot a shepherd in Khirbet Zaqlut, northern Hama "
                             "countryside.")
    assert place is not None and (place.country, place.admin1) == ("SYR", "Hama"), place


@pytest.mark.parametrize(("text", "country", "admin1"), [
    ("On 7 November 2025, gunmen attacked a fuel station in Saravan, Sistan and Baluchestan, killing a guard.",
     "IRN", "Sistan and Baluchestan"),
    ("On 8 November 2025, dissidents fired on a police patrol near Florida, Valle del Cauca.", "COL",
     "Valle del Cauca"),
])
def test_a_name_the_parser_cut_in_two_is_one_place(pipeline, text, country, admin1):
    place = placed(pipeline, text)
    assert place is not None and (place.country, place.admin1) == (country, admin1), place


@pytest.mark.parametrize(("text", "country"), [
    ("On 9 November 2025, armed men raided Mangu, Plateau state, killing seven villagers.", "NGA"),
    ("On 10 November 2025, residents protested in Ketou, Plateau department, over land seizures.", "BEN"),
])
def test_the_unit_word_picks_the_homonym(pipeline, text, country):
    place = placed(pipeline, text)
    assert place is not None and place.country == country and place.admin1 == "Plateau", place


@pytest.mark.parametrize(("text", "admin1"), [
    ("On 11 November 2025, soldiers arrested three students in Jabalia.", "North Gaza"),
    ("On 12 November 2025, troops demolished a shop in Beit Lahia.", "North Gaza"),
    ("On 13 November 2025, police detained a journalist in Ramallah.", "Ramallah"),
])
def test_a_palestinian_town_is_in_its_governorate(pipeline, text, admin1):
    place = placed(pipeline, text)
    assert place is not None and (place.country, place.admin1) == ("PSE", admin1), place


def test_a_geonames_spelling_of_a_region_is_the_iso_subdivision(gazetteer):
    assert gazetteer.best("Nekemte").admin1 == "Oromia"
    assert gazetteer.best("Oromiya").admin1 == "Oromia"
    assert gazetteer.best("Wad Madani").admin1 == "Gezira"


def test_a_town_beats_a_compass_part_of_its_country(pipeline):
    """"in Dori, Seno province, in northern Burkina Faso": the town and its region, not "northern Burkina Faso"."""
    place = placed(pipeline, "On 14 November 2025, militants ambushed a convoy near Dori, Seno province, in "
                             "northern Burkina Faso.")
    assert place is not None and place.country == "BFA" and place.admin1 == "Sahel", place


@pytest.mark.parametrize(("written", "listed"), [
    ("Tal Tamr", "Tall Tamr"), ("Tell Rifaat", "Tall Rifaat"), ("Deir Hafer", "Dayr Hafer"), ("Ras al-Ain", "Ra's al 'Ayn"),
    ("Beit Lahia", "Bayt Lahia"), ("Kfar Kila", "Kafr Kila"), ("Jebel Marra", "Jabal Marra"),
])
def test_arabic_name_words_have_one_spelling(written, listed):
    from petrel.geo.names import normalize

    assert normalize(written) == normalize(listed)


def test_a_single_word_keeps_its_spelling():
    from petrel.geo.names import normalize

    assert normalize("Tell") == "tell" and normalize("Ein") == "ein"


def test_a_village_spelled_as_monitors_spell_it_is_found(gazetteer):
    """geonames lists "Tall Tamr" and "Tall 'Afar"; a monitor writes "Tal Tamr", "Tal Afar"."""
    assert gazetteer.village("Tal Tamr", {"SYR": 1.0}).admin1 == "Hasakah"
    assert gazetteer.village("Tal Afar", {"IRQ": 1.0}).admin1 == "Nineveh"
