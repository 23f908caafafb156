"""Seed-article scores: recall of the hand-coded events, precision, status and date accuracy.

An extracted event *fits* a gold line (``seeds/README.md``) when

- it comes from the gold line's article;
- its evidence sentence holds the cue: the cue is cut on ``...`` into fragments and, for every
  fragment, at least 80% (rounded up, so all of a fragment of up to four words) of its content words
  (lower-cased letter/digit runs, spaCy's English stop words left out unless a fragment has nothing
  else) are words of the sentence; a cue word of five letters or more also matches a sentence word that
  is nearly the same (``difflib`` ratio >= 0.85), which absorbs the gold's typos and spelling variants;
- its type is one of the gold ``type`` list;
- its source country is one of the gold source's countries, and its target country one of the gold
  target's (a gold side without a country accepts any actor; a gold line without a target accepts any
  target or none).

Each gold line matches at most one event and each event at most one gold line: a maximum matching over
the fitting pairs, taking the best pair first (same status, then same date). Recall counts matched gold
lines. Precision is correct events over *all* extracted events of the two articles: an event that matches
no gold line counts against it, even when a reader might find it right (the gold is not exhaustive on
minor events). Correct events are the matched ones plus *compound companions*: petrel codes "British and
US forces jailed him" as one event per party, while the gold writes one line with a country list; an
unmatched event that fits a matched gold line, on a side where that line lists several countries, with
a country pair no event credited to the line has yet, is also correct (it adds nothing to recall).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from spacy.lang.en.stop_words import STOP_WORDS

from petrel.evaluation.metrics import ratio
from petrel.evaluation.predict import PredictedEvent
from petrel.evaluation.records import Metric, Miss, SeedActor, SeedEvent, SeedMetadata, SetResult
from petrel.models import Article

SET = "seeds"
CUE_SHARE = 0.8
FUZZY_MIN_LEN = 5
FUZZY_RATIO = 0.85
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True, slots=True)
class SeedMatch:
    gold: SeedEvent
    event: PredictedEvent


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("\u2019", "'").replace("'s ", " "))


def _content(fragment: str) -> list[str]:
    found = words(fragment)
    return [w for w in found if w not in STOP_WORDS] or found


def _word_in(word: str, vocabulary: set[str]) -> bool:
    if word in vocabulary:
        return True
    return len(word) >= FUZZY_MIN_LEN and any(
        abs(len(v) - len(word)) <= 2 and SequenceMatcher(None, word, v).ratio() >= FUZZY_RATIO for v in vocabulary)


def cue_matches(cue: str, sentence: str, *, share: float = CUE_SHARE) -> bool:
    """Whether ``sentence`` carries every ``...``-separated fragment of ``cue`` (see the module docstring)."""
    vocabulary = set(words(sentence))
    fragments = [_content(f) for f in cue.split("...") if words(f)]
    if not fragments:
        return False
    return all(sum(_word_in(w, vocabulary) for w in frag) >= math.ceil(share * len(frag) - 1e-9)
               for frag in fragments)


def country_ok(actor: SeedActor | None, country: str | None) -> bool:
    if actor is None or not actor.countries:
        return True
    return country is not None and country.upper() in {c.upper() for c in actor.countries}


def event_fits(gold: SeedEvent, event: PredictedEvent) -> bool:
    """Type, cue and countries (the article is checked by the caller)."""
    if event.type not in gold.types or not country_ok(gold.source, event.source_country):
        return False
    if gold.target is not None and gold.target.countries and not event.has_target:
        return False
    return country_ok(gold.target, event.target_country) and cue_matches(gold.cue, event.sentence)


def _preference(gold: SeedEvent, event: PredictedEvent) -> tuple[int, int, float]:
    return (int(event.status == gold.status), int(bool(gold.date) and event.date == gold.date), event.confidence)


def match_seed_events(gold: Sequence[SeedEvent], predicted: Mapping[str, Sequence[PredictedEvent]]) -> list[SeedMatch]:
    """One-to-one matching of gold lines to extracted events (maximum matching, best pairs first)."""
    flat = [(doc, e) for doc, events in predicted.items() for e in events]
    edges = {gi: sorted((ei for ei, (doc, e) in enumerate(flat) if doc == g.doc and event_fits(g, e)),
                        key=lambda ei, g=g: _preference(g, flat[ei][1]), reverse=True)
             for gi, g in enumerate(gold)}
    owner: dict[int, int] = {}  # event index -> gold index
    for gi in range(len(gold)):
        _augment(gi, edges, owner, set())
    return [SeedMatch(gold[gi], flat[ei][1]) for ei, gi in sorted(owner.items(), key=lambda kv: kv[1])]


def _augment(gi: int, edges: dict[int, list[int]], owner: dict[int, int], seen: set[int]) -> bool:
    for ei in edges[gi]:
        if ei in seen:
            continue
        seen.add(ei)
        if ei not in owner or _augment(owner[ei], edges, owner, seen):
            owner[ei] = gi
            return True
    return False


def _dyad(event: PredictedEvent) -> tuple[str | None, str | None]:
    return event.source_country, event.target_country


def _compound(gold: SeedEvent) -> bool:
    return len(gold.source.countries) > 1 or (gold.target is not None and len(gold.target.countries) > 1)


def compound_companions(matches: Sequence[SeedMatch],
                        predicted: Mapping[str, Sequence[PredictedEvent]]) -> list[PredictedEvent]:
    """Unmatched events that tell another party of a matched compound gold line (see the module docstring)."""
    credited = {m.gold.gold_id: {_dyad(m.event)} for m in matches if _compound(m.gold)}
    lines = [m.gold for m in matches if _compound(m.gold)]
    used = {id(m.event) for m in matches}
    found: list[PredictedEvent] = []
    for doc, events in predicted.items():
        for event in (e for e in events if id(e) not in used):
            line = next((g for g in lines if g.doc == doc and event_fits(g, event)
                         and _dyad(event) not in credited[g.gold_id]), None)
            if line is not None:
                credited[line.gold_id].add(_dyad(event))
                found.append(event)
    return found


def score_seeds(gold: Sequence[SeedEvent], predicted: Mapping[str, Sequence[PredictedEvent]]) -> SetResult:
    matches = match_seed_events(gold, predicted)
    companions = compound_companions(matches, predicted)
    found = {m.gold.gold_id for m in matches}
    core = [g for g in gold if g.core]
    extracted = sum(len(v) for v in predicted.values())
    dated = [m for m in matches if m.gold.date]
    metrics = [
        Metric(f"{SET}.core_recall", ratio(sum(g.gold_id in found for g in core), len(core)), len(core),
               "core gold events found"),
        Metric(f"{SET}.recall", ratio(len(found), len(gold)), len(gold), "gold events found"),
        Metric(f"{SET}.precision", ratio(len(matches) + len(companions), extracted), extracted,
               "extracted events matching a gold line"),
        Metric(f"{SET}.status_accuracy", ratio(sum(m.event.status == m.gold.status for m in matches), len(matches)),
               len(matches), "status right on matched events"),
        Metric(f"{SET}.date_accuracy", ratio(sum(m.event.date == m.gold.date for m in dated), len(dated)),
               len(dated), "date right on matched gold lines with a date"),
    ]
    return SetResult(SET, metrics, _misses(gold, predicted, matches, companions))


def _misses(gold: Sequence[SeedEvent], predicted: Mapping[str, Sequence[PredictedEvent]],
            matches: Sequence[SeedMatch], companions: Sequence[PredictedEvent]) -> list[Miss]:
    found = {m.gold.gold_id: m.event for m in matches}
    out = [Miss(SET, g.gold_id, g.cue, _describe_gold(g), "not found", "miss") for g in gold if g.gold_id not in found]
    out += [Miss(SET, g.gold_id, g.cue, _describe_gold(g), found[g.gold_id].describe(), "wrong") for g in gold
            if g.gold_id in found and not _details_right(g, found[g.gold_id])]
    used = {id(m.event) for m in matches} | {id(e) for e in companions}
    out += [Miss(SET, doc, e.sentence, "no gold line", e.describe(), "spurious")
            for doc, events in predicted.items() for e in events if id(e) not in used]
    return out


def _details_right(gold: SeedEvent, event: PredictedEvent) -> bool:
    return event.status == gold.status and (not gold.date or event.date == gold.date)


def _describe_gold(g: SeedEvent) -> str:
    target = "/".join(g.target.countries) or "any" if g.target else "-"
    return (f"{'|'.join(g.types)} {'/'.join(g.source.countries) or 'any'} -> {target} "
            f"({g.status or '-'}{', ' + g.date if g.date else ''}){' core' if g.core else ''}")


METADATA_FIELDS = ("published", "outlet", "title", "wire_credit", "section")


def _recovered(article: Article, name: str, gold: str | None) -> str | None:
    value = getattr(article, name)
    if name == "published" and value is not None:
        return value.isoformat()[: len(gold) if gold else 16]
    return value


def _same(a: str | None, b: str | None) -> bool:
    return " ".join((a or "").split()).casefold() == " ".join((b or "").split()).casefold()


def score_seed_metadata(gold: Sequence[SeedMetadata], articles: Mapping[str, Article]) -> tuple[Metric, list[Miss]]:
    """Share of metadata fields (published to the minute, outlet, title, wire credit, section) the
    ingest and clean stages recover as ``seeds/metadata.jsonl`` says; a gold null expects nothing."""
    hits = total = 0
    misses: list[Miss] = []
    for meta in gold:
        article = articles.get(meta.doc)
        for name in METADATA_FIELDS:
            want = getattr(meta, name)
            got = _recovered(article, name, want) if article is not None else None
            total += 1
            if _same(want, got):
                hits += 1
            else:
                misses.append(Miss(SET, f"{meta.doc}:{name}", "", str(want), str(got), "wrong"))
    metric = Metric(f"{SET}.metadata_accuracy", ratio(hits, total), total, "article metadata fields recovered")
    return metric, misses
