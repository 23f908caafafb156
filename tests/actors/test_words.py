"""petrel.actors.words: display names from phrases and the one-token tests the resolver reads."""

from __future__ import annotations

import pytest

from petrel.actors.words import QUALIFIERS, clean_name, title_gender


@pytest.mark.parametrize(("text", "name"), [
    ("the  Northern   Alliance", "Northern Alliance"),
    ("Some militia officials", "militia officials"),
    ("the council's", "council"),
    ("the council’s", "council"),
    ("Theodore Roosevelt", "Theodore Roosevelt"),
])
def test_clean_name_drops_a_leading_article_and_a_trailing_possessive(text: str, name: str) -> None:
    assert clean_name(text) == name


class _Word:
    def __init__(self, text: str) -> None:
        self.lower_ = text.lower()


@pytest.mark.parametrize(("words", "gender"), [
    (["Ms."], "f"), (["Spokeswoman"], "f"), (["Mr"], "m"), (["Sheikh"], "m"), (["Minister"], None), ([], None),
])
def test_a_title_tells_a_gender_only_when_it_is_gendered(words: list[str], gender: str | None) -> None:
    assert title_gender([_Word(w) for w in words]) == gender


def test_qualifiers_name_camps_not_offices() -> None:
    assert QUALIFIERS["opposition"] == "OPP" and QUALIFIERS["rebel"] == "REB"
    assert "foreign" not in QUALIFIERS
