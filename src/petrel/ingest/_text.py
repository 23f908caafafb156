"""Plain-text files: one file, one document (scraped articles, usually with header lines)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from petrel.config import Settings
from petrel.ingest._files import decode, read_bytes
from petrel.models import RawDocument


def read_text_file(path: Path, settings: Settings) -> Iterator[RawDocument]:
    """The file's text as one :class:`RawDocument`; header lines are left for the clean stage."""
    text = decode(read_bytes(path, settings.max_file_bytes))
    yield RawDocument(source=str(path), text=text, fmt="text")
