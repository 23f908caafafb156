"""The seed articles' expected output (``seeds/gold.jsonl``, ``seeds/metadata.jsonl``).

The seed articles themselves live in ``../corpus/seeds`` beside ``eval_dir``; they are read through
petrel's own ingest and clean stages (see :mod:`petrel.evaluation.runners`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from petrel.evaluation.records import SeedActor, SeedEvent, SeedMetadata

SEED_GOLD_FILE = Path("seeds") / "gold.jsonl"
SEED_METADATA_FILE = Path("seeds") / "metadata.jsonl"


def seed_articles_dir(eval_dir: Path) -> Path:
    """Where the seed articles are: ``<eval_dir>/../corpus/seeds``."""
    return eval_dir.parent / "corpus" / "seeds"


def read_seed_events(eval_dir: Path) -> list[SeedEvent]:
    return [_event(r) for r in _jsonl(eval_dir / SEED_GOLD_FILE)]


def read_seed_metadata(eval_dir: Path) -> list[SeedMetadata]:
    return [SeedMetadata(doc=r["doc"], published=r.get("published"), outlet=r.get("outlet"),
                         title=r.get("title"), wire_credit=r.get("wire_credit"), section=r.get("section"))
            for r in _jsonl(eval_dir / SEED_METADATA_FILE)]


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _event(raw: dict[str, Any]) -> SeedEvent:
    return SeedEvent(
        gold_id=raw["id"], doc=raw["doc"], types=tuple(_as_list(raw.get("type"))),
        source=_actor(raw.get("source")) or SeedActor(), target=_actor(raw.get("target")),
        cue=raw.get("cue", ""), status=raw.get("status"), date=raw.get("date"), place=raw.get("place"),
        core=bool(raw.get("core")), same_as=raw.get("same_as"),
    )


def _actor(raw: dict[str, Any] | None) -> SeedActor | None:
    if not raw:
        return None
    return SeedActor(countries=tuple(_as_list(raw.get("country"))), sectors=tuple(_as_list(raw.get("sector"))),
                     name=raw.get("name"))


def _as_list(value: Any) -> list[str]:
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]
