"""petrel.store.pages: page bounds, sort whitelists and plain rows."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from petrel.errors import QueryError
from petrel.store.pages import MAX_LIMIT, Page, check_page, jsonable, order_by


@pytest.mark.parametrize(("limit", "offset"), [(0, 0), (MAX_LIMIT + 1, 0), (1, -1)])
def test_a_page_out_of_bounds_is_a_query_error(limit: int, offset: int) -> None:
    with pytest.raises(QueryError) as err:
        check_page(limit, offset)
    assert err.value.code == "E400"


def test_a_page_within_bounds_passes() -> None:
    check_page(1, 0)
    check_page(MAX_LIMIT, 10**9)


def test_a_sort_outside_the_whitelist_names_the_allowed_keys() -> None:
    table = {"name": "name ASC", "-name": "name DESC"}
    assert order_by("-name", table) == "name DESC"
    with pytest.raises(QueryError) as err:
        order_by("name; DROP TABLE actors", table)
    assert "name; DROP TABLE actors" in err.value.message


def test_undated_is_in_a_page_only_when_counted() -> None:
    assert "undated" not in Page(items=[], total=0, limit=5, offset=0).to_dict()
    assert Page(items=[], total=3, limit=5, offset=0, undated=1).to_dict()["undated"] == 1


def test_jsonable_writes_days_and_times_as_iso_text() -> None:
    row = jsonable({"day": date(2024, 1, 2), "at": datetime(2024, 1, 2, 3, 4), "n": 1, "none": None})
    assert row == {"day": "2024-01-02", "at": "2024-01-02T03:04:00", "n": 1, "none": None}
