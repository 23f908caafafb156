"""Stories: articles and events grouped by shared events, actors and text; timelines and listing."""

from __future__ import annotations

import pytest

from petrel.dedup import list_stories, refresh, story_timeline
from petrel.errors import NotFound, QueryError
from tests.dedup.builders import add_article, add_mentions, day, mention

CHL_ARG = {"type": "CONSULT", "source_country": "CHL", "target_country": "ARG", "source_sector": ["GOV"],
           "target_sector": ["GOV"], "place_name": "Santiago", "place_country": "CHL", "lat": -33.46,
           "lon": -70.65, "place_admin1": None}


@pytest.fixture()
def stories_db(con, dedup_settings):
    add_article(con, "a", outlet="A", published=day(2), title="Base attacked near Monguno")
    add_article(con, "b", outlet="B", published=day(3), title="Soldiers killed in Borno")
    add_article(con, "c", outlet="C", published=day(9), title="Monguno base hit again")
    add_article(con, "d", outlet="D", published=day(25), title="Chile and Argentina talk glaciers")
    add_mentions(con, [mention("a1", "a"), mention("b1", "b"),
                       mention("c1", "c", date="2026-03-09"),
                       mention("c2", "c", date="2026-03-02", status="historical", sent_start=90),
                       mention("d1", "d", date="2026-03-25", **CHL_ARG)])
    refresh(con, dedup_settings)
    return con


def test_articles_sharing_events_form_one_story(stories_db) -> None:
    story = dict(stories_db.execute("SELECT doc_id, story_id FROM articles").fetchall())
    assert story["a"] == story["b"] == story["c"] != story["d"]
    events = stories_db.execute("SELECT count(DISTINCT story_id), count(*) FROM events").fetchone()
    assert events == (2, 3)


def test_story_rows_have_counts_title_and_top_actors(stories_db) -> None:
    stories = {s.title: s for s in list_stories(stories_db)}
    monguno = stories["Base attacked near Monguno"]  # title of the earliest article
    assert (monguno.num_articles, monguno.num_events, monguno.num_sources) == (3, 2, 3)
    assert set(monguno.top_actors) == {"militants", "army"}
    assert list_stories(stories_db, limit=1)[0].title == "Chile and Argentina talk glaciers"  # most recent first


def test_timeline_lists_events_by_date_with_outlets(stories_db) -> None:
    story_id = stories_db.execute("SELECT story_id FROM articles WHERE doc_id = 'a'").fetchone()[0]
    timeline = story_timeline(stories_db, story_id)
    assert [e.date for e in timeline] == ["2026-03-02", "2026-03-09"]
    assert timeline[0].outlets == ["A", "B", "C"] and timeline[0].num_sources == 3
    assert timeline[1].status == "actual" and timeline[1].outlets == ["C"]


def test_story_ids_are_stable_when_later_articles_join(stories_db, dedup_settings) -> None:
    before = stories_db.execute("SELECT story_id FROM articles WHERE doc_id = 'a'").fetchone()[0]
    add_article(stories_db, "e", outlet="E", published=day(10))
    add_mentions(stories_db, [mention("e1", "e", date="2026-03-09")])
    refresh(stories_db, dedup_settings)
    assert stories_db.execute("SELECT story_id FROM articles WHERE doc_id = 'e'").fetchone()[0] == before


def test_unknown_story_and_bad_limit_are_clear_errors(stories_db) -> None:
    with pytest.raises(NotFound):
        story_timeline(stories_db, "st-nope")
    with pytest.raises(QueryError):
        list_stories(stories_db, limit=0)
