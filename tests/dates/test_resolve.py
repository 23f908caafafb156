"""The pure resolver: expressions to dates, relative to a publication time."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from petrel.dates import find_expressions, resolve_expression

MON = datetime(2021, 3, 1, 9, 0)  # a Monday, first day of a month
NEW_YEAR = datetime(2020, 1, 2, 18, 0)  # a Thursday
MID = datetime(2022, 6, 15, 12, 0)  # a Wednesday


def value(text: str, anchor: datetime | None, tense: str = "past") -> tuple[str, str] | None:
    result = resolve_expression(text, anchor, tense=tense)
    return (result.value, result.precision) if result else None


@pytest.mark.parametrize(("text", "anchor", "expected"), [
    ("officials said Monday", MON, "2021-03-01"),          # the publication day itself
    ("on Sunday", MON, "2021-02-28"),                       # across a month boundary
    ("on Friday", MON, "2021-02-26"),
    ("last Monday", MON, "2021-02-22"),                     # "last" excludes the anchor's own day
    ("on Tuesday night", NEW_YEAR, "2019-12-31"),           # across a year boundary
    ("Wednesday", NEW_YEAR, "2020-01-01"),
    ("on Thursday", NEW_YEAR, "2020-01-02"),
    ("Saturday", MID, "2022-06-11"),
])
def test_weekdays_are_the_most_recent_on_or_before_publication(text, anchor, expected):
    assert value(text, anchor) == (expected, "day")


@pytest.mark.parametrize(("text", "anchor", "expected"), [
    ("next Monday", MON, "2021-03-08"),
    ("on Friday", MON, "2021-03-05"),
    ("Wednesday", NEW_YEAR, "2020-01-08"),
    ("tomorrow", NEW_YEAR, "2020-01-03"),
])
def test_future_weekdays_point_forward(text, anchor, expected):
    assert value(text, anchor, "future") == (expected, "day")


@pytest.mark.parametrize(("text", "expected"), [
    ("on January 28, 2019", ("2019-01-28", "day")),
    ("on Jan. 28, 2019", ("2019-01-28", "day")),
    ("28 January 2019", ("2019-01-28", "day")),
    ("2019-01-28", ("2019-01-28", "day")),
    ("in March 2018", ("2018-03", "month")),
    ("in 2011", ("2011", "year")),
    ("late 2017", ("2017", "year")),
    ("in mid-2016", ("2016", "year")),
    ("from 2007 to 2010", ("2007/2010", "range")),
    ("from 2007 to\n2010", ("2007/2010", "range")),
    ("between 1998 and 2003", ("1998/2003", "range")),
    ("the 2007-2010 period", ("2007/2010", "range")),
    ("in the 1990s", ("1990/1999", "range")),
])
def test_absolute_expressions_need_no_anchor(text, expected):
    assert value(text, None) == expected
    assert value(text, MID) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("yesterday", ("2022-06-14", "day")),
    ("last night", ("2022-06-14", "day")),
    ("two days ago", ("2022-06-13", "day")),
    ("3 days ago", ("2022-06-12", "day")),
    ("today", ("2022-06-15", "day")),
    ("last week", ("2022-06-06/2022-06-12", "range")),
    ("earlier this week", ("2022-06-13/2022-06-14", "range")),
    ("last month", ("2022-05", "month")),
    ("earlier this month", ("2022-06", "month")),
    ("last year's elections", ("2021", "year")),
    ("a year ago", ("2021", "year")),
    ("six months ago", ("2021-12", "month")),
    ("since 2014", ("2014/2022", "range")),
    ("since the 1990s", ("1990/2022", "range")),
    ("28 Jan", ("2022-01-28", "day")),
    ("on June 20", ("2021-06-20", "day")),                  # not yet this year: last year's
])
def test_relative_expressions_resolve_against_publication(text, expected):
    assert value(text, MID) == expected


@pytest.mark.parametrize(("text", "anchor", "expected"), [
    ("in May", MID, "2022-05"),
    ("in May", MON, "2020-05"),             # May not yet reached this year: last year's
    ("since June", MID, "2022-06"),
    ("last June", MID, "2021-06"),
    ("in December", NEW_YEAR, "2019-12"),   # across a year boundary
])
def test_month_names_are_the_most_recent_not_after_publication(text, anchor, expected):
    assert value(text, anchor) == (expected, "month")


def test_month_names_in_the_future():
    assert value("in May", MON, "future") == ("2021-05", "month")
    assert value("next January", NEW_YEAR, "future") == ("2021-01", "month")


@pytest.mark.parametrize("text", ["next week", "tomorrow", "next month", "in the coming months", "in two weeks"])
def test_forward_expressions_give_nothing_for_past_events(text):
    assert resolve_expression(text, MID, tense="past") is None


def test_forward_expressions_for_future_events():
    assert value("next week", MID, "future") == ("2022-06-20/2022-06-26", "range")
    assert value("next month", MID, "future") == ("2022-07", "month")
    assert value("next year", MID, "future") == ("2023", "year")


def test_recent_years_is_a_vague_range():
    result = resolve_expression("in recent years", MID)
    assert result is not None and result.vague and result.precision == "range"
    assert result.first.year < 2022 and result.last <= date(2022, 12, 31)


@pytest.mark.parametrize("text", [
    "5,200 troops", "2000 troops were sent", "he may come", "a three-year campaign", "the march on the capital",
    "they will march", "it cost $2011", "no time here at all", "under Resolution 1973", "Flight 2019 crashed",
])
def test_no_date(text):
    assert resolve_expression(text, MID) is None


@pytest.mark.parametrize("text", ["yesterday", "on Monday", "in May", "last week", "two days ago", "28 Jan"])
def test_relative_expressions_need_an_anchor(text):
    assert resolve_expression(text, None) is None


def test_find_expressions_prefers_the_longest_and_keeps_offsets():
    text = "He was held from 2007 to 2010 and freed on January 5, 2011."
    found = find_expressions(text)
    assert [e.text for e in found] == ["from 2007 to 2010", "January 5, 2011"]
    assert all(text[e.start:e.end] == e.text for e in found)


def test_invalid_calendar_days_are_skipped():
    assert resolve_expression("on February 30, 2019", MID) is None
    assert value("on February 29", datetime(2021, 3, 10)) == ("2020-02-29", "day")  # none in 2021


@pytest.mark.parametrize(("text", "anchor", "expected"), [
    ("last summer", MID, "2021-06/2021-08"),
    ("in the spring", MID, "2022-03/2022-05"),
    ("this winter", MON, "2020-12/2021-02"),
    ("in the summer of 2016", MID, "2016-06/2016-08"),
    ("winter 2014", None, "2014-12/2015-02"),
])
def test_seasons_are_month_ranges(text, anchor, expected):
    assert value(text, anchor) == (expected, "range")


@pytest.mark.parametrize("text", ["the Arab Spring", "after the fall of the city", "a summer camp"])
def test_season_words_without_a_cue_are_not_dates(text):
    assert resolve_expression(text, MID) is None


def test_over_the_weekend_and_overnight():
    assert value("clashes over the weekend", MID) == ("2022-06-11/2022-06-12", "range")
    # a night across two days is dated by its first day: "overnight" in a report is the night before it (days17)
    assert value("shelling overnight", MID) == ("2022-06-14", "day")


@pytest.mark.parametrize(("text", "expected"), [
    ("soldiers killed when gunmen stormed the base the night before", ("2021-02-28", "day")),
    ("the convoy was hit the previous day", ("2021-02-28", "day")),
    ("a day earlier, the envoy had left", ("2021-02-28", "day")),
    ("the day before yesterday", ("2021-02-27", "day")),
    ("the night before the vote", None),  # "before <something>": not relative to the report
])
def test_the_day_before_the_report(text: str, expected) -> None:
    assert value(text, MON) == expected
