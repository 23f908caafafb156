"""The metadata the clean stage finds in an article's own text."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any


@dataclass(slots=True)
class Recovered:
    """Metadata found in header lines, trailers, datelines and wire credits (first finding wins)."""

    title: str | None = None
    outlet: str | None = None
    published: datetime | None = None
    modified: datetime | None = None  # "Last Modified: ..." and the like; a fallback for published
    section: str | None = None
    url: str | None = None
    wire_credit: str | None = None
    dateline: str | None = None
    dateline_day: tuple[str, int, int | None] | None = None  # ("Feb", 10, None) from "BISSAU, Feb 10 (Reuters) -"

    def keep(self, name: str, value: Any) -> None:
        """Set ``name`` unless it is already set or ``value`` is blank."""
        if value not in (None, "") and getattr(self, name) is None:
            setattr(self, name, value.strip() if isinstance(value, str) else value)
