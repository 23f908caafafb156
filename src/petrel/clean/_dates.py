"""Publication dates: from given ISO 8601 strings and from header or trailer lines of scraped text.

Dates are naive datetimes holding the wall-clock time as given (a time zone, when given, is dropped,
not converted), with the precision given: a date alone is midnight.
"""

from __future__ import annotations

import re
from datetime import datetime

MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")), start=1)
    for name in names
}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun")
#: words a date-only line may hold besides numbers
DATE_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS) | frozenset(
    ("am", "pm", "a", "p", "m", "at", "on", "gmt", "utc", "t", "z", "st", "nd", "rd", "th",
     "est", "edt", "cet", "cest", "bst", "ast", "ist", "local", "time"))

_MONTH = r"(?P<mon>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YMD = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)")
_DMY_NAMED = re.compile(r"(?<!\d)(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _MONTH
                        + r",?\s+(?P<y>(?:19|20)\d\d)(?!\d)", re.IGNORECASE)
_MDY_NAMED = re.compile(_MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)(?!\d)", re.IGNORECASE)
_DMY_SHORT = re.compile(r"(?<!\d)(?P<d>\d{1,2})-" + _MONTH + r"-(?P<yy>\d\d)(?!\d)", re.IGNORECASE)
_DMY_NUMERIC = re.compile(r"(?<!\d)(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>(?:19|20)\d\d)(?!\d)")
_TIME = re.compile(r"(?<!\d)(?P<h>\d{1,2}):(?P<mi>\d\d)(?::(?P<s>\d\d))?(?:\s*(?P<ap>[ap])\.?m\.?\b)?",
                   re.IGNORECASE)
_WORDS = re.compile(r"[^\W\d_]+")
_ZONE = re.compile(r"^[A-Z]{2,5}$")


def parse_published(value: str | datetime | None) -> datetime | None:
    """A given publication date: ISO 8601 first, then the written forms :func:`find_datetime` knows."""
    if value is None or isinstance(value, datetime):
        return value.replace(tzinfo=None) if value is not None else None
    value = value.strip()
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).replace(tzinfo=None)
    except ValueError:
        return find_datetime(value)


def find_datetime(text: str) -> datetime | None:
    """The first date in ``text`` (``2019-01-28``, ``28 January 2019``, ``Jan. 28, 2019``, ``28/01/2019``,
    ``07-Jul-25``)
    with the first time found after it (``23:30``, ``07:43 PM``), or ``None``."""
    found = _find_date(text)
    if found is None:
        return None
    (year, month, day), end = found
    hour, minute, second = _find_time(text, end)
    try:
        return datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None


def date_only_line(text: str) -> datetime | None:
    """The date of a line that holds nothing but a date and time (weekday names and time zone
    abbreviations such as ``GMT`` or ``IST`` allowed)."""
    if len(text) > 80 or not all(_date_word(w) for w in _WORDS.findall(text)):
        return None
    return find_datetime(text)


def _date_word(word: str) -> bool:
    return word.lower() in DATE_WORDS or _ZONE.match(word) is not None


def _find_date(text: str) -> tuple[tuple[int, int, int], int] | None:
    best: tuple[int, tuple[int, int, int], int] | None = None
    for pattern in (_YMD, _DMY_NAMED, _MDY_NAMED, _DMY_SHORT, _DMY_NUMERIC):
        match = pattern.search(text)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), _ymd(match), match.end())
    return None if best is None else (best[1], best[2])


def _ymd(match: re.Match[str]) -> tuple[int, int, int]:
    parts = match.groupdict()
    year = int(parts["y"]) if "y" in parts else 2000 + int(parts["yy"])
    if "mon" in parts:
        return year, MONTHS[parts["mon"].lower()], int(parts["d"])
    if "a" in parts:  # numeric day/month: day first unless that cannot be
        a, b = int(parts["a"]), int(parts["b"])
        return (year, a, b) if b > 12 >= a else (year, b, a)
    return year, int(parts["m"]), int(parts["d"])


def _find_time(text: str, start: int) -> tuple[int, int, int]:
    match = _TIME.search(text, start)
    if not match:
        return 0, 0, 0
    hour, minute = int(match["h"]), int(match["mi"])
    ampm = (match["ap"] or "").lower()
    if ampm == "p" and hour < 12:
        hour += 12
    elif ampm == "a" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return 0, 0, 0
    return hour, minute, int(match["s"] or 0)
