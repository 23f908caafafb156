"""Pure functions from a time expression and an anchor (publication time) to a date with its precision.

Nothing here touches spaCy or a document: :func:`find_expressions` finds the expressions in a piece
of text and :func:`resolve_expression` resolves the first one that can be resolved.

Values follow the event contract: ``"2019-01-28"`` (day), ``"2019-01"`` (month), ``"2011"`` (year) or
``"A/B"`` (range, each end a day, month or year). Qualified years ("late 2017", "early 2017",
"mid-2017") resolve to the plain year with year precision: the qualifier says which part of the year,
not a bound we could state honestly. Under ``tense="past"`` no result starts after the anchor's day;
expressions that can only point forward ("next week", "tomorrow") give ``None``.

Arithmetic is clamped to the calendar (years 1 to 9999): "last week" from an anchor in year 1 or 9999
gives a date at the calendar's edge, never an ``OverflowError``.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Callable, Literal

from petrel.dates.patterns import COMPILED, MONTHS, NUMBER_WORDS, VAGUE_COUNTS, WEEKDAYS

Tense = Literal["past", "future"]
Anchor = datetime | date | None


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    """A resolved time expression: the contract value and the days it covers."""

    value: str
    precision: str  # day|month|year|range
    first: date
    last: date
    text: str = ""
    start: int = 0  # offsets of the expression in the text it was found in
    end: int = 0
    vague: bool = False  # "in recent years", "a few days ago": bounds are a guess


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """One expression found in a text, before resolution."""

    rule: str
    start: int
    end: int
    text: str
    groups: dict[str, str]


# ---------------------------------------------------------------- finding


def find_expressions(text: str) -> list[TimeExpression]:
    """Every time expression in ``text``, leftmost-longest, not overlapping, in text order."""
    found = [
        TimeExpression(name, m.start(), m.end(), m.group(0), {k: v for k, v in m.groupdict().items() if v})
        for name, rx in COMPILED
        for m in rx.finditer(text)
    ]
    found.sort(key=lambda e: (e.start, -(e.end - e.start)))
    kept: list[TimeExpression] = []
    for expr in found:
        if not kept or expr.start >= kept[-1].end:
            kept.append(expr)
    return kept


# ---------------------------------------------------------------- values


def add_days(day: date, days: int) -> date:
    """``day`` plus ``days`` (negative: minus), clamped to ``date.min`` .. ``date.max``."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return date.max if days > 0 else date.min


def clamp_year(year: int) -> int:
    return min(max(year, date.min.year), date.max.year)


def day_date(first: date, *, text: str = "", vague: bool = False) -> ResolvedDate:
    return ResolvedDate(first.isoformat(), "day", first, first, text, vague=vague)


def month_date(year: int, month: int) -> ResolvedDate:
    if year != clamp_year(year):  # before year 1 or after 9999: the calendar's first or last month
        year, month = clamp_year(year), (1 if year < date.min.year else 12)
    last = date(year, month, calendar.monthrange(year, month)[1])
    return ResolvedDate(f"{year:04d}-{month:02d}", "month", date(year, month, 1), last)


def year_date(year: int) -> ResolvedDate:
    year = clamp_year(year)
    return ResolvedDate(f"{year:04d}", "year", date(year, 1, 1), date(year, 12, 31))


def range_date(first: ResolvedDate, last: ResolvedDate, *, vague: bool = False) -> ResolvedDate:
    """From the start of ``first`` to the end of ``last`` (either may be a range); equal ends collapse."""
    start, end = first.value.split("/")[0], last.value.split("/")[-1]
    if start == end:
        precision = first.precision if first.precision != "range" else last.precision
        return ResolvedDate(start, precision, first.first, last.last, vague=vague)
    return ResolvedDate(f"{start}/{end}", "range", first.first, last.last, vague=vague)


def day_range(first: date, last: date, *, vague: bool = False) -> ResolvedDate:
    return range_date(day_date(first), day_date(last), vague=vague)


def _as_day(anchor: Anchor) -> date | None:
    if anchor is None:
        return None
    return anchor.date() if isinstance(anchor, datetime) else anchor


def _safe_day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def shift_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


# ---------------------------------------------------------------- handlers


def _month_number(groups: dict[str, str]) -> int:
    return MONTHS[groups["mon"].rstrip(".").lower()]


