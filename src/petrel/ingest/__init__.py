"""The ``ingest`` stage: files, folders and stdin to :class:`RawDocument` records.

``iter_inputs`` is the only public function. It walks the given paths (folders recursively, in sorted
order), picks a reader by file extension and yields one :class:`RawDocument` per article. Input that
cannot be used never stops a batch: it is yielded as a :class:`Rejection` with a stable code, and
everything else goes on. Readers are private modules that raise (or, for one bad line among good
ones, yield) :class:`~petrel.errors.InputError` subclasses; this module turns them into rejections in
one place, :func:`_reject`.

========  ===================  ==========================================  ======================
format    extensions           one document per                            ``source``
========  ===================  ==========================================  ======================
text      .txt .text, none     file                                        ``path``
jsonl     .jsonl .ndjson, -    line                                        ``path:LINE``, ``-:LINE``
csv       .csv .tsv            row (header row needed, with a text column)  ``path:LINE``
html      .html .htm .xhtml    file (trafilatura: text, title, date, site)  ``path``
warc      .warc .warc.gz       HTML or text response record                 ``path#URI``
========  ===================  ==========================================  ======================

See ``docs/ingest.md`` for fields and rejection codes.
"""

from __future__ import annotations

import logging
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import TextIO

from petrel.config import Settings
from petrel.errors import InputError, ProcessingFailed
from petrel.ingest._csv import read_csv_file
from petrel.ingest._files import format_of, os_error, sniff_format, stat_input, walk
from petrel.ingest._html import read_html_file
from petrel.ingest._jsonl import read_jsonl_file, read_jsonl_stream
from petrel.ingest._text import read_text_file
from petrel.models import RawDocument, Rejection

__all__ = ["iter_inputs"]

log = logging.getLogger(__name__)

Item = RawDocument | Rejection
Reader = Callable[[Path, Settings], Iterable[RawDocument | InputError]]

def read_warc_file(path: Path, settings: Settings) -> Iterable[RawDocument | InputError]:
    """:func:`petrel.ingest._warc.read_warc_file`, imported on the first WARC file (warcio and fsspec cost
    a start that reads none about 20 ms)."""
    from petrel.ingest._warc import read_warc_file as read

    return read(path, settings)


READERS: dict[str, Reader] = {
    "text": read_text_file,
    "jsonl": read_jsonl_file,
    "csv": read_csv_file,
    "tsv": partial(read_csv_file, delimiter="\t"),
    "html": read_html_file,
    "warc": read_warc_file,
}
#: the ``fmt`` recorded for each reader (TSV rows are ``csv`` documents)
FMT: dict[str, str] = {"tsv": "csv"}
MAX_REASON = 300


def iter_inputs(paths: list[str], settings: Settings, *, stdin: TextIO | None = None) -> Iterator[Item]:
    """Yield a :class:`RawDocument` for every article in ``paths`` and a :class:`Rejection` for every bad input.

    ``paths`` are files or folders (walked recursively in sorted order, hidden entries skipped);
    ``"-"`` reads JSONL from ``stdin`` (``sys.stdin`` when not given). A file reached twice (named and
    inside a named folder) is read once. Nothing here raises for bad input: see ``docs/ingest.md``.
    """
    seen: set[tuple[int, int]] = set()
    for arg in paths:
        if arg == "-":
            stream = stdin if stdin is not None else sys.stdin
            yield from _guarded(lambda s=stream: read_jsonl_stream(s, settings), "-", "jsonl")
        else:
            yield from _iter_path(Path(arg), settings, seen)


def _iter_path(path: Path, settings: Settings, seen: set[tuple[int, int]]) -> Iterator[Item]:
    try:
        info = os.stat(path)
    except OSError as exc:  # missing, a link loop, permission denied
        yield _reject(os_error(exc, path), str(path), None)
        return
    files = walk(path) if stat.S_ISDIR(info.st_mode) else [path]
    for file in files:
        if isinstance(file, InputError):  # a folder that cannot be listed
            yield _reject(file, str(path), None)
            continue
        key = _identity(file)
        if key is None or key not in seen:
            if key is not None:
                seen.add(key)
            yield from _iter_file(file, settings)


def _identity(path: Path) -> tuple[int, int] | None:
    """Device and inode (links followed): the same file reached twice is read once. ``None`` when the
    path cannot be ``stat``-ed; reading it then says why."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def _iter_file(path: Path, settings: Settings) -> Iterator[Item]:
    try:
        stat_input(path)  # FIFOs, devices, sockets, link loops: refused here, before any open
        kind = format_of(path) or sniff_format(path, settings.max_file_bytes)
    except InputError as exc:
        yield _reject(exc, str(path), None)
        return
    except OSError as exc:
        yield _reject(os_error(exc, path), str(path), None)
        return
    reader = READERS[kind]
    yield from _guarded(lambda: reader(path, settings), str(path), FMT.get(kind, kind))


def _guarded(read: Callable[[], Iterable[RawDocument | InputError]], source: str, fmt: str) -> Iterator[Item]:
    """Run a reader: yielded errors and a raised one both become rejections; nothing escapes.

    A reader bug (any other exception) rejects the rest of that input as E209 and is logged with
    its traceback; the batch goes on.
    """
    try:
        for item in read():
            yield _reject(item, source, fmt) if isinstance(item, InputError) else item
    except InputError as exc:
        yield _reject(exc, source, fmt)
    except OSError as exc:  # e.g. permission denied, a folder vanished mid-walk
        yield _reject(os_error(exc, Path(source)), source, fmt)
    except Exception as exc:  # a reader bug must not stop the batch; recorded with its reason
        log.exception("reading %s failed", source)
        yield _reject(ProcessingFailed(f"reading failed: {type(exc).__name__}: {exc}"), source, fmt)


def _reject(exc: InputError, source: str, fmt: str | None) -> Rejection:
    """The one place where an input error becomes a :class:`Rejection` (one-line reason)."""
    where = str(exc.detail.get("source") or source)
    reason = " ".join(exc.message.split())
    if len(reason) > MAX_REASON:
        reason = reason[: MAX_REASON - 3] + "..."
    return Rejection(source=where, code=exc.code, reason=reason, fmt=fmt)
