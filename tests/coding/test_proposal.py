"""The word a model-proposed event hangs on, and the CAMEO code of a model label."""

from __future__ import annotations

import pytest

from petrel.coding.proposal import MODE_CODES, TYPE_CODES, code_for, main_predicate
from petrel.models import PLOVER_TYPES


@pytest.mark.parametrize(("text", "word"), [
    ("Villagers said soldiers burned their homes near the river.", "burned"),
    ("The mayor told reporters that the strikers had blocked the highway.", "blocked"),
    ("Hundreds of farmers blocked the highway to the capital.", "blocked"),
    ("The vote was a rebuke to the ruling party.", "rebuke"),
])
def test_main_predicate_looks_through_speech_and_copulas(nlp, lexicon, text: str, word: str) -> None:  # noqa: ANN001
    sent = next(nlp(text).sents)
    assert main_predicate(sent, lexicon.speech).text == word


def test_every_type_and_mode_code_exists_and_has_that_type(lexicon) -> None:  # noqa: ANN001
    assert set(TYPE_CODES) == set(PLOVER_TYPES)
    for etype, code in TYPE_CODES.items():
        assert lexicon.info(code).type == etype
    for (etype, _mode), code in MODE_CODES.items():
        assert lexicon.info(code).type == etype, code


def test_code_for_prefers_the_mode_code(lexicon) -> None:  # noqa: ANN001
    assert code_for("ASSAULT", "aerial", lexicon.cameo) == "195"
    assert code_for("ASSAULT", "sexual", lexicon.cameo) == "190"
    assert code_for("PROTEST", None, lexicon.cameo) == "140"
