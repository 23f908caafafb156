"""petrel.store.events against the fixture database, checked against a plain-Python reference filter."""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import duckdb
import pytest
from api.fixture_db import ACTORS
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .reference import CONTRACT_KEYS, EVENTS, MENTIONS, ids, reference
from petrel.errors import NotFound, QueryError
from petrel.store import cache, catalogue, events, pages
from petrel.store.filters import EventFilter


def test_an_empty_filter_lists_every_event_newest_first(con: duckdb.DuckDBPyConnection) -> None:
    page = events.list_events(con, limit=100)
    assert page.total == len(EVENTS) == len(page.items)
    dates = [i["date"] for i in page.items if i["date"]]
    assert dates == sorted(dates, reverse=True)
    assert page.items[-1]["date"] is None  # undated events sort last


@pytest.mark.parametrize("flt", [
    EventFilter(actor="RUS_GOV"), EventFilter(actor="russia"), EventFilter(source="RUS"),
    EventFilter(target="Hamas"), EventFilter(source="ISR_MIL", target="PSE_HAMAS"), EventFilter(country="egy"),
    EventFilter(type=["ASSAULT", "THREATEN"]), EventFilter(type="ASSAULT,AID"), EventFilter(quad_class=[1, 2]),
    EventFilter(status=["future", "hypothetical"]), EventFilter(date_from=date(2024, 2, 1)),
    EventFilter(date_from="2024-01", date_to="2024-01"), EventFilter(date_to="2024-01-10"),
    EventFilter(text="TRUCE"), EventFilter(outlet="harbor times"), EventFilter(story_id="story-gaza"),
    EventFilter(actor="UKR", type=["ASSAULT"], status=["claimed"]),
], ids=repr)
def test_filters_keep_what_the_reference_keeps(con: duckdb.DuckDBPyConnection, flt: EventFilter) -> None:
    page = events.list_events(con, flt, limit=100)
    assert ids(page) == reference(flt)
    assert page.total == events.count_events(con, flt) == len(reference(flt))


def test_place_matches_a_name_or_a_country(con: duckdb.DuckDBPyConnection) -> None:
    by_name = events.list_events(con, EventFilter(place="kharkiv"), limit=100)
    by_country = events.list_events(con, EventFilter(place="UKR"), limit=100)
    assert by_name.total == sum(1 for e in EVENTS if e.get("place_name") == "Kharkiv") == 3
    assert by_country.total == sum(1 for e in EVENTS if e.get("place_country") == "UKR")
    assert ids(by_name) < ids(by_country)


def test_doc_id_keeps_the_events_of_one_document(con: duckdb.DuckDBPyConnection) -> None:
    page = events.list_events(con, EventFilter(doc_id="doc02"), limit=100)
    assert ids(page) == {m["event_id"] for m in MENTIONS if m["doc_id"] == "doc02"}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    actor=st.sampled_from([None, *ACTORS, "Russia", "ISR", "israel", "Ukrainian army"]),
    types=st.lists(st.sampled_from(["ASSAULT", "AID", "CONSULT", "THREATEN", "REJECT"]), max_size=2),
    quads=st.lists(st.integers(1, 4), max_size=2),
    statuses=st.lists(st.sampled_from(["actual", "future", "claimed", "negated"]), max_size=2),
    day_from=st.one_of(st.none(), st.integers(0, 80)), span=st.integers(0, 60),
    text=st.sampled_from([None, "shelled", "IN GAZA", "officials", "zzz"]),
)
def test_any_filter_combination_matches_the_reference(con: duckdb.DuckDBPyConnection, actor, types, quads,
                                                      statuses, day_from, span, text) -> None:
    start = date.fromordinal(date(2024, 1, 1).toordinal() + day_from) if day_from is not None else None
    end = date.fromordinal(start.toordinal() + span) if start else None
    flt = EventFilter(actor=actor, type=types, quad_class=quads, status=statuses, date_from=start, date_to=end,
                      text=text)
    assert ids(events.list_events(con, flt, limit=1000)) == reference(flt)


def test_pages_are_disjoint_and_cover_everything(con: duckdb.DuckDBPyConnection) -> None:
    seen: list[str] = []
    for offset in range(0, 25, 7):
        page = events.list_events(con, sort="date", limit=7, offset=offset)
        seen.extend(i["event_id"] for i in page.items)
    assert sorted(seen) == sorted(e["event_id"] for e in EVENTS)
    assert events.list_events(con, limit=5, offset=500).items == []


