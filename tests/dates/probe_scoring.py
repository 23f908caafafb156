"""Scoring of the day probe (tests/data/probe_days.jsonl): shared by its test and by a diagnostic run.

Two measures, both through the library API:

- ``stage``: each gold event's trigger and status given, the text cleaned as an ingested article
  (``clean_document``: a dateline gives the publication day when no metadata does) and parsed, and
  :class:`petrel.dates.DateStage` run on it: the date logic alone, whatever the coder finds.
- ``pipeline``: the whole default pipeline; a gold event is found when an event of the pipeline has
  its trigger in the gold trigger's sentence (the one whose trigger is nearest the gold trigger wins),
  and its date is the one scored (the coder's status, not the gold one, decides the tense).

A date is right when it is the gold value exactly: a day for a day, ``2026-02`` for "last month" (a day
of February would claim a precision the text does not give), ``2026-02-23/2026-03-01`` for "last week",
``None`` for an undated background event. ``lenient`` is the real-news scorer's agreement (a finer
prediction inside a coarser gold passes).

``python tests/dates/probe_scoring.py [stage|pipeline]`` prints the figures and every miss.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from petrel.clean import clean_document
from petrel.config import Settings
from petrel.dates import DateStage
from petrel.evaluation.scorers.realnews import day_agrees
from petrel.models import ActorRef, Article, EventMention, Evidence, RawDocument
from petrel.state import DocState

PROBE = Path(__file__).resolve().parents[1] / "data" / "probe_days.jsonl"
KINDS = ("day", "week", "month", "year", "range", "undated")


@dataclass(frozen=True, slots=True)
class GoldEvent:
    trigger: str
    status: str
    date: str | None

    @property
    def kind(self) -> str:
        if self.date is None:
            return "undated"
        if "/" in self.date:
            first, last = self.date.split("/")
            return "week" if len(first) == len(last) == 10 else "range"
        return {10: "day", 7: "month", 4: "year"}[len(self.date)]


@dataclass(frozen=True, slots=True)
class ProbeItem:
    id: str
    family: str
    published: str | None
    text: str
    events: tuple[GoldEvent, ...]


@dataclass(frozen=True, slots=True)
class EventResult:
    item: ProbeItem
    gold: GoldEvent
    found: bool
    predicted: str | None

    @property
    def right(self) -> bool:
        return self.found and self.predicted == self.gold.date

    @property
    def lenient(self) -> bool:
        if self.gold.date is None:
            return self.right
        return self.found and day_agrees(self.gold.date, self.predicted)


def load_probe(path: Path = PROBE) -> list[ProbeItem]:
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        items.append(ProbeItem(r["id"], r["family"], r["published"], r["text"],
                               tuple(GoldEvent(e["trigger"], e["status"], e["date"]) for e in r["events"])))
    return items


def article_of(item: ProbeItem, settings: Settings) -> Article:
    raw = RawDocument(source=f"probe:{item.id}", text=item.text, fmt="text", doc_id=item.id, published=item.published)
    return clean_document(raw, settings)


def stage_results(nlp, items: list[ProbeItem], settings: Settings | None = None) -> list[EventResult]:  # noqa: ANN001
    """The date stage alone, given each gold trigger and status."""
    settings = settings or Settings()
    stage = DateStage(settings)
    results = []
    for item in items:
        article = article_of(item, settings)
        doc = nlp(article.text)
        for gold in item.events:
            start = article.text.index(gold.trigger)
            sentence = next(s for s in doc.sents if s.start_char <= start < s.end_char)
            evidence = Evidence(item.id, sentence.text, sentence.start_char, sentence.end_char, gold.trigger, start)
            event = EventMention(f"{item.id}-{start}", item.id, "ASSAULT", ActorRef("someone"), None, evidence,
                                 status=gold.status)
            stage(DocState(article, doc, events=[event]))
            results.append(EventResult(item, gold, True, event.date))
    return results


def pipeline_results(pipeline, items: list[ProbeItem]) -> list[EventResult]:  # noqa: ANN001
    """The default pipeline end to end. Each coded event goes to the gold trigger of its sentence nearest its
    own trigger; a gold event is found when one goes to it (the nearest, when several do)."""
    articles = [article_of(item, pipeline.settings) for item in items]
    results = []
    for item, done in zip(items, pipeline.process_articles(articles), strict=True):
        text = done.article.text
        starts = [text.index(gold.trigger) for gold in item.events]
        taken: dict[int, list[tuple[int, EventMention]]] = {}
        for event in done.events:
            at = event.evidence.trigger_start if event.evidence.trigger_start is not None else event.evidence.start
            inside = [(abs(at - start), n) for n, start in enumerate(starts)
                      if event.evidence.start <= start < event.evidence.end]
            if inside:
                gap, n = min(inside)
                taken.setdefault(n, []).append((gap, event))
        for n, gold in enumerate(item.events):
            if n not in taken:
                results.append(EventResult(item, gold, False, None))
                continue
            results.append(EventResult(item, gold, True, min(taken[n], key=lambda pair: pair[0])[1].date))
    return results


def figures(results: list[EventResult]) -> dict[str, float]:
    """Shares: ``found``; ``exact`` (all events); ``lenient``; ``day_exact`` (gold days); one per gold kind."""

    def share(rows: list[EventResult], attr: str = "right") -> float:
        return sum(getattr(r, attr) for r in rows) / len(rows) if rows else 0.0

    found = [r for r in results if r.found]
    out = {"found": share(results, "found"), "exact": share(results), "lenient": share(results, "lenient"),
           "exact_of_found": share(found), "day_exact": share([r for r in results if r.gold.kind == "day"]),
           "day_exact_of_found": share([r for r in found if r.gold.kind == "day"])}
    for kind in KINDS:
        out[f"kind_{kind}"] = share([r for r in results if r.gold.kind == kind])
    return out


def counts(results: list[EventResult]) -> Counter:
    return Counter(r.gold.kind for r in results)


def report(results: list[EventResult]) -> str:
    lines = [f"{k}: {v:.3f}" for k, v in figures(results).items()]
    lines.append("gold kinds: " + ", ".join(f"{k} {n}" for k, n in sorted(counts(results).items())))
    by_family: dict[str, list[EventResult]] = {}
    for r in results:
        by_family.setdefault(r.item.family, []).append(r)
    lines += [f"  {f}: {sum(r.right for r in rs)}/{len(rs)}" for f, rs in sorted(by_family.items())]
    lines += [f"MISS {r.item.id} {r.item.family} [{r.gold.trigger}] gold={r.gold.date} got={r.predicted}"
              f"{'' if r.found else ' (not found)'} :: {r.item.text}" for r in results if not r.right]
    return "\n".join(lines)


def main(mode: str = "stage") -> None:
    from petrel.pipeline import Pipeline

    pipeline = Pipeline(Settings())
    items = load_probe()
    results = stage_results(pipeline.nlp, items) if mode == "stage" else pipeline_results(pipeline, items)
    print(report(results))  # noqa: T201 - a diagnostic script


if __name__ == "__main__":
    main(*sys.argv[1:2])
