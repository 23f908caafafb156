"""A span of given days as monitors write it (places10): "Between 1 and 3 June", "from 30 May to 2 June 2025"
is the range of those days, dated like a day (not background). Sentences written for these tests."""

from __future__ import annotations

from datetime import datetime

import pytest

from petrel.dates import resolve_expression
from petrel.dates.stage import adjusted_status

ANCHOR = datetime(2025, 9, 10)


@pytest.mark.parametrize(("text", "value"), [
    ("Between 10 and 12 January 2025", "2025-01-10/2025-01-12"),
    ("between 1 and 3 June", "2025-06-01/2025-06-03"),
    ("from 30 May to 2 June 2025", "2025-05-30/2025-06-02"),
    ("Between 28 December and 2 January", "2024-12-28/2025-01-02"),
])
def test_a_span_of_days_is_a_range_of_days(text, value):
    found = resolve_expression(text, ANCHOR, tense="past")
    assert found is not None and found.value == value and found.precision == "range"


def test_a_span_after_publication_is_not_a_past_day():
    found = resolve_expression("between 20 and 22 September", ANCHOR, tense="past")
    assert found is None or found.last <= ANCHOR.date()


def test_a_short_span_months_before_the_report_stays_news():
    """A description written in September of a raid "between 1 and 3 June" is the report's own news, like a
    day; a coarse range of months that long ago ("from 2019 to 2021") is background."""
    span = resolve_expression("Between 1 and 3 June 2025", ANCHOR, tense="past")
    years = resolve_expression("from 2019 to 2021", ANCHOR, tense="past")
    assert adjusted_status("actual", span, ANCHOR.date(), after_days=30) == "actual"
    assert adjusted_status("actual", years, ANCHOR.date(), after_days=30) == "historical"


def test_a_description_opening_with_a_span_is_dated_by_it(pipeline):
    events = pipeline.code_text("Between 4 and 6 August 2025, soldiers detained nine men in raids on villages "
                                "near Jenin.", published="2025-08-12").events
    assert events and events[0].date == "2025-08-04/2025-08-06"
