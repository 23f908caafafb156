"""Paths to files, file types, and the byte checks every reader shares (size, binary, UTF-8).

Everything here raises :class:`~petrel.errors.InputError` subclasses; ``iter_inputs`` turns them
into :class:`~petrel.models.Rejection` records in one place.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from petrel.errors import (
    BinaryInput,
    EmptyInput,
    EncodingError,
    InputNotFound,
    InputTooLarge,
    UnsupportedFormat,
)

#: file name endings petrel reads, longest first so ``.warc.gz`` wins over ``.gz``
SUFFIXES: tuple[tuple[str, str], ...] = (
    (".warc.gz", "warc"), (".warc", "warc"),
    (".jsonl", "jsonl"), (".ndjson", "jsonl"),
    (".csv", "csv"), (".tsv", "tsv"),
    (".html", "html"), (".htm", "html"), (".xhtml", "html"),
    (".txt", "text"), (".text", "text"),
)
SNIFF_BYTES = 8192
_UTF16_32_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\b\x1b")


def walk(path: Path) -> Iterator[Path]:
    """The files under ``path`` in sorted order, skipping hidden files and folders (``.git``, ``.DS_Store``).

    Symbolic links to folders are not followed, so a link loop cannot make the walk endless.
    """
    for root, dirs, files in os.walk(path, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def format_of(path: Path) -> str | None:
    """``text|jsonl|csv|tsv|html|warc`` from the file name; ``None`` when it has no extension."""
    name = path.name.lower()
    for suffix, fmt in SUFFIXES:
        if name.endswith(suffix):
            return fmt
    if "." not in name.lstrip("."):
        return None
    raise UnsupportedFormat(f"unsupported file type {path.suffix!r}: petrel reads .txt, .jsonl, .csv, "
                            ".tsv, .html, .warc and .warc.gz")


def check_size(path: Path, limit: int | None) -> int:
    """The file's size in bytes, read from the file system before any byte of it is read (``limit``
    None: any size; JSONL and WARC files are limited per record instead)."""
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise InputNotFound(f"no such file: {path}") from exc
    if limit is not None and size > limit:
        raise InputTooLarge(f"file is {size:,} bytes, over the limit of {limit:,} (PETREL_MAX_FILE_BYTES)")
    return size


def read_bytes(path: Path, limit: int) -> bytes:
    """The whole file, after the size check; empty files raise :class:`EmptyInput`."""
    check_size(path, limit)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputNotFound(f"cannot read {path}: {exc.strerror or exc}") from exc
    if not data.strip():
        raise EmptyInput("the file is empty")
    return data


def looks_binary(sample: bytes) -> bool:
    """True for NUL bytes or many control characters in the first few kilobytes (images, archives)."""
    head = sample[:SNIFF_BYTES]
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in _TEXT_CONTROLS)
    return controls > len(head) * 0.1


def check_textual(data: bytes) -> None:
    """Raise for UTF-16/32 (a byte order mark) and for binary content."""
    if data.startswith(_UTF16_32_BOMS):
        raise EncodingError("the file is UTF-16 or UTF-32: convert it to UTF-8")
    if looks_binary(data):
        raise BinaryInput("the file is binary, not text: give petrel text, JSONL, CSV, HTML or WARC")


def decode(data: bytes) -> str:
    """UTF-8 text (a byte order mark is dropped); binary and non-UTF-8 input raise."""
    check_textual(data)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise EncodingError(f"not valid UTF-8 (byte {exc.start}): convert it, e.g. iconv -f latin1 -t utf-8"
                            ) from exc
    if not text.strip():
        raise EmptyInput("the file has no text")
    return text


def sniff_format(path: Path, limit: int) -> str:
    """Format of a file without an extension: ``html`` if it starts like a web page, else ``text``."""
    check_size(path, limit)
    with path.open("rb") as f:
        head = f.read(SNIFF_BYTES)
    if not head.strip():
        raise EmptyInput("the file is empty")
    check_textual(head)
    start = head.lstrip()[:100].lower()
    return "html" if start.startswith((b"<!doctype html", b"<html")) else "text"
