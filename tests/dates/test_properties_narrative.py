"""Properties of the expressions added for the day probe (days17): numeric day-first dates, nights across two
days, overnight with a weekday, days ahead, days counted from another day, counts in any case."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from petrel.dates import find_expressions, resolve_expression
from petrel.dates.patterns import WEEKDAYS

WEEKDAY_NAMES = [w.capitalize() for w in WEEKDAYS]
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December"]
days = st.dates(min_value=date(1950, 1, 1), max_value=date(2035, 12, 30))
anchors = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2035, 12, 31))


@settings(max_examples=300, deadline=None)
@given(days, st.sampled_from(["-", "."]), st.booleans())
def test_a_day_first_numeric_date_is_that_day(day, sep, padded):
    d, m = (f"{day.day:02d}", f"{day.month:02d}") if padded else (str(day.day), str(day.month))
    result = resolve_expression(f"Kismayo {d}{sep}{m}{sep}{day.year}, troops", None)
    assert result is not None and (result.value, result.precision) == (day.isoformat(), "day")


@settings(max_examples=200, deadline=None)
@given(days)
def test_a_slashed_date_is_a_day_only_when_its_first_number_cannot_be_a_month(day):
    result = resolve_expression(f"on {day.day}/{day.month}/{day.year}", None)
    assert result is not None
    if day.day > 12:
        assert result.value == day.isoformat()
    else:
        assert result.precision == "year"  # 05/06/2024: May 6 or 5 June; only the year is sure


@settings(max_examples=300, deadline=None)
@given(days, st.sampled_from(["-", " to ", " and ", "–"]))
def test_the_night_of_two_days_is_its_first_day(day, joiner):
    after = day + timedelta(days=1)
    if after.month == day.month:
        text = f"on the night of {day.day}{joiner}{after.day} {MONTH_NAMES[day.month - 1]} {day.year}"
    else:
        text = (f"on the night of {day.day} {MONTH_NAMES[day.month - 1]}{joiner}{after.day} "
                f"{MONTH_NAMES[after.month - 1]} {after.year}")
    result = resolve_expression(text, None)
    assert result is not None and result.value == day.isoformat(), text


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(WEEKDAY_NAMES), anchors, st.sampled_from(["overnight on", "overnight", "overnight of"]))
def test_overnight_with_a_weekday_is_that_weekday(day, anchor, lead):
    night, plain = resolve_expression(f"{lead} {day}", anchor), resolve_expression(f"on {day}", anchor)
    assert night is not None and (night.value, night.precision) == (plain.value, plain.precision)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(WEEKDAY_NAMES), anchors, st.sampled_from(["until", "by", "for"]))
def test_a_day_ahead_is_never_before_the_anchor(day, anchor, cue):
    ahead = resolve_expression(f"{cue} {day}", anchor, tense="future")
    assert ahead is not None and 0 <= (ahead.first - anchor.date()).days <= 6
    assert ahead.first.strftime("%A") == day
    past = resolve_expression(f"{cue} {day}", anchor, tense="past")
    assert past is None or past.first == anchor.date()  # a past act never takes a day ahead


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 10), st.sampled_from(["day", "week"]), days)
def test_days_counted_from_a_day_move_by_the_count(n, unit, day):
    words = ["a", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
    for count in (str(n), words[n - 1]):
        if count == "a" and n != 1:
            continue
        plural = "" if n == 1 else "s"
        shift = timedelta(days=n * (7 if unit == "week" else 1))
        later = resolve_expression(f"{count} {unit}{plural} later", day, tense="future")
        earlier = resolve_expression(f"{count} {unit}{plural} earlier", day, tense="future")
        assert later is not None and later.first == day + shift
        assert earlier is not None and earlier.first == day - shift


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["two", "three", "a few", "several", "a"]), st.sampled_from(["day", "week", "month"]),
       anchors)
def test_counts_match_in_any_case(count, unit, anchor):
    text = f"{count} {unit}s ago"
    lower = resolve_expression(text, anchor)
    upper = resolve_expression(text[0].upper() + text[1:], anchor)
    assume(lower is not None)
    assert upper is not None and (upper.value, upper.precision) == (lower.value, lower.precision)


def test_a_weekday_prayer_is_not_a_day_ahead():
    assert [e.rule for e in find_expressions("after Friday prayers")] == ["weekday"]
    assert [e.rule for e in find_expressions("gathered for Friday prayers")] == ["weekday"]
