"""Each repair step on small invented texts."""

from __future__ import annotations

import pytest

from petrel.clean import clean_text
from petrel.clean._paragraphs import join_hard_wraps
from petrel.clean._repair import (
    collapse_spaces,
    space_around_curly_quotes,
    space_around_straight_quotes,
    space_glued_sentences,
)
from petrel.clean._unicode import normalise_unicode


@pytest.mark.parametrize(("glued", "fixed"), [
    ("an aide to AP.Maria Lenz, who led them", "an aide to AP. Maria Lenz, who led them"),
    ("near the border forces.American officials", "near the border forces. American officials"),
    ("the vote was held in 2011.The result", "the vote was held in 2011. The result"),
    ("ends the talks...But the next", "ends the talks... But the next"),
    ("he said.I think", "he said. I think"),
    ("the U.S. envoy and the U.N. team", "the U.S. envoy and the U.N. team"),
    ("prices rose 3.5 percent", "prices rose 3.5 percent"),
    ("see www.Harbourdaily.test or desk@Example.test.Thanks", "see www.Harbourdaily.test or desk@Example.test.Thanks"),
])
def test_space_glued_sentences(glued: str, fixed: str) -> None:
    assert space_glued_sentences(glued) == fixed


@pytest.mark.parametrize(("glued", "fixed"), [
    ("a matter of principle,” she said.“If the council", "a matter of principle,” she said. “If the council"),
    ("is political,”the mayor said", "is political,” the mayor said"),
    ("will not stay.”The minister", "will not stay.” The minister"),
    ("the “first step” of a plan", "the “first step” of a plan"),
])
def test_space_around_curly_quotes(glued: str, fixed: str) -> None:
    assert space_around_curly_quotes(glued) == fixed


def test_space_around_straight_quotes() -> None:
    assert space_around_straight_quotes('She agreed."We will sign," he said."Soon."') == \
        'She agreed. "We will sign," he said. "Soon."'
    assert space_around_straight_quotes('"Yes,"he said.') == '"Yes," he said.'
    assert space_around_straight_quotes('a "fair" deal') == 'a "fair" deal'


def test_collapse_spaces() -> None:
    assert collapse_spaces("  two   spaces  here ") == "two spaces here"


def test_hard_wrapped_lines_become_one_paragraph_and_blank_lines_stay_breaks() -> None:
    lines = ["The council met on Monday and voted to", "delay the harbour project for a", "year, officials said.",
             "", "A second paragraph starts", "here and ends here."]
    assert join_hard_wraps(lines) == [
        "The council met on Monday and voted to delay the harbour project for a year, officials said.",
        "A second paragraph starts here and ends here."]


def test_hyphen_at_a_wrap_is_kept_without_a_space() -> None:
    assert join_hard_wraps(["the Lakeport-", "based group said"]) == ["the Lakeport-based group said"]


def test_one_paragraph_per_line_blocks_are_split() -> None:
    lines = ["The council met on Monday.", "It voted to delay the project.", "Critics said the delay",
             "would cost jobs."]
    assert join_hard_wraps(lines) == ["The council met on Monday.", "It voted to delay the project.",
                                      "Critics said the delay would cost jobs."]


def test_a_long_line_broken_before_a_name_is_joined_but_a_subheading_is_not() -> None:
    lines = ["The council met on Monday.", "It voted to delay the harbour project after talks with",
             "Lakeport officials.", "Next steps", "The mayor will decide in May."]
    assert join_hard_wraps(lines) == ["The council met on Monday.",
                                      "It voted to delay the harbour project after talks with Lakeport officials.",
                                      "Next steps", "The mayor will decide in May."]


def test_a_line_of_fields_is_its_own_paragraph() -> None:
    """An event digest: each entry's heading ("date | region | kind") stands above its sentence; joined
    to it, the sentence would start "... | Attack on a base On 2 June, ..." and parse as nothing."""
    lines = ["02 June 2024 | Lakeport | Attack on a depot", "On 2 June 2024, gunmen raided a fuel depot in",
             "Lakeport, killing two guards.", "Fatalities: 2."]
    assert join_hard_wraps(lines) == ["02 June 2024 | Lakeport | Attack on a depot",
                                      "On 2 June 2024, gunmen raided a fuel depot in Lakeport, killing two guards.",
                                      "Fatalities: 2."]
    assert join_hard_wraps(["Prices rose | fell", "in March."]) == ["Prices rose | fell in March."]


def test_unicode_normalisation() -> None:
    text = "Talks\u00a0ended\u200b on Fri\u00adday\u060c 08 March\r\nin Cafe\u0301 Nord\u2009today\u2028next"
    assert normalise_unicode(text) == "Talks ended on Friday, 08 March\nin Café Nord today\nnext"
    assert normalise_unicode("a\ud800b\x00c") == "abc"


def test_curly_quotes_and_dashes_are_kept() -> None:
    assert clean_text("“We stay” — she said it’s final.")[0] == "“We stay” — she said it’s final."
