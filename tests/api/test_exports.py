"""Exports over HTTP (CSV, Parquet, JSONL), unknown parameters, forgiving filters, sorting, paging, /docs."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import re
from datetime import date
from typing import Any

import duckdb
import pyarrow.parquet as pq
import pytest

from store.reference import EVENTS, reference
from .test_routes import error_of
from petrel.export import EVENT_COLUMNS, EVENT_SCHEMA
from petrel.store.queries import EventFilter, strip_sentence


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


# -- exports ------------------------------------------------------------------------------------


def test_csv_export_has_every_matching_event_and_the_cli_columns(client) -> None:
    response = client.get("/api/events", params={"actor": "RUS_GOV", "format": "csv"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert 'filename="petrel-events.csv"' in response.headers["content-disposition"]
    rows = csv_rows(response.text)
    assert response.text.splitlines()[0].split(",") == list(EVENT_COLUMNS)
    assert {r["event_id"] for r in rows} == reference(EventFilter(actor="RUS_GOV"))
    first = next(r for r in rows if r["event_id"] == "ev001")
    assert (first["source_actor_id"], first["target_country"], first["place_name"]) == ("RUS_GOV", "UKR", "Kyiv")
    assert first["evidence_sentence"].startswith("Russia shelled") and first["num_sources"] == "3"


def test_accept_text_csv_chooses_csv_and_exports_more_than_a_page(client) -> None:
    response = client.get("/api/events", headers={"Accept": "text/csv"})
    assert response.headers["content-type"].startswith("text/csv")
    assert len(csv_rows(response.text)) == len(EVENTS)


def test_an_export_honours_an_explicit_page(client) -> None:
    rows = csv_rows(client.get("/api/events", params={"format": "csv", "limit": 3, "page": 2}).text)
    page = client.get("/api/events", params={"limit": 3, "page": 2}).json()["items"]
    assert [r["event_id"] for r in rows] == [i["event_id"] for i in page]


def test_parquet_export_has_the_fixed_schema_and_the_rows(client) -> None:
    response = client.get("/api/events", params={"country": "ISR", "format": "parquet"})
    assert response.status_code == 200 and response.headers["content-type"] == "application/vnd.apache.parquet"
    table = pq.read_table(io.BytesIO(response.content))
    assert table.schema.equals(EVENT_SCHEMA)
    assert set(table.column("event_id").to_pylist()) == reference(EventFilter(country="ISR"))
    goldstein = dict(zip(table.column("event_id").to_pylist(), table.column("goldstein").to_pylist(), strict=True))
    assert all(isinstance(v, float) for v in goldstein.values())


def test_accept_parquet_and_jsonl(client) -> None:
    parquet = client.get("/api/events", headers={"Accept": "application/vnd.apache.parquet"})
    assert pq.read_table(io.BytesIO(parquet.content)).num_rows == len(EVENTS)
    jsonl = client.get("/api/events", params={"type": "AID"}, headers={"Accept": "application/x-ndjson"})
    assert jsonl.headers["content-type"].startswith("application/x-ndjson")
    lines = [json.loads(line) for line in jsonl.text.splitlines()]
    assert {e["event_id"] for e in lines} == reference(EventFilter(type=["AID"]))
    assert {"source", "evidence", "mentions"} <= set(lines[0])


def test_a_browser_accept_header_still_gets_json(client) -> None:
    accept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
    assert client.get("/api/events", headers={"Accept": accept}).json()["total"] == len(EVENTS)


@pytest.mark.parametrize("fmt", ["csv", "parquet", "jsonl"])
def test_an_empty_export_still_has_its_header(client, fmt: str) -> None:
    response = client.get("/api/events", params={"format": fmt, "from": "1990", "to": "1990"})
    assert response.status_code == 200
    if fmt == "csv":
        assert response.text.splitlines() == [",".join(EVENT_COLUMNS)]
    elif fmt == "parquet":
        table = pq.read_table(io.BytesIO(response.content))
        assert table.num_rows == 0 and table.schema.equals(EVENT_SCHEMA)
    else:
        assert response.text == ""


def test_a_bad_filter_on_an_export_is_a_json_error_not_a_broken_download(client) -> None:
    error = error_of(client.get("/api/events", params={"format": "csv", "actor": "Mozambik"}), 400, "E400")
    assert "MOZ (Mozambique)" in error["message"]


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_an_export_streams_in_batches(con, monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    """The response body is a generator of one chunk per batch of rows, not one buffered body."""
    from petrel import export
    from petrel.api.exports import export_response
    from petrel.api.params import Paging

    monkeypatch.setattr(export, "BATCH_ROWS", 4)
    response = export_response(con, EventFilter(), sort="-date", fmt=fmt, paging=Paging(1, 50, 0))
    async def collect() -> list[bytes]:
        return [chunk async for chunk in response.body_iterator]  # type: ignore[misc]

    chunks = asyncio.run(collect())
    assert len(chunks) >= len(EVENTS) // 4
    body = b"".join(chunks)
    if fmt == "csv":
        assert len(csv_rows(body.decode())) == len(EVENTS)
    else:
        assert pq.ParquetFile(io.BytesIO(body)).num_row_groups == -(-len(EVENTS) // 4)


# -- unknown parameters -------------------------------------------------------------------------


def _get_routes(client) -> list[str]:
    schema = client.get("/openapi.json").json()
    routes = []
    for path, ops in schema["paths"].items():
        if "get" in ops:
            routes.append(re.sub(r"\{[^}]+\}", "RUS_GOV", path))
    return routes


def test_every_route_refuses_an_unknown_parameter_naming_it(client) -> None:
    routes = _get_routes(client)
    assert len(routes) >= 12
    for route in routes:
        error = error_of(client.get(route, params={"acter": "RUS"}), 400, "E400")
        assert "'acter'" in error["message"], route
        assert error["detail"]["unknown"] == ["acter"]


def test_a_known_parameter_is_not_refused(client) -> None:
    assert client.get("/api/events", params={"actor": "RUS_GOV", "page": 1, "limit": 5}).status_code == 200
    assert client.get("/api/dyads", params={"source": "RUS", "target": "UKR", "from": "2024"}).status_code == 200


# -- forgiving filters ----------------------------------------------------------------------------


@pytest.mark.parametrize("spec, same_as", [
    ("Russia", "RUS"), ("russia", "RUS"), ("RU", "RUS"), ("Russian", "RUS"), ("ukrainian army", "UKR_MIL"),
    ("HAMAS", "PSE_HAMAS"), ("Israël", "ISR"), ("Egypt", "EGY"),
])
def test_actor_takes_ids_names_country_names_and_codes(client, spec: str, same_as: str) -> None:
    got = client.get("/api/events", params={"actor": spec, "limit": 200}).json()
    want = client.get("/api/events", params={"actor": same_as, "limit": 200}).json()
    assert got["total"] == want["total"] > 0
    assert {i["event_id"] for i in got["items"]} == {i["event_id"] for i in want["items"]}


@pytest.mark.parametrize("spec", ["Ukraine", "UA", "UKR", "ukrainian", "  Ukraine "])
def test_country_takes_names_demonyms_and_codes(client, spec: str) -> None:
    body = client.get("/api/events", params={"country": spec, "limit": 200}).json()
    assert {i["event_id"] for i in body["items"]} == reference(EventFilter(country="UKR"))


@pytest.mark.parametrize("param, value, suggestion", [
    ("actor", "Mozambik", "MOZ (Mozambique)"), ("country", "Ukriane", "UKR (Ukraine)"),
    ("source", "Ukranian army", "Ukrainian army (UKR_MIL)"), ("target", "Hamass", "Hamas (PSE_HAMAS)"),
])
def test_nothing_matches_says_so_with_suggestions(client, param: str, value: str, suggestion: str) -> None:
    error = error_of(client.get("/api/events", params={param: value}), 400, "E400")
    assert error["message"].startswith(f"no {'country' if param == 'country' else 'actor'} matches {value!r} ({param})")
    assert f"did you mean {suggestion}" in error["message"] or suggestion in error["message"]
    assert suggestion in error["detail"]["suggestions"]


def test_the_actor_list_takes_a_country_name(client) -> None:
    items = client.get("/api/actors", params={"country": "Russia"}).json()["items"]
    assert [a["actor_id"] for a in items] == ["RUS_GOV"]
    assert "RUS (Russia)" in error_of(client.get("/api/actors", params={"country": "Rusia"}), 400, "E400")["message"]


def test_an_actor_the_knowledge_base_knows_without_events_is_an_empty_result(client) -> None:
    assert client.get("/api/events", params={"actor": "Boko Haram"}).json()["total"] == 0


def test_the_network_and_dyads_forgive_too(client) -> None:
    assert client.get("/api/network", params={"actor": "Russia"}).json()["edges"]
    dyad = client.get("/api/dyads", params={"source": "Russia", "target": "Ukrainian army"}).json()
    assert dyad["total"] == len(reference(EventFilter(source="RUS_GOV", target="UKR_MIL")))
    error_of(client.get("/api/dyads", params={"source": "Russsia", "target": "UKR"}), 400, "E400")


# -- dates ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("params, start, end", [
    ({"from": "2024"}, date(2024, 1, 1), None), ({"from": "2024-02"}, date(2024, 2, 1), None),
    ({"to": "2024-01"}, None, date(2024, 1, 31)), ({"from": "2024-02", "to": "2024-02"}, date(2024, 2, 1), date(2024, 2, 29)),
    ({"date_from": "2024-02", "date_to": "2024"}, date(2024, 2, 1), date(2024, 12, 31)),
])
def test_from_and_to_take_a_year_or_a_month(client, params: dict[str, str], start, end) -> None:
    body = client.get("/api/events", params={**params, "limit": 200}).json()
    assert {i["event_id"] for i in body["items"]} == reference(EventFilter(date_from=start, date_to=end))


def test_date_errors_name_the_parameter_as_typed(client) -> None:
    assert error_of(client.get("/api/events?from=yesterday"), 400, "E400")["message"].startswith("from must be a date")
    assert error_of(client.get("/api/events?date_from=yesterday"), 400, "E400")["message"].startswith(
        "date_from must be a date")
    assert error_of(client.get("/api/events?from=2024-05&to=2024-01"), 400, "E400")["message"] == "from is after to"
    error_of(client.get("/api/events?from=2024&date_from=2024"), 400, "E400")


# -- order and paging -----------------------------------------------------------------------------


def test_events_are_newest_first_by_default(client) -> None:
    dates = [i["date"] for i in client.get("/api/events", params={"limit": 200}).json()["items"] if i["date"]]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize("params, field, descending", [
    ({"sort": "num_sources"}, "num_sources", False), ({"sort": "-num_sources"}, "num_sources", True),
    ({"sort": "num_sources", "order": "desc"}, "num_sources", True), ({"sort": "-goldstein", "order": "asc"}, "goldstein", False),
    ({"sort": "goldstein", "order": "desc"}, "goldstein", True), ({"order": "asc"}, "date", False),
    ({"sort": "date"}, "date", False),
])
def test_sort_and_order(client, params: dict[str, str], field: str, descending: bool) -> None:
    items = client.get("/api/events", params={**params, "limit": 200}).json()["items"]
    values = [i[field] for i in items if i[field] is not None]
    assert len(set(values)) > 1
    assert values == sorted(values, reverse=descending)


def test_stories_page_with_limit_and_offset(client) -> None:
    everything = client.get("/api/stories", params={"limit": 200}).json()
    assert everything["total"] >= 2
    second = client.get("/api/stories", params={"limit": 1, "offset": 1}).json()
    assert (second["offset"], second["page"], second["limit"], second["pages"]) == (1, 2, 1, everything["total"])
    assert second["items"] == everything["items"][1:2]
    assert client.get("/api/stories", params={"limit": 1, "page": 2}).json()["items"] == second["items"]
    error_of(client.get("/api/stories", params={"page": 2, "offset": 1}), 400, "E400")


# -- readable event details -----------------------------------------------------------------------


def test_merges_read_in_words(client) -> None:
    event = client.get("/api/events/ev001").json()
    merges = event["merges"]
    assert merges and all(m["summary"] and m["kind"] in ("first", "identical", "similar") for m in merges)
    for merge in merges:
        assert "None" not in merge["summary"] and "null" not in merge["summary"]
        if merge["merged_with"]:
            assert merge["merged_with_outlet"] and merge["merged_with_title"] and merge["outlet"] and merge["title"]


def test_evidence_sentences_are_stripped_with_offsets_kept_true(db_copy) -> None:
    con = duckdb.connect(str(db_copy))
    con.execute("UPDATE event_mentions SET sentence = '  ' || sentence || E'\\n', sent_start = sent_start - 2, "
                "sent_end = sent_end + 1 WHERE event_id = 'ev001'")
    con.close()
    from petrel.store import queries

    con = duckdb.connect(str(db_copy), read_only=True)
    mentions = queries.get_event(con, "ev001")["event_mentions"]
    con.close()
    for m in mentions:
        assert m["sentence"] == m["sentence"].strip() and m["sentence"].startswith("Russia")
        assert m["sent_end"] - m["sent_start"] == len(m["sentence"])
        assert m["sentence"][m["trigger_start"] - m["sent_start"]:].startswith(m["trigger"])


def test_strip_sentence_moves_the_offsets() -> None:
    row: dict[str, Any] = {"sentence": " \tA sentence. \n", "start": 10, "end": 25}
    assert strip_sentence(row, "sentence", "start", "end") == {"sentence": "A sentence.", "start": 12, "end": 23}
    assert strip_sentence({"sentence": None, "start": 1, "end": 2}, "sentence", "start", "end")["start"] == 1


# -- the offline docs page ------------------------------------------------------------------------


def test_docs_page_is_served_with_local_assets_only(client) -> None:
    page = client.get("/docs")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    html = page.text
    assert not re.search(r"(src|href)\s*=\s*[\"']?(https?:)?//", html, flags=re.I)
    assets = [a for a in re.findall(r"(?:src|href)=\"([^\"]+)\"", html) if not a.startswith("data:")]
    assert any(a.endswith(".js") for a in assets) and any(a.endswith(".css") for a in assets)
    for asset in assets:
        response = client.get(asset if asset.startswith("/") else "/docs/" + asset)
        assert response.status_code == 200, asset
        if asset.endswith("init.js"):
            assert "/openapi.json" in response.text
            assert not re.search(r"https?://", response.text)
    csp = page.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "http" not in csp
