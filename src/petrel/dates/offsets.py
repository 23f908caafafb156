"""Dates told as a distance from another event: "the vote came four days after the parties threatened".

In "<main> N units after <inner>" the inner event happened N units before the main one; with "before" it
happened N units after it. The inner clause is what the ``after``/``before`` word introduces (its verb
when the word is a subordinator, its object or clause when it is a preposition). The main event's date
is the time expression attached to the main verb outside the inner clause, else the publication day.
A count without number ("days after", "weeks before") is a vague range of one to six units.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from petrel.dates.patterns import NUMBER_WORDS, VAGUE_COUNTS
from petrel.dates.resolve import (
    ResolvedDate,
    add_days,
    clamp_year,
    count_range,
    day_date,
    day_range,
    month_date,
    shift_months,
    year_date,
)

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_COUNT_WORDS = "|".join(sorted((re.escape(w).replace(r"\ ", r"\s+") for w in (*NUMBER_WORDS, *VAGUE_COUNTS)),
                               key=len, reverse=True))
OFFSET_RE = re.compile(rf"\b(?:(?P<n>\d{{1,3}}|{_COUNT_WORDS})\s+)?(?P<unit>day|week|month|year)s?\s+"
                       r"(?P<rel>after|before)\b", re.IGNORECASE)
BARE_COUNT = (1, 6)  # "days after": between one and six days


@dataclass(frozen=True, slots=True)
class ClauseOffset:
    """An ``N units after/before`` phrase: the inner clause's root, the main verb, and the shift."""

    inner: Token
    main: Token
    unit: str
    low: int
    high: int
    sign: int  # -1: the inner event is earlier (after), +1: later (before)
    text: str

    def contains(self, token: Token) -> bool:
        return token.i == self.inner.i or self.inner in token.ancestors


def clause_offset(sentence: Span) -> ClauseOffset | None:
    """The first ``N units after/before <clause>`` of the sentence whose parse links it to a main verb."""
    doc = sentence.doc
    for match in OFFSET_RE.finditer(sentence.text):
        rel = doc.char_span(sentence.start_char + match.start("rel"), sentence.start_char + match.end("rel"))
        inner = _inner_root(rel[0]) if rel is not None and len(rel) == 1 else None
        count = _count(match.group("n"))
        if inner is None or count is None:
            continue
        main = rel[0].head.head if rel[0].dep_ == "mark" else rel[0].head
        sign = -1 if match.group("rel").lower() == "after" else 1
        return ClauseOffset(inner, main, match.group("unit").lower(), *count, sign, match.group(0))
    return None


def _inner_root(rel: Token) -> Token | None:
    if rel.dep_ == "mark" and rel.head.pos_ in ("VERB", "AUX"):
        return rel.head
    if rel.dep_ == "prep":
        return next((c for c in rel.children if c.dep_ in ("pcomp", "pobj")), None)
    return None


def _count(raw: str | None) -> tuple[int, int] | None:
    return BARE_COUNT if raw is None else count_range(raw)


def shifted(main: ResolvedDate, offset: ClauseOffset) -> ResolvedDate | None:
    """The inner event's date from the main event's; None when the main date is too coarse to shift."""
    if main.precision != "day" and not (offset.unit in ("month", "year") and main.precision == offset.unit):
        return None
    near, far = (_move(main.first, offset.unit, offset.sign * n) for n in (offset.low, offset.high))
    vague = offset.low != offset.high
    if offset.unit in ("day", "week"):
        first, last = sorted((near, far))
        result = day_date(first) if first == last else day_range(first, last, vague=vague)
    else:
        result = _grain(min(near, far), offset.unit) if not vague else None
    if result is None:
        return None
    return ResolvedDate(result.value, result.precision, result.first, result.last, offset.text, vague=vague)


def _move(day: date, unit: str, n: int) -> date:
    if unit == "day":
        return add_days(day, n)
    if unit == "week":
        return add_days(day, 7 * n)
    months = n if unit == "month" else 12 * n
    year, month = shift_months(day.year, day.month, months)
    if year != clamp_year(year):  # past the calendar's ends
        return date.min if year < 1 else date(date.max.year, 12, 1)
    return date(year, month, 1)


def _grain(day: date, unit: str) -> ResolvedDate:
    return month_date(day.year, day.month) if unit == "month" else year_date(day.year)
