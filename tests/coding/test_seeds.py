"""End to end on the two seed articles (read from ../shared at run time; skipped when absent).

Scoring follows ../shared/eval/seeds/README.md: an extracted event matches a gold line when its evidence
sentence contains the cue's words, its type is one of the gold types and its source and target countries
match (a gold actor given only by name matches an actor of that name). Cue words are compared after
normalising apostrophes; a cue matches when at least 80% of its words are in the sentence, so that a
typing slip in the article ("al -haabi") does not hide an event.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

CORE_FLOOR = 16  # issue target 18/20; 12/20 is the spine; measured 17
RECALL_FLOOR = 21  # of 29; measured 23
STATUS_FLOOR = 0.78  # share of matched events whose status is right; measured 0.83
PRECISION_FLOOR = 0.55  # measured 0.66 (strict: unmatched but plausible events count as wrong)
NAME_ALIASES = {"isis": ("islamic state", "isis", "isil")}


def _norm(text: str) -> str:
    return re.sub(r"[’‘`]", "'", text.lower())


def cue_in(cue: str, sentence: str) -> bool:
    words = set(re.findall(r"[\w'-]+", _norm(sentence)))
    cue_words = re.findall(r"[\w'-]+", _norm(cue))
    return bool(cue_words) and sum(w in words for w in cue_words) >= 0.8 * len(cue_words)


def actor_matches(gold: dict | None, actor) -> bool:
    if gold is None:
        return True
    if actor is None:
        return False
    countries = gold.get("country")
    countries = countries if isinstance(countries, list) else [countries]
    if countries != [None]:
        return actor.country in countries
    name = (gold.get("name") or "").lower()
    return any(alias in (actor.name or "").lower() for alias in NAME_ALIASES.get(name, (name,)))


def matches(gold: dict, event) -> bool:
    return (event.doc_id == gold["doc"] and event.type in gold["type"]
            and cue_in(gold["cue"], event.evidence.sentence)
            and actor_matches(gold["source"], event.source) and actor_matches(gold.get("target"), event.target))


@pytest.fixture(scope="module")
def seed_events(seeds_dir: Path, eval_dir: Path, pipeline, session_settings):
    from petrel.clean import clean_document
    from petrel.models import RawDocument

    files = sorted(seeds_dir.glob("*.txt"))
    gold_file = eval_dir / "seeds" / "gold.jsonl"
    if not files or not gold_file.exists():
        pytest.skip("seed articles or gold events are absent")
    articles = [clean_document(RawDocument(source=str(f), text=f.read_text(encoding="utf-8"), fmt="text",
                                           doc_id=f.stem), session_settings) for f in files]
    events = [e for doc in pipeline.process_articles(articles) for e in doc.events]
    gold = [json.loads(line) for line in gold_file.read_text(encoding="utf-8").splitlines() if line.strip()]
    return events, gold


def score(events, gold) -> dict[str, float]:
    matched: dict[str, object] = {}
    used: set[int] = set()
    for g in gold:
        for i, event in enumerate(events):
            if matches(g, event):
                matched.setdefault(g["id"], event)
                used.add(i)
    # an event that matches any gold line (a second actor of a matched line) is not a wrong event
    core = [g for g in gold if g.get("core")]
    status_ok = sum(matched[g["id"]].status == g["status"] for g in gold if g["id"] in matched)
    return {"core": sum(g["id"] in matched for g in core), "recall": len(matched),
            "status": status_ok / max(1, len(matched)), "precision": len(used) / max(1, len(events))}


@pytest.mark.eval
def test_seed_articles_meet_the_floors(seed_events) -> None:
    events, gold = seed_events
    result = score(events, gold)
    assert result["core"] >= CORE_FLOOR, result
    assert result["recall"] >= RECALL_FLOOR, result
    assert result["status"] >= STATUS_FLOOR, result
    assert result["precision"] >= PRECISION_FLOOR, result


@pytest.mark.eval
def test_every_seed_event_has_evidence_and_a_rule(seed_events) -> None:
    events, _ = seed_events
    assert events
    for event in events:
        assert event.rule and event.evidence.sentence and event.source.country
        assert event.evidence.trigger_start is not None
        assert event.evidence.trigger in event.evidence.sentence
