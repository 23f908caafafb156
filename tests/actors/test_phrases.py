"""Mention bounds: a mention is a noun phrase, never a clause or a whole sentence."""

from __future__ import annotations

import pytest

from petrel.actors.phrases import MAX_PHRASE_TOKENS, phrase_bounds


def _bounds(nlp, text: str, word: str) -> str:
    doc = nlp(text)
    head = next(t.i for t in doc if t.text == word)
    start, end = phrase_bounds(doc, 0, len(doc), head)
    return doc[start:end].text


@pytest.mark.parametrize(("text", "word", "expected"), [
    ("Residents said militants attacked the village on Sunday.", "militants", "militants"),
    ("Witnesses told reporters that soldiers fired on the crowd.", "soldiers", "soldiers"),
    # the parser makes "Doctors" the root and the verbs modifiers of "groups"
    ("Nurses from three British charities collected and personally handed $9,000 worth of blankets to the "
     "camp.", "Nurses", "Nurses from three British charities"),
])
def test_a_whole_sentence_span_is_cut_to_the_phrase(nlp, text: str, word: str, expected: str) -> None:
    assert _bounds(nlp, text, word) == expected


def test_a_plain_phrase_is_kept(nlp) -> None:
    doc = nlp("The leader of the Iranian-backed militias in Iraq spoke.")
    head = next(t.i for t in doc if t.text == "leader")
    assert phrase_bounds(doc, 0, 10, head) == (0, 10)


def test_long_phrases_are_capped(nlp) -> None:
    doc = nlp("Officials " + " ".join(f"of province {n}" for n in range(20)) + " met.")
    start, end = phrase_bounds(doc, 0, len(doc) - 2, 0)
    assert start == 0 and end - start <= MAX_PHRASE_TOKENS
