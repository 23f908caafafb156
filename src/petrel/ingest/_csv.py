"""CSV and TSV files with a header row: one article per row.

The text column is the first of ``text``, ``body``, ``content``, ``article`` (case-insensitive); the
other columns map onto the JSONL contract fields by the names in :data:`COLUMN_NAMES`. A row's source
is ``path:LINE`` with the line the row starts on. Whatever goes wrong with one row is that row's
rejection; the rows after it are still read. The file is read whole, so it is bounded by ``max_file_bytes``.
"""

from __future__ import annotations

import csv
import io
import logging
from collections.abc import Iterator
from pathlib import Path

from petrel.config import Settings
from petrel.errors import EmptyInput, InputError, MalformedRecord, ProcessingFailed
from petrel.ingest._files import decode, read_bytes
from petrel.ingest._jsonl import record_to_document
from petrel.models import RawDocument

log = logging.getLogger(__name__)

Item = RawDocument | InputError

TEXT_COLUMNS: tuple[str, ...] = ("text", "body", "content", "article")
#: contract field -> header names accepted for it (first match wins)
COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "id": ("id", "doc_id", "article_id", "guid"),
    "title": ("title", "headline"),
    "url": ("url", "link", "source_url"),
    "published": ("published", "date", "publish_date", "published_at", "pubdate", "datetime", "timestamp"),
    "outlet": ("outlet", "source", "publisher", "site", "site_name", "newspaper", "media"),
    "section": ("section", "category", "desk"),
}


def read_csv_file(path: Path, settings: Settings, *, delimiter: str = ",") -> Iterator[Item]:
    """Rows of a CSV (``delimiter=","``) or TSV (``"\\t"``) file as documents or per-row errors."""
    text = decode(read_bytes(path, settings.max_file_bytes))
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = _header(rows)
    columns = map_columns(header)
    found = 0
    for item in _rows(rows, header, columns, str(path)):
        found += 1
        yield item
    if not found:
        raise EmptyInput("the file has a header but no rows")


def _header(rows: csv.reader) -> list[str]:  # type: ignore[valid-type]
    try:
        for row in rows:
            if any(cell.strip() for cell in row):
                return [cell.strip().lower() for cell in row]
    except csv.Error as exc:
        raise MalformedRecord(f"the header row cannot be read: CSV error: {exc}") from exc
    raise MalformedRecord("the file has no header row")


def map_columns(header: list[str]) -> dict[str, int]:
    """Contract field -> column index; raises when there is no text column."""
    columns = _first_index(header, TEXT_COLUMNS, "text")
    if not columns:
        raise MalformedRecord("no text column: the header needs one of " + ", ".join(TEXT_COLUMNS))
    for key, names in COLUMN_NAMES.items():
        columns.update(_first_index(header, names, key))
    return columns


def _first_index(header: list[str], names: tuple[str, ...], key: str) -> dict[str, int]:
    for name in names:
        if name in header:
            return {key: header.index(name)}
    return {}


def _rows(rows: csv.reader, header: list[str], columns: dict[str, int], name: str  # type: ignore[valid-type]
          ) -> Iterator[Item]:
    line = rows.line_num
    while True:
        start = line + 1
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as exc:
            yield _error(MalformedRecord(f"CSV error: {exc}"), f"{name}:{start}")
            line = rows.line_num
            continue
        line = rows.line_num
        if any(cell.strip() for cell in row):
            yield _row_document(row, header, columns, f"{name}:{start}")


def _row_document(row: list[str], header: list[str], columns: dict[str, int], source: str) -> Item:
    if len(row) > len(header):
        return _error(MalformedRecord(f"the row has {len(row)} fields, the header {len(header)}"), source)
    record = {key: (row[i] if i < len(row) else None) for key, i in columns.items()}
    try:
        return record_to_document(record, source, "csv")
    except InputError as exc:
        return _error(exc, source)
    except Exception as exc:  # a bug on one row must not cost the rows after it; logged with its traceback
        log.exception("reading %s failed", source)
        return _error(ProcessingFailed(f"reading the row failed: {type(exc).__name__}: {exc}"), source)


def _error(exc: InputError, source: str) -> InputError:
    exc.detail.setdefault("source", source)
    return exc
