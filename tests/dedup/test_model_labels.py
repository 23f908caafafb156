"""Two reports of one event whose types differ only because the event model decided one of them merge when
the model reads both sentences as one type; rule-coded types of different families never do on the model's
word alone, and every other field must still match. Mentions written for this test."""

from __future__ import annotations

from petrel.dedup import merge_events
from tests.dedup.builders import add_article, add_mentions, day, event_of, mention

# "The government will deploy two more battalions to the south" / "... will send two additional army battalions"
TROOPS = {"source_name": "government", "source_country": "PHL", "source_sector": ["GOV"],
          "target_name": "army battalions", "target_country": "PHL", "target_sector": ["MIL"],
          "status": "future", "date": "2026-03-16", "place_name": "Marawi City", "place_country": "PHL",
          "place_admin1": "Lanao del Sur", "lat": 8.0, "lon": 124.29}


def _two(con, first: dict, second: dict, *, second_day: int = 4) -> tuple[str, str]:  # noqa: ANN001
    add_article(con, "d1", outlet="Harbor Ledger", published=day(4))
    add_article(con, "d2", outlet="Valley Courier", published=day(second_day))
    add_mentions(con, [mention("m1", "d1", **{**TROOPS, **first}), mention("m2", "d2", **{**TROOPS, **second})])
    return "m1", "m2"


def test_relabelled_in_one_report_and_proposed_in_the_other_merge_on_the_shared_reading(con, dedup_settings) -> None:
    a, b = _two(con, {"type": "MOBILIZE", "origin": "relabelled", "model_label": "MOBILIZE", "model_score": 0.93},
                {"type": "THREATEN", "origin": "model", "model_label": "MOBILIZE", "model_score": 0.95})
    merge_events(con, dedup_settings)
    assert event_of(con, a) == event_of(con, b)
    reason = con.execute("SELECT reason FROM merge_log WHERE mention_id = 'm2'").fetchone()[0]
    assert "compatible types" in reason or "same type" in reason


def test_a_relabelled_report_joins_a_rule_report_the_model_reads_alike(con, dedup_settings) -> None:
    a, b = _two(con, {"type": "MOBILIZE", "origin": "relabelled", "model_label": "MOBILIZE", "model_score": 0.9},
                {"type": "THREATEN", "origin": "rules", "model_label": "MOBILIZE", "model_score": 0.6})
    merge_events(con, dedup_settings)
    assert event_of(con, a) == event_of(con, b)


def test_two_rule_types_stay_apart_though_the_model_reads_both_alike(con, dedup_settings) -> None:
    a, b = _two(con, {"type": "MOBILIZE", "origin": "rules", "model_label": "THREATEN", "model_score": 0.6},
                {"type": "THREATEN", "origin": "rules", "model_label": "THREATEN", "model_score": 0.7})
    merge_events(con, dedup_settings)
    assert event_of(con, a) != event_of(con, b)


def test_different_readings_stay_apart(con, dedup_settings) -> None:
    a, b = _two(con, {"type": "MOBILIZE", "origin": "relabelled", "model_label": "MOBILIZE", "model_score": 0.9},
                {"type": "THREATEN", "origin": "rules", "model_label": "THREATEN", "model_score": 0.9})
    merge_events(con, dedup_settings)
    assert event_of(con, a) != event_of(con, b)


def test_the_shared_reading_does_not_bridge_other_dates_or_places(con, dedup_settings) -> None:
    a, b = _two(con, {"type": "MOBILIZE", "origin": "relabelled", "model_label": "MOBILIZE", "model_score": 0.9},
                {"type": "THREATEN", "origin": "model", "model_label": "MOBILIZE", "model_score": 0.9,
                 "date": "2026-03-26"}, second_day=24)
    add_article(con, "d3", outlet="Island Post", published=day(4))
    add_mentions(con, [mention("m3", "d3", **{**TROOPS, "type": "THREATEN", "origin": "model",
                                              "model_label": "MOBILIZE", "place_name": "Zamboanga City",
                                              "lat": 6.91, "lon": 122.07})])
    merge_events(con, dedup_settings)
    assert len({event_of(con, m) for m in (a, b, "m3")}) == 3


def test_a_target_known_only_by_its_sector_finds_the_named_report(con, dedup_settings) -> None:
    """No country for the battalions and no place: the report has no dyad key in common with the other."""
    a, b = _two(con, {"type": "MOBILIZE", "origin": "rules"},
                {"type": "MOBILIZE", "origin": "rules", "target_name": "two more battalions", "target_country": None,
                 "place_name": None, "place_country": None, "place_admin1": None, "lat": None, "lon": None,
                 "place_precision": None})
    merge_events(con, dedup_settings)
    assert event_of(con, a) == event_of(con, b)
