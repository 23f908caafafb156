"""Dates at the calendar's ends (issue 13): years 1 and 9999 resolve, clamped, and never raise."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from petrel.dates import DateStage, resolve_expression
from petrel.dates.offsets import ClauseOffset, shifted
from petrel.dates.resolve import add_days, day_date, month_date, year_date

ENDS = [datetime(1, 1, 1), datetime(1, 1, 3, 10), datetime(1, 2, 28), datetime(9999, 12, 31, 23, 59, 59),
        datetime(9999, 12, 30), datetime(9999, 1, 2)]
PHRASES = ["last week", "next week", "earlier this week", "two weeks ago", "a few days ago", "yesterday",
           "tomorrow", "last month", "next month", "last year", "next year", "a decade ago", "in the coming months",
           "over the past few years", "in recent years", "last weekend", "next weekend", "over the weekend",
           "on Monday", "last Sunday", "next Friday", "last summer", "next winter", "this winter", "in May",
           "last December", "next January", "on March 3", "3 years ago", "in 10 years", "99 years ago",
           "since the 1990s", "12 months ago", "999 weeks ago"]


@pytest.mark.parametrize("anchor", ENDS, ids=str)
@pytest.mark.parametrize("tense", ["past", "future"])
def test_relative_expressions_at_the_calendar_ends_never_raise(anchor: datetime, tense: str) -> None:
    for phrase in PHRASES:
        result = resolve_expression(f"They met {phrase}.", anchor, tense=tense)
        if result is not None:
            assert date.min <= result.first <= result.last <= date.max, phrase
            if tense == "past":
                assert result.first <= anchor.date(), phrase


def test_last_week_in_year_one_and_year_9999() -> None:
    first = resolve_expression("last week", datetime(1, 1, 3))  # the week before the first: clamped to it
    assert first is not None and first.first == date.min
    last = resolve_expression("last week", datetime(9999, 12, 31))
    assert last is not None and (last.first, last.last) == (date(9999, 12, 20), date(9999, 12, 26))
    assert resolve_expression("next week", datetime(9999, 12, 31), tense="future").last == date.max


def test_the_clamping_helpers() -> None:
    assert add_days(date.max, 1) == date.max and add_days(date.min, -7) == date.min
    assert add_days(date(2020, 1, 1), 31) == date(2020, 2, 1)
    assert year_date(0).value == "0001" and year_date(10_000).value == "9999"
    assert month_date(0, 12).value == "0001-01" and month_date(10_000, 1).value == "9999-12"


@pytest.mark.parametrize("unit", ["day", "week", "month", "year"])
@pytest.mark.parametrize("sign", [-1, 1])
def test_clause_offsets_at_the_calendar_ends_never_raise(unit: str, sign: int) -> None:
    """"three days after ...", "years before ...": shifting a date at either end stays in the calendar."""
    for low, high in ((3, 3), (1, 6), (999, 999)):
        offset = ClauseOffset(None, None, unit, low, high, sign, "x")  # tokens are not used by ``shifted``
        for day in (date.min, date.max):
            for main in (day_date(day), month_date(day.year, day.month), year_date(day.year)):
                result = shifted(main, offset)
                assert result is None or date.min <= result.first <= result.last <= date.max


def test_the_date_stage_with_a_publication_date_at_either_end(make_state) -> None:
    for published in (datetime(1, 1, 3), datetime(9999, 12, 31)):
        state = make_state("Police arrested the opposition leader last week, the ministry said.", "arrested",
                           published=published)
        DateStage()(state)  # raised OverflowError before
        event = state.events[0]
        assert event.date is not None and event.date[:4] in ("0001", "9999")


anchors = st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31, 23, 59, 59))
edge_anchors = st.one_of(anchors, st.sampled_from(ENDS))
words = st.sampled_from(PHRASES + ["in 2011", "from 2009 to 2013", "late 9999", "since 0001", "March 2020",
                                   "14 June 2021", "the 1980s", "Monday night", "in the spring of 2016"])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(words, st.text(max_size=30)), max_size=4).map(" ".join), edge_anchors,
       st.sampled_from(["past", "future"]))
def test_the_resolver_never_raises_and_stays_in_the_calendar(text: str, anchor: datetime, tense: str) -> None:
    result = resolve_expression(text, anchor, tense=tense)
    if result is not None:
        assert date.min <= result.first <= result.last <= date.max
        assert result.precision in ("day", "month", "year", "range")