def _count(groups: dict[str, str]) -> tuple[int, int] | None:
    """The (low, high) count of an expression ("two" -> (2, 2), "a few" -> (2, 4))."""
    return count_range(groups.get("n", "a"))


def count_range(word: str) -> tuple[int, int] | None:
    """(low, high) of a count word or number: "two" -> (2, 2), "a few" -> (2, 4), "12" -> (12, 12)."""
    raw = " ".join(word.lower().split())
    if raw.isdigit():
        return int(raw), int(raw)
    if raw in VAGUE_COUNTS:
        return VAGUE_COUNTS[raw]
    n = NUMBER_WORDS.get(raw)
    return (n, n) if n is not None else None


def _iso_day(g: dict[str, str], anchor: date | None, tense: Tense) -> ResolvedDate | None:
    day = _safe_day(int(g["y"]), int(g["m"]), int(g["d"]))
    return day_date(day) if day else None


def _iso_month(g: dict[str, str], anchor: date | None, tense: Tense) -> ResolvedDate | None:
    return month_date(int(g["y"]), int(g["m"]))


def _full_date(g: dict[str, str], anchor: date | None, tense: Tense) -> ResolvedDate | None:
    day = _safe_day(int(g["y"]), _month_number(g), int(g["d"]))
    return day_date(day) if day else None


def _day_no_year(g: dict[str, str], anchor: date | None, tense: Tense) -> ResolvedDate | None:
    """A day and month without a year: the nearest such day not after (past) / not before (future)."""
    if anchor is None:
        return None
    month, day = _month_number(g), int(g["d"])
    for year in (anchor.year, anchor.year - 1, anchor.year + 1):
        when = _safe_day(year, month, day)
        if when is None:
            continue
        if (tense == "past" and when <= anchor and (when.year == anchor.year or year == anchor.year - 1)) or (
            tense == "future" and when >= anchor and year in (anchor.year, anchor.year + 1)
        ):
            return day_date(when)
    return None


def _deadline(g: dict[str, str], anchor: date | None, tense: Tense) -> ResolvedDate | None:
    """"no later than May 10": a deadline is ahead of the anchor whatever the verb's tense, so under
    ``past`` it is dropped (it is not the day the reported act happened) and a past May 10 is never taken."""
    if "y" in g:
        return _full_date(g, anchor, tense)
    return _day_no_year(g, anchor, "future")


def _numeric_dmy(g: dict[str, str], anchor: date | None, tense: Tense) -> ResolvedDate | None:
    """"25-08-2020", "3.5.2024": day first (a slashed date only when its first number cannot be a month)."""
    day = _safe_day(int(g["y"]), int(g["m"]), int(g["d"]))
    return day_date(day) if day else None


def _night_of(g: dict[str, str], anchor: date | None, tense: Tense) -> ResolvedDate | None:
    """"the night of 3-4 May", "the night of 31 December to 1 January": the night's first day."""
    month = MONTHS[(g.get("mon1") or g["mon"]).rstrip(".").lower()]
    first, second = int(g["d"]), int(g["d2"])
    if "mon1" not in g and first > second:  # "the night of 31-1 June": the first day is in the month before
        month = 12 if month == 1 else month - 1
    if "y" in g:
        year = int(g["y"]) - (1 if "mon1" in g and month > MONTHS[g["mon"].rstrip(".").lower()] else 0)
        day = _safe_day(year, month, first)
        return day_date(day) if day else None
    return _day_no_year({"mon": list(MONTHS)[list(MONTHS.values()).index(month)], "d": str(first)}, anchor, tense)


def _day_span(g: dict[str, str], anchor: date | None, tense: Tense) -> ResolvedDate | None:
    """"between 1 and 3 June", "from 30 May to 2 June 2025": the days from the first to the last (a range
    whose first day is the event's, as a monitor's span of days is dated by its start)."""
    last_month = MONTHS[g["mon"].rstrip(".").lower()]
    first_month = MONTHS[g["mon1"].rstrip(".").lower()] if "mon1" in g else last_month
    if "y" in g:
        last = _safe_day(int(g["y"]), last_month, int(g["d2"]))
    else:
        found = _day_no_year({"mon": g["mon"], "d": g["d2"]}, anchor, tense)
        last = found.first if found is not None else None
    if last is None:
        return None
    first = _safe_day(last.year - (1 if first_month > last_month else 0), first_month, int(g["d"]))
    if first is None or first > last:
        return None
    return day_range(first, last)


