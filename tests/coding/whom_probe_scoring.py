"""Scoring of the material-whom probe (tests/data/probe_whom_material.jsonl): shared by its test and by
``tools/probe_whom_material.py``.

Each item is one sentence with one gold event (type, source, target, status) and a ``half`` ("fix" or
"check"). Components, over the events petrel codes of the gold type (or an accepted alternative, ``also``)
in the sentence: ``found`` (one exists), ``filled`` (one has a target), ``target`` (one's target agrees
with the gold target) and ``pair`` (one's source and target both agree), with the real-news scorer's side
agreement (``side_agrees``). Best of the events: a sentence naming two targets may be coded as two events.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from petrel.evaluation.records import RealnewsActor
from petrel.evaluation.scorers.realnews import side_agrees

PROBE = Path(__file__).resolve().parents[1] / "data" / "probe_whom_material.jsonl"
COMPONENTS = ("found", "filled", "target", "pair")
HALVES = ("fix", "check")


@dataclass(frozen=True, slots=True)
class WhomItem:
    id: str
    family: str
    half: str
    text: str
    types: tuple[str, ...]  # the gold type first, then accepted alternatives
    source: RealnewsActor
    target: RealnewsActor
    target_text: str
    status: str


def _actor(side: dict) -> RealnewsActor:
    return RealnewsActor(side["text"], side["country"], tuple(side["sectors"]))


def load_probe(path: Path = PROBE) -> list[WhomItem]:
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        items.append(WhomItem(r["id"], r["family"], r["half"], r["text"], (r["type"], *r.get("also", ())),
                              _actor(r["source"]), _actor(r["target"]), r["target"]["text"] or "", r["status"]))
    return items


@dataclass(frozen=True, slots=True)
class WhomResult:
    item: WhomItem
    found: bool
    filled: bool
    target: bool
    pair: bool
    described: str  # every event coded of the type, or every event when none is


def _describe(e) -> str:  # noqa: ANN001
    tgt = f"{e.target.name}[{e.target.country}/{'+'.join(e.target.sector)}]" if e.target else "-"
    return (f"{e.type} {e.source.name}[{e.source.country}/{'+'.join(e.source.sector)}] -> {tgt}"
            f" ({e.status}) rule={e.rule}")


def score_item(pipeline, item: WhomItem) -> WhomResult:  # noqa: ANN001
    events = pipeline.code_text(item.text, published="2026-03-04").events
    fitting = [e for e in events if e.type in item.types]
    if not fitting:
        listed = "; ".join(_describe(e) for e in events)
        return WhomResult(item, False, False, False, False, f"none of {item.types[0]} in [{listed}]")

    def tgt_ok(e) -> bool:  # noqa: ANN001
        return e.target is not None and side_agrees(item.target, e.target.country, e.target.sector)

    def src_ok(e) -> bool:  # noqa: ANN001
        return side_agrees(item.source, e.source.country, e.source.sector)

    return WhomResult(item, True, any(e.target is not None for e in fitting), any(tgt_ok(e) for e in fitting),
                      any(tgt_ok(e) and src_ok(e) for e in fitting), " | ".join(_describe(e) for e in fitting))


def figures(results: list[WhomResult]) -> dict[str, float]:
    n = len(results) or 1
    return {c: sum(getattr(r, c) for r in results) / n for c in COMPONENTS}


def by_half(results: list[WhomResult]) -> dict[str, dict[str, float]]:
    return {h: figures([r for r in results if r.item.half == h]) for h in HALVES}
