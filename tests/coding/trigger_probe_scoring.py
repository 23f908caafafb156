"""Scoring of the conflict trigger probe (tests/data/probe_triggers_conflict.jsonl).

Shared by its gate test and by ``tools/probe_triggers_conflict.py``. Each item is one sentence with one main
event (or a near miss, gold ``NONE``). Figures per half: ``recall`` (an event of the gold type is coded),
``top`` (the most confident event has the gold type), ``mode`` (of the found events with a gold mode, the
share whose mode agrees) and ``false`` (the share of near misses that get any event at all).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

PROBE = Path(__file__).resolve().parents[1] / "data" / "probe_triggers_conflict.jsonl"
HALVES = ("fix", "check")


@dataclass(frozen=True, slots=True)
class TriggerItem:
    id: str
    family: str
    text: str
    type: str  # PLOVER type, or NONE for a near miss
    mode: str | None
    status: str
    half: str


def load_probe(path: Path = PROBE) -> list[TriggerItem]:
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            items.append(TriggerItem(r["id"], r["family"], r["text"], r["type"], r["mode"], r["status"], r["half"]))
    return items


@dataclass(frozen=True, slots=True)
class TriggerResult:
    item: TriggerItem
    found: bool  # an event of the gold type (near miss: no event at all)
    top: bool  # the most confident event has the gold type (near miss: no event)
    mode: bool | None  # the found event's mode agrees (None: no gold mode, or not found)
    described: str


def score_item(pipeline, item: TriggerItem) -> TriggerResult:  # noqa: ANN001
    events = pipeline.code_text(item.text, published="2026-03-04").events
    listed = "; ".join(f"{e.type}/{e.mode or '-'} '{e.evidence.trigger}' rule={e.rule}" for e in events) or "none"
    if item.type == "NONE":
        return TriggerResult(item, not events, not events, None, listed)
    ranked = sorted(events, key=lambda e: -e.confidence)
    fitting = [e for e in ranked if e.type == item.type]
    mode = None
    if fitting and item.mode:
        mode = any(e.mode == item.mode for e in fitting)
    return TriggerResult(item, bool(fitting), bool(ranked) and ranked[0].type == item.type, mode, listed)


def figures(results: list[TriggerResult]) -> dict[str, float]:
    events = [r for r in results if r.item.type != "NONE"]
    near = [r for r in results if r.item.type == "NONE"]
    moded = [r for r in events if r.mode is not None]
    return {
        "recall": sum(r.found for r in events) / max(len(events), 1),
        "top": sum(r.top for r in events) / max(len(events), 1),
        "mode": sum(bool(r.mode) for r in moded) / max(len(moded), 1),
        "false": sum(not r.found for r in near) / max(len(near), 1),
    }


def by_half(results: list[TriggerResult]) -> dict[str, dict[str, float]]:
    return {h: figures([r for r in results if r.item.half == h]) for h in HALVES}


def by_type(results: list[TriggerResult], half: str) -> dict[str, float]:
    """Recall per gold type (near misses: share kept free of events) on one half."""
    out: dict[str, list[bool]] = {}
    for r in results:
        if r.item.half == half:
            out.setdefault(r.item.type, []).append(r.found)
    return {t: sum(v) / len(v) for t, v in sorted(out.items())}
