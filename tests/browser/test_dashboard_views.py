"""The dashboard's views against the API: CSV download, network roll-up, timeline window, phone width."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

import pytest

from .test_dashboard import api, busiest_actor, wait_ready

pytestmark = pytest.mark.browser


def test_download_csv_holds_the_filtered_events(page: Any, server: Any) -> None:
    actor = busiest_actor(server)
    page.goto(f"{server.url}/#actor={actor}&sort=-articles")
    wait_ready(page, f"actor={actor}")
    with page.expect_download() as info:
        page.click("#download")
    text = Path(info.value.path()).read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0][:3] == ["event_id", "type", "mode"]
    want = api(server, "/api/events", actor=actor, sort="-articles", limit=200)
    assert [r[0] for r in rows[1:]] == [e["event_id"] for e in want["items"]]
    assert len(rows) - 1 == want["total"] > 0
    assert page.errors == []


def test_network_rolls_up_to_countries_and_toggles_to_actors(page: Any, server: Any) -> None:
    page.goto(f"{server.url}/")
    wait_ready(page)
    nodes = lambda: sorted(page.eval_on_selector_all("#network g.node", "els => els.map(e => e.dataset.id)"))  # noqa: E731
    countries = api(server, "/api/network/rollup", level="country", limit=200)["nodes"]
    assert page.get_attribute("#network", "data-level") == "country"
    assert nodes() == sorted(n["id"] for n in countries)
    assert all(len(n) <= 3 for n in nodes()), "country nodes are codes"
    labels = page.eval_on_selector_all("#network text.label", """els => els.map(e => {
        const b = e.getBBox(); return [b.x, b.y, b.x + b.width, b.y + b.height]; })""")
    assert labels, "labels are drawn"
    for i, a in enumerate(labels):
        for b in labels[i + 1:]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), f"labels overlap: {a} {b}"

    page.select_option("#net-level", "actor")
    wait_ready(page, "net=actor")
    actors = api(server, "/api/network/rollup", level="actor", limit=60)["nodes"]
    assert page.get_attribute("#network", "data-level") == "actor"
    assert nodes() == sorted(n["id"] for n in actors)
    page.select_option("#net-color", "quad")
    wait_ready(page, "color=quad")
    assert page.locator("#network-legend .legend-item").count() == 4
    assert page.errors == []


def test_timeline_shows_the_reporting_window_and_counts_undated(page: Any, server: Any) -> None:
    page.goto(f"{server.url}/")
    wait_ready(page)
    extent = api(server, "/api/timeline/extent")
    assert page.text_content("#undated") == f"{extent['undated']} undated, not shown."
    first, last = extent["window"]
    buckets = page.eval_on_selector_all("#timeline rect.bar", "els => els.map(e => e.dataset.bucket)")
    assert buckets and min(buckets) >= first[:8] + "01" and max(buckets) <= max(last, extent["last_date"])
    if extent["before"]:
        page.click("#history")
        wait_ready(page, "history=1")
        earlier = page.eval_on_selector_all("#timeline rect.bar", "els => els.map(e => e.dataset.bucket)")
        assert min(earlier) < first[:8] + "01", "history shows events dated before the window"
    assert page.errors == []


def test_stories_are_paged(page: Any, server: Any) -> None:
    page.goto(f"{server.url}/")
    wait_ready(page)
    stories = api(server, "/api/stories", limit=10)
    shown = page.eval_on_selector_all("#stories li[data-story-id]", "els => els.map(e => e.dataset.storyId)")
    assert shown == [s["story_id"] for s in stories["items"]]
    if stories["pages"] > 1:
        page.click("#story-next")
        wait_ready(page, "spage=2")
        second = api(server, "/api/stories", limit=10, offset=10)
        assert page.eval_on_selector_all("#stories li[data-story-id]", "els => els.map(e => e.dataset.storyId)") == [
            s["story_id"] for s in second["items"]]


def test_merge_panel_reads_in_words(page: Any, server: Any) -> None:
    event = api(server, "/api/events", sort="-articles", limit=1)["items"][0]
    page.goto(f"{server.url}/#sort=-articles")
    wait_ready(page, "sort=-articles")
    page.dispatch_event(f"tr[data-event-id='{event['event_id']}'] td.evidence", "click")
    page.wait_for_selector("#detail li.merge")
    merges = page.eval_on_selector_all("#detail li.merge", "els => els.map(e => e.textContent)")
    detail = api(server, f"/api/events/{event['event_id']}")
    assert merges == [m["summary"] for m in detail["merges"]]
    assert not any("null" in m or m.strip() == "" for m in merges)


def test_the_evidence_panel_says_why_the_event_exists(page: Any, server: Any) -> None:
    """The event's typed provenance in words: each rule with its registry doc, the lexicon entry, the model."""
    event = api(server, "/api/events", sort="-articles", limit=1)["items"][0]
    assert event["why"] is not None
    page.goto(f"{server.url}/#sort=-articles")
    wait_ready(page, "sort=-articles")
    page.dispatch_event(f"tr[data-event-id='{event['event_id']}'] td.evidence", "click")
    page.wait_for_selector("#detail ul.why li")
    lines = page.eval_on_selector_all("#detail ul.why li", "els => els.map(e => e.textContent)")
    why = event["why"]
    assert lines[:len(why["rules"])] == [f"rule {r['id']}: {r['doc']}" for r in why["rules"]]
    assert f"lexicon entry {why['entry']}" in lines
    assert any(line.startswith(f"event model read {why['model_label']}") for line in lines) == bool(why["model_label"])
    assert not any("null" in line or "undefined" in line for line in lines)


def test_the_page_fits_a_phone(browser: Any, server: Any, artifacts: Path) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=1)
    tab = context.new_page()
    try:
        tab.goto(f"{server.url}/")
        wait_ready(tab)
        assert tab.evaluate("document.documentElement.scrollWidth") <= 390
        assert tab.evaluate("document.body.scrollWidth") <= 390
        first = api(server, "/api/events", limit=1)["items"][0]["event_id"]
        tab.dispatch_event(f"tr[data-event-id='{first}'] td.evidence", "click")
        tab.wait_for_selector("#detail blockquote.lead")
        assert tab.evaluate("document.documentElement.scrollWidth") <= 390, "the evidence panel fits too"
        tab.screenshot(path=str(artifacts / "dashboard-phone.png"), full_page=True)
    finally:
        context.close()


def test_filter_fields_take_names_and_say_when_nothing_matches(page: Any, server: Any) -> None:
    page.goto(f"{server.url}/")
    wait_ready(page)
    page.fill("input[name=country]", "Yemen")
    page.click("#apply")
    wait_ready(page, "country=Yemen")
    want = api(server, "/api/events", country="Yemen", limit=1)["total"]
    assert want > 0 and int(page.get_attribute("#event-total", "data-total")) == want
    assert "country=Yemen" in page.get_attribute("#download", "href")
    page.fill("input[name=country]", "Yemne")
    page.click("#apply")
    page.wait_for_function("() => document.body.dataset.state === 'error'")
    assert "did you mean" in page.text_content("#error")
