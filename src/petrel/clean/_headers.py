"""Header lines at the top of scraped text and trailers at its bottom: metadata out, body clean.

Line handlers look at one line and either take it (recording what it says in :class:`Recovered`)
or leave it; peeling stops at the first line no handler takes. Titles are found later, on
paragraphs (:func:`peel_title_paragraphs`), because a title cannot be told from a hard-wrapped
first line before lines are joined.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from datetime import datetime

from petrel.clean._dates import date_only_line
from petrel.clean._outlets import OutletTable, looks_like_outlet
from petrel.clean._recovered import Recovered
from petrel.clean._wire import CREDIT_OF, WIRE_ALT

MAX_HEADER_LINES = 12
MAX_TRAILER_LINES = 6
MAX_TITLE_RUN = 4

_DATE_LABEL = re.compile(
    r"^(?P<label>date|dated|published|posted|updated|last\s+updated|last\s+modified|modified|"
    r"first\s+published|publication\s+date)(?:\s+on)?\s*[:\-–—]?\s*(?P<rest>.*)$", re.IGNORECASE)
_FIELD = re.compile(r"^(?P<key>title|headline|source|outlet|publisher|section|category|url|link|author|"
                    r"byline|written\s+by|by)\s*:\s*(?P<value>\S.{0,300})$", re.IGNORECASE)
_FIELD_TARGET = {"title": "title", "headline": "title", "source": "outlet", "outlet": "outlet",
                 "publisher": "outlet", "section": "section", "category": "section", "url": "url", "link": "url"}
_URL_LINE = re.compile(r"^(?:https?://|www\.)\S+$")
_BYLINE = re.compile(r"^(?:[Bb]y|BY|[Ww]ritten by)\s+[A-Z][\w.'’-]*"
                     r"(?:,?\s+(?:[A-Z][\w.'’-]*|and|&|al-\w+|bin|de|van|von)){0,7}$")
_AFTER_TIME = re.compile(r"(?<=\d\d:\d\d)\D.*$|(?<=\d\d:\d\d:\d\d)\D.*$")
_CRUMB_SEP = re.compile(r"\s+(?:-|–|—|»|›|>|\|)\s+")
_LEAD_IN = re.compile(r"^\((?P<outlet>[^()|\n]{2,60}?)\s*\|\s*(?P<section>[^()\n]{1,80}?)\s*\)\s*[-–—:]+\s*")
_TRAILER = re.compile(
    r"^(?:(?:©|\(c\)|copyright\b).{0,200}|all\s+rights\s+reserved\.?|"
    r"\(?(?:additional\s+)?(?:reporting|writing|editing|compiled)\s+by\b.{0,300}|"
    r"(?:share\s+(?:this|on)|follow\s+us|read\s+more\s*:).{0,100})$", re.IGNORECASE)
_SIGN_OFF = re.compile(rf"^[-–—\s]*\(?(?P<wire>{WIRE_ALT})\)?\s*$")
_TITLE_START = re.compile(r"^[\"“‘'(]?[A-Z0-9À-Þ]")
_TERMINAL = re.compile(r"[.!?…:;,]['\"”’)\]]*$")

LineHandler = Callable[[str, Recovered, OutletTable], bool]


def take_date_line(line: str, found: Recovered, outlets: OutletTable) -> bool:
    """`` date 2021-06-14 2021/06/14 | 08:15``, ``Published: Jan. 5, 2020``,
    ``Last Modified: Monday, 14 June 2021 08:15 AM``: a line holding only a (labelled) date."""
    match = _DATE_LABEL.match(line)
    when = _labelled_date(match["rest"]) if match else date_only_line(line)
    if when is None:
        return False
    label = (match["label"] if match else "").lower()
    found.keep("modified" if "updated" in label or "modified" in label else "published", when)
    return True


def _labelled_date(rest: str) -> datetime | None:
    """After a label (``Last Modified:``) a date may be followed by a zone or place: ``18:12 (Baghdad)``."""
    when = date_only_line(rest)
    if when is None and len(rest) <= 80:
        when = date_only_line(_AFTER_TIME.sub("", rest))
    return when


def take_field_line(line: str, found: Recovered, outlets: OutletTable) -> bool:
    """``Title: ...``, ``Source: ...``, ``Section: ...``, ``URL: ...``, ``By: ...`` labelled lines."""
    match = _FIELD.match(line)
    if match is None:
        return False
    target = _FIELD_TARGET.get(match["key"].lower())
    value = match["value"].strip()
    if target:
        found.keep(target, outlets.normalise(value) if target == "outlet" else value)
    return True


def take_url_line(line: str, found: Recovered, outlets: OutletTable) -> bool:
    """A line that is only a web address: kept as the article's url."""
    if _URL_LINE.match(line) is None:
        return False
    found.keep("url", line if "://" in line else f"https://{line}")
    return True


def take_byline(line: str, found: Recovered, outlets: OutletTable) -> bool:
    """``By Jane Doe and John Roe``: dropped (petrel keeps no author field)."""
    return _BYLINE.match(line) is not None


