"""A protest by people no actor names, in a town the actors stage does not know (places10): "depositors rallied
outside a bank in Jounieh" is a protest by civilians whose country the places stage gives. Without a named
place nobody protests. Sentences written for these tests."""

from __future__ import annotations

import pytest

PUBLISHED = "2025-10-02"


@pytest.mark.parametrize(("text", "country"), [
    ("On 28 September 2025, depositors rallied outside a bank in Jounieh, Keserwan.", "LBN"),
    ("On 29 September 2025, pensioners rallied outside the post office in Sidon, South Lebanon.", "LBN"),
    ("On 30 September 2025, shopkeepers demonstrated in Kirkuk against new fees.", "IRQ"),
])
def test_unnamed_protesters_in_a_town_are_its_civilians(pipeline, text, country):
    events = [e for e in pipeline.code_text(text, published=PUBLISHED).events if e.type == "PROTEST"]
    assert events, text
    assert events[0].source.country == country and "CVL" in events[0].source.sector, events[0].source


def test_no_place_no_unnamed_protesters(pipeline):
    events = pipeline.code_text("Depositors rallied outside a bank on Sunday.", published=PUBLISHED).events
    assert not any(e.type == "PROTEST" and e.source.country for e in events)
