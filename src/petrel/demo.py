"""The demo job: ingest the bundled sample corpus and summarise what came out."""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from petrel.config import Settings
from petrel.ingest_service import IngestReport, ingest_paths
from petrel.store import Store


def sample_corpus_path() -> Path:
    """Folder of the sample corpus shipped inside the package."""
    return Path(str(resources.files("petrel") / "data" / "sample" / "articles"))


@dataclass
class DemoSummary:
    report: IngestReport
    events: int = 0
    mention_rows: int = 0
    by_type: list[tuple[str, int]] = field(default_factory=list)
    by_status: list[tuple[str, int]] = field(default_factory=list)
    top_dyads: list[tuple[str, str, int]] = field(default_factory=list)
    multi_source_events: int = 0
    stories: int = 0


def run_demo(settings: Settings) -> DemoSummary:
    """Ingest the sample corpus into ``settings.db_path`` and read back a summary."""
    report = ingest_paths([str(sample_corpus_path())], settings)
    with Store.open(settings.db_path, settings=settings, read_only=True) as store:
        return _summarise(store, report)


def _summarise(store: Store, report: IngestReport) -> DemoSummary:
    q = store.con.execute
    summary = DemoSummary(report=report)
    summary.events = store.count("events")
    summary.mention_rows = store.count("event_mentions")
    summary.by_type = q("SELECT type, count(*) n FROM events GROUP BY 1 ORDER BY 2 DESC, 1").fetchall()
    summary.by_status = q("SELECT status, count(*) n FROM events GROUP BY 1 ORDER BY 2 DESC, 1").fetchall()
    summary.top_dyads = q(
        "SELECT coalesce(source_name, source_country), coalesce(target_name, target_country, '-'), count(*) n "
        "FROM events GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2 LIMIT 5").fetchall()
    summary.multi_source_events = q("SELECT count(*) FROM events WHERE num_sources > 1").fetchone()[0]
    summary.stories = store.count("stories")
    return summary
