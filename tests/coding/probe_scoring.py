"""Scoring of the side probe (tests/data/probe_sides.jsonl): shared by its test and by a diagnostic run.

``python tests/coding/probe_scoring.py`` prints every item that misses a component, for looking at errors.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from petrel.evaluation.records import RealnewsActor
from petrel.evaluation.scorers.realnews import side_agrees

PROBE = Path(__file__).resolve().parents[1] / "data" / "probe_sides.jsonl"
COMPONENTS = ("found", "source", "target", "status", "tuple")


@dataclass(frozen=True, slots=True)
class ProbeItem:
    id: str
    form: str
    context: str
    text: str
    type: str
    source: RealnewsActor
    target: RealnewsActor | None
    status: str


def _actor(side: dict | None) -> RealnewsActor | None:
    return None if side is None else RealnewsActor(None, side["country"], tuple(side["sectors"]))


def load_probe(path: Path = PROBE) -> list[ProbeItem]:
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("//"):
            continue
        r = json.loads(line)
        items.append(ProbeItem(r["id"], r["form"], r["context"], r["text"], r["type"], _actor(r["source"]),
                               _actor(r["target"]), r["status"]))
    return items


@dataclass(frozen=True, slots=True)
class ItemResult:
    item: ProbeItem
    found: bool
    source: bool
    target: bool
    status: bool
    described: str  # the chosen prediction, or every event coded

    @property
    def tuple(self) -> bool:
        return self.found and self.source and self.target and self.status


def score_item(pipeline, item: ProbeItem) -> ItemResult:  # noqa: ANN001
    """Code the item; the most confident event of the gold type in the item's last sentence is compared."""
    text = f"{item.context} {item.text}" if item.context else item.text
    start = len(text) - len(item.text)
    events = pipeline.code_text(text, published="2026-03-04").events
    fitting = sorted((e for e in events if e.type == item.type and e.evidence.end > start),
                     key=lambda e: -e.confidence)
    if not fitting:
        listed = "; ".join(f"{e.type} {e.source.name}->{e.target.name if e.target else '-'}" for e in events)
        return ItemResult(item, False, False, False, False, f"none of {item.type} in [{listed}]")
    e = fitting[0]
    src = side_agrees(item.source, e.source.country, e.source.sector)
    tgt = side_agrees(item.target, e.target.country if e.target else None,
                      e.target.sector if e.target else (), e.target is not None)
    described = (f"{e.type} {e.source.name}[{e.source.country}/{'+'.join(e.source.sector)}] -> "
                 + (f"{e.target.name}[{e.target.country}/{'+'.join(e.target.sector)}]" if e.target else "-")
                 + f" ({e.status}) rule={e.rule}")
    return ItemResult(item, True, src, tgt, e.status == item.status, described)


def figures(results: list[ItemResult]) -> dict[str, float]:
    """Share of items whose event is found with the gold type, and whose source/target/status/tuple agree."""
    n = len(results)
    return {c: sum(getattr(r, c) for r in results) / n for c in COMPONENTS}


def main() -> None:
    from petrel.config import Settings
    from petrel.pipeline import Pipeline

    pipeline = Pipeline(Settings())
    results = [score_item(pipeline, item) for item in load_probe()]
    for r in results:
        if not r.tuple:
            wrong = [c for c in COMPONENTS[:-1] if not getattr(r, c)]
            g = r.item
            gold = (f"{g.type} [{g.source.country}/{'+'.join(g.source.sectors)}] -> "
                    + (f"[{g.target.country}/{'+'.join(g.target.sectors)}]" if g.target else "-") + f" ({g.status})")
            print(f"{g.id} {g.form} miss={','.join(wrong)}\n  {g.text}\n  gold {gold}\n  got  {r.described}")
    print({k: round(v, 3) for k, v in figures(results).items()}, len(results))


if __name__ == "__main__":
    main()