def _month_year(g: dict[str, str], anchor: date | None, tense: Tense) -> ResolvedDate | None:
    return month_date(int(g["y"]), _month_number(g))


def _bare_month(g: dict[str, str], anchor: date | None, tense: Tense) -> ResolvedDate | None:
    """"in May": the most recent May not after the anchor (past) or the next one (future)."""
    if anchor is None:
        return None
    month, cue = _month_number(g), g["cue"].lower()
    if cue == "next" or (tense == "future" and cue != "last"):
        year = anchor.year if month > anchor.month or (month == anchor.month and cue != "next") else anchor.year + 1
        return month_date(year, month)
    if cue == "this":
        return month_date(anchor.year, month)
    strictly_before = cue == "last"
    year = anchor.year if month < anchor.month or (month == anchor.month and not strictly_before) else anchor.year - 1
    return month_date(year, month)


def _year(g: dict[str, str], anchor: date | None, tense: Tense) -> ResolvedDate | None:
    return year_date(int(g["y"]))


def _since_year(g: dict[str, str], anchor: date | None, tense: Tense) -> ResolvedDate | None:
    start = year_date(int(g["y"]))
    if anchor is None or anchor.year <= start.first.year:
        return start
    return range_date(start, year_date(anchor.year))


def _year_range(g: dict[str, str], anchor: date | None, tense: Tense) -> ResolvedDate | None:
    first, second = int(g["y1"]), g["y2"]
    last = int(second) if len(second) == 4 else (first // 100) * 100 + int(second)
    if last <= first:
        return None
    return range_date(year_date(first), year_date(last))


def _decade(g: dict[str, str], anchor: date | None, tense: Tense) -> ResolvedDate | None:
    start = int(g["dec"])
    if "since" in g and anchor is not None and anchor.year > start:
        return range_date(year_date(start), year_date(anchor.year))
    return range_date(year_date(start), year_date(start + 9))


def _weekday(g: dict[str, str], anchor: date | None, tense: Tense) -> ResolvedDate | None:
    """"Monday" in a past report is the most recent Monday on or before the anchor's day."""
    if anchor is None:
        return None
    target, mod = WEEKDAYS[g["wd"].lower()], g.get("mod", "").lower()
    if mod in ("next", "coming") or (tense == "future" and mod not in ("last", "past")):
        ahead = (target - anchor.weekday()) % 7
        if ahead == 0 and mod in ("next", "coming"):
            ahead = 7
        return day_date(add_days(anchor, ahead))
    back = (anchor.weekday() - target) % 7
    if back == 0 and mod in ("last", "past"):
        back = 7
    return day_date(add_days(anchor, -back))


def _overnight_weekday(g: dict[str, str], anchor: date | None, tense: Tense) -> ResolvedDate | None:
    """"overnight on Monday", "overnight Saturday into Sunday": the night's first named day."""
    return _weekday({"wd": g["wd"]}, anchor, tense)


def _ahead_weekday(g: dict[str, str], anchor: date | None, tense: Tense) -> ResolvedDate | None:
    """"until Friday", "by Saturday", "for Monday": the next such day on or after the anchor, whatever the
    tense (a past event is thus never given it: a deadline or a scheduled day is not the act's day)."""
    return _weekday({"wd": g["wd"]}, anchor, "future")


# "overnight" in a report is the night before it: dated by its first day, like every night across two days
_DAY_WORDS: dict[str, int] = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "earlier today": 0, "overnight": -1, "yesterday": -1, "last night": -1, "the day before yesterday": -2,
    "tomorrow": 1, "the day after tomorrow": 2,
}


def _day_word(g: dict[str, str], anchor: date | None, tense: Tense) -> ResolvedDate | None:
    if anchor is None:
        return None
    return day_date(add_days(anchor, _DAY_WORDS[" ".join(g["w"].lower().split())]))


def _day_before(g: dict[str, str], anchor: date | None, tense: Tense) -> ResolvedDate | None:
    return day_date(add_days(anchor, -1)) if anchor is not None else None


