"""refresh: one transaction of its own, or the caller's (the store's batch transaction)."""

from __future__ import annotations

import sys

import pytest

from petrel.dedup import refresh
from petrel.dedup.refresh import in_transaction
from tests.dedup.builders import add_article, add_mentions, day, mention


def test_refresh_commits_its_own_transaction(con, dedup_settings) -> None:
    add_article(con, "a", published=day(2))
    add_mentions(con, [mention("a1", "a")])
    assert not in_transaction(con)
    summary = refresh(con, dedup_settings)
    assert not in_transaction(con)
    assert summary.merges.events_total == 1 and summary.stories.stories == 1
    assert set(summary.seconds) == {"near_dups", "merge", "stories"}


def test_refresh_runs_inside_the_callers_transaction(con, dedup_settings) -> None:
    con.execute("BEGIN TRANSACTION")
    add_article(con, "a", published=day(2))
    add_mentions(con, [mention("a1", "a")])
    assert in_transaction(con)
    refresh(con, dedup_settings)
    con.execute("ROLLBACK")
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] == 0


def test_a_second_refresh_changes_nothing(con, dedup_settings) -> None:
    add_article(con, "a", published=day(2))
    add_mentions(con, [mention("a1", "a")])
    refresh(con, dedup_settings)
    before = con.execute("SELECT * FROM events").fetchall(), con.execute("SELECT * FROM merge_log").fetchall()
    summary = refresh(con, dedup_settings)
    assert summary.merges.new_mentions == 0
    assert (con.execute("SELECT * FROM events").fetchall(), con.execute("SELECT * FROM merge_log").fetchall()) == before


def test_a_failed_refresh_rolls_back(con, dedup_settings, monkeypatch) -> None:
    add_article(con, "a", published=day(2))
    add_mentions(con, [mention("a1", "a")])

    def broken(*args, **kwargs):
        raise RuntimeError("stories broke")

    monkeypatch.setattr(sys.modules["petrel.dedup.refresh"], "build_stories", broken)
    with pytest.raises(RuntimeError):
        refresh(con, dedup_settings)
    assert not in_transaction(con)
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] == 0


def test_the_store_refreshes_after_each_batch(dedup_settings) -> None:
    from petrel.store import Store
    from tests.store.test_store import make_doc

    with Store.open(":memory:", settings=dedup_settings) as store:
        store.write_batch([make_doc("x")], [])
        store.write_batch([make_doc("y")], [])
        assert store.count("events") == 1
        # make_doc writes the same text twice: the second article is a copy, not an independent report
        row = store.con.execute("SELECT num_mentions, num_articles, num_copies FROM events").fetchone()
        assert row == (2, 1, 1)


def test_the_written_join_order_is_given_back_even_on_an_error() -> None:
    import duckdb

    from petrel.dedup._sql import written_join_order

    con = duckdb.connect()
    before = con.execute("SELECT current_setting('disabled_optimizers')").fetchone()[0]
    with pytest.raises(duckdb.Error), written_join_order(con):
        assert "join_order" in con.execute("SELECT current_setting('disabled_optimizers')").fetchone()[0]
        con.execute("SELECT * FROM no_such_table")
    assert con.execute("SELECT current_setting('disabled_optimizers')").fetchone()[0] == before


def test_an_affected_event_that_keeps_its_mentions_is_not_rewritten(con, dedup_settings) -> None:
    """A new mention in the same block (same dyad, days apart) re-clusters the old event but changes nothing
    of it: its row stays where it was (same rowid) and equals a full rebuild's; the new event is written."""
    for doc, d in (("a", 2), ("b", 2), ("c", 4)):
        add_article(con, doc, published=day(d))
    add_mentions(con, [mention("a1", "a"), mention("b1", "b")])
    refresh(con, dedup_settings)
    (old_event, rowid), = con.execute("SELECT event_id, rowid FROM events").fetchall()
    log_before = con.execute("SELECT *, rowid FROM merge_log ORDER BY mention_id").fetchall()
    add_mentions(con, [mention("c1", "c", date="2026-03-04", place_name="Gujba", lat=11.5, lon=11.93)])
    summary = refresh(con, dedup_settings)
    assert summary.merges.mentions_considered == 3 and summary.merges.events_written == 1
    assert con.execute("SELECT rowid FROM events WHERE event_id = ?", [old_event]).fetchone()[0] == rowid
    assert con.execute("SELECT *, rowid FROM merge_log WHERE mention_id <> 'c1' ORDER BY mention_id").fetchall() \
        == log_before
    incremental = con.execute("SELECT * EXCLUDE (story_id) FROM events ORDER BY event_id").fetchall()
    log = con.execute("SELECT * FROM merge_log ORDER BY mention_id").fetchall()
    refresh(con, dedup_settings, full=True)
    assert con.execute("SELECT * EXCLUDE (story_id) FROM events ORDER BY event_id").fetchall() == incremental
    assert con.execute("SELECT * FROM merge_log ORDER BY mention_id").fetchall() == log
    assert len(incremental) == 2


def test_the_first_refresh_of_a_store_skips_the_block_mate_lookups_and_merges_as_a_full_one(
        con, dedup_settings, monkeypatch) -> None:
    """Every stored mention is new: the seeds are all there is, so the candidate lookups are skipped; the
    events and merge log equal a full rebuild's (and a store that already has mentions still looks them up)."""
    import petrel.dedup.merge as merge

    looked_up: list[int] = []
    original = merge._candidate_filter
    monkeypatch.setattr(merge, "_candidate_filter", lambda *a: looked_up.append(1) or original(*a))
    for doc, d in (("a", 2), ("b", 2), ("c", 4), ("d", 9)):
        add_article(con, doc, published=day(d))
    add_mentions(con, [mention("a1", "a"), mention("b1", "b"), mention("a2", "a", type="PROTEST"),
                       mention("c1", "c", date="2026-03-04", place_name="Gujba", lat=11.5, lon=11.93)])
    summary = refresh(con, dedup_settings)
    assert looked_up == [] and summary.merges.mentions_considered == 4 and summary.merges.merged_mentions >= 2
    first = con.execute("SELECT * EXCLUDE (story_id) FROM events ORDER BY event_id").fetchall()
    log = con.execute("SELECT * FROM merge_log ORDER BY mention_id").fetchall()
    refresh(con, dedup_settings, full=True)
    assert con.execute("SELECT * EXCLUDE (story_id) FROM events ORDER BY event_id").fetchall() == first
    assert con.execute("SELECT * FROM merge_log ORDER BY mention_id").fetchall() == log
    add_mentions(con, [mention("d1", "d")])
    refresh(con, dedup_settings)
    assert looked_up == [1]
