"""End to end on the seed articles (read from ../shared at run time; skipped when absent).

Dates and places depend on the events the coder finds, so the checks are on what our stages own:
formats, the never-after-publication rule, and the share of matched gold events (the scorer's matcher,
through the ``seed_run`` fixture) with the gold date and place. Too few matches fail; nothing skips.
"""

from __future__ import annotations

import re

import pytest

from petrel.geo.names import normalize
from petrel.models import ProcessedDocument

PLACED_MATCHED = 4  # matched gold lines with a place and the right status: fewer fails
FORMATS = {"day": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}"}
PAST = {"actual", "historical", "claimed", "negated"}


@pytest.fixture(scope="module")
def seeds(seed_run) -> dict[str, ProcessedDocument]:
    return seed_run[0]


def well_formed(value: str, precision: str) -> bool:
    if precision == "range":
        return all(any(re.fullmatch(f, p) for f in FORMATS.values()) for p in value.split("/"))
    return bool(re.fullmatch(FORMATS[precision], value))


def test_dates_are_well_formed_and_never_after_publication(seeds):
    events = [(doc, e) for doc in seeds.values() for e in doc.events]
    assert events, "the coder found no events in the seeds"
    for doc, event in events:
        assert (event.date is None) == (event.date_precision is None)
        if event.date:
            assert well_formed(event.date, event.date_precision), event.date
            published = doc.article.published
            if published and event.status in PAST:
                assert event.date.split("/")[0] <= published.date().isoformat()[: len(event.date.split("/")[0])]


def test_places_have_coordinates(seeds):
    for doc in seeds.values():
        for event in doc.events:
            if event.place is not None:
                assert event.place.precision in ("point", "city", "admin1", "country", "region")
                assert event.place.lat is not None and event.place.lon is not None


def test_matched_gold_events_have_the_gold_date(seed_run):
    """Matched with the scorer's matcher; 12 dated gold lines are matched today (all with the right date)."""
    pairs = [(g, e) for g, e in seed_run[1] if g.date]
    assert len(pairs) >= 10, f"only {len(pairs)} dated gold events matched"
    right = sum(e.date == g.date for g, e in pairs)
    assert right / len(pairs) >= 0.8, [(g.gold_id, e.date, g.date) for g, e in pairs if e.date != g.date]


def test_matched_gold_events_have_the_gold_place(seed_run):
    pairs = [(g, e) for g, e in seed_run[1] if g.place and e.status == g.status]
    assert len(pairs) >= PLACED_MATCHED, f"only {len(pairs)} placed gold events matched"
    right = sum(e.place is not None and normalize(g.place) in normalize(e.place.name) for g, e in pairs)
    assert right / len(pairs) >= 0.6, [(g.gold_id, e.place, g.place) for g, e in pairs]
