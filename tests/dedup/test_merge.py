"""Event merging on hand-built event mentions."""

from __future__ import annotations

import pytest

from petrel.dedup import merge_events, refresh
from tests.dedup.builders import add_article, add_mentions, day, event_of, mention


def _two_outlets(con) -> None:
    add_article(con, "a", outlet="Harbor Ledger", published=day(2))
    add_article(con, "b", outlet="Valley Courier", published=day(3))


def test_one_event_told_by_two_outlets_is_one_event_with_two_sources(con, dedup_settings) -> None:
    _two_outlets(con)
    add_mentions(con, [mention("a1", "a"), mention("b1", "b", source_name="gunmen", confidence=0.9)])
    result = merge_events(con, dedup_settings)
    assert result.events_total == 1
    assert event_of(con, "a1") == event_of(con, "b1")
    row = con.execute("SELECT num_mentions, num_articles, num_sources, rep_mention_id, source_name FROM events").fetchone()
    assert row == (2, 2, 2, "b1", "gunmen")  # the most confident mention represents the event


def test_two_strikes_on_one_town_a_week_apart_stay_two_events(con, dedup_settings) -> None:
    _two_outlets(con)
    add_mentions(con, [mention("a1", "a"), mention("b1", "b", date="2026-03-09")])
    assert merge_events(con, dedup_settings).events_total == 2


def test_dates_within_the_window_merge(con, dedup_settings) -> None:
    _two_outlets(con)
    add_mentions(con, [mention("a1", "a"), mention("b1", "b", date="2026-03-04")])
    assert merge_events(con, dedup_settings).events_total == 1


def test_same_actors_same_day_other_town_stay_apart(con, dedup_settings) -> None:
    _two_outlets(con)
    add_mentions(con, [mention("a1", "a"),
                       mention("b1", "b", place_name="Gujba", place_admin1="Yobe", lat=11.5, lon=11.93)])
    assert merge_events(con, dedup_settings).events_total == 2


def test_same_actors_same_day_different_type_stay_apart(con, dedup_settings) -> None:
    _two_outlets(con)
    add_mentions(con, [mention("a1", "a", type="PROTEST"), mention("b1", "b", type="CONSULT")])
    assert merge_events(con, dedup_settings).events_total == 2


def test_family_types_merge_only_on_the_same_day_with_matching_actors(con, dedup_settings) -> None:
    _two_outlets(con)
    add_mentions(con, [mention("a1", "a"), mention("b1", "b", type="COERCE"),
                       mention("b2", "b", type="COERCE", date="2026-03-03", sentence="other", sent_start=50)])
    merge_events(con, dedup_settings)
    assert event_of(con, "a1") == event_of(con, "b1") != event_of(con, "b2")


def test_different_sentences_of_one_article_stay_apart(con, dedup_settings) -> None:
    add_article(con, "a")
    add_mentions(con, [mention("a1", "a", place_name=None, lat=None, lon=None, place_country=None),
                       mention("a2", "a", sentence="another", sent_start=80)])
    assert merge_events(con, dedup_settings).events_total == 2


def test_one_sentence_coded_both_ways_is_one_meeting(con, dedup_settings) -> None:
    add_article(con, "a")
    both = {"type": "CONSULT", "source_sector": ["GOV"], "target_sector": ["GOV"]}
    add_mentions(con, [mention("a1", "a", source_country="CHL", target_country="ARG", **both),
                       mention("a2", "a", source_country="ARG", target_country="CHL", **both)])
    assert merge_events(con, dedup_settings).events_total == 1


def test_symmetric_types_merge_across_outlets_in_either_order(con, dedup_settings) -> None:
    _two_outlets(con)
    both = {"type": "AGREE", "source_sector": ["GOV"], "target_sector": ["GOV"]}
    add_mentions(con, [mention("a1", "a", source_country="NGA", target_country="TCD", **both),
                       mention("b1", "b", source_country="TCD", target_country="NGA", **both)])
    assert merge_events(con, dedup_settings).events_total == 1


@pytest.mark.parametrize(("first", "second", "merged"), [
    ("2011", "2011", True), ("2011", "2011-12", True), ("2011", "2012", False),
    ("2011", "2011-12-18", False), ("2007/2010", "2009", True), ("2011-12", "2011-12-18", True),
    ("2011-11", "2011-12-18", False),
])
def test_coarse_dates_merge_with_overlapping_coarse_dates_or_a_day_inside_a_month(con, dedup_settings, first, second, merged) -> None:
    _two_outlets(con)
    coarse = {"status": "historical", "type": "RETREAT", "source_country": "USA", "source_sector": ["MIL"],
              "target_country": "IRQ", "target_sector": [], "place_name": "Iraq", "place_country": "IRQ",
              "place_precision": "country", "lat": None, "lon": None, "place_admin1": None}
    add_mentions(con, [mention("a1", "a", date=first, **coarse), mention("b1", "b", date=second, **coarse)])
    assert (merge_events(con, dedup_settings).events_total == 1) is merged


