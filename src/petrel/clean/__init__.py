"""The ``clean`` stage: a :class:`RawDocument` becomes an :class:`Article` with repaired text and metadata.

``clean_document`` runs the repair pipeline below; each step is a small named function documented
with what it fixes:

1. :func:`normalise_unicode`: odd spaces, zero-width characters, soft hyphens, the Arabic comma, NFC.
2. :func:`peel_header_lines`: date lines, breadcrumbs (``Section - Subsection - Outlet``), labelled
   fields, bylines, and the ``(Outlet | Section)-`` lead-in glued to the first sentence.
3. :func:`peel_trailer_lines`: ``Last Modified: ...`` dates, copyright lines, credits, sign-offs.
   Then :func:`drop_page_noise`: image captions and credits, bylines, "Read more:" links, topic
   banners and live-blog time stamps anywhere in the body.
4. :func:`join_hard_wraps`: hard-wrapped lines back into paragraphs (``\\n\\n`` between paragraphs).
5. :func:`repair_paragraph`: glued sentences (``AP.Qais``, ``said.“If``) and stray spaces.
6. :func:`peel_title_paragraphs`: the title (and kickers) above the first real paragraph.
7. :func:`strip_dateline`, :func:`strip_wire_credits`: ``BAGHDAD (AP) —``, ``according to AP``.

Header and trailer contents are kept as metadata (title, outlet, published, section, wire credit,
dateline, url). Metadata given with the input (JSONL, CSV, HTML) wins over what is recovered.
``article_from_text`` is the light version for a sentence or a snippet (steps 1, 4, 5 only).
"""

from __future__ import annotations

import hashlib
from datetime import datetime

from petrel.clean._dates import parse_published
from petrel.clean._headers import peel_header_lines, peel_title_paragraphs, peel_trailer_lines
from petrel.clean._noise import drop_page_noise
from petrel.clean._outlets import OutletTable, default_outlets
from petrel.clean._paragraphs import join_hard_wraps
from petrel.clean._recovered import Recovered
from petrel.clean._repair import repair_paragraph
from petrel.clean._unicode import normalise_unicode
from petrel.clean._headline import is_common as is_common_word
from petrel.clean._headline import sentence_case_headlines
from petrel.clean._wire import WIRES, dateline_published, strip_dateline, strip_source_tags, strip_wire_credits
from petrel.config import Settings
from petrel.errors import InputTooLarge, NoTextFound
from petrel.models import Article, RawDocument

MAX_PASSES = 4

__all__ = ["OutletTable", "article_from_text", "clean_document", "clean_text", "content_hash",
           "default_outlets", "is_common_word", "normalise_outlet", "sentence_case_headlines"]


def clean_document(raw: RawDocument, settings: Settings) -> Article:
    """Repair the text of ``raw`` and recover its metadata.

    Raises :class:`~petrel.errors.InputTooLarge` when the text is longer than
    ``settings.max_article_chars`` and :class:`~petrel.errors.NoTextFound` when no body is left
    once headers and trailers are removed. The id is the given one, else :func:`content_hash`.
    """
    if len(raw.text) > settings.max_article_chars:
        raise InputTooLarge(f"the text has {len(raw.text):,} characters, over the limit of "
                            f"{settings.max_article_chars:,} (PETREL_MAX_ARTICLE_CHARS)")
    outlets = default_outlets()
    body, found = clean_text(raw.text, given_title=raw.title, outlets=outlets)
    if not body:
        raise NoTextFound("no article text is left once header and trailer lines are removed")
    digest = content_hash(body)
    given = parse_published(raw.published)
    return Article(
        doc_id=raw.doc_id or digest, source=raw.source, fmt=raw.fmt, text=body,
        title=_clean_field(raw.title) or found.title,
        outlet=outlets.normalise(raw.outlet) or found.outlet or outlets.from_url(raw.url or found.url),
        published=given or found.published
        or dateline_published(found.dateline_day, body, modified=found.modified) or found.modified,
        url=_clean_field(raw.url) or found.url, section=_clean_field(raw.section) or found.section, wire_credit=found.wire_credit,
        dateline=found.dateline, content_hash=digest,
        filed=dateline_published(found.dateline_day, body, modified=given or found.published or found.modified))


