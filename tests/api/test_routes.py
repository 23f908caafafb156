"""The HTTP API over the fixture database: filters, paging, sorting, one error shape, OpenAPI."""

from __future__ import annotations

from typing import Any

import pytest

from store.reference import EVENTS, reference
from petrel.store.queries import EventFilter

EVENT_ROUTES = ["/api/events", "/api/timeline", "/api/network", "/api/places"]


def error_of(response: Any, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "detail"}
    assert body["error"]["code"] == code and body["error"]["message"]
    return body["error"]


def test_events_lists_a_page_with_its_envelope(client) -> None:
    body = client.get("/api/events", params={"limit": 7, "page": 2}).json()
    assert (body["total"], body["page"], body["limit"], body["pages"]) == (len(EVENTS), 2, 7, 3)
    assert len(body["items"]) == 7
    assert {"event_id", "evidence", "mentions", "source", "target", "quad_class"} <= set(body["items"][0])


@pytest.mark.parametrize("params, flt", [
    ({"actor": "RUS_GOV"}, EventFilter(actor="RUS_GOV")),
    ({"source": "israeli military", "target": "PSE"}, EventFilter(source="israeli military", target="PSE")),
    ({"country": "UKR", "type": ["ASSAULT", "ACCUSE"]}, EventFilter(country="UKR", type=["ASSAULT", "ACCUSE"])),
    ({"type": "ASSAULT,AID", "quad_class": [4]}, EventFilter(type=["ASSAULT", "AID"], quad_class=[4])),
    ({"status": "future,hypothetical"}, EventFilter(status=["future", "hypothetical"])),
    ({"date_from": "2024-02-01", "date_to": "2024-02-29"}, EventFilter(date_from="2024-02-01", date_to="2024-02-29")),
    ({"text": "shelled", "place": "gaza"}, EventFilter(text="shelled", place="gaza")),
    ({"outlet": "Northern Wire"}, EventFilter(outlet="Northern Wire")),
    ({"story_id": "story-ukraine"}, EventFilter(story_id="story-ukraine")),
])
def test_event_filters_over_http(client, params: dict[str, Any], flt: EventFilter) -> None:
    body = client.get("/api/events", params={**params, "limit": 200}).json()
    assert {i["event_id"] for i in body["items"]} == reference(flt)
    assert body["total"] == len(reference(flt))
    timeline = client.get("/api/timeline", params={**params, "interval": "day"}).json()
    assert sum(r["count"] for r in timeline["series"]) == body["total"]


def test_sorting_over_http(client) -> None:
    items = client.get("/api/events", params={"sort": "goldstein", "limit": 200}).json()["items"]
    scores = [i["goldstein"] for i in items]
    assert scores == sorted(scores)


@pytest.mark.parametrize("url", [
    "/api/events?limit=201", "/api/events?limit=0", "/api/events?page=0", "/api/events?sort=random()",
    "/api/events?quad_class=five", "/api/events?format=xml", "/api/events?order=up",
    "/api/events?actor=" + "x" * 201, "/api/dyads?source=RUS", "/api/dyads?source=RUS&target=UKR&interval=hour",
    "/api/timeline?by=goldstein", "/api/network?limit=5000", "/api/actors?sort=age",
    "/api/documents?status=lost", "/api/actors/RUS_GOV/events?role=bystander",
])
def test_invalid_parameters_get_the_one_error_shape(client, url: str) -> None:
    error = error_of(client.get(url), 400, "E400")
    assert "errors" in error["detail"] or error["detail"] == {}


@pytest.mark.parametrize("url", ["/api/events?type=EXPLODE", "/api/events?status=rumour",
                                 "/api/events?quad_class=9", "/api/events?date_from=2024-03-01&date_to=2024-01-01",
                                 "/api/events?date_from=01/02/2024", "/api/events?country=Narnia"])
def test_domain_validation_errors_say_what_is_allowed(client, url: str) -> None:
    error_of(client.get(url), 400, "E400")


@pytest.mark.parametrize("url", ["/api/events/nope", "/api/actors/nope", "/api/actors/nope/events",
                                 "/api/documents/nope", "/api/stories/nope", "/api/nothing-here", "/nothing.js"])
def test_not_found_has_the_one_error_shape(client, url: str) -> None:
    error_of(client.get(url), 404, "E404")


