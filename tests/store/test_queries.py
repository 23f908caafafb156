"""petrel.store.queries is the public face of the store's reads: every name it lists is the concern module's own."""

from __future__ import annotations

import importlib

import pytest

from petrel.store import queries

CONCERNS = ("aggregates", "cache", "catalogue", "events", "filters", "pages", "records")


def test_all_has_no_duplicate_and_every_name_resolves() -> None:
    assert len(set(queries.__all__)) == len(queries.__all__)
    for name in queries.__all__:
        assert hasattr(queries, name), name


@pytest.mark.parametrize("name", queries.__all__)
def test_each_public_name_is_the_object_of_the_module_that_defines_it(name: str) -> None:
    value = getattr(queries, name)
    owners = [m for m in CONCERNS if getattr(importlib.import_module(f"petrel.store.{m}"), name, None) is value]
    assert owners, f"{name} is defined nowhere among {CONCERNS}"


def test_the_documented_reads_are_public() -> None:
    documented = {"list_events", "get_event", "dyad_series", "event_timeline", "event_network", "event_places",
                  "list_actors", "get_actor", "list_documents", "get_document", "list_quotes", "list_stories",
                  "story_timeline", "summary", "iter_events", "count_events", "EventFilter", "Page"}
    assert documented <= set(queries.__all__)
