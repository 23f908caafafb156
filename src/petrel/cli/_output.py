"""Write records as a table, JSONL, CSV or Parquet (the formats every listing command offers)."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from enum import Enum
from pathlib import Path
from typing import Any, TextIO

import typer
from rich.console import Console

from petrel.errors import QueryError

Record = dict[str, Any]
Column = tuple[str, Callable[[Record], Any]]


class Format(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


# the two options every listing command takes, declared once (like ``DbOption``)
FormatOption = typer.Option(Format.table, "--format", help="table, jsonl, csv or parquet")
OutputOption = typer.Option(None, "--output", "-o", help="write to this file instead of stdout")


def write_records(records: Iterable[Record], fmt: Format, output: Path | None,
                  columns: Sequence[Column], *, title: str | None = None,
                  nested: dict[str, tuple[str, ...]] | None = None) -> int:
    """Write records in ``fmt`` to ``output`` (stdout when None). Returns how many were written.

    ``nested`` names the sub-fields of nested objects that may be null (e.g. an event's target), so
    CSV and Parquet get the same columns for every row.
    """
    if fmt is Format.table:
        return _table(list(records), columns, title)
    if fmt is Format.jsonl:
        with _open(output) as stream:
            return _jsonl(records, stream)
    flat = (flatten(_fill(r, nested or {})) for r in records)
    if fmt is Format.parquet:
        if output is None:
            raise QueryError("parquet needs --output FILE")
        return _parquet(list(flat), output)
    with _open(output) as stream:
        return _csv(flat, stream)


def write_chunks(chunks: Iterator[str] | Iterator[bytes], output: Path | None) -> None:
    """Write text or bytes chunks to ``output`` (stdout when None).

    The file is opened after the first chunk arrives, so a query that fails leaves no empty file behind.
    """
    first = next(chunks, None)
    if first is None:
        return
    binary = isinstance(first, bytes)
    if output is None:
        stream: Any = sys.stdout.buffer if binary else sys.stdout
        stream.write(first)
        for chunk in chunks:
            stream.write(chunk)
        return
    with open(output, "wb") if binary else open(output, "w", encoding="utf-8", newline="") as handle:
        handle.write(first)
        for chunk in chunks:
            handle.write(chunk)


def write_listing(records: Iterable[Record], total: int, fmt: Format, output: Path | None,
                  columns: Sequence[Column], noun: str) -> None:
    """One page of a listing command: the records in ``fmt`` (a table titled ``"{total} {noun}"``),
    then ``wrote N {noun} to FILE`` when they went to a file."""
    n = write_records(records, fmt, output, columns, title=f"{total} {noun}")
    say_written(n, output, noun)


def say_written(n: int, output: Path | None, noun: str = "events") -> None:
    """``wrote N events to FILE`` on stderr, when the output went to a file."""
    if output is not None:
        Console(stderr=True).print(f"wrote {n} {noun} to {output}", markup=False, highlight=False,
                                   soft_wrap=True)


def _fill(record: Record, nested: dict[str, tuple[str, ...]]) -> Record:
    """Null nested objects become objects of nulls, so flattening gives stable columns."""
    for key, subkeys in nested.items():
        if record.get(key) is None:
            record = {**record, key: dict.fromkeys(subkeys)}
    return record


class _open:
    def __init__(self, output: Path | None) -> None:
        self.output = output
        self.stream: TextIO = sys.stdout

    def __enter__(self) -> TextIO:
        if self.output is not None:
            self.stream = open(self.output, "w", encoding="utf-8", newline="")
        return self.stream

    def __exit__(self, *exc: object) -> None:
        if self.output is not None:
            self.stream.close()


def _jsonl(records: Iterable[Record], stream: TextIO) -> int:
    n = 0
    for n, record in enumerate(records, 1):
        stream.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
    return n


def flatten(record: Record, prefix: str = "") -> Record:
    """Nested dicts become ``a_b`` columns; lists become ``;``-joined text (for CSV)."""
    flat: Record = {}
    for key, value in record.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, name + "_"))
        elif isinstance(value, list):
            flat[name] = ";".join(json.dumps(v, default=str) if isinstance(v, dict) else str(v) for v in value)
        else:
            flat[name] = value
    return flat


def _csv(records: Iterable[Record], stream: TextIO) -> int:
    writer: csv.DictWriter | None = None
    n = 0
    for n, record in enumerate(records, 1):
        if writer is None:
            writer = csv.DictWriter(stream, fieldnames=list(record), extrasaction="ignore")
            writer.writeheader()
        writer.writerow(record)
    return n


def _parquet(records: list[Record], output: Path) -> int:
    import pyarrow as pa  # imported when asked for: the other commands start faster without them
    import pyarrow.parquet as pq

    table = pa.Table.from_pylist(records) if records else pa.table({})
    pq.write_table(table, output)
    return len(records)


def _table(records: list[Record], columns: Sequence[Column], title: str | None) -> int:
    from rich.table import Table

    table = Table(title=title, show_lines=False)
    for header, _ in columns:
        ratio = _WRAPPING_COLUMNS.get(header)
        table.add_column(header, overflow="fold", no_wrap=ratio is None, ratio=ratio)
    for record in records:
        table.add_row(*(_cell(get(record)) for _, get in columns))
    console = Console()
    if not console.is_terminal:  # piped or captured: don't squeeze the table into 80 columns
        console = Console(width=200)
    console.print(table)
    return len(records)


# Columns of free text wrap and share the width left by the short ones, in these proportions; the rest
# (ids, dates, codes, counts) stay on one line.
_WRAPPING_COLUMNS = {"evidence": 4, "title": 3, "content": 4, "reason": 3, "source": 2, "target": 2, "speaker": 2,
                     "seen as": 2, "top actors": 3, "place": 1, "name": 2, "names": 2}


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)
