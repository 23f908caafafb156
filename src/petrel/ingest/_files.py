"""Paths to files, file types, and the byte checks every reader shares (kind, size, binary, UTF-8).

Everything here raises :class:`~petrel.errors.InputError` subclasses; ``iter_inputs`` turns them
into :class:`~petrel.models.Rejection` records in one place.

Every reader opens its file with :func:`open_input`: only regular files are opened. A FIFO, device or
socket (or a link to one, such as a link to ``/dev/zero``) is refused from its ``stat`` before it is
opened, and the opened descriptor is checked again (``fstat``), so a file swapped for a FIFO between
the two cannot block a read. Whole-file reads stop at the size limit whatever ``stat`` said.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from petrel.errors import (
    AccessDenied,
    BinaryInput,
    EmptyInput,
    EncodingError,
    InputError,
    InputNotFound,
    InputTooLarge,
    NotRegularFile,
    SymlinkLoop,
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


_KINDS = ((stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"))


def walk(path: Path) -> Iterator[Path | InputError]:
    """The files under ``path`` in sorted order, skipping hidden files and folders (``.git``, ``.DS_Store``).

    A folder that cannot be listed (permission denied, removed mid-walk) is yielded as an error with
    its path in ``detail["source"]``, never skipped in silence. Symbolic links to folders are not
    followed, so a link loop cannot make the walk endless; a link that loops on itself is listed as a
    file and refused when it is read (E211).
    """
    errors: list[OSError] = []
    for root, dirs, files in os.walk(path, onerror=errors.append, followlinks=False):
        yield from _walk_errors(errors)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name
    yield from _walk_errors(errors)


def _walk_errors(errors: list[OSError]) -> Iterator[InputError]:
    for exc in errors:
        where = Path(exc.filename) if exc.filename else Path("?")
        error = os_error(exc, where, what="folder")
        error.detail.setdefault("source", str(where))
        yield error
    errors.clear()


def os_error(exc: OSError, path: Path, *, what: str = "file") -> InputError:
    """The input error for a failed ``stat``, ``open`` or listing, by its ``errno``."""
    reason = exc.strerror or str(exc)
    if exc.errno in (errno.EACCES, errno.EPERM):
        return AccessDenied(f"cannot read the {what} {path}: permission denied")
    if exc.errno == errno.ELOOP:
        return SymlinkLoop(f"{path} is a symbolic link loop (or more than 40 levels of links)")
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return InputNotFound(f"no such file or folder: {path}")
    return InputNotFound(f"cannot read the {what} {path}: {reason}")


def stat_input(path: Path) -> os.stat_result:
    """``stat`` of a path (links followed); raises unless it is a regular file."""
    try:
        info = os.stat(path)
    except OSError as exc:
        raise os_error(exc, path) from exc
    _check_regular(info, path)
    return info


def _check_regular(info: os.stat_result, path: Path) -> None:
    if stat.S_ISREG(info.st_mode):
        return
    kind = next((name for test, name in _KINDS if test(info.st_mode)), "not a regular file")
    raise NotRegularFile(f"{path} is {kind}, not a regular file: refused without reading it")


def open_input(path: Path) -> BinaryIO:
    """The file opened for binary reading, only if it is a regular file (checked before and after opening).

    ``O_NONBLOCK`` makes opening a FIFO return at once instead of waiting for a writer; it changes
    nothing for regular files.
    """
    stat_input(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        raise os_error(exc, path) from exc
    try:
        _check_regular(os.fstat(fd), path)
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


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
    size = stat_input(path).st_size
    if limit is not None and size > limit:
        raise InputTooLarge(f"file is {size:,} bytes, over the limit of {limit:,} (PETREL_MAX_FILE_BYTES)")
    return size


def read_bytes(path: Path, limit: int) -> bytes:
    """The whole file, after the size check and never more than ``limit`` bytes of it (a file that grew
    past the limit since its ``stat`` is rejected too); empty files raise :class:`EmptyInput`."""
    check_size(path, limit)
    try:
        with open_input(path) as f:
            data = f.read(limit + 1)
    except OSError as exc:
        raise os_error(exc, path) from exc
    if len(data) > limit:
        raise InputTooLarge(f"file is over the limit of {limit:,} bytes (PETREL_MAX_FILE_BYTES)")
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
    try:
        with open_input(path) as f:
            head = f.read(SNIFF_BYTES)
    except OSError as exc:
        raise os_error(exc, path) from exc
    if not head.strip():
        raise EmptyInput("the file is empty")
    check_textual(head)
    start = head.lstrip()[:100].lower()
    return "html" if start.startswith((b"<!doctype html", b"<html")) else "text"
