"""Scraped-page noise: lines that are part of the page, not of the article's text.

A web page extracted to text keeps its image captions and credits, bylines in the middle of the body,
"Read more:" links, topic banners and live-blog time stamps. Parsed as text they give false actors
("EPA", "Getty Images") and false events (a caption repeats the story). :func:`drop_page_noise` removes
such *whole lines* anywhere in the text (a removed line becomes a paragraph break) and a live-blog time
stamp that opens a line.
"""

from __future__ import annotations

import re

_AGENCIES = (r"(?:AFP|AP|EPA|EPA-EFE|Reuters|Getty(?:\s+Images)?|Shutterstock|Anadolu(?:\s+Agency)?|Xinhua|"
             r"Alamy|PA(?:\s+Media)?|ANI|IANS|SOPA\s+Images|NurPhoto|Sipa(?:\s+USA)?|Bloomberg|dpa|DPA|"
             r"TASS|Sputnik|WANA|UPI|Pool|Handout|Supplied|File)")
_CAPTION = re.compile(
    r"^(?:image|media|video|photo|picture|graphic|audio)\s+(?:source|caption|credit|copyright|description)s?"
    r"\s*[,:.\-–—]?(?:\s.*)?$", re.IGNORECASE)
_CREDIT = re.compile(
    r"^[(\[]?\s*(?:(?:file\s+)?(?:photo|photograph|picture|image|pic|credit|photo\s+credit|illustration|"
    r"footage|video)(?:\s+by)?\s*[:/,\-–—]\s*\S.{0,80}|(?:photo|picture)\s+by\s+.{1,80})[)\]]?\s*$",
    re.IGNORECASE)
# "Getty Images", "John Doe/AFP via Getty Images", "(Reuters/Jane Roe)": a credit alone on its line
_AGENCY_END = re.compile(rf"^[(\[]?\s*(?:[^()\[\]/]{{1,60}}/\s*)?{_AGENCIES}(?:\s+via\s+Getty\s+Images)?"
                         rf"(?:\s*/\s*[\w .'’-]{{1,40}})?\s*[)\]]?$")
_BYLINE = re.compile(
    r"^(?:[Bb]y|BY)\s+[A-Z][\w.'’-]+(?:\s+(?:[A-Z][\w.'’-]+|and|&|de|van|von|al|el|bin|ibn))*"
    r"(?:\s*(?:,|in|\||-|–|—)\s*[A-Z][\w.'’ -]{1,60})?$")
_READ_MORE = re.compile(
    r"^(?:read\s+more|read\s+also|also\s+read|more\s+reading|related(?:\s+(?:articles?|stories|coverage|news))?|"
    r"see\s+also|more\s+on\s+this\s+story|recommended|most\s+read|top\s+stories|watch|listen|sign\s+up|"
    r"subscribe|advertisement|sponsored|skip\s+to\s+(?:main\s+)?content|share\s+this(?:\s+article)?|"
    r"follow\s+us|click\s+here)\b\s*(?:[:\-–—>»].*)?$", re.IGNORECASE)
_BANNER_FIELD = (r"(?:region|country|countries|category|categories|topics?|tags?|themes?|sectors?|"
                 r"filed\s+under|keywords?|subjects?|location)")
_BANNER = re.compile(rf"^{_BANNER_FIELD}\s*:\s*[^.!?]{{0,120}}$", re.IGNORECASE)
_TIME = r"\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?"
_ZONE = r"(?:GMT|UTC|BST|CET|CEST|EET|EEST|EST|EDT|PST|PDT|IST|AST|MSK)"
_STAMP_LINE = re.compile(
    rf"^(?:(?:posted|updated|published|last\s+updated)(?:\s+at)?\s*:?\s*)?(?:{_TIME}(?:\s*{_ZONE})?"
    rf"|\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?)\s+ago)"
    rf"(?:\s*[,|·-]?\s*\d{{1,2}}\s+[A-Z][a-z]{{2,8}}(?:\s+\d{{4}})?)?$", re.IGNORECASE)
_STAMP_LEAD = re.compile(rf"^(?:{_TIME}\s*{_ZONE}|\d{{1,2}}:\d\d)\s*(?:[:|·\-–—]\s*)?(?=[A-Z“\"])")

NOISE_PATTERNS: tuple[re.Pattern[str], ...] = (_CAPTION, _CREDIT, _AGENCY_END, _BYLINE, _READ_MORE, _BANNER,
                                               _STAMP_LINE)
MAX_CREDIT_WORDS = 12  # a credit or byline line is short; a long line is text that happens to match


def is_noise_line(line: str) -> bool:
    """Whether a whole line is page furniture: a caption or credit, a byline, a "Read more" link, a
    topic banner or a live-blog time stamp."""
    text = line.strip()
    if not text:
        return False
    if _CAPTION.match(text) or _READ_MORE.match(text) or _BANNER.match(text) or _STAMP_LINE.match(text):
        return True
    if len(text.split()) > MAX_CREDIT_WORDS or text.endswith((".", "!", "?")) and not text.endswith(")."):
        return False
    return bool(_CREDIT.match(text) or _AGENCY_END.match(text) or _BYLINE.match(text))


def drop_page_noise(lines: list[str]) -> list[str]:
    """``lines`` with noise lines blanked (a paragraph break) and leading live-blog stamps removed.

    Fixes ``Image source, EPA``, ``Image caption, ...``, ``Photo: AFP``, ``(Photo by X/AFP via Getty
    Images)``, ``By Jane Doe, Outlet`` in the body, ``Read more: ...``, ``Region: Africa Category: Politics``,
    ``10:42 GMT`` and ``10:42 GMT The army said ...`` (-> ``The army said ...``).
    """
    out = []
    for line in lines:
        while _STAMP_LEAD.match(line.lstrip()):  # "10:42 GMT 10:45 GMT The army said ..."
            line = _STAMP_LEAD.sub("", line.lstrip(), count=1)
        out.append("" if is_noise_line(line) else line)
    return out
