"""Places of descriptions and one-line items (issue 11, desc17), through the whole pipeline. Sentences written
for these tests.

- a named unit set after a comma is a link of a chain of places: where the act happened, not an actor
  (:func:`petrel.geo.mentions.is_listed_unit`), giving way to the finer place the chain starts with;
- a place of country precision, where the sentence also names a town or a subdivision of that country,
  is that finer place (:meth:`petrel.geo.stage.PlaceResolver.finer_of_sentence`)."""

from __future__ import annotations

import pytest

PUBLISHED = "2026-05-20"


def placed(pipeline, text: str, type_: str):  # noqa: ANN001, ANN201
    events = [e for e in pipeline.code_text(text, published=PUBLISHED).events if e.type == type_]
    assert events, text
    return events[0].place


@pytest.mark.parametrize(("text", "type_", "country", "admin1"), [
    ("On 12 May 2026, militants shelled the outskirts of Qaryatayn, Homs governorate.", "ASSAULT", "SYR", "Homs"),
    ("On 13 May 2026, soldiers fired on farmers near Yabrud, Qalamoun area, Rif Dimashq governorate.", "ASSAULT",
     "SYR", "Rif Dimashq"),
])
def test_the_last_unit_of_a_chain_gives_the_admin1(pipeline, text, type_, country, admin1):
    place = placed(pipeline, text, type_)
    assert place is not None and (place.country, place.admin1) == (country, admin1), place


def test_a_unit_alone_as_the_object_stays_an_object(pipeline):
    """"shelled Homs governorate" with no comma before it: no chain; the unit's people were shelled (rule
    place-list leaves it to settlement-people)."""
    event = next(e for e in pipeline.code_text("On 12 May 2026, regime forces shelled Homs governorate.",
                                                published=PUBLISHED).events if e.type == "ASSAULT")
    assert event.target is not None and event.target.country == "SYR" and "CVL" in event.target.sector
    assert event.place is not None and event.place.admin1 == "Homs"


@pytest.mark.parametrize(("text", "type_", "name"), [
    ("Police in Kenya detained twenty traders at a market in Kisumu on Monday.", "COERCE", "Kisumu"),
    ("Ugandan police detain students blocking Kampala road", "COERCE", "Kampala"),
])
def test_a_finer_place_of_the_same_country_beats_the_country(pipeline, text, type_, name):
    place = placed(pipeline, text, type_)
    assert place is not None and place.name == name and place.precision != "country", place


def test_a_town_of_another_country_does_not_narrow_the_place(pipeline):
    place = placed(pipeline, "Police in Kenya arrested two traders who had travelled from Kampala on Monday.", "COERCE")
    assert place is not None and place.country == "KEN"
