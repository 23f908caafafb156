"""Every mention of a merged event keeps its own evidence: what each outlet said (event JSONL contract)."""

from __future__ import annotations

from petrel.dedup import merge_events
from petrel.store.queries import EventFilter, count_undated, iter_events, list_events
from tests.dedup.builders import add_article, add_mentions, day, mention
from tests.dedup.conftest import con, dedup_settings  # noqa: F401  (fixtures: a fresh store, dedup settings)


def test_each_mention_of_a_merged_event_carries_its_sentence_offsets_and_trigger(con, dedup_settings) -> None:
    add_article(con, "a", outlet="Harbor Ledger", published=day(2))
    add_article(con, "b", outlet="Valley Courier", published=day(3))
    add_mentions(con, [
        mention("a1", "a", sentence="Gunmen stormed the depot at dawn.", sent_start=10, sent_end=43,
                trigger="stormed", trigger_start=17),
        mention("b1", "b", sentence="Armed men raided a fuel depot on Tuesday.", sent_start=0, sent_end=41,
                trigger="raided", trigger_start=10),
    ])
    merge_events(con, dedup_settings)
    [event] = list(iter_events(con))
    by_doc = {m["doc_id"]: m for m in event["mentions"]}
    assert by_doc["a"]["sentence"] == "Gunmen stormed the depot at dawn."
    assert (by_doc["a"]["start"], by_doc["a"]["end"], by_doc["a"]["trigger"]) == (10, 43, "stormed")
    assert by_doc["b"]["sentence"] == "Armed men raided a fuel depot on Tuesday."
    assert (by_doc["b"]["trigger"], by_doc["b"]["mention_id"]) == ("raided", "b1")


def test_undated_events_are_counted_not_dropped(con, dedup_settings) -> None:
    add_article(con, "a", outlet="Harbor Ledger", published=day(2))
    add_mentions(con, [mention("a1", "a", trigger="shelled"),
                       mention("a2", "a", date=None, type="PROTEST", sentence="Crowds marched through the capital.",
                               trigger="marched")])
    merge_events(con, dedup_settings)
    page = list_events(con, EventFilter(), limit=10)
    assert page.total == 2 and page.undated == 1
    assert any(e["date"] is None for e in page.items)
    assert count_undated(con) == 1
    assert count_undated(con, EventFilter(date_from="2026-01-01")) == 0
