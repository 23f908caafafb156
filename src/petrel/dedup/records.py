"""Typed results of the dedup stage (plain dataclasses, cheap to build and easy to serialise)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any


@dataclass(slots=True)
class NearDupResult:
    """What :func:`petrel.dedup.find_near_duplicates` did."""

    hashed: int = 0  # articles whose MinHash signature was computed in this run
    candidate_pairs: int = 0  # LSH candidate pairs checked in this run
    similar_pairs: int = 0  # pairs stored with an estimated Jaccard >= the story text threshold
    near_duplicates: int = 0  # articles that are near-duplicates of an earlier one (whole table)
    changed: int = 0  # articles whose near_dup_of changed in this run


@dataclass(slots=True)
class MergeResult:
    """What :func:`petrel.dedup.merge_events` did."""

    mode: str = "incremental"  # incremental|full
    new_mentions: int = 0  # mentions seen for the first time
    mentions_considered: int = 0  # mentions re-clustered (new ones, their block mates, their events)
    pairs: int = 0  # compatible mention-group pairs found
    events_written: int = 0  # events (re)written in this run
    merged_mentions: int = 0  # considered mentions that joined an event with another mention
    constrained_clusters: int = 0  # clusters split because one article had two different events in them
    events_total: int = 0


@dataclass(slots=True)
class StoryResult:
    stories: int = 0
    articles: int = 0
    events: int = 0


@dataclass(slots=True)
class RefreshSummary:
    """What :func:`petrel.dedup.refresh` did, step by step, with timings in seconds."""

    near_dups: NearDupResult = field(default_factory=NearDupResult)
    merges: MergeResult = field(default_factory=MergeResult)
    stories: StoryResult = field(default_factory=StoryResult)
    seconds: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class TimelineEntry:
    """One event of a story, as :func:`petrel.dedup.story_timeline` lists it."""

    event_id: str
    date: str | None
    date_precision: str | None
    type: str
    status: str | None
    source: str | None
    target: str | None
    place: str | None
    num_articles: int
    num_sources: int
    outlets: list[str]
    first_seen: datetime | None


@dataclass(slots=True)
class StorySummary:
    """One row of the ``stories`` table."""

    story_id: str
    title: str | None
    first_published: datetime | None
    last_published: datetime | None
    num_articles: int
    num_events: int
    num_sources: int
    top_actors: list[str]


@dataclass(slots=True)
class DedupScores:
    """Pairwise figures of :func:`petrel.dedup.evaluate_dedup` (precision/recall are None when undefined)."""

    event_precision: float | None
    event_recall: float | None
    event_f1: float | None
    gold_mentions: int  # gold (doc, cue) mentions
    matched_mentions: int  # gold mentions matched to an extracted event mention
    predicted_pairs: int  # same-event pairs among matched mentions, predicted
    gold_pairs: int  # same-event pairs among matched mentions, gold
    neardup_precision: float | None
    neardup_recall: float | None
    neardup_predicted_pairs: int = 0  # near-duplicate article pairs, predicted
    neardup_gold_pairs: int = 0  # near-duplicate article pairs, gold
    details: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