def clean_text(text: str, *, given_title: str | None = None,
               outlets: OutletTable | None = None) -> tuple[str, Recovered]:
    """The cleaned body of ``text`` (paragraphs joined by ``\\n\\n``) and the metadata found in it.

    The steps run until the text stops changing (at most :data:`MAX_PASSES` times; usually the
    second pass only confirms the first): taking a credit or dateline off the first paragraph can
    expose a header line, and cleaning must be idempotent.
    """
    outlets = outlets or default_outlets()
    found = Recovered()
    body = normalise_unicode(text)
    for _ in range(MAX_PASSES):
        cleaned = _clean_pass(body, found, outlets, given_title)
        if cleaned == body:
            break
        body = cleaned
    return body, found


def _clean_pass(text: str, found: Recovered, outlets: OutletTable, given_title: str | None) -> str:
    lines = peel_header_lines(text.split("\n"), found, outlets)
    lines = peel_trailer_lines(lines, found, outlets)
    lines = drop_page_noise(lines)
    paragraphs = [repair_paragraph(p) for p in join_hard_wraps(lines)]
    paragraphs = peel_title_paragraphs(paragraphs, found, given_title=given_title)
    paragraphs = strip_dateline(paragraphs, found)
    paragraphs = strip_wire_credits(paragraphs, found)
    paragraphs = _strip_snippet_tags(paragraphs, found, outlets)
    return "\n\n".join(sentence_case_headlines(p) for p in paragraphs if p)


def article_from_text(text: str, *, doc_id: str, published: str | datetime | None = None) -> Article:
    """An :class:`Article` from a sentence or a snippet, with light repair only.

    Unicode normalisation, hard-wrap joining and glued-sentence repair; no header, title, dateline
    or credit is removed, so a short headline-like sentence survives. Raises
    :class:`~petrel.errors.NoTextFound` when ``text`` has nothing but whitespace.
    """
    lines = normalise_unicode(text).split("\n")
    paragraphs = [repair_paragraph(p) for p in join_hard_wraps(lines)]
    found = Recovered()
    paragraphs = _strip_snippet_tags(paragraphs, found, default_outlets())
    body = "\n\n".join(sentence_case_headlines(p) for p in paragraphs if p)
    if not body:
        raise NoTextFound("the text is empty")
    return Article(doc_id=doc_id, source=f"text:{doc_id}", fmt="text", text=body, outlet=found.outlet,
                   wire_credit=found.wire_credit, published=parse_published(published),
                   content_hash=content_hash(body))


def _strip_snippet_tags(paragraphs: list[str], found: Recovered, outlets: OutletTable) -> list[str]:
    """A source tag ("(AP) —", "| Al Jazeera", "- Reuters") off the first and the last paragraph, recorded
    as the wire credit or the outlet."""
    out = list(paragraphs)
    for i in sorted({0, len(out) - 1}) if out else ():
        out[i], name = strip_source_tags(out[i], outlets.known)
        if name in WIRES:
            found.wire_credit = found.wire_credit or name
        elif name:
            found.outlet = found.outlet or outlets.normalise(name)
    return out


def content_hash(text: str) -> str:
    """First 16 hex characters of the SHA-256 of the lower-cased, whitespace-normalised text.

    The same article read from two formats (a text file and a JSONL line) gets the same hash.
    """
    canonical = " ".join(text.lower().split())
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


def normalise_outlet(name: str | None = None, *, url: str | None = None) -> str | None:
    """Canonical outlet name for a name (``Baghdadpost`` -> ``Baghdad Post``) or else for a URL's domain."""
    table = default_outlets()
    return table.normalise(name) or table.from_url(url)


def _clean_field(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(normalise_unicode(value).split())
    return value or None