@pytest.mark.parametrize("sort", list(events.EVENT_SORTS))
def test_every_sort_key_orders_the_page(con: duckdb.DuckDBPyConnection, sort: str) -> None:
    field = {"date": "date", "seen": "first_seen", "confidence": "confidence", "articles": "num_articles",
             "goldstein": "goldstein", "type": "type", "num_sources": "num_sources"}[sort.lstrip("-")]
    values = [i[field] for i in events.list_events(con, sort=sort, limit=100).items if i[field] is not None]
    assert values == sorted(values, reverse=sort.startswith("-"))


@pytest.mark.parametrize("bad", [
    {"sort": "date; DROP TABLE events"}, {"limit": 0}, {"limit": pages.MAX_LIMIT + 1}, {"offset": -1},
])
def test_bad_paging_and_sorting_are_query_errors(con: duckdb.DuckDBPyConnection, bad: dict[str, Any]) -> None:
    with pytest.raises(QueryError) as err:
        events.list_events(con, **bad)
    assert err.value.code == "E400"


@pytest.mark.parametrize("kwargs", [
    {"type": ["EXPLODE"]}, {"status": ["rumoured"]}, {"quad_class": [5]}, {"quad_class": ["x"]},
    {"date_from": "2024-02-01", "date_to": "2024-01-01"}, {"date_from": "yesterday"},
])
def test_bad_filters_are_query_errors(kwargs: dict[str, Any]) -> None:
    with pytest.raises(QueryError):
        EventFilter(**kwargs)


@pytest.mark.parametrize("hostile", ["x' OR '1'='1", "'; DROP TABLE events; --", "%", "_", "\\", "Russia\x00"])
def test_user_text_is_never_sql(con: duckdb.DuckDBPyConnection, hostile: str) -> None:
    for flt in (EventFilter(text=hostile), EventFilter(place=hostile)):
        assert events.list_events(con, flt).total == len(reference(flt))  # a literal, not a pattern or SQL
    with pytest.raises(QueryError) as err:  # no actor or country is called that: said, with the text as given
        events.list_events(con, EventFilter(actor=hostile))
    assert repr(hostile) in err.value.message
    assert events.count_events(con) == len(EVENTS)


def test_a_page_row_has_the_contract_shape(con: duckdb.DuckDBPyConnection) -> None:
    item = events.list_events(con, EventFilter(type=["SANCTION"])).items[0]
    assert CONTRACT_KEYS <= set(item)
    assert set(item["source"]) >= {"name", "actor_id", "country", "sector"}
    assert item["source"]["sector"] == ["GOV"]
    ev = item["evidence"]
    assert {"doc_id", "sentence", "start", "end", "trigger"} <= set(ev)
    assert ev["sentence"][ev["trigger_start"] - ev["start"]:].startswith(ev["trigger"])
    assert [m["doc_id"] for m in item["mentions"]] == ["doc05", "doc06"]
    assert item["num_articles"] == 2 and item["num_sources"] == 2
    assert item["quad_class"] == 4 and item["goldstein"] == -8.0
    json.dumps(item)  # JSON-ready


def test_evidence_offsets_point_into_the_article_text(con: duckdb.DuckDBPyConnection) -> None:
    for item in events.list_events(con, limit=100).items:
        ev = item["evidence"]
        text = catalogue.get_document(con, ev["doc_id"])["text"]
        assert text[ev["start"]:ev["end"]] == ev["sentence"]


def test_get_event_has_every_mention_quote_and_merge(con: duckdb.DuckDBPyConnection) -> None:
    event = events.get_event(con, "ev006")
    assert [m["doc_id"] for m in event["event_mentions"]] == ["doc05", "doc06"]
    assert all(m["sentence"] and m["title"] for m in event["event_mentions"])
    assert [qt["quote_id"] for qt in event["quotes"]] == ["q001"]
    [merge] = event["merges"]
    assert {k: merge[k] for k in ("mention_id", "merged_with", "reason", "score")} == {
        "mention_id": "ev006-m1", "merged_with": "ev006-m0", "reason": "same dyad, type and day", "score": 0.9}
    assert (merge["outlet"], merge["merged_with_outlet"], merge["kind"]) == ("Harbor Times", "Capital Daily", "similar")
    assert merge["title"].startswith("Report 6") and merge["merged_with_title"].startswith("Report 5")
    assert merge["summary"].startswith('Harbor Times ("Report 6') and "joined the report of Capital Daily" in merge["summary"]
    assert "None" not in merge["summary"] and "null" not in merge["summary"]
    with pytest.raises(NotFound):
        events.get_event(con, "missing")


