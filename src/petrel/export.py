"""Events as flat rows, streamed as CSV or Parquet: the one export the CLI and the HTTP API share.

An event (the JSONL contract shape, :func:`petrel.store.queries.event_record`) becomes one flat row:
nested objects become ``side_field`` columns (``source_country``, ``place_lat``, ``evidence_sentence``),
lists become ``;``-joined text (``context``, ``source_sector``; ``mentions`` as JSON objects). The
columns and their types are fixed (:data:`EVENT_SCHEMA`), so every export has the same header, an
empty one included, and a Parquet file has the same types whatever its first row holds.

Both writers are generators of chunks (``str`` for CSV, ``bytes`` for Parquet), so an HTTP response
can stream them and a file can be written piece by piece; memory stays at one batch of rows.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from itertools import islice
from operator import itemgetter
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

Row = dict[str, Any]

_STR, _INT, _FLOAT = pa.string(), pa.int64(), pa.float64()
_ACTOR = (("name", _STR), ("actor_id", _STR), ("country", _STR), ("sector", _STR))
_NESTED: dict[str, tuple[tuple[str, pa.DataType], ...]] = {
    "source": _ACTOR,
    "target": _ACTOR,
    "place": (("name", _STR), ("country", _STR), ("admin1", _STR), ("lat", _FLOAT), ("lon", _FLOAT),
              ("precision", _STR)),
    "evidence": (("doc_id", _STR), ("sentence", _STR), ("start", _INT), ("end", _INT), ("trigger", _STR),
                 ("trigger_start", _INT), ("mention_id", _STR)),
    # why the event exists (the record's ``why``; ``why_rules``: the rule ids, outermost first)
    "why": (("rules", _STR), ("entry", _STR), ("model_label", _STR), ("model_score", _FLOAT), ("blend", _STR)),
}
_TOP: tuple[tuple[str, pa.DataType], ...] = (
    ("event_id", _STR), ("type", _STR), ("mode", _STR), ("context", _STR), ("cameo", _STR), ("status", _STR),
    ("source", _STR), ("target", _STR), ("date", _STR), ("date_precision", _STR), ("place", _STR),
    ("evidence", _STR), ("mentions", _STR), ("num_articles", _INT), ("num_sources", _INT), ("num_mentions", _INT),
    ("confidence", _FLOAT), ("quad_class", _INT), ("goldstein", _FLOAT), ("story_id", _STR),
    ("first_seen", _STR), ("last_seen", _STR), ("why", _STR),
)
EVENT_SCHEMA = pa.schema([
    field for name, top_kind in _TOP for field in (
        [pa.field(f"{name}_{sub}", kind) for sub, kind in _NESTED[name]] if name in _NESTED
        else [pa.field(name, top_kind)])
])
EVENT_COLUMNS: tuple[str, ...] = tuple(EVENT_SCHEMA.names)
BATCH_ROWS = 2000

CSV_MEDIA_TYPE = "text/csv; charset=utf-8"
PARQUET_MEDIA_TYPE = "application/vnd.apache.parquet"


# (field of the event, None) for a top-level column, (field, ((sub-field, column), ...)) for a nested object
_PLAN: tuple[tuple[str, tuple[tuple[str, str], ...] | None], ...] = tuple(
    (name, tuple((sub, f"{name}_{sub}") for sub, _ in _NESTED[name]) if name in _NESTED else None)
    for name, _ in _TOP)
_NOTHING: Row = {}


def flat_event(record: Row) -> Row:
    """One event as a flat row with exactly :data:`EVENT_COLUMNS` (missing values are None).

    Lists become ``;``-joined text (dicts in them as JSON), a dict where a value is expected as JSON.
    """
    row: Row = {}
    for name, subs in _PLAN:
        if subs is None:
            value = record.get(name)
            row[name] = _cell(value) if value.__class__ in _COMPOSITE else value
        else:
            nested = record.get(name) or _NOTHING
            for sub, column in subs:
                value = nested.get(sub)
                if column == "why_rules" and value:
                    value = [rule["id"] for rule in value]  # the ids; their registry entries are in the docs
                row[column] = _cell(value) if value.__class__ in _COMPOSITE else value
    return row


_COMPOSITE = (list, dict)


def _cell(value: list[Any] | dict[str, Any]) -> str:
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return ";".join(json.dumps(v, ensure_ascii=False, default=str) if isinstance(v, dict) else str(v)
                    for v in value)


def iter_csv(records: Iterable[Row], *, columns: tuple[str, ...] = EVENT_COLUMNS,
             flatten: Any = flat_event, batch_rows: int = BATCH_ROWS) -> Iterator[str]:
    """CSV text in chunks: the header first (always, even with no rows), then ``batch_rows`` rows a chunk."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    cells = itemgetter(*columns) if len(columns) > 1 else (lambda row: (row[columns[0]],))
    rows = iter(records)
    while True:
        batch = list(islice(rows, batch_rows))
        writer.writerows(cells(flatten(r)) for r in batch)
        chunk = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        if chunk:
            yield chunk
        if len(batch) < batch_rows:
            return


class _Chunks(io.RawIOBase):
    """A write-only sink that hands back what was written since the last :meth:`drain`."""

    def __init__(self) -> None:
        super().__init__()
        self._parts: list[bytes] = []
        self._pos = 0

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        chunk = bytes(data)
        self._parts.append(chunk)
        self._pos += len(chunk)
        return len(chunk)

    def tell(self) -> int:
        return self._pos

    def drain(self) -> bytes:
        out = b"".join(self._parts)
        self._parts.clear()
        return out


def iter_parquet(records: Iterable[Row], *, schema: pa.Schema = EVENT_SCHEMA, flatten: Any = flat_event,
                 batch_rows: int = BATCH_ROWS) -> Iterator[bytes]:
    """A Parquet file in chunks: one row group per ``batch_rows`` rows; a file with no rows has the schema."""
    sink = _Chunks()
    writer = pq.ParquetWriter(pa.PythonFile(sink, mode="w"), schema)
    try:
        rows = iter(records)
        while batch := list(islice(rows, batch_rows)):
            writer.write_table(pa.Table.from_pylist([flatten(r) for r in batch], schema=schema))
            if chunk := sink.drain():
                yield chunk
    finally:
        writer.close()
    if chunk := sink.drain():
        yield chunk


class Counted:
    """An iterable that counts what passed through it (``n`` after the iteration)."""

    def __init__(self, records: Iterable[Row]) -> None:
        self._records = records
        self.n = 0

    def __iter__(self) -> Iterator[Row]:
        for record in self._records:
            self.n += 1
            yield record


__all__ = ["BATCH_ROWS", "CSV_MEDIA_TYPE", "EVENT_COLUMNS", "EVENT_SCHEMA", "PARQUET_MEDIA_TYPE", "Counted",
           "flat_event", "iter_csv", "iter_parquet"]
