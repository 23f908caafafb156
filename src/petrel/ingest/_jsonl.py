"""JSONL: one article per line, ``{"id", "text", "title", "url", "published", "outlet"}``; only ``text`` is required.

A bad line becomes an error for that line (its source is ``path:LINE``) and the other lines are still read:
whatever goes wrong with one line (invalid JSON, a line nested too deep, a huge number, a bug) is that
line's rejection. Files and stdin are streamed line by line, never holding more than one line, so a
JSONL dump of any size is read in constant memory; the size limit (``max_file_bytes``) applies to each
line, which is one record, not to the file. Each record is parsed under a nesting-depth limit
(``max_json_depth``) and a number-length limit (``max_json_number_digits``), checked before or while
parsing, so neither a line nested 100,000 deep nor a 5,000-digit integer can raise out of the parser.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable, Iterator
from itertools import accumulate
from pathlib import Path
from typing import IO, Any, AnyStr

from petrel.config import Settings
from petrel.errors import EmptyInput, EncodingError, InputError, InputTooLarge, MalformedRecord, ProcessingFailed
from petrel.ingest._files import SNIFF_BYTES, check_size, check_textual, open_input
from petrel.models import RawDocument

log = logging.getLogger(__name__)

Item = RawDocument | InputError
_OPTIONAL = ("title", "url", "published", "outlet", "section")
DEFAULT_DEPTH = 64
DEFAULT_DIGITS = 64
_STRING = re.compile(r'"(?:[^"\\]++|\\.)*+"', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


def read_jsonl_file(path: Path, settings: Settings) -> Iterator[Item]:
    """Records of a JSONL file; each line is decoded on its own so one bad line spoils only itself."""
    if check_size(path, limit=None) == 0:
        raise EmptyInput("the file is empty")
    with open_input(path) as stream:
        check_textual(stream.read(SNIFF_BYTES))
        stream.seek(0)
        lines = enumerate(bounded_lines(stream, settings.max_file_bytes), start=1)
        yield from _records(lines, str(path), settings, file_level=True)


def bounded_lines(stream: IO[AnyStr], limit: int) -> Iterator[AnyStr | None]:
    """The stream's lines (without the newline); ``None`` for a line over ``limit`` bytes (characters for a
    text stream; not counting its ``\\r\\n`` or ``\\n``), which is skipped without being held in memory."""
    while True:
        line = stream.readline(limit + 2)  # room for the limit and a "\r\n"
        if not line:
            return
        newline, cr = (b"\n", b"\r") if isinstance(line, bytes) else ("\n", "\r")
        complete = line.endswith(newline) or len(line) < limit + 2  # a newline, or the end of the stream
        body = line[:-1] if line.endswith(newline) else line
        if not complete or len(body[:-1] if body.endswith(cr) else body) > limit:
            _skip_rest_of_line(stream, line, newline)
            yield None
            continue
        yield body


def _skip_rest_of_line(stream: IO[AnyStr], head: AnyStr, newline: AnyStr) -> None:
    while not head.endswith(newline):
        head = stream.readline(1 << 20)
        if not head:
            return


def read_jsonl_stream(stream: IO[str], settings: Settings) -> Iterator[Item]:
    """Records from a text stream (stdin: ``-``, or the API's body); sources are ``-:LINE``.

    When the stream has a byte buffer (``sys.stdin``) lines are read as bytes, so invalid UTF-8 on one
    line is that line's error instead of an exception that would stop the batch. Lines are read under
    the same per-line limit as files.
    """
    lines = getattr(stream, "buffer", stream)
    yield from _records(enumerate(bounded_lines(lines, settings.max_file_bytes), start=1), "-", settings,
                        file_level=False)


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
        yield _record(line, number, source, settings)
    if file_level and not seen_any:
        raise EmptyInput("the file has no records")


def _record(line: bytes | str, number: int, source: str, settings: Settings) -> Item:
    """One line's document or its error: nothing raised while reading one line reaches the next."""
    try:
        return parse_record(_line_text(line, number), source, max_depth=settings.max_json_depth,
                            max_digits=settings.max_json_number_digits)
    except InputError as exc:
        return _located(exc, source)
    except Exception as exc:  # a bug on one line must not cost the lines after it; logged with its traceback
        log.exception("reading %s failed", source)
        return _located(ProcessingFailed(f"reading the record failed: {type(exc).__name__}: {exc}"), source)


def _line_text(line: bytes | str, number: int) -> str:
    if isinstance(line, str):
        return line
    try:
        return line.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        raise EncodingError(f"line is not valid UTF-8 (byte {exc.start})") from exc


def parse_record(line: str, source: str, *, max_depth: int = DEFAULT_DEPTH,
                 max_digits: int = DEFAULT_DIGITS) -> RawDocument:
    """One JSON object -> :class:`RawDocument`; a given ``id`` is kept, unknown fields are ignored.

    Raises :class:`InputTooLarge` for nesting deeper than ``max_depth`` or a number longer than
    ``max_digits`` characters, :class:`MalformedRecord` for anything else the parser refuses.
    """
    record = guarded_loads(line, max_depth=max_depth, max_digits=max_digits)
    if not isinstance(record, dict):
        raise MalformedRecord(f"a line must be a JSON object, not {type(record).__name__}")
    return record_to_document(record, source, "jsonl")


def guarded_loads(line: str, *, max_depth: int = DEFAULT_DEPTH, max_digits: int = DEFAULT_DIGITS) -> Any:
    """``json.loads`` under a depth and a number-length guard; every failure is an :class:`InputError`."""
    check_depth(line, max_depth)

    def number(kind: type) -> Any:
        def parse(text: str) -> Any:
            if len(text) > max_digits:
                raise InputTooLarge(f"a number of {len(text):,} characters, over the limit of {max_digits:,} "
                                    "(PETREL_MAX_JSON_NUMBER_DIGITS)")
            return kind(text)
        return parse

    try:
        return json.loads(line, parse_int=number(int), parse_float=number(float))
    except json.JSONDecodeError as exc:
        raise MalformedRecord(f"invalid JSON: {exc.msg} (column {exc.colno})") from exc
    except RecursionError as exc:
        raise InputTooLarge("the record is nested too deeply to parse (PETREL_MAX_JSON_DEPTH)") from exc
    except ValueError as exc:
        raise MalformedRecord(f"invalid JSON: {exc}") from exc


def check_depth(line: str, limit: int) -> None:
    """Raise :class:`InputTooLarge` when arrays and objects nest deeper than ``limit`` (brackets inside
    strings do not count). Linear; lines with few brackets are passed without a scan."""
    if line.count("[") + line.count("{") <= limit:
        return
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", line))
    depth = max(accumulate(map(_STEP.__getitem__, brackets)), default=0)
    if depth > limit:
        raise InputTooLarge(f"the record nests {depth:,} levels deep, over the limit of {limit:,} "
                            "(PETREL_MAX_JSON_DEPTH)")


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
