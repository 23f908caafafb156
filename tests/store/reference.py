"""The fixture database's events, and which of them a filter should keep, computed in plain Python.

The query tests of this package check the store's SQL against this reference.
"""

from __future__ import annotations

from typing import Any

from api.fixture_db import build_rows

from petrel.store.filters import EventFilter
from petrel.store.pages import Page

ROWS = build_rows()
EVENTS = ROWS["events"]
MENTIONS = ROWS["event_mentions"]
CONTRACT_KEYS = {"event_id", "type", "mode", "context", "cameo", "status", "source", "target", "date",
                 "date_precision", "place", "evidence", "mentions", "num_articles", "num_sources", "confidence"}


COUNTRY_NAMES = {"russia": "RUS", "israel": "ISR", "ukraine": "UKR", "egypt": "EGY"}  # the spec names a country


def _side_matches(event: dict[str, Any], side: str, spec: str) -> bool:
    return (event.get(f"{side}_actor_id") == spec or (event.get(f"{side}_name") or "").lower() == spec.lower()
            or event.get(f"{side}_country") in {spec.upper(), COUNTRY_NAMES.get(spec.lower(), spec.upper())})


def reference(flt: EventFilter) -> set[str]:
    """Event ids the filter should keep, computed in Python from the fixture rows."""
    keep = set()
    for e in EVENTS:
        mentions = [m for m in MENTIONS if m["event_id"] == e["event_id"]]
        checks = [
            not flt.actor or _side_matches(e, "source", flt.actor) or _side_matches(e, "target", flt.actor),
            not flt.source or _side_matches(e, "source", flt.source),
            not flt.target or _side_matches(e, "target", flt.target),
            not flt.country or flt.country.upper() in (e.get("source_country"), e.get("target_country")),
            not flt.type or e["type"] in flt.type,
            not flt.quad_class or e["quad_class"] in flt.quad_class,
            not flt.status or e["status"] in flt.status,
            not flt.date_from or (e["date_end"] is not None and e["date_end"] >= flt.date_from),
            not flt.date_to or (e["date_start"] is not None and e["date_start"] <= flt.date_to),
            not flt.text or any(flt.text.lower() in m["sentence"].lower() for m in mentions),
            not flt.outlet or any(m["outlet"].lower() == flt.outlet.lower() for m in mentions),
            not flt.story_id or e["story_id"] == flt.story_id,
            not flt.place or (e.get("place_name") or "").lower() == flt.place.lower()
            or e.get("place_country") == flt.place.upper(),
        ]
        if all(checks):
            keep.add(e["event_id"])
    return keep


def ids(page: Page) -> set[str]:
    return {item["event_id"] for item in page.items}