@pytest.mark.parametrize(("first", "second", "merged"), [
    ("actual", "historical", True), ("actual", "claimed", True), ("actual", "future", False),
    ("negated", "actual", False), ("hypothetical", "hypothetical", True),
])
def test_status_groups(con, dedup_settings, first, second, merged) -> None:
    _two_outlets(con)
    add_mentions(con, [mention("a1", "a", status=first), mention("b1", "b", status=second)])
    assert (merge_events(con, dedup_settings).events_total == 1) is merged


def test_different_actor_ids_of_one_country_and_sector_merge(con, dedup_settings) -> None:
    _two_outlets(con)
    igo = {"type": "AID", "source_country": "IGO", "source_sector": ["IGO"], "target_sector": ["CVL"]}
    add_mentions(con, [mention("a1", "a", source_actor_id="un", **igo), mention("b1", "b", source_actor_id="wfp", **igo)])
    assert merge_events(con, dedup_settings).events_total == 1


def test_actors_of_other_countries_do_not_merge(con, dedup_settings) -> None:
    _two_outlets(con)
    add_mentions(con, [mention("a1", "a"), mention("b1", "b", source_country="TCD")])
    assert merge_events(con, dedup_settings).events_total == 2


def test_a_vague_report_joins_the_better_attested_event_not_both(con, dedup_settings) -> None:
    for doc, outlet in (("a", "A"), ("b", "B"), ("c", "C"), ("d", "D")):
        add_article(con, doc, outlet=outlet)
    jolo = {"place_name": "Jolo", "lat": 6.05, "lon": 121.0, "place_admin1": "Sulu"}
    add_mentions(con, [mention("a1", "a"), mention("b1", "b"), mention("c1", "c", **jolo),
                       mention("d1", "d", place_name=None, place_country=None, lat=None, lon=None)])
    merge_events(con, dedup_settings)
    assert event_of(con, "d1") == event_of(con, "a1") == event_of(con, "b1") != event_of(con, "c1")


def test_vague_reports_a_week_apart_stay_two_events(con, dedup_settings) -> None:
    for doc, outlet in (("a", "A"), ("b", "B"), ("c", "C")):
        add_article(con, doc, outlet=outlet)
    vague = {"target_name": None, "target_country": None, "target_sector": [], "target_actor_id": None}
    add_mentions(con, [mention("a1", "a", **vague), mention("b1", "b", **vague, date="2026-03-05"),
                       mention("c1", "c", **vague, date="2026-03-09")])
    merge_events(con, dedup_settings)
    assert event_of(con, "a1") != event_of(con, "c1")


def test_a_source_known_only_by_its_sector_joins_the_named_report(con, dedup_settings) -> None:
    """"Soldiers fought militants near Monguno" (no country) is one outlet's partial account of what
    another tells as "Nigerian troops fought militants near Monguno"; a sectorless-country actor of
    another sector is not."""
    for doc, outlet in (("a", "A"), ("b", "B"), ("c", "C")):
        add_article(con, doc, outlet=outlet)
    add_mentions(con, [mention("a1", "a", source_name="troops", source_sector=["MIL"]),
                       mention("b1", "b", source_name="soldiers", source_country=None, source_sector=["MIL"]),
                       mention("c1", "c", source_name="protesters", source_country=None, source_sector=["CVL"])])
    merge_events(con, dedup_settings)
    assert event_of(con, "a1") == event_of(con, "b1") != event_of(con, "c1")


def test_statements_merge_whatever_place_each_outlet_gives(con, dedup_settings) -> None:
    _two_outlets(con)
    add_mentions(con, [mention("a1", "a", type="ACCUSE"),
                       mention("b1", "b", type="ACCUSE", place_name="Abuja", lat=9.06, lon=7.49)])
    assert merge_events(con, dedup_settings).events_total == 1


def test_an_undated_recall_joins_the_recent_dated_event(con, dedup_settings) -> None:
    add_article(con, "a", outlet="A", published=day(2))
    add_article(con, "b", outlet="B", published=day(9))
    add_mentions(con, [mention("a1", "a"), mention("b1", "b", date=None, status="historical")])
    assert merge_events(con, dedup_settings).events_total == 1


def test_merge_log_says_why(con, dedup_settings) -> None:
    _two_outlets(con)
    add_mentions(con, [mention("a1", "a"), mention("b1", "b", place_name=None, place_country=None, lat=None, lon=None)])
    merge_events(con, dedup_settings)
    rows = dict(con.execute("SELECT mention_id, reason FROM merge_log").fetchall())
    assert rows["a1"] == "first report"
    assert rows["b1"].startswith("same type ASSAULT; actors NGA/REB->NGA/MIL; dates 2026-03-02~2026-03-02")
    assert con.execute("SELECT merged_with FROM merge_log WHERE mention_id = 'b1'").fetchone()[0] == "a1"


