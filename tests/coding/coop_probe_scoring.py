"""Scoring of the cooperative trigger probe (tests/data/probe_triggers_coop.jsonl): shared by its test and by
``tools/probe_triggers_coop.py``.

Each item is one wire sentence with one main event of the cooperative / verbal half of PLOVER (REQUEST, AGREE,
CONSULT, SUPPORT, COOPERATE, AID, CONCEDE, RETREAT, ACCUSE as investigation), or a near miss (gold ``NONE``)
that uses the same words in a non-political sense. ``also`` lists types a careful coder could equally give
(an agreement signed is SUPPORT in PLOVER's codebook and often AGREE in coded data). Figures, per half:

- ``found``: share of event items where an event of the gold type (or an ``also`` type) is coded;
- ``top``: share of event items whose most confident event has the gold (or an ``also``) type;
- ``mode``: of the found items with a gold mode, the share whose event has that mode;
- ``status``: of the found items, the share whose event has the gold status;
- ``false``: share of near misses on which any event is coded (lower is better).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

PROBE = Path(__file__).resolve().parents[1] / "data" / "probe_triggers_coop.jsonl"
PUBLISHED = "2026-03-04"
HALVES = ("fix", "check")


@dataclass(frozen=True, slots=True)
class CoopItem:
    id: str
    family: str
    text: str
    type: str
    also: tuple[str, ...]
    mode: str | None
    status: str
    half: str

    @property
    def accepted(self) -> frozenset[str]:
        return frozenset((self.type, *self.also))


def load_probe(path: Path = PROBE) -> list[CoopItem]:
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            items.append(CoopItem(r["id"], r["family"], r["text"], r["type"], tuple(r["also"]), r["mode"],
                                  r["status"], r["half"]))
    return items


@dataclass(frozen=True, slots=True)
class CoopResult:
    item: CoopItem
    found: bool
    top: bool
    mode: bool | None  # None: no gold mode, or the event is not found
    status: bool | None  # None: the event is not found
    any_event: bool
    described: str


def _describe(e) -> str:  # noqa: ANN001
    target = e.target.name if e.target else "-"
    return f"{e.type}/{e.mode or '-'} {e.source.name}->{target} ({e.status}, {e.confidence:.2f}) rule={e.rule}"


def score_item(pipeline, item: CoopItem) -> CoopResult:  # noqa: ANN001
    events = pipeline.code_text(item.text, published=PUBLISHED).events
    described = "; ".join(_describe(e) for e in events) or "no event"
    if item.type == "NONE":
        return CoopResult(item, False, False, None, None, bool(events), described)
    ranked = sorted(events, key=lambda e: -e.confidence)
    fitting = [e for e in ranked if e.type in item.accepted]
    if not fitting:
        return CoopResult(item, False, False, None, None, bool(events), described)
    e = fitting[0]
    mode = None if item.mode is None else e.mode == item.mode
    return CoopResult(item, True, ranked[0].type in item.accepted, mode, e.status == item.status, True, described)


def figures(results: list[CoopResult]) -> dict[str, float]:
    """The probe's figures over ``results`` (one half, or all)."""
    events = [r for r in results if r.item.type != "NONE"]
    misses = [r for r in results if r.item.type == "NONE"]
    found = [r for r in events if r.found]
    moded = [r for r in found if r.mode is not None]

    def share(part: int, whole: int) -> float:
        return part / whole if whole else 0.0

    return {"found": share(len(found), len(events)), "top": share(sum(r.top for r in events), len(events)),
            "mode": share(sum(bool(r.mode) for r in moded), len(moded)),
            "status": share(sum(bool(r.status) for r in found), len(found)),
            "false": share(sum(r.any_event for r in misses), len(misses))}


def by_half(results: list[CoopResult]) -> dict[str, dict[str, float]]:
    return {h: figures([r for r in results if r.item.half == h]) for h in HALVES}