def test_comma_lists_count_against_the_cap(client) -> None:
    """Regression (issue 13): 'type=A,A,...' passed the 16-value cap that repeated parameters have."""
    assert client.get("/api/events", params={"type": ",".join(["ASSAULT"] * 16)}).status_code == 200
    for params in ({"type": ",".join(["ASSAULT"] * 17)}, {"type": ",".join(["ASSAULT"] * 2000)},
                   {"type": ["ASSAULT,THREATEN"] * 9}, {"status": ",".join(["actual"] * 7)}):
        error = error_of(client.get("/api/events", params=params), 400, "E400")
        assert error["detail"]["param"] in {"type", "status"}


def test_a_wrong_method_has_the_one_error_shape(client) -> None:
    error_of(client.delete("/api/events"), 405, "E400")


def test_detail_routes(client) -> None:
    event = client.get("/api/events/ev001").json()
    assert len(event["event_mentions"]) == 3 and len(event["merges"]) == 2
    # the typed provenance as lists (the event's representative mention's, and each mention's), beside the
    # old display string
    assert event["provenance"] == ["fixture"] and event["repeats"] == []
    assert all(m["provenance"] == ["fixture"] and m["rule"] == "fixture" for m in event["event_mentions"])
    assert client.get("/api/events", params={"limit": 1}).json()["items"][0]["provenance"] == ["fixture"]
    actor = client.get("/api/actors/UKR_MIL").json()
    assert actor["name"] == "Ukrainian army" and actor["counterparts"]
    events = client.get("/api/actors/UKR_MIL/events", params={"role": "source"}).json()
    assert events["total"] == len(reference(EventFilter(source="UKR_MIL")))
    doc = client.get("/api/documents/doc05").json()
    assert doc["text"].startswith("United States sanctioned Russia") and doc["quotes"][0]["quote_id"] == "q001"
    story = client.get("/api/stories/story-ukraine").json()
    assert [a["published"] for a in story["articles"]] == sorted(a["published"] for a in story["articles"])


def test_lists_of_actors_documents_and_stories(client) -> None:
    assert client.get("/api/actors", params={"country": "pse"}).json()["items"][0]["actor_id"] == "PSE_HAMAS"
    docs = client.get("/api/documents", params={"status": "ok", "limit": 5}).json()
    assert docs["total"] == 12 and docs["pages"] == 3
    assert client.get("/api/stories", params={"q": "truce"}).json()["items"][0]["story_id"] == "story-gaza"


def test_dyads_network_places_stats_health(client) -> None:
    dyad = client.get("/api/dyads", params={"source": "ISR", "target": "PSE", "interval": "month",
                                            "directed": "false"}).json()
    assert dyad["total"] == len(reference(EventFilter(source="ISR", target="PSE"))) + len(
        reference(EventFilter(source="PSE", target="ISR")))
    network = client.get("/api/network", params={"actor": "IGO_UN"}).json()
    assert [(e["source"], e["target"]) for e in network["edges"]] == [("IGO_UN", "ISR_MIL")]  # the AID has no target
    places = client.get("/api/places", params={"type": "CONSULT"}).json()["items"]
    assert {p["name"] for p in places} == {"Cairo", "Geneva"}
    assert client.get("/api/stats").json()["events"] == len(EVENTS)
    assert client.get("/api/health").json() == {"status": "ok", "version": "0.1.0", "read_only": True, "pipeline": "off"}


def test_openapi_describes_every_api_route(client) -> None:
    schema = client.get("/openapi.json").json()
    api_paths = {r.path for r in client.app.routes if getattr(r, "path", "").startswith("/api")}
    assert api_paths <= set(schema["paths"])
    assert "EventOut" in schema["components"]["schemas"] and "ErrorOut" in schema["components"]["schemas"]
    assert client.get("/docs").status_code == 200  # bundled Swagger UI: see test_exports.test_docs_page_...
    assert "/docs" not in schema["paths"] and "/docs/assets" not in schema["paths"]


def test_article_markup_comes_back_as_json_text(client) -> None:
    response = client.get("/api/documents/doc12")
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["title"].startswith("<script>")  # stored verbatim; the dashboard escapes it


def test_quotes_by_document_and_speaker(client) -> None:
    body = client.get("/api/quotes", params={"speaker": "united"}).json()
    assert body["total"] == 1 and body["items"][0]["quote_id"] == "q001" and body["items"][0]["outlet"]
    assert client.get("/api/quotes", params={"doc_id": "doc01"}).json()["total"] == 0
    assert client.get("/api/quotes", params={"speaker": "x" * 201}).status_code == 400
