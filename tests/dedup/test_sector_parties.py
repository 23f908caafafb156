"""Parties known only by what they are, through the full pipeline and the merger: a sector-only report of an
event joins the named report of it, and two events whose only parties are civilians stay two.

Every article here is written for this test."""

from __future__ import annotations

import json

import duckdb

from petrel.dedup import merge_events
from tests.dedup.builders import add_article, add_mentions, day, event_of, mention


def _ingest(pipeline, tmp_path, articles: list[dict]) -> duckdb.DuckDBPyConnection:
    from petrel.ingest_service import ingest_paths

    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in articles))
    settings = pipeline.settings.model_copy(update={"db_path": tmp_path / "p.duckdb"})
    ingest_paths([str(path)], settings, pipeline=pipeline)
    return duckdb.connect(str(settings.db_path))


def _events(con, type_: str) -> list[tuple]:
    return con.execute("""SELECT event_id, source_name, source_country, target_name, target_country, place_name
                          FROM event_mentions WHERE type = ? ORDER BY doc_id""", [type_]).fetchall()


def test_a_sector_only_report_joins_the_named_report_of_the_same_attack(pipeline, tmp_path) -> None:
    con = _ingest(pipeline, tmp_path, [
        {"id": "named", "outlet": "Harbor Ledger", "published": "2026-03-04T10:00:00",
         "text": "Syrian government forces shelled a market in Idlib province on Tuesday, residents said."},
        {"id": "sector", "outlet": "Valley Courier", "published": "2026-03-04T18:00:00",
         "text": "Regime forces shelled the market in Idlib province on Tuesday, according to a local monitor."},
    ])
    rows = _events(con, "ASSAULT")
    assert len(rows) == 2, rows
    assert {r[2] for r in rows} == {"SYR"}  # "regime forces" are Syria's: the country of the place
    assert rows[0][0] == rows[1][0], rows  # one event, told by two outlets


def test_two_killings_of_civilians_on_one_day_in_two_towns_stay_two_events(pipeline, tmp_path) -> None:
    con = _ingest(pipeline, tmp_path, [
        {"id": "north", "outlet": "Harbor Ledger", "published": "2026-03-04T10:00:00",
         "text": "Gunmen killed three villagers in Maiduguri on Tuesday."},
        {"id": "south", "outlet": "Valley Courier", "published": "2026-03-04T18:00:00",
         "text": "Gunmen killed three villagers in Lagos on Tuesday."},
    ])
    rows = _events(con, "ASSAULT")
    assert len(rows) == 2 and rows[0][0] != rows[1][0], rows


def test_reports_that_name_nobody_merge_only_on_a_matching_town(con, dedup_settings) -> None:
    """Unidentified attackers killing civilians, placed only at the country, on the same day: the shared
    word "civilians" does not make them one event. The same place (a town) does."""
    for doc, published in (("a", day(2)), ("b", day(2)), ("c", day(3)), ("d", day(3))):
        add_article(con, doc, outlet=f"Outlet {doc}", published=published)
    anonymous = {"source_name": "unidentified attackers", "source_country": "NGA", "source_sector": [],
                 "target_name": "civilians", "target_country": "NGA", "target_sector": ["CVL"]}
    country_only = {"place_name": "Nigeria", "place_admin1": None, "lat": None, "lon": None,
                    "place_precision": "country"}
    add_mentions(con, [mention("a1", "a", **anonymous, **country_only),
                       mention("b1", "b", **anonymous, **country_only),
                       mention("c1", "c", **anonymous),
                       mention("d1", "d", **{**anonymous, "target_name": "villagers"})])
    merge_events(con, dedup_settings)
    assert event_of(con, "a1") != event_of(con, "b1")
    assert event_of(con, "c1") == event_of(con, "d1")  # both at Monguno: one event


def test_a_named_party_still_merges_at_country_level(con, dedup_settings) -> None:
    """The anonymous rule is narrow: a side with a sector other than civilians (the army) is somebody."""
    add_article(con, "a", outlet="A", published=day(2))
    add_article(con, "b", outlet="B", published=day(2))
    country_only = {"place_name": "Nigeria", "place_admin1": None, "lat": None, "lon": None,
                    "place_precision": "country"}
    add_mentions(con, [mention("a1", "a", **country_only), mention("b1", "b", **country_only)])
    merge_events(con, dedup_settings)
    assert event_of(con, "a1") == event_of(con, "b1")


# -- unknown perpetrators (issue 11): no country, resolution "unknown" --------------------------------------

UNKNOWN_SIDE = {"source_country": None, "source_resolution": "unknown",
                "target_name": "villagers", "target_country": "NGA", "target_sector": ["CVL"]}


def test_two_wordings_of_an_unknown_perpetrator_in_one_town_are_one_event(con, dedup_settings) -> None:
    """"Unidentified gunmen" and "unidentified attackers" (no sector) in the same town on the same day."""
    add_article(con, "a", outlet="A", published=day(2))
    add_article(con, "b", outlet="B", published=day(2))
    add_mentions(con, [
        mention("a1", "a", **UNKNOWN_SIDE, source_name="Unidentified gunmen", source_sector=["REB"]),
        mention("b1", "b", **UNKNOWN_SIDE, source_name="unidentified attackers", source_sector=[]),
    ])
    merge_events(con, dedup_settings)
    assert event_of(con, "a1") == event_of(con, "b1")


def test_unknown_perpetrators_do_not_merge_two_events_on_that_alone(con, dedup_settings) -> None:
    """Both sides unknown or civilians, placed only at the country: nothing says they are one event."""
    add_article(con, "a", outlet="A", published=day(2))
    add_article(con, "b", outlet="B", published=day(2))
    country_only = {"place_name": "Nigeria", "place_admin1": None, "lat": None, "lon": None,
                    "place_precision": "country"}
    add_mentions(con, [
        mention("a1", "a", **UNKNOWN_SIDE, **country_only, source_name="Gunmen", source_sector=["REB"]),
        mention("b1", "b", **UNKNOWN_SIDE, **country_only, source_name="unknown assailants", source_sector=["REB"]),
    ])
    merge_events(con, dedup_settings)
    assert event_of(con, "a1") != event_of(con, "b1")


def test_an_unknown_perpetrators_report_joins_the_named_report_in_the_same_town(con, dedup_settings) -> None:
    """One outlet says gunmen, another names the group: same town, day and victims, one event (as any
    sector-only report joins the named one)."""
    add_article(con, "a", outlet="A", published=day(2))
    add_article(con, "b", outlet="B", published=day(2))
    add_mentions(con, [
        mention("a1", "a", **UNKNOWN_SIDE, source_name="Unidentified gunmen", source_sector=["REB"]),
        mention("b1", "b", target_name="villagers", target_sector=["CVL"], source_name="Boko Haram",
                source_actor_id="boko-haram", source_country="NGA", source_sector=["REB"]),
    ])
    merge_events(con, dedup_settings)
    assert event_of(con, "a1") == event_of(con, "b1")
