"""Datelines and wire credits: recorded as metadata and taken out of the body text."""

from __future__ import annotations

import re
from datetime import date, datetime

from petrel.clean._recovered import Recovered
from petrel.clean._repair import collapse_spaces

#: short credit -> the names it is written as (case-sensitive: "AP" is not "ap")
WIRES: dict[str, tuple[str, ...]] = {
    "AP": ("AP", "Associated Press", "The Associated Press"),
    "Reuters": ("Reuters", "Thomson Reuters"),
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse"),
    "UPI": ("UPI", "United Press International"),
    "dpa": ("dpa", "DPA", "Deutsche Presse-Agentur"),
    "Xinhua": ("Xinhua",),
    "ANSA": ("ANSA",),
    "EFE": ("EFE",),
    "Kyodo": ("Kyodo",),
    "Anadolu": ("Anadolu", "Anadolu Agency"),
    "TASS": ("TASS", "ITAR-TASS"),
    "IRNA": ("IRNA",),
    "PTI": ("PTI",),
    "Yonhap": ("Yonhap",),
    "KUNA": ("KUNA",),
    "INA": ("INA",),
}
CREDIT_OF: dict[str, str] = {name: short for short, names in WIRES.items() for name in names}
WIRE_ALT = "|".join(re.escape(n) for n in sorted(CREDIT_OF, key=len, reverse=True))

#: all-caps words at the start of a paragraph that are organisations, not datelines ("NATO — ...")
NOT_PLACES = frozenset(("NATO", "ISIS", "ISIL", "OPEC", "IAEA", "FBI", "CIA", "NSA", "WHO", "UNICEF",
                        "UNHCR", "USA", "UAE", "PKK", "YPG", "SDF", "PMF", "PMU", "IRGC", "ICC", "IMF",
                        "BREAKING", "UPDATE", "EXCLUSIVE", "WATCH", "ANALYSIS", "OPINION"))

_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*"
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3})"
    r"(?:,\s*(?P<region>[A-Z][a-z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}))?"
    rf"(?:,?\s+(?P<mon>{_MONTH_ABBR})\.?\s+(?P<day>\d{{1,2}})(?:,\s*(?P<year>\d{{4}}))?)?"
    r"\s*(?:\((?P<wire>[^()\n]{2,40})\))?"
    r"\s*(?P<dash>—|–|--|-|:)\s+")
_WIRE_LEAD = re.compile(rf"^\((?P<wire>{WIRE_ALT})\)\s*(?:—|–|--|-|:)\s*")
_ACCORDING = re.compile(rf"(?:,\s*|\s+)according\s+to\s+(?:[Tt]he\s+)?(?P<wire>{WIRE_ALT})"
                        r"(?:\s+news\s+agency)?(?=\s*[.!?;]|\s*$)")
_PAREN_CREDIT = re.compile(rf"\s*\((?P<wire>{WIRE_ALT})\)(?![\w])")


def strip_dateline(paragraphs: list[str], found: Recovered) -> list[str]:
    """Take a dateline off the first paragraph.

    Fixes ``BAGHDAD (AP) — The leader said...``, ``LONDON, Jan 5 (Reuters) - ...`` (the month and day go
    to ``dateline_day``: see :func:`dateline_published`),
    ``Kabul (AFP) - ...``, ``MOSUL, Iraq — ...``, ``KABUL - ...`` and ``(Reuters) - ...``: the place
    goes to ``Article.dateline`` (title-cased: ``Baghdad``), a news agency to ``wire_credit`` (an
    outlet's own initials, ``KINSHASA (GLO) —``, are dropped). A place without parentheses must be in
    capitals and followed by a dash (a hyphen needs a space before it), and not an acronym such as NATO.
    """
    if not paragraphs:
        return paragraphs
    first = paragraphs[0]
    match = _WIRE_LEAD.match(first) or _dateline_match(first)
    if match is None:
        return paragraphs
    groups = match.groupdict()
    if groups.get("place"):
        place = _title_if_caps(groups["place"])
        found.keep("dateline", f"{place}, {groups['region']}" if groups.get("region") else place)
    if groups.get("mon") and groups.get("day"):
        found.keep("dateline_day", (groups["mon"], int(groups["day"]), int(groups["year"]) if groups.get("year") else None))
    if groups.get("wire") and groups["wire"].strip() in CREDIT_OF:
        found.keep("wire_credit", CREDIT_OF[groups["wire"].strip()])
    rest = first[match.end():].strip()
    return ([rest] if rest else []) + paragraphs[1:]


