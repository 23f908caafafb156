"""A sentence never spans two paragraphs: a line break always starts a sentence."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from petrel.nlp import PARAGRAPHS, add_paragraph_boundaries


def test_the_component_runs_before_the_parser(nlp) -> None:
    names = nlp.pipe_names
    assert names.index(PARAGRAPHS) < names.index("parser")
    add_paragraph_boundaries(nlp)  # idempotent
    assert nlp.pipe_names == names


def test_a_caption_without_a_full_stop_is_its_own_sentence(nlp) -> None:
    text = "Mourners gathered at the mosque in Kano\n\nGunmen killed four farmers near the river, police said."
    sentences = [s.text.strip() for s in nlp(text).sents]
    assert sentences == ["Mourners gathered at the mosque in Kano", "Gunmen killed four farmers near the river, police said."]


PIECE = st.lists(st.sampled_from(["troops", "entered", "the", "town", "of", "Kano", "police", "said", "rebels",
                                  "fled", "Monday", "on", "a", "convoy"]), min_size=2, max_size=9).map(" ".join)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(st.lists(PIECE, min_size=2, max_size=5))
def test_no_sentence_crosses_a_paragraph_break(nlp, paragraphs) -> None:
    text = "\n\n".join(paragraphs)
    breaks = [i for i in range(len(text)) if text.startswith("\n\n", i)]
    for sentence in nlp(text).sents:
        inner = sentence.text.rstrip()
        start = sentence.start_char
        assert not any(start <= b < start + len(inner) for b in breaks), sentence.text
