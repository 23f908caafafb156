"""petrel.store.catalogue (actors, documents, quotes, stories, summary) against the fixture database."""

from __future__ import annotations

import duckdb
import pytest
from api.fixture_db import ACTORS

from .reference import EVENTS, reference
from petrel.errors import NotFound
from petrel.store import catalogue
from petrel.store.filters import EventFilter


def test_actors_documents_stories_and_summary(con: duckdb.DuckDBPyConnection) -> None:
    actors = catalogue.list_actors(con, limit=100)
    assert actors.total == len(ACTORS) and actors.items[0]["actor_id"] == "RUS_GOV"
    assert catalogue.list_actors(con, q="hama").items[0]["actor_id"] == "PSE_HAMAS"
    actor = catalogue.get_actor(con, "RUS_GOV")
    assert actor["as_source"] + actor["as_target"] == len(reference(EventFilter(actor="RUS_GOV")))
    assert actor["counterparts"][0]["actor"] == "UKR_MIL"
    assert catalogue.actor_events(con, "RUS_GOV", role="target").total == len(reference(EventFilter(target="RUS_GOV")))
    docs = catalogue.list_documents(con, status="rejected")
    assert docs.total == 1 and docs.items[0]["reason_code"] == "E201"
    assert catalogue.list_documents(con, limit=100).total == 13
    story = catalogue.story_timeline(con, "story-gaza")
    assert len(story["events"]) == story["num_events"] and len(story["articles"]) == story["num_articles"]
    stats = catalogue.summary(con)
    assert stats["events"] == len(EVENTS) and stats["articles"] == {"ok": 12, "rejected": 1}
    for missing in (lambda: catalogue.get_actor(con, "X"), lambda: catalogue.get_document(con, "X"),
                    lambda: catalogue.story_timeline(con, "X"), lambda: catalogue.actor_events(con, "X")):
        with pytest.raises(NotFound):
            missing()
