"""Scoring of the article probe (tests/data/probe_articles.jsonl): short articles written for petrel whose
events need the actor carried across sentences ("The strikes killed 12"), a definite description or a
pronoun resolved ("the group", "they"), and speakers kept apart from doers ("residents said ...").

Each gold event names its sentence (0-based), PLOVER type, source and target as written (with other names
the article gives the same party) and, for the side agreement of the real-news scorer, a country and
sectors. A gold event is *found* when an event of its type is coded in its sentence (by the trigger's
offset); among those the one agreeing best on the sides is compared, each prediction used once. A side is
right when the predicted actor's name agrees with a name of the gold party (the predicted name of a
resolved pronoun or description is its antecedent's) or when its country and sectors agree
(``side_agrees``). ``speaker_doers`` counts coded acts (not speech: ASSAULT, COERCE ...) whose source is one
of the article's speakers ("residents", "a war monitor") while no gold event of the article has that
party as a source: lower is better.

``python tests/coding/article_probe_scoring.py`` prints every gold event that misses a side, for looking at
errors, and the figures by family.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from petrel.clean import clean_document
from petrel.evaluation.records import RealnewsActor
from petrel.evaluation.scorers.realnews import side_agrees
from petrel.models import RawDocument

PROBE = Path(__file__).resolve().parents[1] / "data" / "probe_articles.jsonl"
COMPONENTS = ("found", "source", "target", "sides", "status")
ACT_TYPES = frozenset({"ASSAULT", "COERCE", "MOBILIZE", "RETREAT", "AID", "SANCTION", "CONCEDE", "PROTEST"})
_LEADING = frozenset({"the", "a", "an", "at", "least", "some", "several", "dozens", "of", "two", "three", "four",
                      "five", "six", "seven", "eight", "nine", "ten"})


@dataclass(frozen=True, slots=True)
class Party:
    names: tuple[str, ...]  # as written first, then the article's other names for it
    actor: RealnewsActor


@dataclass(frozen=True, slots=True)
class GoldEvent:
    sent: int
    type: str
    source: Party
    target: Party | None
    status: str


@dataclass(frozen=True, slots=True)
class ProbeArticle:
    id: str
    family: str
    published: str
    sentences: tuple[str, ...]
    speakers: tuple[str, ...]
    events: tuple[GoldEvent, ...]

    @property
    def text(self) -> str:
        return " ".join(self.sentences)


def _party(side: dict | None) -> Party | None:
    if side is None:
        return None
    return Party((side["text"], *side.get("alias", ())), RealnewsActor(None, side["country"], tuple(side["sectors"])))


def load_probe(path: Path = PROBE) -> list[ProbeArticle]:
    articles = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        r = json.loads(line)
        events = tuple(GoldEvent(e["sent"], e["type"], _party(e["source"]), _party(e["target"]), e["status"])
                       for e in r["events"])
        articles.append(ProbeArticle(r["id"], r["family"], r["published"], tuple(r["sentences"]),
                                     tuple(r["speakers"]), events))
    return articles


def _norm(name: str) -> str:
    words = re.sub(r"[^\w'\- ]", " ", name.lower().replace("’", "'")).split()
    while words and (words[0] in _LEADING or words[0].isdigit()):
        words = words[1:]
    return " ".join(words)


def names_agree(names: tuple[str, ...], predicted: str) -> bool:
    """Whether a predicted actor's name is one of the party's names, or holds one, or is the head of one."""
    p = _norm(predicted)
    if not p:
        return False
    for name in names:
        g = _norm(name)
        if g and (re.search(rf"(?<!\w){re.escape(g)}(?!\w)", p) or re.search(rf"(?<!\w){re.escape(p)}$", g)):
            return True
    return False


def _side_right(gold: Party | None, predicted) -> bool:  # noqa: ANN001
    if gold is None or predicted is None:
        return gold is None and predicted is None
    return names_agree(gold.names, predicted.name) or side_agrees(gold.actor, predicted.country, predicted.sector)


@dataclass(frozen=True, slots=True)
class EventResult:
    article: ProbeArticle
    gold: GoldEvent
    found: bool
    source: bool
    target: bool
    status: bool
    described: str

    @property
    def sides(self) -> bool:
        return self.found and self.source and self.target


@dataclass(frozen=True, slots=True)
class ArticleResult:
    events: tuple[EventResult, ...]
    speaker_doers: tuple[str, ...]  # the acts coded with a speaker as their doer


def _spans(text: str, sentences: tuple[str, ...]) -> list[tuple[int, int]]:
    spans, at = [], 0
    for s in sentences:
        s = s if s in text else s.split(" - ", 1)[-1]  # the cleaner takes the dateline off the first
        start = text.find(s, at)
        start = at if start < 0 else start
        spans.append((start, start + len(s)))
        at = start + len(s)
    return spans


def _describe(e) -> str:  # noqa: ANN001
    def side(a) -> str:  # noqa: ANN001
        return f"{a.name}[{a.country}/{'+'.join(a.sector)}]" if a is not None else "-"
    return f"{e.type} {side(e.source)} -> {side(e.target)} ({e.status}) rule={e.rule}"


def score_article(pipeline, article: ProbeArticle) -> ArticleResult:  # noqa: ANN001
    """Code the article as ingest does (the cleaner takes the dateline off) and compare its gold events."""
    raw = RawDocument(source=f"probe:{article.id}", text=article.text, fmt="jsonl", doc_id=article.id,
                      published=article.published)
    processed = next(pipeline.process_articles([clean_document(raw, pipeline.settings)]))
    text = processed.article.text
    spans = _spans(text, article.sentences)
    predicted = list(processed.events)

    def sent_of(e) -> int:  # noqa: ANN001
        at = e.evidence.trigger_start if e.evidence.trigger_start is not None else e.evidence.start
        return next((n for n, (s, t) in enumerate(spans) if s <= at < t), -1)

    used: set[int] = set()
    results = []
    for g in article.events:
        fitting = [(k, e) for k, e in enumerate(predicted)
                   if k not in used and e.type == g.type and sent_of(e) == g.sent]
        if not fitting:
            here = "; ".join(_describe(e) for e in predicted if sent_of(e) == g.sent)
            results.append(EventResult(article, g, False, False, False, False, f"none of {g.type} in [{here}]"))
            continue
        k, e = max(fitting, key=lambda ke: (_side_right(g.source, ke[1].source)
                                            + _side_right(g.target, ke[1].target), ke[1].confidence))
        used.add(k)
        results.append(EventResult(article, g, True, _side_right(g.source, e.source),
                                   _side_right(g.target, e.target), e.status == g.status, _describe(e)))
    sources = tuple(n for g in article.events for n in g.source.names)
    speaker_doers = tuple(_describe(e) for e in predicted
                          if e.type in ACT_TYPES and names_agree(article.speakers, e.source.name)
                          and not names_agree(sources, e.source.name))
    return ArticleResult(tuple(results), speaker_doers)


def figures(results: list[ArticleResult]) -> dict[str, float]:
    """Shares of gold events found with their type, with source / target / both sides / status right; and
    the number of acts coded with a speaker as their doer."""
    events = [r for a in results for r in a.events]
    out = {c: round(sum(getattr(r, c) for r in events) / len(events), 3) for c in COMPONENTS}
    out["speaker_doers"] = sum(len(a.speaker_doers) for a in results)
    return out


def by_family(results: list[ArticleResult]) -> dict[str, dict[str, float]]:
    groups: dict[str, list[ArticleResult]] = defaultdict(list)
    for a in results:
        groups[a.events[0].article.family].append(a)
    return {f: figures(rs) for f, rs in sorted(groups.items())}


def main() -> None:
    from petrel.config import Settings
    from petrel.pipeline import Pipeline

    pipeline = Pipeline(Settings())
    results = [score_article(pipeline, a) for a in load_probe()]
    for a in results:
        for r in a.events:
            if not r.sides:
                g = r.gold
                wrong = [c for c in ("found", "source", "target") if not getattr(r, c)]
                tgt = g.target.names[0] if g.target else "-"
                print(f"{r.article.id}.{g.sent} {r.article.family} miss={','.join(wrong)}\n"
                      f"  {r.article.sentences[g.sent]}\n  gold {g.type} {g.source.names[0]} -> {tgt}\n"
                      f"  got  {r.described}")
        for d in a.speaker_doers:
            print(f"{a.events[0].article.id} SPEAKER AS DOER: {d}")
    for family, figs in by_family(results).items():
        print(family, figs)
    print("all", figures(results), sum(len(a.events) for a in results), "events")


if __name__ == "__main__":
    main()
