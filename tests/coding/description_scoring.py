"""Scoring of the description probe (tests/data/probe_descriptions.jsonl): shared by its test and by a
diagnostic run.

Each item goes in as a user ingests a JSONL line ``{"id", "text", "published"}``: a ``RawDocument`` of
format ``jsonl`` through :func:`petrel.clean.clean_document` (the full cleaner: headers, titles, datelines)
and :meth:`Pipeline.process_articles`. Gold events are matched one to one to predicted events of their
type (most confident first). Every figure is a share of all gold events (of those with a date, a country,
an admin1 for the last three): ``any`` the item has some event at all, ``type`` an event of the gold type,
then that event's source, target (the real-news scorer's side agreement), day, place country and admin1.
An admin1 is right when its name agrees with one of the gold's spellings after the real-news scorer's
normalisation, or when both are spellings of one ISO subdivision in ``data/geo/admin1_english.tsv``.

``python tests/coding/description_scoring.py [--kind description|snippet] [--show type,admin1,...]`` prints
the items that miss the named components and the figures.
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from petrel.evaluation.records import RealnewsActor
from petrel.evaluation.scorers.realnews import admin1_key, day_agrees, side_agrees

PROBE = Path(__file__).resolve().parents[1] / "data" / "probe_descriptions.jsonl"
COMPONENTS = ("any", "type", "source", "target", "day", "country", "admin1")


@dataclass(frozen=True, slots=True)
class GoldEvent:
    type: str
    source: RealnewsActor | None
    target: RealnewsActor | None
    date: str | None
    country: str | None
    admin1: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ProbeItem:
    id: str
    kind: str  # description | snippet
    region: str
    published: str
    text: str
    events: tuple[GoldEvent, ...]


def _actor(side: dict | None) -> RealnewsActor | None:
    return None if side is None else RealnewsActor(side.get("text"), side["country"], tuple(side["sectors"]))


def load_probe(path: Path = PROBE) -> list[ProbeItem]:
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        events = tuple(GoldEvent(e["type"], _actor(e["source"]), _actor(e["target"]), e["date"], e["country"],
                                 tuple(e["admin1"] or ())) for e in r["events"])
        items.append(ProbeItem(r["id"], r["kind"], r["region"], r["published"], r["text"], events))
    return items


@cache
def _subdivision_codes() -> dict[str, str]:
    """admin1 key of every English name and alias of ``admin1_english.tsv`` -> its ISO 3166-2 code."""
    from petrel.geo.sources import data_path

    codes: dict[str, str] = {}
    for line in data_path("admin1_english.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or "\t" not in line:
            continue
        code, english, *aliases = line.split("\t")
        for name in [english, *(aliases[0].split("|") if aliases else [])]:
            codes.setdefault(admin1_key(name), code)
    return codes


def admin1_agrees(gold: tuple[str, ...], predicted: str | None) -> bool:
    if not predicted:
        return False
    key = admin1_key(predicted)
    codes = _subdivision_codes()
    return any(admin1_key(g) == key or (codes.get(admin1_key(g)) is not None
                                         and codes.get(admin1_key(g)) == codes.get(key)) for g in gold)


@dataclass(frozen=True, slots=True)
class EventResult:
    item: ProbeItem
    gold: GoldEvent
    any: bool
    type: bool
    source: bool
    target: bool
    day: bool | None  # None: the gold has no day
    country: bool | None
    admin1: bool | None
    described: str


def code_item(pipeline, item: ProbeItem):  # noqa: ANN001, ANN201
    """The item's events as an ingest of the JSONL line ``{"id", "text", "published"}`` codes them."""
    from petrel.clean import clean_document
    from petrel.models import RawDocument

    raw = RawDocument(source=f"probe:{item.id}", text=item.text, fmt="jsonl", doc_id=item.id,
                      published=item.published)
    article = clean_document(raw, pipeline.settings)
    return next(pipeline.process_articles([article])).events


def _describe(e) -> str:  # noqa: ANN001
    place = f"{e.place.name}/{e.place.country}/{e.place.admin1}" if e.place else "-"
    tgt = f"{e.target.name}[{e.target.country}/{'+'.join(e.target.sector)}]" if e.target else "-"
    return (f"{e.type} {e.source.name}[{e.source.country}/{'+'.join(e.source.sector)}] -> {tgt} "
            f"({e.status}) date={e.date} place={place} rule={e.rule}")


def score_item(pipeline, item: ProbeItem) -> list[EventResult]:  # noqa: ANN001
    events = code_item(pipeline, item)
    free = sorted(events, key=lambda e: -e.confidence)
    results = []
    for gold in item.events:
        match = next((e for e in free if e.type == gold.type), None)
        if match is None:
            listed = "; ".join(_describe(e) for e in events) or "nothing"
            results.append(EventResult(item, gold, bool(events), False, False, False,
                                       False if gold.date else None, False if gold.country else None,
                                       False if gold.admin1 else None, f"no {gold.type} in [{listed}]"))
            continue
        free.remove(match)
        results.append(EventResult(
            item, gold, True, True,
            side_agrees(gold.source, match.source.country, match.source.sector),
            side_agrees(gold.target, match.target.country if match.target else None,
                        match.target.sector if match.target else (), match.target is not None),
            day_agrees(gold.date, match.date) if gold.date else None,
            (match.place is not None and match.place.country == gold.country) if gold.country else None,
            admin1_agrees(gold.admin1, match.place.admin1 if match.place else None) if gold.admin1 else None,
            _describe(match)))
    return results


def figures(results: list[EventResult]) -> dict[str, float]:
    """Share of gold events (with a day / country / admin1 for those three) each component gets right."""
    out = {}
    for c in COMPONENTS:
        marks = [getattr(r, c) for r in results if getattr(r, c) is not None]
        out[c] = sum(marks) / len(marks) if marks else 0.0
    return out


def main() -> None:
    from petrel.config import Settings
    from petrel.pipeline import Pipeline

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kind", choices=("description", "snippet"))
    parser.add_argument("--show", default="", help="components whose misses to print, comma-separated")
    args = parser.parse_args()
    pipeline = Pipeline(Settings())
    items = [i for i in load_probe() if args.kind is None or i.kind == args.kind]
    results = [r for item in items for r in score_item(pipeline, item)]
    shown = [c for c in args.show.split(",") if c]
    for r in results:
        wrong = [c for c in shown if getattr(r, c) is False]
        if wrong:
            g = r.gold

            def side(a: RealnewsActor | None) -> str:
                return "-" if a is None else f"{a.text}[{a.country}/{'+'.join(a.sectors)}]"

            print(f"{r.item.id} miss={','.join(wrong)}\n  {r.item.text}\n  gold {g.type} {side(g.source)} -> "
                  f"{side(g.target)} date={g.date} {g.country}/{'|'.join(g.admin1)}\n  got  {r.described}")
    for kind in ("description", "snippet"):
        part = [r for r in results if r.item.kind == kind]
        if part:
            print(kind, len(part), {k: round(v, 3) for k, v in figures(part).items()})
    print("all", len(results), {k: round(v, 3) for k, v in figures(results).items()})


if __name__ == "__main__":
    main()
