"""Property: refreshing batch by batch groups mentions exactly as one full recompute does."""

from __future__ import annotations

import duckdb
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from petrel.config import Settings
from petrel.dedup import refresh
from petrel.store.schema import create_schema
from tests.dedup.builders import add_article, add_mentions, day, mention

PLACES = [("Monguno", 12.67, 13.61), ("Gujba", 11.5, 11.93), (None, None, None)]

mention_strategy = st.fixed_dictionaries({
    "day": st.integers(1, 12), "type": st.sampled_from(["ASSAULT", "COERCE", "PROTEST"]),
    "src": st.sampled_from(["NGA", "TCD"]), "tgt": st.sampled_from(["NGA", "TCD", None]),
    "place": st.sampled_from(PLACES), "dated": st.booleans(), "doc": st.integers(0, 5),
})


def _row(i: int, m: dict) -> dict:
    name, lat, lon = m["place"]
    return mention(f"m{i:03d}", f"d{m['doc']}", type=m["type"], source_country=m["src"], target_country=m["tgt"],
                   target_name=m["tgt"], target_sector=[] if m["tgt"] else None,
                   date=f"2026-03-{m['day']:02d}" if m["dated"] else None, place_name=name,
                   place_country="NGA" if name else None, lat=lat, lon=lon, sent_start=i)


def _partition(con) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for mid, eid in con.execute("SELECT mention_id, event_id FROM event_mentions").fetchall():
        groups.setdefault(eid, set()).add(mid)
    return {frozenset(g) for g in groups.values()}


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(mention_strategy, min_size=1, max_size=5), min_size=1, max_size=4))
def test_batches_then_full_recompute_agree(batches: list[list[dict]]) -> None:
    con = duckdb.connect()
    create_schema(con)
    cfg = Settings(dedup_window_days=3, story_window_days=14)
    for doc in range(6):
        add_article(con, f"d{doc}", outlet=f"O{doc % 3}", published=day(2 + doc * 2))
    i = 0
    for batch in batches:
        add_mentions(con, [_row(i + k, m) for k, m in enumerate(batch)])
        i += len(batch)
        refresh(con, cfg)
    incremental = _partition(con)
    refresh(con, cfg, full=True)
    assert _partition(con) == incremental
    con.close()


def _events(con) -> list[tuple]:
    return con.execute("SELECT * EXCLUDE (story_id) FROM events ORDER BY event_id").fetchall()


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(mention_strategy, min_size=1, max_size=5), min_size=2, max_size=4), st.integers(0, 2))
def test_a_deferred_refresh_gives_the_events_of_a_refresh_per_batch(batches: list[list[dict]], every: int) -> None:
    """Ingest refreshes every N batches or once at the end of a run: same events, merges and stories."""
    cfg = Settings(dedup_window_days=3, story_window_days=14)
    cons = [duckdb.connect() for _ in range(3)]
    for con in cons:
        create_schema(con)
        for doc in range(6):
            add_article(con, f"d{doc}", outlet=f"O{doc % 3}", published=day(2 + doc * 2))
    per_batch, deferred, full = cons
    i = 0
    for n, batch in enumerate(batches, start=1):
        rows = [_row(i + k, m) for k, m in enumerate(batch)]
        i += len(batch)
        for con in cons:
            add_mentions(con, rows)
        refresh(per_batch, cfg)
        if every and n % every == 0:
            refresh(deferred, cfg)
    refresh(deferred, cfg)  # the end of the run
    refresh(full, cfg, full=True)
    assert _partition(deferred) == _partition(per_batch) == _partition(full)
    assert _events(deferred) == _events(per_batch) == _events(full)
    stories = "SELECT doc_id, story_id FROM articles ORDER BY doc_id"
    assert deferred.execute(stories).fetchall() == per_batch.execute(stories).fetchall()
    for con in cons:
        con.close()
