"""The word a model-proposed event hangs on, and the CAMEO code of a model label."""

from __future__ import annotations

import pytest

from petrel.coding.proposal import MODE_CODES, TYPE_CODES, code_for, main_predicate, other_party
from petrel.models import PLOVER_TYPES, ActorRef


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


def _named(text: str, *names: tuple[str, ActorRef]) -> list[tuple[int, ActorRef]]:
    return sorted((text.index(name), actor) for name, actor in names)


KEN = ActorRef("Kenya", actor_id="KEN", country="KEN", sector=["GOV"], resolution="kb")
UGA = ActorRef("Uganda", actor_id="UGA", country="UGA", sector=["GOV"], resolution="kb")
ETH = ActorRef("Ethiopia", actor_id="ETH", country="ETH", sector=["GOV"], resolution="kb")
TRADERS = ActorRef("traders", country="UGA", sector=["BUS"], resolution="place")


def test_a_proposed_event_is_aimed_at_the_first_named_party_after_its_word(nlp) -> None:  # noqa: ANN001
    text = "Kenya voiced concern to Uganda over the border closure, Ethiopian officials said."
    sent = next(nlp(text).sents)
    word = next(t for t in sent if t.text == "voiced")
    named = _named(text, ("Kenya", KEN), ("Uganda", UGA), ("Ethiopian", ETH))
    assert other_party(sent, word, named, [KEN], None) is UGA
    assert other_party(sent, word, named, [KEN], UGA) is ETH  # never the speaker's side
    assert other_party(sent, word, named, [KEN, UGA, ETH], None) is None


def test_no_target_from_before_the_word_or_from_an_unnamed_party(nlp) -> None:  # noqa: ANN001
    text = "In Uganda, Kenya voiced concern to traders over the closure."
    sent = next(nlp(text).sents)
    word = next(t for t in sent if t.text == "voiced")
    assert other_party(sent, word, _named(text, ("Uganda", UGA), ("Kenya", KEN), ("traders", TRADERS)), [KEN],
                       None) is None
