"""Real-news scores: who did what to whom, where and when, against hand-coded articles.

Matching. A predicted event and a gold event *match* when they come from the same article, have the same
PLOVER type and their sentences overlap: the evidence sentence's offsets in the coded text overlap the
gold sentence's (the gold sentence is found in the coded text with whitespace made flexible; a gold
sentence that cleaning removed cannot be matched). Matching is one-to-one and greedy by confidence: the
most confident prediction takes the fitting gold event it overlaps most (the first of equals), then the
next prediction, and so on.

Metrics, each for the ``dev`` and ``test`` halves and ``all`` (``realnews.<half>.<metric>``; the two halves'
figures are gated, pinned as floors like every test set's, ``all`` is their sum for information):

- ``event_recall``: gold events matched; ``event_precision``: predicted events matched;
- ``tuple_precision`` / ``tuple_recall``: matched pairs whose *full tuple* agrees (type, status, source
  country and sector, target country and sector, or both targets absent), over predicted / gold events;
- ``target_filled``: matched gold events with a target whose prediction has one;
- ``source_right``: matched events whose source agrees;
- ``place_country``, ``admin1``, ``day``: matched gold events that give a place country, an admin1, a
  date, whose prediction says the same.

A side *agrees* when the countries are equal (both unknown counts as equal; petrel's ``IGO`` pseudo-country
counts as unknown, the gold codes an international organisation by its ``IGO`` sector) and, where the gold
lists sectors, the predicted sectors share one with it (a gold side without sectors accepts any; a predicted
country with no sector, "Russia" alone, is taken as its state and agrees with a gold ``GOV``). Admin1 names
are compared without case, accents, punctuation or a trailing ``province``/``state``/``governorate``/
``region``/... word. A gold day agrees with a predicted date at the gold's own precision (a gold ``2024-05``
accepts any day of May 2024; a gold day wants that day).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from petrel.evaluation.metrics import ratio
from petrel.evaluation.records import Metric, Miss, RealnewsActor, RealnewsArticle, RealnewsEvent, SetResult

SET = "realnews"
HALVES = ("dev", "test", "all")
GATED_HALVES = ("dev", "test")  # "all" is their sum
Span = tuple[int, int]
_DATELINE = re.compile(r"^[A-Z][A-Z'. -]+,[^\n]{0,80}?\s[-\u2013\u2014]{1,2}\s+")
_ADMIN_WORDS = re.compile(r"\b(province|state|governorate|region|oblast|district|department|division|"
                          r"prefecture|county|territory|area|muhafazah|wilayah)\b")


@dataclass(frozen=True, slots=True)
class RealnewsPrediction:
    """One extracted event of a real-news article, reduced to what the scorer compares."""

    type: str
    status: str
    start: int  # offsets of the evidence sentence in the coded text
    end: int
    sentence: str = ""
    source_country: str | None = None
    source_sectors: tuple[str, ...] = ()
    has_target: bool = False
    target_country: str | None = None
    target_sectors: tuple[str, ...] = ()
    date: str | None = None
    place_country: str | None = None
    admin1: str | None = None
    confidence: float = 0.5
    source_name: str = ""
    target_name: str = ""

    def describe(self) -> str:
        target = (f"{self.target_name}[{self.target_country or '-'}/{'+'.join(self.target_sectors) or '-'}]"
                  if self.has_target else "-")
        return (f"{self.type} {self.source_name}[{self.source_country or '-'}/{'+'.join(self.source_sectors) or '-'}]"
                f" -> {target} ({self.status}, {self.date or 'undated'}, {self.place_country or '-'}"
                f"/{self.admin1 or '-'})")


@dataclass(frozen=True, slots=True)
class RealnewsMatch:
    gold: RealnewsEvent
    predicted: RealnewsPrediction


def locate(sentence: str, text: str) -> Span | None:
    """Offsets of ``sentence`` in ``text``, any run of whitespace matching any other; None if absent.

    A sentence that opens with a wire dateline (``"GOMA, Feb 3 (Agency) - M23 rebels ..."``) is also found
    without it, since the clean stage moves the dateline out of the body.
    """
    for candidate in (sentence, _DATELINE.sub("", sentence, count=1)):
        words = candidate.split()
        found = re.search(r"\s+".join(re.escape(w) for w in words), text) if words else None
        if found:
            return found.start(), found.end()
    return None


def overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def match_article(gold: Sequence[RealnewsEvent], predicted: Sequence[RealnewsPrediction],
                  text: str) -> list[RealnewsMatch]:
    """One-to-one matches of one article's gold and predicted events (see the module docstring)."""
    spans = [locate(g.sentence, text) for g in gold]
    free = set(range(len(gold)))
    matches: list[RealnewsMatch] = []
    for pred in sorted(predicted, key=lambda p: -p.confidence):
        best: tuple[int, int] | None = None  # (overlap, gold index)
        for gi in sorted(free):
            span = spans[gi]
            if span is None or gold[gi].type != pred.type:
                continue
            shared = overlap(span, (pred.start, pred.end))
            if shared > 0 and (best is None or shared > best[0]):
                best = (shared, gi)
        if best is not None:
            free.discard(best[1])
            matches.append(RealnewsMatch(gold[best[1]], pred))
    return matches


def side_agrees(gold: RealnewsActor | None, country: str | None, sectors: Sequence[str], present: bool = True) -> bool:
    """Whether a predicted side (``present`` False: no such side) agrees with a gold side (None: none)."""
    if gold is None or not present:
        return gold is None and not present
    if _country(gold.country) != _country(country):
        return False
    if not gold.sectors or set(gold.sectors) & set(sectors):
        return True
    return not sectors and country is not None and "GOV" in gold.sectors  # "Russia" alone: the state