def _day_after(g: dict[str, str], anchor: date | None, tense: Tense) -> ResolvedDate | None:
    """"the following day", "a day later": the day after the anchor (the stage passes the day of the event
    the text counts from; from publication it points forward, so a past event never takes it)."""
    return day_date(add_days(anchor, 1)) if anchor is not None else None


def _days_later(g: dict[str, str], anchor: date | None, tense: Tense) -> ResolvedDate | None:
    """"two days later", "a week earlier": counted from the anchor (the stage passes the referred event's day)."""
    count = _count(g)
    if anchor is None or count is None:
        return None
    days = count[0] * (7 if g["unit"].lower() == "week" else 1)
    return day_date(add_days(anchor, days if g["rel"].lower() == "later" else -days))


def _unit_back(anchor: date, unit: str, n: int) -> ResolvedDate:
    """The day/week/month/year ``n`` units before (negative: after) the anchor, at the unit's grain."""
    if unit == "day":
        return day_date(add_days(anchor, -n))
    if unit == "week":
        monday = add_days(anchor, -(anchor.weekday() + 7 * n))
        return day_range(monday, add_days(monday, 6))
    if unit == "month":
        return month_date(*shift_months(anchor.year, anchor.month, -n))
    if unit == "decade":
        return range_date(year_date(anchor.year - 10 * n), year_date(anchor.year - 10 * n + 9))
    return year_date(anchor.year - n)


def _ago(g: dict[str, str], anchor: date | None, tense: Tense) -> ResolvedDate | None:
    count = _count(g)
    if anchor is None or count is None:
        return None
    unit = g["unit"].lower()
    if unit == "week":  # "two weeks ago": the seven days centred on that day
        centre = add_days(anchor, -7 * count[0])
        return day_range(add_days(centre, -3), min(add_days(centre, 3), anchor), vague=True)
    if count[0] == count[1]:
        return _unit_back(anchor, unit, count[0])
    return range_date(_unit_back(anchor, unit, count[1]), _unit_back(anchor, unit, count[0]), vague=True)


def _in_future(g: dict[str, str], anchor: date | None, tense: Tense) -> ResolvedDate | None:
    count = _count(g)
    if anchor is None or count is None:
        return None
    unit = g["unit"].lower()
    if count[0] != count[1] or unit == "week":
        return range_date(_unit_back(anchor, unit, -count[0]), _unit_back(anchor, unit, -count[1]), vague=True)
    return _unit_back(anchor, unit, -count[0])


def _past_few(g: dict[str, str], anchor: date | None, tense: Tense) -> ResolvedDate | None:
    """"over the past few months": from that many units back up to the anchor."""
    count = _count(g)
    if anchor is None or count is None:
        return None
    unit = g["unit"].lower()
    if unit == "day":
        return day_range(add_days(anchor, -count[1]), anchor, vague=count[0] != count[1])
    return range_date(_unit_back(anchor, unit, count[1]), _unit_back(anchor, unit, 0), vague=count[0] != count[1])


def _coming_few(g: dict[str, str], anchor: date | None, tense: Tense) -> ResolvedDate | None:
    """"in the coming months": forward-looking only, so nothing under the past tense."""
    if anchor is None or tense == "past":
        return None
    count = _count(g) if "n" in g else (2, 4)
    if count is None:
        return None
    unit = g["unit"].lower()
    return range_date(_unit_back(anchor, unit, 0), _unit_back(anchor, unit, -count[1]), vague=True)


def _recent(g: dict[str, str], anchor: date | None, tense: Tense) -> ResolvedDate | None:
    if anchor is None:
        return None
    unit = g["unit"].lower()
    return range_date(_unit_back(anchor, unit, 5 if unit == "year" else 3), _unit_back(anchor, unit, 0), vague=True)


def _weekend(anchor: date, step: int, tense: Tense) -> ResolvedDate:
    """Saturday and Sunday: the last complete one, the current/most recent one, or the next one."""
    saturday = add_days(anchor, -((anchor.weekday() - 5) % 7))  # on or before the anchor
    if step > 0 and add_days(saturday, 1) >= anchor:
        saturday = add_days(saturday, -7)
    elif step < 0 or (step == 0 and tense == "future" and anchor.weekday() < 5):
        saturday = add_days(saturday, 7)
    return day_range(saturday, add_days(saturday, 1))


