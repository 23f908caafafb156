"""Scoring of the whom probe (tests/data/probe_whom_verbal.jsonl): targets of verbal and diplomatic events.

Per item the most confident event of the gold type is compared with the gold pair. The figures: ``found``
(an event of the gold type), ``filled`` (it has a target), ``target`` (the target's country agrees as in the
side probe and its name overlaps the gold text) and ``pair`` (source and target both right). For a
reciprocal gold pair ("X and Y met") either orientation counts. Names overlap when they share a content word,
or when the predicted name is the everyday name of the gold country ("Tehran" coded as "Iran").

``python tests/coding/verbal_whom_scoring.py`` (or ``tools/probe_whom_verbal.py``) prints both halves' figures and the
misses of the ``fix`` half only; the ``check`` half is never printed.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from petrel.evaluation.records import RealnewsActor
from petrel.evaluation.scorers.realnews import side_agrees
from tests.coding.whom_probe_scoring import COMPONENTS, WhomResult, figures  # one result record for both whom probes

PROBE = Path(__file__).resolve().parents[1] / "data" / "probe_whom_verbal.jsonl"
_STOP = {"the", "of", "a", "an", "in", "and", "its", "his", "her", "their", "s", "for", "from", "to", "on"}


@dataclass(frozen=True, slots=True)
class Side:
    text: str
    actor: RealnewsActor


@dataclass(frozen=True, slots=True)
class WhomItem:
    id: str
    family: str
    text: str
    type: str
    source: Side
    target: Side
    reciprocal: bool
    status: str
    half: str


def _side(r: dict) -> Side:
    return Side(r["text"], RealnewsActor(None, r["country"], tuple(r["sectors"])))


def load_probe(path: Path = PROBE) -> list[WhomItem]:
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            items.append(WhomItem(r["id"], r["family"], r["text"], r["type"], _side(r["source"]),
                                  _side(r["target"]), bool(r.get("reciprocal")), r["status"], r["half"]))
    return items


def words(text: str) -> set[str]:
    """Content words, a plural's final s dropped ("Houthis" and "Houthi" agree)."""
    return {w[:-1] if len(w) > 3 and w.endswith("s") else w
            for w in re.findall(r"[a-z0-9]+", text.lower().replace("'s", "")) if w not in _STOP}


def side_right(gold: Side, ref, kb) -> bool:  # noqa: ANN001 - an ActorRef or None, the knowledge base
    """Country (and sector, as in the side probe) agree, and the name is the gold party's: a shared content
    word with the gold text, through the coded name or any name of the resolved actor, or the gold country's
    own name ("Tehran" coded as "Iran")."""
    if ref is None or not side_agrees(gold.actor, ref.country, ref.sector):
        return False
    actor = kb.get(ref.actor_id) if ref.actor_id else None
    gold_words = words(gold.text)
    if any(words(n) & gold_words for n in [ref.name, *(actor.names if actor else [])]):
        return True
    named = words(ref.name)
    return gold.actor.country is not None and bool(named) and named <= words(kb.country_name(gold.actor.country))


def score_item(pipeline, item: WhomItem) -> WhomResult:  # noqa: ANN001
    events = pipeline.code_text(item.text, published="2026-03-04").events
    fitting = sorted((e for e in events if e.type == item.type), key=lambda e: -e.confidence)
    if not fitting:
        listed = "; ".join(f"{e.type} {e.source.name}->{e.target.name if e.target else '-'}" for e in events)
        return WhomResult(item, False, False, False, False, f"none of {item.type} in [{listed}]")
    e = fitting[0]
    name = pipeline.resources.kb
    tgt = side_right(item.target, e.target, name)
    pair = tgt and side_right(item.source, e.source, name)
    if item.reciprocal and not pair:
        swapped = side_right(item.target, e.source, name) and side_right(item.source, e.target, name)
        tgt, pair = tgt or swapped, swapped
    described = (f"{e.type} {e.source.name}[{e.source.country}/{'+'.join(e.source.sector)}] -> "
                 + (f"{e.target.name}[{e.target.country}/{'+'.join(e.target.sector)}]" if e.target else "-")
                 + f" rule={e.rule}")
    return WhomResult(item, True, e.target is not None, tgt, pair, described)


def report(show_fix_misses: bool = True) -> dict[str, dict[str, float]]:
    from petrel.config import Settings
    from petrel.pipeline import Pipeline

    pipeline = Pipeline(Settings())
    results = [score_item(pipeline, item) for item in load_probe()]
    if show_fix_misses:
        for r in results:
            if r.item.half == "fix" and not r.pair:
                g = r.item
                print(f"{g.id} {g.type} {g.family} miss={','.join(c for c in COMPONENTS if not getattr(r, c))}"
                      f"\n  {g.text}\n  gold {g.source.text}[{g.source.actor.country}] -> "
                      f"{g.target.text}[{g.target.actor.country}]\n  got  {r.described}")
    out = {half: {k: round(v, 3) for k, v in figures([r for r in results if r.item.half == half]).items()}
           for half in ("fix", "check")}
    for half, figs in out.items():
        print(half, figs)
    return out

