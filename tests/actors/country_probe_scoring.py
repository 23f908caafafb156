"""Scoring of the actor-country probe (tests/data/probe_actor_countries.jsonl): shared by its test and by
``tools/probe_actor_countries.py``.

Two readings of one item, both on the default pipeline (the item read as ingest reads a document, its
dateline taken out of the body):

- **event**: the most confident event of the gold type (else the most confident event of any type: the
  country of a party does not depend on the type) and whether its source / target country is the gold one
  (a gold target with no predicted target is wrong; an item with no gold target counts only for the source).
- **phrase**: the actor mention covering the gold text (the one overlapping it most) and whether its country
  is the gold one, whichever phrase the coder chose for the event: which actor a phrase IS, apart from
  which phrase is the target (attachment is scored by the side probe). A gold null country is right when
  no mention covers the text or the mention has no country.

Countries are compared exactly (ISO alpha-3, ``IGO``, ``NGO``, ``IMG``; null is null); sectors are not scored.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from petrel.clean import clean_document
from petrel.models import RawDocument

PROBE = Path(__file__).resolve().parents[1] / "data" / "probe_actor_countries.jsonl"
COMPONENTS = ("found", "source", "target", "both", "phrase_source", "phrase_target", "phrase_both")


@dataclass(frozen=True, slots=True)
class Side:
    text: str
    country: str | None
    sectors: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ProbeItem:
    id: str
    half: str
    family: str
    region: str
    published: str
    text: str
    type: str
    source: Side
    target: Side | None


def _side(raw: dict | None) -> Side | None:
    return None if raw is None else Side(raw["text"], raw["country"], tuple(raw["sectors"]))


def load_probe(path: Path = PROBE) -> list[ProbeItem]:
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            items.append(ProbeItem(r["id"], r["half"], r["family"], r["region"], r["published"], r["text"],
                                   r["type"], _side(r["source"]), _side(r["target"])))
    return items


@dataclass(frozen=True, slots=True)
class ItemResult:
    item: ProbeItem
    found: bool
    source: bool
    target: bool | None  # None: no gold target
    phrase_source: bool
    phrase_target: bool | None
    described: str

    @property
    def both(self) -> bool:
        return self.source and self.target is not False

    @property
    def phrase_both(self) -> bool:
        return self.phrase_source and self.phrase_target is not False


def _phrase_country(doc, side: Side) -> tuple[bool, str]:  # noqa: ANN001
    text = doc.article.text
    at = text.find(side.text)
    if at < 0:
        return side.country is None, "gold text not in the cleaned text"
    end = at + len(side.text)
    best, overlap = None, 0
    for m in doc.mentions:
        o = min(end, m.end) - max(at, m.start)
        if o > overlap:
            best, overlap = m, o
    if best is None:
        return side.country is None, f"{side.text!r}: no mention"
    return best.actor.country == side.country, f"{best.text!r}[{best.actor.country}/{best.actor.resolution}]"


def code_item(pipeline, item: ProbeItem):  # noqa: ANN001, ANN201
    """The item as ingest reads a document (the clean stage takes a dateline out of the body into
    ``Article.dateline``), not as ``code_text`` reads a bare sentence."""
    raw = RawDocument(source=f"probe:{item.id}", text=item.text, fmt="text", doc_id=item.id,
                      published=item.published)
    return next(pipeline.process_articles([clean_document(raw, pipeline.settings)]))


def score_item(pipeline, item: ProbeItem) -> ItemResult:  # noqa: ANN001
    doc = code_item(pipeline, item)
    events = sorted(doc.events, key=lambda e: -e.confidence)
    typed = [e for e in events if e.type == item.type]
    chosen = (typed or events or [None])[0]
    ps, ps_said = _phrase_country(doc, item.source)
    pt, pt_said = (None, "-") if item.target is None else _phrase_country(doc, item.target)
    if chosen is None:
        return ItemResult(item, False, False, None if item.target is None else False, ps, pt,
                          f"no event; phrases {ps_said} | {pt_said}")
    src = chosen.source.country == item.source.country
    tgt = None
    if item.target is not None:
        tgt = chosen.target is not None and chosen.target.country == item.target.country
    described = (f"{chosen.type} {chosen.source.name}[{chosen.source.country}/{chosen.source.resolution}] -> "
                 + (f"{chosen.target.name}[{chosen.target.country}/{chosen.target.resolution}]"
                    if chosen.target else "-") + f"; phrases {ps_said} | {pt_said}")
    return ItemResult(item, bool(typed), src, tgt, ps, pt, described)


def figures(results: list[ItemResult]) -> dict[str, float]:
    """Shares: ``target`` and ``phrase_target`` over the items with a gold target, the rest over all items."""
    out = {}
    for c in COMPONENTS:
        values = [getattr(r, c) for r in results]
        values = [v for v in values if v is not None]
        out[c] = sum(values) / len(values) if values else 0.0
    return out


def gold_text(item: ProbeItem) -> str:
    t = item.target
    return (f"{item.type} {item.source.text!r}[{item.source.country}] -> "
            + (f"{t.text!r}[{t.country}]" if t else "-"))
