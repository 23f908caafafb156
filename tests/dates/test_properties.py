"""Properties of the resolver over generated expressions and anchors."""

from __future__ import annotations

import re
from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from petrel.dates import resolve_expression
from petrel.dates.patterns import MONTHS, WEEKDAYS

WEEKDAY_NAMES = [w.capitalize() for w in WEEKDAYS]
MONTH_NAMES = [m.capitalize() for m in MONTHS if len(m) > 3]
FORMATS = {
    "day": re.compile(r"\d{4}-\d{2}-\d{2}"),
    "month": re.compile(r"\d{4}-\d{2}"),
    "year": re.compile(r"\d{4}"),
}

anchors = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2035, 12, 31))
years = st.integers(min_value=1900, max_value=2035).map(str)
counts = st.sampled_from(["a", "one", "two", "three", "ten", "a few", "several", "2", "12"])
units = st.sampled_from(["day", "days", "week", "weeks", "month", "months", "year", "years"])
expressions = st.one_of(
    st.sampled_from(WEEKDAY_NAMES).flatmap(
        lambda d: st.sampled_from([d, f"on {d}", f"last {d}", f"next {d}", f"{d} night", f"this {d}"])),
    st.sampled_from(MONTH_NAMES).flatmap(
        lambda m: st.sampled_from([f"in {m}", f"last {m}", f"since {m}", f"early {m}", f"next {m}"])),
    st.tuples(st.sampled_from(MONTH_NAMES), st.integers(1, 31)).map(lambda t: f"{t[0]} {t[1]}"),
    st.tuples(st.integers(1, 31), st.sampled_from(MONTH_NAMES)).map(lambda t: f"{t[0]} {t[1]}"),
    st.tuples(counts, units).map(lambda t: f"{t[0]} {t[1]} ago"),
    st.tuples(counts, units).map(lambda t: f"over the past {t[0]} {t[1]}"),
    st.tuples(counts, units).map(lambda t: f"in {t[0]} {t[1]}"),
    st.sampled_from(["last", "this", "next", "earlier this", "past"]).flatmap(
        lambda m: st.sampled_from([f"{m} week", f"{m} month", f"{m} year", f"{m} weekend"])),
    st.sampled_from(["yesterday", "today", "tomorrow", "last night", "in recent years", "the coming weeks",
                     "over the weekend", "overnight"]),
    st.tuples(st.sampled_from(["last", "this", "next", "in the", "during the", "early"]),
              st.sampled_from(["spring", "summer", "autumn", "fall", "winter"])).map(" ".join),
    years.map(lambda y: f"in {y}"),
    years.map(lambda y: f"since {y}"),
    years.map(lambda y: f"late {y}"),
    st.tuples(years, years).map(lambda t: f"from {t[0]} to {t[1]}"),
)


def well_formed(value: str, precision: str) -> bool:
    if precision == "range":
        parts = value.split("/")
        return len(parts) == 2 and all(any(f.fullmatch(p) for f in FORMATS.values()) for p in parts)
    return bool(FORMATS[precision].fullmatch(value))


@settings(max_examples=400, deadline=None)
@given(expressions, anchors)
def test_past_results_never_start_after_the_anchor(text, anchor):
    result = resolve_expression(text, anchor, tense="past")
    if result is not None:
        assert result.first <= anchor.date(), text


@settings(max_examples=400, deadline=None)
@given(expressions, anchors, st.sampled_from(["past", "future"]))
def test_precision_matches_the_value_format(text, anchor, tense):
    result = resolve_expression(text, anchor, tense=tense)
    if result is not None:
        assert result.precision in ("day", "month", "year", "range")
        assert well_formed(result.value, result.precision), (text, result)
        assert result.first <= result.last
        assert result.value.split("/")[0].startswith(f"{result.first.year:04d}")


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(WEEKDAY_NAMES), anchors)
def test_a_weekday_is_within_the_week_before_the_anchor(day, anchor):
    result = resolve_expression(f"said {day}", anchor)
    assert result is not None and result.precision == "day"
    assert 0 <= (anchor.date() - result.first).days <= 6
    assert result.first.strftime("%A") == day
