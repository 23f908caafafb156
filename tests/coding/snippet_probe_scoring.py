"""Scoring of the snippet probe (tests/data/probe_snippets.jsonl): shared by its gate test and by
``tools/probe_snippets.py``.

Each item is one short conflict-news snippet (a headline, a headline run into its teaser, a truncated
teaser, an all-caps or Title Case headline, a line with a source tag, a quote) coded as a one-paragraph
article through the whole pipeline, with the gold PLOVER ``type`` (``NONE``: no event), ``source`` and
``target`` (``text`` as written, ``country`` ISO alpha-3 or null) and a ``half`` ("fix" or "check").
Figures per half:

- ``any``: of the items with an event, the share that get any event at all;
- ``top``: of all items, the share whose most confident event has the gold type (``NONE``: no event);
- ``source``: of the items with a gold source country, the share with an event of the gold type whose
  source has that country;
- ``filled``: of the items with a gold target, the share with an event of the gold type that has a target;
- ``false``: of the ``NONE`` items, the share that get an event.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

PROBE = Path(__file__).resolve().parents[1] / "data" / "probe_snippets.jsonl"
HALVES = ("fix", "check")
FIGURES = ("any", "top", "source", "filled", "false")


@dataclass(frozen=True, slots=True)
class Side:
    text: str | None
    country: str | None


@dataclass(frozen=True, slots=True)
class SnippetItem:
    id: str
    form: str
    region: str
    half: str
    published: str
    text: str
    type: str  # PLOVER type, or NONE
    source: Side | None
    target: Side | None


def _side(raw: dict | None) -> Side | None:
    return None if raw is None else Side(raw["text"], raw["country"])


def load_probe(path: Path = PROBE) -> list[SnippetItem]:
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            items.append(SnippetItem(r["id"], r["form"], r["region"], r["half"], r["published"], r["text"],
                                     r["type"], _side(r["source"]), _side(r["target"])))
    return items


@dataclass(frozen=True, slots=True)
class SnippetResult:
    item: SnippetItem
    any: bool  # any event at all
    top: bool  # the most confident event has the gold type (NONE: no event)
    source: bool | None  # an event of the gold type with the gold source country (None: no gold country)
    filled: bool | None  # an event of the gold type with a target (None: no gold target)
    described: str


def _country(code: str | None) -> str | None:
    return None if not code or code == "IGO" else code


def _describe(e) -> str:  # noqa: ANN001
    tgt = f"{e.target.name}[{e.target.country}]" if e.target else "-"
    return (f"{e.type} {e.source.name}[{e.source.country}] -> {tgt} ({e.status}, {e.confidence:.2f})"
            f" '{e.evidence.trigger}' rule={e.rule}")


def score_item(pipeline, item: SnippetItem) -> SnippetResult:  # noqa: ANN001
    events = pipeline.code_text(item.text, published=item.published).events
    ranked = sorted(events, key=lambda e: -e.confidence)
    listed = "; ".join(_describe(e) for e in ranked) or "none"
    if item.type == "NONE":
        return SnippetResult(item, bool(events), not events, None, None, listed)
    fitting = [e for e in ranked if e.type == item.type]
    gold_src = item.source.country if item.source else None
    source = None if not gold_src else any(_country(e.source.country) == gold_src for e in fitting)
    filled = None if item.target is None else any(e.target is not None for e in fitting)
    return SnippetResult(item, bool(events), bool(ranked) and ranked[0].type == item.type, source, filled, listed)


def figures(results: list[SnippetResult]) -> dict[str, float]:
    events = [r for r in results if r.item.type != "NONE"]
    none = [r for r in results if r.item.type == "NONE"]
    sourced = [r for r in events if r.source is not None]
    targeted = [r for r in events if r.filled is not None]
    return {
        "any": sum(r.any for r in events) / max(len(events), 1),
        "top": sum(r.top for r in results) / max(len(results), 1),
        "source": sum(bool(r.source) for r in sourced) / max(len(sourced), 1),
        "filled": sum(bool(r.filled) for r in targeted) / max(len(targeted), 1),
        "false": sum(r.any for r in none) / max(len(none), 1),
    }


def by_half(results: list[SnippetResult]) -> dict[str, dict[str, float]]:
    return {h: figures([r for r in results if r.item.half == h]) for h in HALVES}


def missed(result: SnippetResult) -> bool:
    """Whether an item is shown as a miss: the top type wrong, or the source country or the target missing."""
    return not result.top or result.source is False or result.filled is False