def take_breadcrumb(line: str, found: Recovered, outlets: OutletTable) -> bool:
    """``Iraq News - Local News - Baghdadpost`` or ``Harbour Daily | World | Africa``: an outlet and a section path.

    The outlet is the first or last segment: a name in the outlet table first, then a name that
    looks like an outlet (``Baghdadpost``, ``... Times``, ``... Observer``), last segment preferred.
    Without an outlet, three or more short capitalised segments are taken as a section path.
    """
    segments = _CRUMB_SEP.split(line)
    if not 2 <= len(segments) <= 6 or not all(_crumb_like(s) for s in segments):
        return False
    at = _outlet_position(segments, outlets)
    if at is None and len(segments) < 3:
        return False
    if at is not None:
        found.keep("outlet", outlets.normalise(segments[at]))
        del segments[at]
    found.keep("section", " - ".join(segments))
    return True


def _outlet_position(segments: list[str], outlets: OutletTable) -> int | None:
    ends = (-1, 0)
    for test in (lambda s: outlets.known(s) is not None, lambda s: looks_like_outlet(s)):
        for at in ends:
            if test(segments[at]):
                return at % len(segments)
    return None


def _crumb_like(segment: str) -> bool:
    words = segment.split()
    return 1 <= len(words) <= 5 and len(segment) <= 40 and segment[0].isupper() and not _TERMINAL.search(segment)


def take_trailer_line(line: str, found: Recovered, outlets: OutletTable) -> bool:
    """Copyright lines, ``Reporting by ...; Editing by ...``, share/follow prompts, ``— AP`` sign-offs."""
    sign_off = _SIGN_OFF.match(line)
    if sign_off:
        found.keep("wire_credit", CREDIT_OF[sign_off["wire"]])
        return True
    return _TRAILER.match(line) is not None


HEADER_HANDLERS: tuple[LineHandler, ...] = (take_date_line, take_field_line, take_url_line, take_byline,
                                            take_breadcrumb)
TRAILER_HANDLERS: tuple[LineHandler, ...] = (take_date_line, take_trailer_line)


def peel_header_lines(lines: list[str], found: Recovered, outlets: OutletTable) -> list[str]:
    """Remove header lines from the top; a ``(Outlet | Section)-`` lead-in ends the header.

    Fixes `` date 2021-06-14 ... | 08:15`` date lines, breadcrumbs, labelled fields, bylines and the
    lead-in glued to the first sentence (``(Sahel Monitor | Mali News)- The junta...``).
    """
    taken = 0
    for index, raw in enumerate(lines):
        line = raw.strip()
        if not line:
            continue
        if taken < MAX_HEADER_LINES and any(h(line, found, outlets) for h in HEADER_HANDLERS):
            taken += 1
            continue
        lead = _LEAD_IN.match(line)
        if lead:
            found.keep("outlet", outlets.normalise(lead["outlet"]))
            found.keep("section", lead["section"])
            return [_after_lead_ins(line[lead.end():]), *lines[index + 1:]]
        return lines[index:]
    return []


def _after_lead_ins(rest: str) -> str:
    """What follows a run of lead-ins (a page that repeats ``(Outlet | Section)-``): all of them go in one
    pass, so cleaning reaches its fixed point however many there are."""
    while lead := _LEAD_IN.match(rest):
        rest = rest[lead.end():]
    return rest


def peel_trailer_lines(lines: list[str], found: Recovered, outlets: OutletTable) -> list[str]:
    """Remove trailers from the bottom: ``Last Modified: ...`` dates, copyright, credits, sign-offs."""
    end = len(lines)
    taken = 0
    while end > 0 and taken < MAX_TRAILER_LINES:
        line = lines[end - 1].strip()
        if line and not any(h(line, found, outlets) for h in TRAILER_HANDLERS):
            break
        taken += bool(line)
        end -= 1
    return lines[:end]


def is_title_like(paragraph: str) -> bool:
    """Short (at most 20 words), capitalised, and not ending like a sentence: a headline, byline or kicker."""
    return (len(paragraph) <= 200 and len(paragraph.split()) <= 20 and _TITLE_START.match(paragraph) is not None
            and not _TERMINAL.search(paragraph))


def peel_title_paragraphs(paragraphs: list[str], found: Recovered, *, given_title: str | None) -> list[str]:
    """Remove the title (and kickers, bylines) standing above the first real paragraph.

    The run of title-like paragraphs at the top (or paragraphs equal to the given title) is removed
    only when a real paragraph follows within :data:`MAX_TITLE_RUN`; the first of them becomes the
    recovered title. A text made only of short lines keeps them all. Because the decision depends
    only on the paragraphs, running it on its own output changes nothing.
    """
    given = _key(given_title) if given_title else None
    run = 0
    while run < len(paragraphs) and (is_title_like(paragraphs[run]) or _key(paragraphs[run]) == given):
        run += 1
    if run == 0 or run == len(paragraphs) or run > MAX_TITLE_RUN:
        return paragraphs
    titles = [p for p in paragraphs[:run] if not _BYLINE.match(p)]
    if titles:
        found.keep("title", titles[0])
    return paragraphs[run:]


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()

