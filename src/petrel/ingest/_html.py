"""HTML pages: the article text and metadata (title, date, site name, url) found by trafilatura."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from petrel.config import Settings
from petrel.errors import EmptyInput, NoTextFound
from petrel.ingest._files import check_textual, read_bytes
from petrel.models import RawDocument

MIN_WORDS = 3  # fewer words than this (title aside) is not an article: a truncated or empty page
HEAD_CHARS = 65_536  # publication-time meta tags are looked for in this much of the page
#: meta names (name, property or itemprop) that hold the publication time
PUBLISHED_META = frozenset((
    "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate", "publish-date",
    "date", "dc.date", "dc.date.issued", "dcterms.issued", "parsely-pub-date", "sailthru.date",
))
_META = re.compile(r"<meta\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_JSON_LD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{4,40})"')


def read_html_file(path: Path, settings: Settings) -> Iterator[RawDocument]:
    """One document for one page."""
    data = read_bytes(path, settings.max_file_bytes)
    check_textual(data)
    yield extract_html(data, source=str(path), fmt="html")


def extract_html(page: bytes | str, *, source: str, fmt: str, url: str | None = None) -> RawDocument:
    """Main text and metadata of a page (shared with the WARC reader).

    UTF-8 pages are decoded here; other encodings are left to trafilatura, which reads the page's
    declared charset. trafilatura puts one paragraph per line; they become blank-line separated
    paragraphs so the clean stage does not take them for hard-wrapped lines.
    """
    if isinstance(page, bytes):
        page = _utf8_or_bytes(page)
    if not page.strip():
        raise EmptyInput("the page is empty")
    import trafilatura  # imported on the first HTML page (about 0.1 s): most runs read none

    doc = trafilatura.bare_extraction(page, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False)
    text = _paragraphs(doc.text if doc is not None else None)
    if doc is None or _words_beyond_title(text, doc.title) < MIN_WORDS:
        raise NoTextFound("no article text could be extracted from the page (truncated or empty HTML?)")
    return RawDocument(source=source, text=text, fmt=fmt, title=doc.title or None, url=doc.url or url,
                       published=published_meta(page) or doc.date or None, outlet=doc.sitename or None)


def published_meta(page: str | bytes) -> str | None:
    """The publication time a page declares (``article:published_time``, JSON-LD ``datePublished``...).

    trafilatura gives the date only; the page's own meta data usually has the time as well.
    """
    head = page[:HEAD_CHARS]
    if isinstance(head, bytes):
        head = head.decode("latin-1")
    for tag in _META.findall(head):
        attrs = {name.lower(): a or b for name, a, b in _ATTR.findall(tag)}
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if key in PUBLISHED_META and attrs.get("content", "").strip():
            return attrs["content"].strip()
    match = _JSON_LD_DATE.search(head)
    return match.group(1) if match else None


def _utf8_or_bytes(data: bytes) -> str | bytes:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data


def _paragraphs(text: str | None) -> str:
    if not text:
        return ""
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


def _words_beyond_title(text: str, title: str | None) -> int:
    words = len(text.split())
    if title and text.startswith(title):
        words -= len(title.split())
    return words