def test_event_ids_are_stable_and_counts_grow_as_articles_arrive(con, dedup_settings) -> None:
    _two_outlets(con)
    add_mentions(con, [mention("a1", "a")])
    refresh(con, dedup_settings)
    first = event_of(con, "a1")
    add_mentions(con, [mention("b1", "b", confidence=0.95)])
    summary = refresh(con, dedup_settings)
    assert summary.merges.new_mentions == 1
    assert event_of(con, "b1") == first
    assert con.execute("SELECT num_articles, num_sources FROM events WHERE event_id = ?", [first]).fetchone() == (2, 2)


def test_incremental_runs_give_the_full_recompute(con, dedup_settings) -> None:
    docs = [("a", "A", 2), ("b", "B", 3), ("c", "C", 9), ("d", "D", 10)]
    for doc, outlet, d in docs:
        add_article(con, doc, outlet=outlet, published=day(d))
    batches = [[mention("a1", "a"), mention("a2", "a", type="PROTEST", sent_start=9)],
               [mention("b1", "b", date="2026-03-03")],
               [mention("c1", "c", date="2026-03-09"), mention("c2", "c", date="2026-03-02", status="historical",
                                                               sent_start=40)],
               [mention("d1", "d", date="2026-03-10", place_name=None, place_country=None, lat=None, lon=None)]]
    for batch in batches:
        add_mentions(con, batch)
        refresh(con, dedup_settings)
    incremental = sorted(con.execute("SELECT mention_id, event_id FROM event_mentions").fetchall())
    events = con.execute("SELECT * FROM events ORDER BY event_id").fetchall()
    refresh(con, dedup_settings, full=True)
    assert sorted(con.execute("SELECT mention_id, event_id FROM event_mentions").fetchall()) == incremental
    assert con.execute("SELECT * FROM events ORDER BY event_id").fetchall() == events


def test_a_stricter_window_unmerges_on_full_recompute(con, dedup_settings) -> None:
    _two_outlets(con)
    add_mentions(con, [mention("a1", "a"), mention("b1", "b", date="2026-03-04")])
    refresh(con, dedup_settings)
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] == 1
    strict = dedup_settings.model_copy(update={"dedup_window_days": 0})
    refresh(con, strict, full=True)
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] == 2
    assert con.execute("SELECT count(*) FROM merge_log").fetchone()[0] == 2


def test_one_side_of_a_meeting_joins_the_full_report(con, dedup_settings) -> None:
    _two_outlets(con)
    meet = {"type": "CONSULT", "source_sector": ["GOV"], "target_sector": ["GOV"]}
    add_mentions(con, [mention("a1", "a", source_country="CHL", target_country="ARG", **meet),
                       mention("b1", "b", source_country="ARG", target_country=None, target_name=None,
                               target_sector=None, type="CONSULT", source_sector=["GOV"])])
    assert merge_events(con, dedup_settings).events_total == 1


def test_a_month_report_joins_one_of_two_strikes_a_week_apart_never_both(con, dedup_settings) -> None:
    for doc, outlet in (("a", "A"), ("b", "B"), ("c", "C")):
        add_article(con, doc, outlet=outlet, published=day(12))
    add_mentions(con, [mention("a1", "a"), mention("b1", "b", date="2026-03-09"),
                       mention("c1", "c", date="2026-03")])
    merge_events(con, dedup_settings)
    assert event_of(con, "a1") != event_of(con, "b1")
    assert event_of(con, "c1") in (event_of(con, "a1"), event_of(con, "b1"))


def test_a_day_outside_the_month_stays_apart(con, dedup_settings) -> None:
    _two_outlets(con)
    add_mentions(con, [mention("a1", "a", date="2026-03-31"), mention("b1", "b", date="2026-04")])
    assert merge_events(con, dedup_settings).events_total == 2


def test_an_event_stores_its_evidence_and_one_entry_per_reporting_document(con, dedup_settings) -> None:
    _two_outlets(con)
    coded = {"sent_end": 19, "trigger": "hit", "trigger_start": 7}
    add_mentions(con, [mention("a1", "a", published=day(2), **coded),
                       mention("a2", "a", published=day(4), **coded),
                       mention("b1", "b", published=day(3), confidence=0.9, sentence="gunmen hit the base", **coded)])
    assert merge_events(con, dedup_settings).events_total == 1
    evidence, docs = con.execute("SELECT evidence, mention_docs FROM events").fetchone()
    assert evidence == {"doc_id": "b", "sentence": "gunmen hit the base", "start": 0, "end": 19, "trigger": "hit",
                        "trigger_start": 7, "mention_id": "b1"}
    assert [(d["doc_id"], d["published"]) for d in docs] == [("a", day(2)), ("b", day(3))]
