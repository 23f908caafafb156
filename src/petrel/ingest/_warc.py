"""WARC and WARC.gz crawls: one document per HTML (or plain-text) response record.

A record's source is ``path#TARGET_URI``. Request, metadata and revisit records, non-2xx responses
and other content types are skipped. A record whose page yields no text is rejected on its own; a
corrupt archive is rejected from the point where it breaks, after the records read before it.

Every read is bounded, so neither memory nor time grows with what a hostile archive claims:

- the file is inflated here (:class:`_Inflated`), counting the bytes: past ``max_decompressed_bytes``,
  or past ``max_compression_ratio`` times the compressed bytes read (a gzip bomb), the rest of the file
  is rejected (E205) after the records already read;
- every line warcio reads (WARC headers, HTTP headers, chunk sizes) comes out of a per-record budget of
  ``max_header_bytes`` (:class:`_LineBudget`), so a 2 GB "header line" is never held in memory;
- HTTP headers are parsed by this module, record by record, so a bad HTTP block (or one over the
  budget) rejects its own record and the next records are still read;
- a record body is read up to ``max_file_bytes`` + 1 bytes, and the rest is skipped in blocks.
"""

from __future__ import annotations

import gzip
import logging
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import BufferedReader
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeadersParser, StatusAndHeadersParserException

from petrel.config import Settings
from petrel.errors import (
    EmptyInput,
    EncodingError,
    InputError,
    InputTooLarge,
    MalformedRecord,
    NoTextFound,
)
from petrel.ingest._files import check_size, open_input
from petrel.ingest._html import extract_html
from petrel.models import RawDocument

log = logging.getLogger(__name__)

Item = RawDocument | InputError
_READ_ERRORS = (ArchiveLoadFailed, EOFError, OSError, ValueError, zlib.error, StatusAndHeadersParserException)
_GZIP_MAGIC = b"\x1f\x8b"
RATIO_FLOOR = 1 << 20  # the compression ratio is checked once this many bytes are inflated
BLOCK = 1 << 16
_HTTP = StatusAndHeadersParser(["HTTP/1.0", "HTTP/1.1"], verify=False)


def read_warc_file(path: Path, settings: Settings) -> Iterator[Item]:
    """Documents and per-record errors of one archive, in record order."""
    if check_size(path, limit=None) == 0:  # the limit applies to each record
        raise EmptyInput("the file is empty")
    found = 0
    with open_input(path) as raw:
        try:
            stream = _Inflated(raw, settings)
        except _READ_ERRORS as exc:
            raise MalformedRecord(f"the WARC file is corrupt at its start: {type(exc).__name__}: {exc}") from exc
        archive = _Archive(stream, settings.max_header_bytes)
        try:
            for record in archive:
                item = _record_item(record, path, settings, archive.budget)
                archive.budget.reset()  # the blank lines after the record start a fresh budget
                if item is not None:
                    found += 1
                    yield item
        except InputError as exc:
            cls = InputTooLarge if isinstance(exc, InputTooLarge) else type(exc)
            raise cls(f"{exc.message}; the rest of the file is skipped after {found} records") from exc
        except _READ_ERRORS as exc:
            raise MalformedRecord(f"the WARC file is corrupt after {found} records: {type(exc).__name__}: {exc}"
                                  ) from exc
    if not found:
        raise NoTextFound("the WARC file has no HTML or text response records")


class _Inflated:
    """The file's bytes, gunzipped when it is gzip (one member or many), counted against the limits.

    Reads are never unbounded (``read()`` without a size reads one block) and may be short. The first bytes must be
    a WARC record header (``WARC/``), else the file is refused before warcio sees it.
    """

    def __init__(self, raw: BinaryIO, settings: Settings) -> None:
        self.raw = raw
        self.compressed = raw.read(2) == _GZIP_MAGIC
        raw.seek(0)
        self.stream: BinaryIO = gzip.GzipFile(fileobj=raw, mode="rb") if self.compressed else raw
        self.max_bytes = settings.max_decompressed_bytes
        self.max_ratio = settings.max_compression_ratio
        self.count = 0
        self.head = self.stream.read(5)
        if self.head != b"WARC/":
            raise MalformedRecord("not a WARC file: it does not start with a WARC record header")

    def read(self, size: int | None = -1) -> bytes:
        if size is None or size < 0:
            size = BLOCK
        head, self.head = self.head[:size], self.head[size:]
        # read1: what one step inflates, so the records before a corrupt member are handed out before it
        data = head + self.stream.read1(size - len(head)) if size > len(head) else head
        self.count += len(data)
        if self.compressed:
            self._check()
        return data

    def tell(self) -> int:
        return self.count

    def _check(self) -> None:
        if self.count > self.max_bytes:
            raise InputTooLarge(f"the file inflates to over {self.max_bytes:,} bytes (PETREL_MAX_DECOMPRESSED_BYTES)",
                                whole_file=True)
        if self.count > RATIO_FLOOR and self.count > self.max_ratio * max(self.raw.tell(), 1):
            raise InputTooLarge(f"the file inflates over {self.max_ratio} times its compressed size, a gzip bomb "
                                "(PETREL_MAX_COMPRESSION_RATIO)", whole_file=True)


