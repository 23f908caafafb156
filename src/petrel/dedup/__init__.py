"""Deduplication: one real-world event however many outlets tell it, with growing, explainable provenance.

``refresh(con, settings)`` is what the store calls after each batch; it runs, in one transaction,
:func:`find_near_duplicates` (syndicated copies and light rewrites), :func:`merge_events` (mentions of one
happening become one event, with a ``merge_log`` row saying why) and :func:`build_stories`. All derived
tables are recomputed from ``articles`` and ``event_mentions``, so merges are reversible. See
``docs/dedup.md``.
"""

from petrel.dedup.evaluate import evaluate_dedup, evaluate_dedup_corpus, load_gold, oracle_mentions
from petrel.dedup.merge import merge_events
from petrel.dedup.minhash import MinHasher
from petrel.dedup.neardup import find_near_duplicates
from petrel.dedup.records import (
    DedupScores,
    MergeResult,
    NearDupResult,
    RefreshSummary,
    StoryResult,
    StorySummary,
    TimelineEntry,
)
from petrel.dedup.refresh import refresh
from petrel.dedup.stories import build_stories, list_stories, story_timeline

__all__ = [
    "DedupScores",
    "MergeResult",
    "MinHasher",
    "NearDupResult",
    "RefreshSummary",
    "StoryResult",
    "StorySummary",
    "TimelineEntry",
    "build_stories",
    "evaluate_dedup",
    "evaluate_dedup_corpus",
    "find_near_duplicates",
    "list_stories",
    "load_gold",
    "merge_events",
    "oracle_mentions",
    "refresh",
    "story_timeline",
]
