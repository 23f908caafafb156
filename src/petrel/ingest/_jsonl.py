"""JSONL: one article per line, ``{"id", "text", "title", "url", "published", "outlet"}``; only ``text`` is required.

A bad line becomes an error for that line (its source is ``path:LINE``) and the other lines are still read.
Files are streamed line by line, so a JSONL dump of any size is read in constant memory; the size limit
(``max_file_bytes``) applies to each line, which is one record, not to the file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from petrel.config import Settings
from petrel.errors import EmptyInput, EncodingError, InputError, InputTooLarge, MalformedRecord
from petrel.ingest._files import SNIFF_BYTES, check_size, check_textual
from petrel.models import RawDocument

Item = RawDocument | InputError
_OPTIONAL = ("title", "url", "published", "outlet", "section")


def read_jsonl_file(path: Path, settings: Settings) -> Iterator[Item]:
    """Records of a JSONL file; each line is decoded on its own so one bad line spoils only itself."""
    if check_size(path, limit=None) == 0:
        raise EmptyInput("the file is empty")
    with path.open("rb") as stream:
        check_textual(stream.read(SNIFF_BYTES))
        stream.seek(0)
        lines = enumerate(bounded_lines(stream, settings.max_file_bytes), start=1)
        yield from _records(lines, str(path), settings, file_level=True)


def bounded_lines(stream: BinaryIO, limit: int) -> Iterator[bytes | None]:
    """The stream's lines (without the newline); ``None`` for a line over ``limit`` bytes (not counting
    its ``\\r\\n`` or ``\\n``), which is skipped without being held in memory."""
    while True:
        line = stream.readline(limit + 2)  # room for the limit and a "\r\n"
        if not line:
            return
        complete = line.endswith(b"\n") or len(line) < limit + 2  # a newline, or the end of the stream
        body = line[:-1] if line.endswith(b"\n") else line
        if not complete or len(body[:-1] if body.endswith(b"\r") else body) > limit:
            _skip_rest_of_line(stream, line)
            yield None
            continue
        yield body


def _skip_rest_of_line(stream: BinaryIO, head: bytes) -> None:
    while not head.endswith(b"\n"):
        head = stream.readline(1 << 20)
        if not head:
            return


def read_jsonl_stream(stream: TextIO, settings: Settings) -> Iterator[Item]:
    """Records from a text stream (stdin: ``-``); sources are ``-:LINE``.

    When the stream has a byte buffer (``sys.stdin``) lines are read as bytes, so invalid UTF-8 on one
    line is that line's error instead of an exception that would stop the batch.
    """
    lines = getattr(stream, "buffer", stream)
    yield from _records(enumerate(lines, start=1), "-", settings, file_level=False)


def _records(lines: Iterable[tuple[int, bytes | str | None]], name: str, settings: Settings, *,
             file_level: bool) -> Iterator[Item]:
    seen_any = False
    for number, line in lines:
        source = f"{name}:{number}"
        if line is None or len(line) > settings.max_file_bytes:
            seen_any = True
            yield _located(InputTooLarge(f"line is over the limit of {settings.max_file_bytes:,} bytes"), source)
            continue
        if not line.strip():
            continue
        seen_any = True
        try:
            yield parse_record(_line_text(line, number), source)
        except InputError as exc:
            yield _located(exc, source)
    if file_level and not seen_any:
        raise EmptyInput("the file has no records")


def _line_text(line: bytes | str, number: int) -> str:
    if isinstance(line, str):
        return line
    try:
        return line.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        raise EncodingError(f"line is not valid UTF-8 (byte {exc.start})") from exc


def parse_record(line: str, source: str) -> RawDocument:
    """One JSON object -> :class:`RawDocument`; a given ``id`` is kept, unknown fields are ignored."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise MalformedRecord(f"invalid JSON: {exc.msg} (column {exc.colno})") from exc
    if not isinstance(record, dict):
        raise MalformedRecord(f"a line must be a JSON object, not {type(record).__name__}")
    return record_to_document(record, source, "jsonl")


def record_to_document(record: dict[str, Any], source: str, fmt: str) -> RawDocument:
    """Map contract fields onto a :class:`RawDocument` (shared with the CSV reader)."""
    text = record.get("text")
    if not isinstance(text, str):
        raise MalformedRecord('the record has no "text" string')
    if not text.strip():
        raise EmptyInput('the record\'s "text" is empty')
    fields = {key: _scalar(record.get(key), key) for key in _OPTIONAL}
    return RawDocument(source=source, text=text, fmt=fmt, doc_id=_scalar(record.get("id"), "id"), **fields)


def _scalar(value: Any, key: str) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise MalformedRecord(f'"{key}" must be a string, not {type(value).__name__}')
    return str(value).strip()


def _located(exc: InputError, source: str) -> InputError:
    exc.detail.setdefault("source", source)
    return exc
