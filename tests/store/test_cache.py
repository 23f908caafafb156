"""QueryCache: bounded, keyed, and it never stores a failure."""

from __future__ import annotations

import pytest

from petrel.store.cache import QueryCache
from petrel.store.queries import EventFilter, filter_key


def test_a_key_is_computed_once_then_served_from_the_cache() -> None:
    cache, calls = QueryCache(), []
    assert cache.get("k", lambda: calls.append(1) or 41) == 41
    assert cache.get("k", lambda: calls.append(1) or 99) == 41
    assert (len(calls), cache.hits, cache.misses) == (1, 1, 1)


def test_the_least_recently_used_entry_goes_first() -> None:
    cache = QueryCache(max_entries=2)
    cache.get("a", lambda: 1)
    cache.get("b", lambda: 2)
    cache.get("a", lambda: 0)  # a is now the most recent
    cache.get("c", lambda: 3)
    assert len(cache) == 2
    assert cache.get("b", lambda: "recomputed") == "recomputed"
    assert cache.get("c", lambda: "recomputed") == 3


def test_a_failed_computation_is_not_cached() -> None:
    cache = QueryCache()

    def fail() -> int:
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        cache.get("k", fail)
    assert cache.get("k", lambda: 5) == 5


def test_filters_differing_in_any_field_have_different_keys() -> None:
    base = filter_key(EventFilter(actor="A001", date_from="2020"))
    assert base == filter_key(EventFilter(actor="A001", date_from="2020-01-01"))
    assert base != filter_key(EventFilter(actor="A001", date_from="2020", quad_class=[3]))
    assert base != filter_key(EventFilter(actor="A001", date_from="2020", text="strike"))
    assert filter_key(EventFilter(type=["ASSAULT", "PROTEST"])) != filter_key(EventFilter(type=["ASSAULT"]))
    hash(base)


def test_a_cache_needs_room_for_one_entry() -> None:
    with pytest.raises(ValueError):
        QueryCache(max_entries=0)