class _LineBudget(BufferedReader):
    """warcio's line reader, with a budget of line bytes per record: no line read outgrows it."""

    def __init__(self, stream: _Inflated, budget: int) -> None:
        super().__init__(stream, decomp_type=None)
        self.budget_size = budget
        self.left = budget

    def reset(self) -> None:
        self.left = self.budget_size

    def readline(self, length: int | None = None) -> bytes:
        """A line of at most the budget left + 1 bytes. The line that overdraws the budget is still
        returned (so warcio's own byte counts stay right); the next read of a line raises."""
        self.check()
        cap = self.left + 1
        line = super().readline(cap if length is None or length < 0 else min(length, cap))
        self.left -= len(line)
        return line

    def check(self) -> None:
        if self.left < 0:
            raise InputTooLarge(f"the record's header lines are over {self.budget_size:,} bytes "
                                "(PETREL_MAX_HEADER_BYTES)")


class _Archive(ArchiveIterator):
    """warcio's iterator over an inflated stream, reading lines under a per-record budget and leaving
    HTTP headers unparsed (they are parsed by :func:`_http_headers`, under the same budget)."""

    INC_RECORD = ""  # warcio writes this warning (with the stray line) to stderr; petrel rejects instead

    def __init__(self, stream: _Inflated, budget: int) -> None:
        super().__init__(stream, no_record_parse=True)
        self.budget = _LineBudget(stream, budget)
        self.reader = self.budget

    def _next_record(self, next_line):  # noqa: ANN001, ANN202 (warcio's signature)
        self.budget.reset()
        return super()._next_record(next_line)


def _record_item(record, path: Path, settings: Settings, budget: _LineBudget) -> Item | None:  # noqa: ANN001
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    source = f"{path}#{uri}"
    try:
        if record.rec_type in ("response", "resource") and not uri:
            raise MalformedRecord(f"a WARC {record.rec_type} record without WARC-Target-URI (record "
                                  f"{record.rec_headers.get_header('WARC-Record-ID') or 'without an id'})")
        record.http_headers = _http_headers(record, uri)
        budget.check()
        kind = _content_kind(record)
        if kind is None:
            log.debug("skipped %s record %s", record.rec_type, uri)
            return None
        budget.reset()  # chunk-size lines of the body get their own budget
        body = _read_limited(record, settings.max_file_bytes)
        return _document(body, kind, source, uri or None)
    except InputError as exc:
        if exc.detail.get("whole_file"):  # a limit of the whole file ends the file, not this record
            raise
        exc.detail.setdefault("source", source)
        return exc
    except (*_READ_ERRORS[1:], LookupError) as exc:  # a bad HTTP block or body: this record only
        return _located(MalformedRecord(f"the record cannot be read: {type(exc).__name__}: {exc}"), source)


def _http_headers(record, uri: str):  # noqa: ANN001, ANN202
    """The HTTP status and headers of a response record (``None`` for other records and non-HTTP URIs)."""
    if record.rec_type != "response" or record.length == 0 or not uri.startswith(("http:", "https:")):
        return None
    try:
        return _HTTP.parse(record.raw_stream)
    except EOFError as exc:
        raise EmptyInput("the response record is empty") from exc


def _content_kind(record) -> str | None:  # noqa: ANN001
    """``html`` or ``text`` for records worth reading, else ``None``."""
    if record.rec_type == "response":
        status = record.http_headers.get_statuscode() if record.http_headers else "200"
        if not str(status).startswith("2"):
            return None
        ctype = record.http_headers.get_header("Content-Type", "") if record.http_headers else ""
    elif record.rec_type == "resource":
        ctype = record.rec_headers.get_header("Content-Type", "")
    else:
        return None
    ctype = (ctype or "").lower()
    if "html" in ctype:
        return "html"
    return "text" if ctype.startswith("text/plain") else None


def _read_limited(record, limit: int) -> bytes:  # noqa: ANN001
    body = record.content_stream().read(limit + 1)
    if len(body) > limit:
        raise InputTooLarge(f"the record is over the limit of {limit:,} bytes (PETREL_MAX_FILE_BYTES)")
    if not body.strip():
        raise EmptyInput("the record has no content")
    return body


def _document(body: bytes, kind: str, source: str, url: str | None) -> RawDocument:
    if kind == "html":
        return extract_html(body, source=source, fmt="warc", url=url)
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise EncodingError("the text record is not valid UTF-8") from exc
    return RawDocument(source=source, text=text, fmt="warc", url=url)


def _located(exc: InputError, source: str) -> InputError:
    exc.detail.setdefault("source", source)
    return exc
