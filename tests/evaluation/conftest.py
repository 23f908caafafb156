"""Builders for invented predictions and gold records (no text from ../shared here)."""

from __future__ import annotations

from typing import Any

from petrel.evaluation import PredictedEvent


def ev(type_: str = "ASSAULT", src: str | None = "AAA", tgt: str | None = "BBB", **kw: Any) -> PredictedEvent:
    """A predicted event; ``tgt=None`` with ``has_target`` unset means no target."""
    kw.setdefault("has_target", tgt is not None)
    return PredictedEvent(type=type_, source_country=src, target_country=tgt, **kw)
