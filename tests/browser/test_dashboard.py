"""End to end: the dashboard in headless Chromium shows exactly what the API answers for a filter."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest

pytestmark = pytest.mark.browser
READY = "(part) => document.body.dataset.state === 'ready' && decodeURIComponent(location.hash).includes(part)"


def api(server: Any, path: str, **params: Any) -> Any:
    response = httpx.get(f"{server.url}{path}?{urlencode(params, doseq=True)}", timeout=10)
    response.raise_for_status()
    return response.json()


def wait_ready(page: Any, hash_part: str = "") -> None:
    page.wait_for_function(READY, arg=hash_part, timeout=15000)  # a function: no eval under the page's CSP


def shown(page: Any) -> dict[str, Any]:
    """What the dashboard drew: table rows, total, bars, edges and dots with their data attributes."""
    return page.evaluate("""() => ({
        rows: [...document.querySelectorAll('#events tbody tr[data-event-id]')].map(r => r.dataset.eventId),
        total: Number(document.getElementById('event-total').dataset.total),
        bars: [...document.querySelectorAll('#timeline rect.bar')].map(b => Number(b.dataset.count)),
        edges: [...document.querySelectorAll('#network path.edge')].map(e => [e.dataset.source, e.dataset.target,
                                                                             Number(e.dataset.count)]),
        dots: [...document.querySelectorAll('#map circle.dot')].map(d => Number(d.dataset.count)),
    })""")


def timeline_window(server: Any, **flt: Any) -> dict[str, str]:
    """The dates the timeline is drawn for: the reporting window unless the filter has its own dates."""
    if "date_from" in flt or "date_to" in flt:
        return {}
    extent = api(server, "/api/timeline/extent", **flt)
    first, last = extent["window"]
    if not first:
        return {"date_from": extent["first_date"]} if extent["first_date"] else {}
    return {"date_from": first, "date_to": max(last, extent["last_date"] or last)}


def expected(server: Any, **flt: Any) -> dict[str, Any]:
    events = api(server, "/api/events", limit=50, **flt)
    window = timeline_window(server, **flt)
    since = window.get("date_from", "")[:8] + "01" if "date_to" in window else ""
    timeline = [r for r in api(server, "/api/timeline", interval="month", **{**flt, **window})["series"]
                if r["bucket"] >= since]
    network = api(server, "/api/network/rollup", level="country", limit=200, **flt)["edges"]
    places = api(server, "/api/places/summary", **flt)["points"]
    return {"rows": [e["event_id"] for e in events["items"]], "total": events["total"],
            "bars": sorted(r["count"] for r in timeline),
            "edges": sorted([e["source"], e["target"], e["count"]] for e in network),
            "dots": sorted(p["count"] for p in places)}


def assert_matches(page: Any, server: Any, **flt: Any) -> dict[str, Any]:
    got, want = shown(page), expected(server, **flt)
    assert got["rows"] == want["rows"], "table rows differ from /api/events"
    assert got["total"] == want["total"]
    assert sorted(got["bars"]) == want["bars"], "timeline bars differ from /api/timeline"
    assert sorted(got["edges"]) == want["edges"], "network edges differ from /api/network/rollup"
    assert sorted(got["dots"]) == want["dots"], "map dots differ from /api/places/summary"
    return want


def busiest_actor(server: Any) -> str:
    return api(server, "/api/actors", limit=1, sort="-events")["items"][0]["actor_id"]


def test_a_filter_drives_table_timeline_network_and_map(page: Any, server: Any, artifacts: Path) -> None:
    page.goto(f"{server.url}/")
    wait_ready(page)
    assert_matches(page, server)

    actor = busiest_actor(server)
    page.fill("input[name=actor]", actor)
    page.click("#apply")
    wait_ready(page, f"actor={actor}")
    want = assert_matches(page, server, actor=actor)
    assert want["total"] > 0 and want["edges"], "the busiest actor should have events and edges"
    page.screenshot(path=str(artifacts / "dashboard.png"), full_page=True)

    source, target, _ = max((e for e in want["edges"] if "?" not in e[:2]), key=lambda e: e[2])
    # a curved edge's box centre may miss its stroke, so the click is sent to the element itself
    page.dispatch_event(f"#network path.edge[data-source='{source}'][data-target='{target}']", "click")
    wait_ready(page, f"target={target}")
    assert_matches(page, server, source=source, target=target)
    page.wait_for_selector("#dyad figure.dyad-side")
    assert page.locator("#dyad figure.dyad-side").count() == 2, "the dyad's two directions side by side"
    assert page.errors == []


def test_clicking_a_row_shows_its_evidence(page: Any, server: Any) -> None:
    page.goto(f"{server.url}/")
    wait_ready(page)
    first = api(server, "/api/events", limit=1)["items"][0]
    page.click(f"tr[data-event-id='{first['event_id']}'] td.evidence")  # not on an actor link: those filter
    page.wait_for_selector("#detail blockquote.lead mark")
    assert page.text_content("#detail blockquote.lead") == first["evidence"]["sentence"]
    assert page.text_content("#detail blockquote.lead mark") == first["evidence"]["trigger"]
    assert page.locator("#detail li.mention").count() == len(api(server, f"/api/events/{first['event_id']}")["event_mentions"])


def test_stored_markup_shows_as_text_and_never_runs(page: Any, markup_server: Any) -> None:
    server = markup_server
    page.goto(f"{server.url}/#text=rejected")
    wait_ready(page, "text=rejected")
    row = page.locator("tr[data-event-id='ev016'] td.evidence")
    assert '<img src=x onerror="window.__petrel_xss=1">' in row.text_content()
    page.click("tr[data-event-id='ev016'] td.evidence")
    page.wait_for_selector("#detail li.mention button")
    page.click("#detail li.mention button")
    page.wait_for_selector("#detail .doc-title")
    assert page.text_content("#detail .doc-title").startswith("<script>")
    assert page.locator("#detail script, #detail img, #events img").count() == 0
    assert page.evaluate("window.__petrel_xss") is None