def _country(code: str | None) -> str | None:
    return None if not code or code == "IGO" else code


def source_agrees(m: RealnewsMatch) -> bool:
    return side_agrees(m.gold.source, m.predicted.source_country, m.predicted.source_sectors)


def target_agrees(m: RealnewsMatch) -> bool:
    p = m.predicted
    return side_agrees(m.gold.target, p.target_country, p.target_sectors, p.has_target)


def tuple_agrees(m: RealnewsMatch) -> bool:
    return (m.gold.type == m.predicted.type and m.gold.status == m.predicted.status
            and source_agrees(m) and target_agrees(m))


def day_agrees(gold: str, predicted: str | None) -> bool:
    return predicted is not None and len(predicted) >= len(gold) and predicted[: len(gold)] == gold


def admin1_key(name: str | None) -> str:
    """A comparable admin1 name: no accents, case, punctuation or administrative word."""
    if not name:
        return ""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    plain = _ADMIN_WORDS.sub(" ", plain.replace("-", " ").replace("'", ""))
    return " ".join(re.sub(r"[^a-z0-9 ]", " ", plain).split())


def score_realnews(articles: Sequence[RealnewsArticle], gold: Sequence[RealnewsEvent],
                   predicted: Mapping[str, Sequence[RealnewsPrediction]], texts: Mapping[str, str]) -> SetResult:
    """Every metric of the module docstring, for each half and all; ``texts`` are the coded article texts."""
    by_article: dict[str, list[RealnewsEvent]] = {}
    for event in gold:
        by_article.setdefault(event.article_id, []).append(event)
    matches = {a.article_id: match_article(by_article.get(a.article_id, []), predicted.get(a.article_id, []),
                                           texts.get(a.article_id, a.text)) for a in articles}
    metrics: list[Metric] = []
    for half in HALVES:
        chosen = [a.article_id for a in articles if half == "all" or a.split == half]
        metrics += half_metrics(half, [g for i in chosen for g in by_article.get(i, [])],
                                [p for i in chosen for p in predicted.get(i, [])],
                                [m for i in chosen for m in matches[i]])
    return SetResult(SET, metrics, _misses(articles, by_article, predicted, matches))


def half_metrics(half: str, gold: Sequence[RealnewsEvent], predicted: Sequence[RealnewsPrediction],
                 matches: Sequence[RealnewsMatch]) -> list[Metric]:
    """The metrics of one half (pure: counts over the given gold events, predictions and matches)."""
    full = [m for m in matches if tuple_agrees(m)]
    targeted = [m for m in matches if m.gold.target is not None]
    placed = [m for m in matches if m.gold.place is not None and m.gold.place.country]
    admin = [m for m in matches if m.gold.place is not None and m.gold.place.admin1]
    dated = [m for m in matches if m.gold.date]
    name = f"{SET}.{half}"

    def metric(key: str, hits: int, n: int, description: str) -> Metric:
        return Metric(f"{name}.{key}", ratio(hits, n), n, description, gated=half in GATED_HALVES)

    return [
        metric("event_recall", len(matches), len(gold), "gold events matched (same article, sentence and type)"),
        metric("event_precision", len(matches), len(predicted), "predicted events matching a gold event"),
        metric("tuple_precision", len(full), len(predicted), "predicted events with type, status, both sides right"),
        metric("tuple_recall", len(full), len(gold), "gold events found with type, status, both sides right"),
        metric("target_filled", sum(m.predicted.has_target for m in targeted), len(targeted),
               "matched events whose gold names a target: a target predicted"),
        metric("source_right", sum(source_agrees(m) for m in matches), len(matches),
               "matched events: source country and sector right"),
        metric("place_country", sum(m.predicted.place_country == m.gold.place.country for m in placed
                                    if m.gold.place), len(placed), "matched events with a gold place: country right"),
        metric("admin1", sum(admin1_key(m.predicted.admin1) == admin1_key(m.gold.place.admin1) for m in admin
                             if m.gold.place), len(admin), "matched events with a gold admin1: admin1 right"),
        metric("day", sum(day_agrees(m.gold.date, m.predicted.date) for m in dated if m.gold.date), len(dated),
               "matched events with a gold date: date right at the gold's precision"),
    ]


def describe_gold(g: RealnewsEvent) -> str:
    def side(a: RealnewsActor | None) -> str:
        return "-" if a is None else f"{a.text or ''}[{a.country or '-'}/{'+'.join(a.sectors) or '-'}]"

    place = f"{g.place.country or '-'}/{g.place.admin1 or '-'}" if g.place else "-/-"
    return f"{g.type} {side(g.source)} -> {side(g.target)} ({g.status}, {g.date or 'undated'}, {place})"


def _misses(articles: Sequence[RealnewsArticle], gold: Mapping[str, Sequence[RealnewsEvent]],
            predicted: Mapping[str, Sequence[RealnewsPrediction]],
            matches: Mapping[str, Sequence[RealnewsMatch]]) -> list[Miss]:
    out: list[Miss] = []
    for article in articles:
        aid = article.article_id
        found = {id(m.gold) for m in matches[aid]}
        used = {id(m.predicted) for m in matches[aid]}
        out += [Miss(SET, aid, g.sentence, describe_gold(g), "not found", "miss", (g.type, "NONE"))
                for g in gold.get(aid, []) if id(g) not in found]
        out += [Miss(SET, aid, m.gold.sentence, describe_gold(m.gold), m.predicted.describe(), "wrong")
                for m in matches[aid] if not tuple_agrees(m)]
        out += [Miss(SET, aid, p.sentence, "no gold event", p.describe(), "spurious", ("NONE", p.type))
                for p in predicted.get(aid, []) if id(p) not in used]
    return out
