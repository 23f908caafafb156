"""HTML pages: the article text and metadata (title, date, site name, url) found by trafilatura."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import trafilatura

from petrel.config import Settings
from petrel.errors import EmptyInput, NoTextFound
from petrel.ingest._files import check_textual, read_bytes
from petrel.models import RawDocument

log = logging.getLogger(__name__)

MIN_WORDS = 3  # fewer words than this (title aside) is not an article: a truncated or empty page


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
    doc = trafilatura.bare_extraction(page, url=url, with_metadata=True, include_comments=False,
                                      include_tables=False)
    text = _paragraphs(doc.text if doc is not None else None)
    if doc is None or _words_beyond_title(text, doc.title) < MIN_WORDS:
        raise NoTextFound("no article text could be extracted from the page (truncated or empty HTML?)")
    return RawDocument(source=source, text=text, fmt=fmt, title=doc.title or None,
                       url=doc.url or url, published=doc.date or None, outlet=doc.sitename or None)


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
