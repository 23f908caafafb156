"""A dateline's day is the publication day when the metadata gives none ("BISSAU, Feb 10 (Reuters) -")."""

from __future__ import annotations

from datetime import date, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from petrel.clean import clean_document
from petrel.clean._wire import dateline_published
from petrel.config import Settings
from petrel.models import RawDocument

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"]
PLACES = st.sampled_from(["BISSAU", "LAGOS", "ADDIS ABABA", "PORT-AU-PRINCE", "SANA'A", "KYIV"])


def clean(text: str, published: str | None = None):
    return clean_document(RawDocument(doc_id=None, source="t.txt", fmt="text", text=text, published=published),
                          Settings())


def test_the_dateline_day_with_its_year():
    article = clean("NIAMEY, March 3, 2024 (Reuters) - Soldiers closed the airport, a spokesman said.")
    assert (article.published, article.dateline, article.wire_credit) == (datetime(2024, 3, 3), "Niamey", "Reuters")
    assert article.text.startswith("Soldiers closed")


def test_a_year_less_dateline_takes_the_latest_year_the_text_names():
    article = clean("BISSAU, Feb 10 (Reuters) - The junta delayed the 2025 vote, officials said.")
    assert article.published == datetime(2025, 2, 10)


def test_given_metadata_wins_over_the_dateline():
    article = clean("BISSAU, Feb 10, 2025 (Reuters) - The junta delayed the vote.", published="2025-02-11T08:00")
    assert article.published == datetime(2025, 2, 11, 8, 0)


def test_no_year_anywhere_guesses_nothing():
    assert clean("BISSAU, Feb 10 (Reuters) - The junta delayed the vote.").published is None


def test_year_from_the_modified_date_is_never_after_it():
    assert dateline_published(("Dec", 30, None), "", modified=datetime(2025, 1, 2)) == datetime(2024, 12, 30)
    assert dateline_published(("Feb", 30, 2024), "") is None


@settings(max_examples=200, deadline=None)
@given(PLACES, st.sampled_from(MONTHS), st.integers(1, 28), st.integers(1990, date.today().year), st.booleans())
def test_generated_datelines_give_their_day(place, month, day, year, with_year):
    stamp = f"{month} {day}, {year}" if with_year else f"{month} {day}"
    body = f"{place}, {stamp} (Reuters) - Troops left the town in {year}, residents said."
    article = clean(body)
    assert article.published == datetime(year, MONTHS.index(month) + 1, day)
    assert article.wire_credit == "Reuters" and article.text.startswith("Troops left")


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(MONTHS + ["Foo"]), st.integers(0, 40), st.one_of(st.none(), st.integers(1, 2100)),
       st.text(max_size=80), st.one_of(st.none(), st.datetimes(min_value=datetime(1900, 1, 1))))
def test_dateline_published_never_raises_and_is_never_after_its_limits(month, day, year, text, modified):
    result = dateline_published((month, day, year), text, modified=modified, today=date(2026, 1, 1))
    if result is not None and year is None and modified is not None:
        assert result <= modified
    if result is not None and year is None and modified is None:
        assert result.year <= 2026


def test_the_dateline_day_is_kept_beside_the_metadata_day():
    """``Article.filed`` keeps the dateline's own day (its year from the metadata) for the dates stage."""
    article = clean("BISSAU, Feb 10 (Reuters) - The junta delayed the vote.", published="2025-02-11T08:00")
    assert (article.published, article.filed) == (datetime(2025, 2, 11, 8, 0), datetime(2025, 2, 10))
    article = clean("BISSAU, Dec 31 (Reuters) - The junta delayed the vote.", published="2025-01-01")
    assert article.filed == datetime(2024, 12, 31)  # a day after the metadata's is the year before
    assert clean("The junta delayed the vote.", published="2025-02-11").filed is None
