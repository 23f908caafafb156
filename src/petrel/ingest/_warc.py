"""WARC and WARC.gz crawls: one document per HTML (or plain-text) response record.

A record's source is ``path#TARGET_URI``. Request, metadata and revisit records, non-2xx responses
and other content types are skipped. A record whose page yields no text is rejected on its own; a
corrupt archive is rejected from the point where it breaks, after the records read before it.
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from petrel.config import Settings
from petrel.errors import (
    EmptyInput,
    EncodingError,
    InputError,
    InputNotFound,
    InputTooLarge,
    MalformedRecord,
    NoTextFound,
)
from petrel.ingest._files import check_size
from petrel.ingest._html import extract_html
from petrel.models import RawDocument

log = logging.getLogger(__name__)

Item = RawDocument | InputError
_READ_ERRORS = (ArchiveLoadFailed, EOFError, OSError, ValueError, zlib.error)


def read_warc_file(path: Path, settings: Settings) -> Iterator[Item]:
    """Documents and per-record errors of one archive, in record order."""
    if check_size(path, limit=None) == 0:  # the limit applies to each record
        raise EmptyInput("the file is empty")
    _check_magic(path)
    found = 0
    try:
        with path.open("rb") as stream:
            for record in ArchiveIterator(stream):
                item = _record_item(record, path, settings)
                if item is not None:
                    found += 1
                    yield item
    except PermissionError as exc:
        raise InputNotFound(f"cannot read {path}: {exc.strerror}") from exc
    except _READ_ERRORS as exc:
        raise MalformedRecord(f"the WARC file is corrupt after {found} records: {type(exc).__name__}: {exc}"
                              ) from exc
    if not found:
        raise NoTextFound("the WARC file has no HTML or text response records")


def _check_magic(path: Path) -> None:
    """A WARC file starts with ``WARC/`` (or a gzip member holding that)."""
    with path.open("rb") as f:
        head = f.read(5)
    if head[:2] != b"\x1f\x8b" and head != b"WARC/":
        raise MalformedRecord("not a WARC file: it does not start with a WARC record header")


def _record_item(record, path: Path, settings: Settings) -> Item | None:  # noqa: ANN001 (warcio record)
    kind = _content_kind(record)
    if kind is None:
        log.debug("skipped %s record %s", record.rec_type, record.rec_headers.get_header("WARC-Target-URI"))
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI") or ""
    source = f"{path}#{uri}"
    try:
        body = _read_limited(record, settings.max_file_bytes)
        return _document(body, kind, source, uri or None)
    except InputError as exc:
        exc.detail.setdefault("source", source)
        return exc


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
    ctype = ctype.lower()
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
