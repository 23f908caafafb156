"""The seeds merge check: after a full ingest (store + dedup), is a ``same_as`` pair one event with two sources?

The seed folder is ingested into a scratch database with petrel's own ``ingest_paths`` (the pipeline of
the evaluation is reused). Each matched gold line is found again among the stored event mentions of its
article by type and evidence sentence; a pair counts as merged when both lines land on the same stored
event and that event has at least two sources.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from petrel.evaluation.readers import seed_articles_dir
from petrel.evaluation.scorers import SeedMatch

if TYPE_CHECKING:
    from petrel.evaluation.runners import EvalContext

MIN_SOURCES = 2
_SQL = """SELECT em.event_id, em.type, em.sentence, a.source, e.num_sources
          FROM event_mentions em JOIN articles a ON a.doc_id = em.doc_id
          LEFT JOIN events e ON e.event_id = em.event_id"""


def merged_pairs(ctx: EvalContext, pairs: Sequence[tuple[SeedMatch, SeedMatch]], db_path: Path) -> int:
    """How many ``pairs`` the store holds as one event with two or more sources."""
    from petrel.ingest_service import ingest_paths
    from petrel.store import Store

    settings = ctx.settings.model_copy(update={"db_path": db_path})
    ingest_paths([str(seed_articles_dir(ctx.eval_dir))], settings, pipeline=ctx.pipeline)
    with Store.open(db_path, settings=settings, read_only=True) as store:
        rows = store.con.execute(_SQL).fetchall()
    return sum(_merged(a, b, rows) for a, b in pairs)


def _event_ids(match: SeedMatch, rows: Sequence[tuple]) -> dict[str, int]:
    return {event_id: sources or 0 for event_id, etype, sentence, source, sources in rows
            if Path(str(source)).stem == match.gold.doc and etype == match.event.type
            and sentence == match.event.sentence}


def _merged(a: SeedMatch, b: SeedMatch, rows: Sequence[tuple]) -> bool:
    left, right = _event_ids(a, rows), _event_ids(b, rows)
    return any(left[eid] >= MIN_SOURCES for eid in left.keys() & right.keys())