def _relative_unit(g: dict[str, str], anchor: date | None, tense: Tense) -> ResolvedDate | None:
    """"last week", "earlier this month", "next year", "late last year"."""
    if anchor is None:
        return None
    mod, unit = " ".join(g["mod"].lower().split()), g["unit"].lower()
    step = -1 if mod.endswith("next") or mod == "coming" else (1 if mod.endswith(("last", "past", "previous")) else 0)
    if unit == "weekend":
        return _weekend(anchor, step, tense)
    result = _unit_back(anchor, unit, step)
    if step == 0 and mod.startswith("earlier") and unit == "week":
        monday = result.first
        return day_range(monday, max(monday, add_days(anchor, -1)))
    return result


SEASONS: dict[str, tuple[int, int]] = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11),
                                        "winter": (12, 2)}


def _season_span(year: int, season: str) -> ResolvedDate:
    first, last = SEASONS[season]
    return range_date(month_date(year, first), month_date(year + (last < first), last))


def _season(g: dict[str, str], anchor: date | None, tense: Tense) -> ResolvedDate | None:
    """"last summer", "in the winter of 2016": the season's months as a range (winter runs Dec-Feb)."""
    season = g["season"].lower()
    if "y" in g:
        return _season_span(int(g["y"]), season)
    if anchor is None:
        return None
    mod = g.get("mod", "").lower()
    spans = [_season_span(year, season) for year in range(anchor.year - 2, anchor.year + 2)]
    if mod == "next" or (tense == "future" and mod not in ("last", "past", "since")):
        return next((s for s in spans if s.first > anchor), None)  # None only at the calendar's end
    if mod in ("last", "past"):
        return next((s for s in reversed(spans) if s.last < anchor), None)
    return next((s for s in reversed(spans) if s.first <= anchor), None)


_HANDLERS: dict[str, Callable[[dict[str, str], date | None, Tense], ResolvedDate | None]] = {
    "deadline": _deadline, "iso_day": _iso_day, "iso_month": _iso_month, "month_day_year": _full_date, "day_month_year": _full_date,
    "month_day": _day_no_year, "day_month": _day_no_year, "month_year": _month_year, "bare_month": _bare_month,
    "year_range": _year_range, "year_dash_range": _year_range, "decade": _decade, "since_year": _since_year,
    "year": _year, "weekday": _weekday, "day_word": _day_word, "day_before": _day_before, "ago": _ago, "in_future": _in_future,
    "numeric_dmy": _numeric_dmy, "night_of": _night_of, "day_span": _day_span, "overnight_weekday": _overnight_weekday,
    "ahead_weekday": _ahead_weekday, "day_after": _day_after, "days_later": _days_later,
    "from_now": _in_future, "past_few": _past_few, "coming_few": _coming_few, "recent_years": _recent,
    "relative_unit": _relative_unit, "season": _season, "season_year": _season,
}


# ---------------------------------------------------------------- public


def fit_tense(result: ResolvedDate, anchor: date | None, tense: Tense) -> ResolvedDate | None:
    """Under ``past``, drop results that start after the anchor and clip ranges that run past it."""
    if anchor is None or tense != "past":
        return result
    if result.first > anchor:
        return None
    if result.precision == "range" and result.last > anchor and result.value.split("/")[1].count("-") == 2:
        return day_range(result.first, anchor, vague=result.vague)
    return result


def resolve(expr: TimeExpression, anchor: Anchor, *, tense: Tense = "past") -> ResolvedDate | None:
    """Resolve one found expression; offsets and text are kept on the result."""
    day = _as_day(anchor)
    result = _HANDLERS[expr.rule](expr.groups, day, tense)
    result = fit_tense(result, day, tense) if result else None
    if result is None:
        return None
    return ResolvedDate(result.value, result.precision, result.first, result.last, expr.text,
                        expr.start, expr.end, result.vague)


def resolve_expression(text: str, anchor: Anchor, *, tense: Tense = "past") -> ResolvedDate | None:
    """The date of the first resolvable time expression in ``text`` relative to ``anchor``.

    ``anchor`` is the publication time (``None``: only absolute expressions resolve). ``tense`` is
    ``"past"`` for reported events (never a date after the anchor) or ``"future"`` for announced ones.
    """
    for expr in find_expressions(text):
        result = resolve(expr, anchor, tense=tense)
        if result is not None:
            return result
    return None