def _dateline_match(text: str) -> re.Match[str] | None:
    match = _DATELINE.match(text)
    if match is None:
        return None
    place, wire, dash = match["place"], match["wire"], match["dash"]
    if wire:
        return match
    spaced = text[match.start("dash") - 1: match.start("dash")].isspace()
    if place.isupper() and place not in NOT_PLACES and len(place) >= 3 and (dash in ("—", "–", "--") or
                                                                          (dash == "-" and spaced)):
        return match
    return None


def _title_if_caps(place: str) -> str:
    return place.title() if place.isupper() else place


def strip_wire_credits(paragraphs: list[str], found: Recovered) -> list[str]:
    """Remove agency credits from sentences and keep the first as ``wire_credit``.

    Fixes ``..., according to AP.`` (-> ``...``.) at the end of a sentence and ``(Reuters)`` anywhere.
    "told AP" or "spoke with The Associated Press" are reporting, not credits, and stay.
    """
    return [_strip_credits(p, found) for p in paragraphs]


def _strip_credits(paragraph: str, found: Recovered) -> str:
    if "according" not in paragraph and "(" not in paragraph:
        return paragraph
    for pattern in (_ACCORDING, _PAREN_CREDIT):
        match = pattern.search(paragraph)
        if match:
            found.keep("wire_credit", CREDIT_OF[match["wire"]])
            paragraph = collapse_spaces(pattern.sub("", paragraph))
    return paragraph


_MONTHS = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
                                       "dec"), start=1)}
_BODY_YEAR = re.compile(r"(?<![\d$£€.,])(?:19[89]\d|20\d\d)(?![\d%])")


def dateline_published(day: tuple[str, int, int | None] | None, text: str, *,
                       modified: datetime | None = None, today: date | None = None) -> datetime | None:
    """The publication day a dateline gives (``BISSAU, Feb 10 (Reuters) -``), or ``None``.

    The year is the dateline's own, else that of the article's ``modified`` date (a year earlier when the
    day would fall after it), else the latest year not after ``today`` that the text names; without any,
    no date is guessed. An impossible day (``Feb 30``) gives ``None``.
    """
    if day is None:
        return None
    name, number, year = day
    month = _MONTHS.get(name[:3].lower())
    if month is None:
        return None
    if year is None and modified is not None:
        year = modified.year if (month, number) <= (modified.month, modified.day) else modified.year - 1
    if year is None:
        limit = (today or date.today()).year
        years = [int(y) for y in _BODY_YEAR.findall(text) if int(y) <= limit]
        year = max(years) if years else None
    if year is None:
        return None
    try:
        return datetime(year, month, number)
    except ValueError:
        return None


_TAG_LEAD = re.compile(rf"^\((?P<wire>{WIRE_ALT})\)\s*(?:—|–|--|-|:)\s*(?=\S)")
#: a feed's label before its headline ("UPDATE 2-", "EXCLUSIVE-", "BREAKING:", "WATCH:"); genre labels
#: (ANALYSIS, EXPLAINER, OPINION) stay: they say the item reports no event
_LABEL_LEAD = re.compile(r"^(?:(?:UPDATE\s+\d{1,2}|EXCLUSIVE)\s*-"
                         r"|(?:BREAKING(?:\s+NEWS)?|WATCH|LIVE|VIDEO|PHOTOS?|EXCLUSIVE|Breaking(?:\s+news)?|Watch|Live"
                         r"|Video|Photos?|Exclusive)\s*(?::|\s[-—–]))\s*(?=\S)")
_TAG_PIPE = re.compile(r"\s+\|\s+(?P<name>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})\s*$")
_TAG_DASH = re.compile(r"\s+(?:—|–|--|-)\s+(?P<name>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3})\s*$")


def strip_source_tags(text: str, is_outlet) -> tuple[str, str | None]:  # noqa: ANN001
    """A snippet's source tag and feed label taken off (the text, the wire or outlet named), so that they are
    not read as actors or as part of the first word ("UPDATE 2-Nigerian troops").

    ``(AP) — Troops ...`` (a news agency in parentheses before a dash), ``... over unpaid wages | Al Jazeera``
    (any one to four capitalised words after a final ``|``) and ``... raids - Reuters`` (a news agency, or a
    name ``is_outlet`` knows, after a final dash). A dash before other words (``7 killed - police``) stays.
    """
    name = None
    label = _LABEL_LEAD.match(text)
    if label:
        text = text[label.end():]
    lead = _TAG_LEAD.match(text)
    if lead:
        name = CREDIT_OF[lead.group("wire")]
        text = text[lead.end():]
    tail = _TAG_PIPE.search(text)
    if tail is None:
        dash = _TAG_DASH.search(text)
        if dash and (dash.group("name") in CREDIT_OF or is_outlet(dash.group("name"))):
            tail = dash
    if tail is not None and tail.start() > 0:
        found = tail.group("name")
        name = name or CREDIT_OF.get(found, found)
        text = text[: tail.start()]
    return text, name
