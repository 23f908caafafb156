"""Scoring of the monitor-places probe (tests/data/probe_monitor_places.jsonl): shared by its gate and by
``tools/probe_monitor_places.py``.

Each item is one conflict-event description in a monitor's register (one to three sentences, a publication
day) with one gold event, or none (gold type ``NONE``). It goes in as a user ingests the JSONL line
``{"id", "text", "published"}`` (the route of ``tests/coding/description_scoring.py``). Figures, per half
(``fix`` / ``check``), as shares of the items with a gold event (``none`` of those without):

- ``any``: some event is coded;
- ``type``: the top event (the most confident) has the gold type or an accepted alternative (``also``);
- ``day``, ``country``, ``admin1``: of *the* event, the most confident of an accepted type, else the top
  event (no event: wrong). A day agrees when the coded date starts with the gold day (a range from it counts);
  an admin1 when it is one of the gold spellings (``tests.coding.description_scoring.admin1_agrees``);
- ``source``, ``target``: that event's party has the gold country (items where the gold names one);
- ``none``: an item without a political event has no event coded.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from tests.coding.description_scoring import admin1_agrees

PROBE = Path(__file__).resolve().parents[1] / "data" / "probe_monitor_places.jsonl"
COMPONENTS = ("any", "type", "day", "country", "admin1", "source", "target", "none")
HALVES = ("fix", "check")


@dataclass(frozen=True, slots=True)
class Item:
    id: str
    half: str
    region: str
    family: str
    date_form: str
    published: str
    text: str
    type: str
    also: tuple[str, ...]
    date: str | None
    country: str | None
    admin1: tuple[str, ...]
    source: str | None
    target: str | None

    @property
    def types(self) -> tuple[str, ...]:
        return (self.type, *self.also)


def load_probe(path: Path = PROBE) -> list[Item]:
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            items.append(Item(r["id"], r["half"], r["region"], r["family"], r["date_form"], r["published"],
                              r["text"], r["type"], tuple(r["also"]), r["date"], r["country"],
                              tuple(r["admin1"] or ()), r["source"], r["target"]))
    return items


@dataclass(frozen=True, slots=True)
class Result:
    item: Item
    marks: dict[str, bool | None]  # None: the component does not apply to the item
    described: str


def _describe(e) -> str:  # noqa: ANN001
    place = f"{e.place.name}/{e.place.country}/{e.place.admin1}/{e.place.precision}" if e.place else "-"
    tgt = f"{e.target.name}[{e.target.country}]" if e.target else "-"
    return f"{e.type} {e.source.name}[{e.source.country}] -> {tgt} date={e.date} place={place} rule={e.rule}"


def score_item(pipeline, item: Item) -> Result:  # noqa: ANN001
    from tests.coding.description_scoring import code_item

    events = sorted(code_item(pipeline, item), key=lambda e: -e.confidence)
    described = "; ".join(_describe(e) for e in events) or "nothing"
    if item.type == "NONE":
        marks: dict[str, bool | None] = dict.fromkeys(COMPONENTS)
        marks["none"] = not events
        return Result(item, marks, described)
    chosen = next((e for e in events if e.type in item.types), events[0] if events else None)
    place = chosen.place if chosen else None
    marks = {
        "any": bool(events),
        "type": bool(events) and events[0].type in item.types,
        "day": chosen is not None and chosen.date is not None and chosen.date[:len(item.date)] == item.date,
        "country": place is not None and place.country == item.country,
        "admin1": (admin1_agrees(item.admin1, place.admin1 if place else None)) if item.admin1 else None,
        "source": (chosen is not None and chosen.source.country == item.source) if item.source else None,
        "target": (chosen is not None and chosen.target is not None and chosen.target.country == item.target)
        if item.target else None,
        "none": None,
    }
    return Result(item, marks, described)


def figures(results: list[Result]) -> dict[str, float]:
    """Share of the results each component applies to that get it right."""
    out = {}
    for c in COMPONENTS:
        marks = [r.marks[c] for r in results if r.marks[c] is not None]
        out[c] = sum(marks) / len(marks) if marks else 0.0
    return out


def by_half(results: list[Result]) -> dict[str, dict[str, float]]:
    return {half: figures([r for r in results if r.item.half == half]) for half in HALVES}


def report(show_fix_misses: bool = True, pipeline=None) -> dict[str, dict[str, float]]:  # noqa: ANN001
    """Print the misses of the ``fix`` half only (never the ``check`` half's), then both halves' figures."""
    import logging

    if pipeline is None:
        from petrel.config import Settings
        from petrel.pipeline import Pipeline

        pipeline = Pipeline(Settings())
    log = logging.getLogger("probe_monitor_places")
    results = [score_item(pipeline, item) for item in load_probe()]
    lines = []
    if show_fix_misses:
        for r in results:
            wrong = [c for c, m in r.marks.items() if m is False]
            if r.item.half == "fix" and wrong:
                i = r.item
                lines.append(f"{i.id} {i.family}/{i.date_form} miss={','.join(wrong)}\n  {i.text}\n  gold "
                             f"{'/'.join(i.types)} date={i.date} {i.country}/{'|'.join(i.admin1) or '-'} "
                             f"src={i.source} tgt={i.target}\n  got  {r.described}")
    out = {h: {k: round(v, 3) for k, v in f.items()} for h, f in by_half(results).items()}
    counts = {h: sum(r.item.half == h for r in results) for h in HALVES}
    lines += [f"{h} ({counts[h]} items) {out[h]}" for h in HALVES]
    log.info("\n".join(lines))
    return out
