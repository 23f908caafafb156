"""petrel.store.aggregates (timeline, dyad series, network, places) against the fixture database."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest
from api.fixture_db import ACTORS

from .reference import EVENTS, reference
from petrel.errors import QueryError
from petrel.store import aggregates
from petrel.store.filters import EventFilter


def test_dyad_series_counts_the_dyad_over_time(con: duckdb.DuckDBPyConnection) -> None:
    series = aggregates.dyad_series(con, "RUS", "UKR", interval="month")
    expected = reference(EventFilter(source="RUS", target="UKR"))
    assert series["total"] == len(expected) == 4
    assert [r["bucket"] for r in series["series"]] == ["2024-01-01", "2024-02-01", "2024-03-01"]
    both = aggregates.dyad_series(con, "RUS", "UKR", interval="month", directed=False)
    backward = [r for r in both["series"] if r["direction"] == "backward"]
    assert sum(r["count"] for r in backward) == len(reference(EventFilter(source="UKR", target="RUS")))
    by_type = aggregates.dyad_series(con, "RUS_GOV", "UKR_MIL", interval="year", by="type")
    assert {r["key"]: r["count"] for r in by_type["series"]} == {"ASSAULT": 3, "MOBILIZE": 1}


@pytest.mark.parametrize("kwargs", [{"interval": "fortnight"}, {"by": "goldstein; --"}])
def test_dyad_series_rejects_unknown_intervals_and_groupings(con, kwargs) -> None:
    with pytest.raises(QueryError):
        aggregates.dyad_series(con, "RUS", "UKR", **kwargs)


@pytest.mark.parametrize("interval", aggregates.INTERVALS)
def test_timeline_counts_every_event_once(con: duckdb.DuckDBPyConnection, interval: str) -> None:
    series = aggregates.event_timeline(con, interval=interval)
    assert sum(r["count"] for r in series) == len(EVENTS)  # undated events fall on their first sighting
    weekly = {r["bucket"] for r in aggregates.event_timeline(con, interval="week")}
    assert all(date.fromisoformat(b).weekday() == 0 for b in weekly)


def test_network_and_places_aggregate_the_filter(con: duckdb.DuckDBPyConnection) -> None:
    net = aggregates.event_network(con)
    assert sum(e["count"] for e in net["edges"]) == sum(1 for e in EVENTS if e.get("target_name"))
    edge = next(e for e in net["edges"] if (e["source"], e["target"]) == ("RUS_GOV", "UKR_MIL"))
    assert (edge["count"], edge["conflict"], edge["cooperation"]) == (4, 4, 0)
    assert {n["id"] for n in net["nodes"]} == set(ACTORS)
    places = aggregates.event_places(con, EventFilter(country="UKR"))
    assert sum(p["count"] for p in places) == len([i for i in reference(EventFilter(country="UKR"))
                                                     if next(e for e in EVENTS if e["event_id"] == i).get("lat")])


def test_a_dyad_row_is_backward_once_even_when_unresolved_actors_make_the_forward_test_null(db_copy) -> None:
    writable = duckdb.connect(str(db_copy))
    writable.execute("UPDATE events SET source_actor_id = NULL, target_actor_id = NULL WHERE event_id = 'ev019'")
    writable.close()
    con = duckdb.connect(str(db_copy), read_only=True)
    try:
        out = aggregates.dyad_series(con, "Israeli military", "Hamas", interval="year", directed=False)
    finally:
        con.close()
    keys = [(r["bucket"], r["key"], r["direction"]) for r in out["series"]]
    assert len(keys) == len(set(keys))
    assert {"bucket": "2024-01-01", "key": 3, "direction": "backward", "count": 2, "goldstein": -5.5} in out["series"]
