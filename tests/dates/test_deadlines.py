"""Deadlines look ahead; weekdays in reports look back to the last such day (properties and examples)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from petrel.dates import find_expressions, resolve_expression
from petrel.dates.patterns import WEEKDAYS

WEEKDAY_NAMES = [w.capitalize() for w in WEEKDAYS]
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December"]
anchors = st.datetimes(min_value=datetime(1995, 1, 1), max_value=datetime(2034, 12, 31))
CUES = ["no later than", "not later than", "a deadline of", "the deadline is", "due on"]


@pytest.mark.parametrize(("text", "tense", "expected"), [
    ("ordered the envoys to leave no later than May 10", "future", "2026-05-10"),
    ("ordered the envoys to leave no later than May 10", "past", None),  # not the day the order was given
    ("set a deadline of June 20 for the talks", "future", "2025-06-20"),
    ("must hand over the weapons no later than 2 July", "future", "2025-07-02"),
    ("the deadline is Friday, June 6", "future", "2025-06-06"),
])
def test_a_deadline_is_ahead_of_publication(text, tense, expected):
    result = resolve_expression(text, date(2025, 6, 3), tense=tense)
    assert (result.value if result else None) == expected


def test_a_plain_day_in_a_report_stays_in_the_past():
    assert resolve_expression("the troops withdrew on May 10", date(2025, 6, 3)).value == "2025-05-10"


@pytest.mark.parametrize(("published", "text", "expected"), [
    (date(2025, 3, 12), "clashes broke out on Tuesday", "2025-03-11"),  # a Wednesday article: the day before
    (date(2025, 3, 10), "the minister resigned on Friday", "2025-03-07"),  # across a weekend
    (date(2025, 1, 1), "police raided the office on Monday", "2024-12-30"),  # across a year
])
def test_a_weekday_is_the_last_such_day(published, text, expected):
    assert resolve_expression(text, published).value == expected


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(CUES), st.sampled_from(MONTH_NAMES), st.integers(1, 28), anchors)
def test_a_deadline_never_falls_before_publication(cue, month, day, anchor):
    text = f"{cue} {month} {day}"
    assert [e.rule for e in find_expressions(text)] == ["deadline"]
    future = resolve_expression(text, anchor, tense="future")
    assert future is not None and anchor.date() <= future.first <= date(anchor.year + 1, 12, 31)
    assert resolve_expression(text, anchor, tense="past") is None or future.first == anchor.date()


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(WEEKDAY_NAMES), anchors)
def test_a_weekday_ahead_is_within_the_coming_week(day, anchor):
    result = resolve_expression(f"will meet on {day}", anchor, tense="future")
    assert result is not None and 0 <= (result.first - anchor.date()).days <= 6
    assert result.first.strftime("%A") == day