def test_an_event_without_target_place_or_date_reads_as_nulls(con: duckdb.DuckDBPyConnection) -> None:
    no_target = events.get_event(con, "ev017")
    assert no_target["target"] is None and no_target["place"]["name"] == "Gaza"
    undated = events.get_event(con, "ev018")
    assert undated["date"] is None and undated["date_precision"] is None and undated["place"] is None


def test_jsonl_export_streams_every_matching_event(con: duckdb.DuckDBPyConnection) -> None:
    flt = EventFilter(actor="ISR")
    lines = list(events.iter_events_jsonl(con, flt, batch_size=2))
    records = [json.loads(line) for line in lines]
    assert {r["event_id"] for r in records} == reference(flt)
    assert all(CONTRACT_KEYS <= set(r) for r in records)


@pytest.mark.parametrize("margin", [0.01, 1.0, 3.0, 10_000.0])
def test_the_recent_window_never_changes_a_page(con: duckdb.DuckDBPyConnection, monkeypatch, margin: float) -> None:
    def pages() -> list[list[str]]:
        return [[i["event_id"] for i in events.list_events(con, flt, limit=limit, offset=offset).items]
                for flt in (EventFilter(), EventFilter(actor="ISR"), EventFilter(date_to="2024-02-20"),
                            EventFilter(date_from="2024-01-10", date_to="2024-03-01", quad_class=[3, 4]))
                for limit, offset in ((3, 0), (5, 5), (7, 14), (50, 0))]

    monkeypatch.setattr(events, "_recent_page", lambda *args: None)
    without_window = pages()
    monkeypatch.undo()
    monkeypatch.setattr(events, "MIN_WINDOW_DAYS", 1)
    monkeypatch.setattr(events, "WINDOW_MARGIN", margin)
    assert pages() == without_window
    assert pages() == [[i["event_id"] for i in events.list_events(con, flt, limit=limit, offset=offset,
                                                              cache=cache.QueryCache()).items]
                       for flt in (EventFilter(), EventFilter(actor="ISR"), EventFilter(date_to="2024-02-20"),
                                   EventFilter(date_from="2024-01-10", date_to="2024-03-01", quad_class=[3, 4]))
                       for limit, offset in ((3, 0), (5, 5), (7, 14), (50, 0))]


def test_the_window_is_sized_by_the_filter_density() -> None:
    span = (date(2015, 1, 1), date(2024, 12, 31))
    year = EventFilter(date_from="2020", date_to="2020")
    assert events.window_cutoff(year, 36_600, span, 100) == date(2020, 12, 31) - timedelta(days=events.MIN_WINDOW_DAYS - 1)
    assert events.window_cutoff(year, 3_660, span, 100) == date(2020, 12, 12)  # 2 x 100 rows at 10 a day: 20 days
    assert events.window_cutoff(year, 150, span, 100) is None  # the window would be the whole year
    assert events.window_cutoff(year, 99, span, 100) is None  # the page is not full: no window can hold it
    assert events.window_cutoff(EventFilter(), 1_000_000, (None, None), 50) is None
    assert events.window_cutoff(EventFilter(), 3_653_000, span, 50) == date(2024, 12, 25)


def test_mentions_are_complete_even_when_seen_bounds_are_wrong(db_copy) -> None:
    """Mentions come from the stored per-document list: wrong seen bounds or counts drop none."""
    writable = duckdb.connect(str(db_copy))
    writable.execute("UPDATE events SET first_seen = last_seen WHERE event_id = 'ev001'")
    writable.execute("UPDATE events SET num_mentions = NULL WHERE event_id = 'ev006'")
    writable.close()
    con = duckdb.connect(str(db_copy), read_only=True)
    try:
        page = {i["event_id"]: i for i in events.list_events(con, limit=100).items}
    finally:
        con.close()
    assert [m["doc_id"] for m in page["ev001"]["mentions"]] == ["doc01", "doc02", "doc03"]
    assert [m["doc_id"] for m in page["ev006"]["mentions"]] == ["doc05", "doc06"]
