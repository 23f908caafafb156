"""The dashboard's coarser aggregates: rolled-up network, places per area, the time extent of a filter."""

from __future__ import annotations

from collections import Counter
from typing import Any

import duckdb
import pytest

from petrel.store import overview


def all_events(client: Any, **flt: Any) -> list[dict[str, Any]]:
    items, page = [], 1
    while True:
        body = client.get("/api/events", params={**flt, "limit": 200, "page": page}).json()
        items += body["items"]
        if page >= body["pages"]:
            return items
        page += 1


def test_country_rollup_sums_the_actor_edges_per_country_pair(client: Any) -> None:
    actors = client.get("/api/network", params={"limit": 1000}).json()["edges"]
    want: Counter[tuple[str, str]] = Counter()
    for e in actors:
        want[(e["source_country"] or "?", e["target_country"] or "?")] += e["count"]
    body = client.get("/api/network/rollup").json()
    assert body["level"] == "country"
    got = {(e["source"], e["target"]): e["count"] for e in body["edges"]}
    assert got == dict(want)
    for e in body["edges"]:
        assert sum(e["by_quad"].values()) == e["count"]
        assert e["conflict"] == e["by_quad"]["3"] + e["by_quad"]["4"]
    assert {n["id"] for n in body["nodes"]} == {side for pair in got for side in pair}


def test_actor_level_rollup_is_the_actor_network(client: Any) -> None:
    rolled = client.get("/api/network/rollup", params={"level": "actor", "limit": 60}).json()["edges"]
    plain = client.get("/api/network", params={"limit": 60}).json()["edges"]
    assert [(e["source"], e["target"], e["count"]) for e in rolled] == [(e["source"], e["target"], e["count"]) for e in plain]


def test_sector_rollup_keys_start_with_the_country(client: Any) -> None:
    body = client.get("/api/network/rollup", params={"level": "sector"}).json()
    country = {(e["source"], e["target"]): e["count"]
               for e in client.get("/api/network/rollup").json()["edges"]}
    per_country: Counter[tuple[str, str]] = Counter()
    for e in body["edges"]:
        assert " " in e["source"] and " " in e["target"]
        per_country[(e["source"].split(" ")[0], e["target"].split(" ")[0])] += e["count"]
    assert dict(per_country) == country


def test_place_summary_counts_every_event_once(client: Any) -> None:
    events = all_events(client)
    body = client.get("/api/places/summary").json()
    assert sum(a["count"] for a in body["items"]) + body["unplaced"] == len(events)
    placed = Counter(e["place"]["country"] for e in events if e["place"] and e["place"]["country"])
    assert {a["country"]: a["count"] for a in body["items"]} == dict(placed)
    for a in body["items"]:
        assert sum(a["by_type"].values()) == a["count"]
    precise = Counter((round(e["place"]["lat"], 4), round(e["place"]["lon"], 4)) for e in events
                      if e["place"] and e["place"]["lat"] is not None and e["place"]["precision"] in ("point", "city"))
    assert sorted(p["count"] for p in body["points"]) == sorted(precise.values())


def test_admin1_summary_and_unknown_levels(client: Any) -> None:
    body = client.get("/api/places/summary", params={"level": "admin1"}).json()
    assert body["level"] == "admin1" and all("admin1" in a for a in body["items"])
    for path in ("/api/places/summary", "/api/network/rollup"):
        response = client.get(path, params={"level": "planet"})
        assert response.status_code == 400 and response.json()["error"]["code"] == "E400"


def test_time_extent_splits_the_filtered_events(client: Any, con: duckdb.DuckDBPyConnection) -> None:
    events = all_events(client)
    body = client.get("/api/timeline/extent").json()
    first, last = con.execute("SELECT CAST(min(published) AS DATE), CAST(max(published) AS DATE) FROM articles "
                              "WHERE status = 'ok'").fetchone()
    assert body["window"] == [str(first), str(last)]
    assert body["total"] == len(events)
    assert body["undated"] == sum(1 for e in events if not e["date"])
    assert body["undated"] + body["before"] + body["after"] + body["in_window"] == body["total"]
    dated = sorted(e["date"][:10] for e in events if e["date"])
    assert body["first_date"] == dated[0]


@pytest.mark.parametrize("flt", [{"type": "ASSAULT"}, {"quad_class": "1"}, {"text": "no such words at all"}])
def test_time_extent_follows_the_filter(client: Any, flt: dict[str, str]) -> None:
    body = client.get("/api/timeline/extent", params=flt).json()
    assert body["total"] == client.get("/api/events", params={**flt, "limit": 1}).json()["total"]


def test_levels_are_checked_in_the_library(con: duckdb.DuckDBPyConnection) -> None:
    from petrel.errors import QueryError
    with pytest.raises(QueryError):
        overview.rolled_network(con, level="planet")
    with pytest.raises(QueryError):
        overview.place_aggregates(con, level="planet")
