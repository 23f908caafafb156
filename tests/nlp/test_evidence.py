"""From an event's evidence to tokens and parse-tree paths (petrel.nlp.evidence), on sentences written here."""

from __future__ import annotations

from petrel.models import Evidence
from petrel.nlp.evidence import FAR, path_arcs, sentence_of, span_head, trigger_token, tree_distance

TEXT = "Rebels attacked a convoy near the border on Monday. The army said nothing."


def evidence(trigger: str, start: int | None = None) -> Evidence:
    end = TEXT.index(".") + 1
    return Evidence("d", TEXT[:end], 0, end, trigger, start)


def test_the_trigger_is_found_by_offset_or_by_its_text(nlp) -> None:
    doc = nlp(TEXT)
    sentence = sentence_of(doc, evidence("attacked"))
    assert sentence is not None and sentence.text.endswith("Monday.")
    by_text = trigger_token(doc, evidence("attacked"), sentence)
    by_offset = trigger_token(doc, evidence("attacked", TEXT.index("attacked")), sentence)
    assert by_text is not None and by_text.text == "attacked" and by_offset.i == by_text.i


def test_no_trigger_text_falls_back_to_the_sentence_root(nlp) -> None:
    doc = nlp(TEXT)
    sentence = sentence_of(doc, evidence(""))
    assert trigger_token(doc, evidence(""), sentence).i == sentence.root.i


def test_distances_and_paths_in_the_tree(nlp) -> None:
    doc = nlp(TEXT)
    verb = span_head(doc, TEXT.index("attacked"), TEXT.index("attacked") + 8)
    monday = span_head(doc, TEXT.index("Monday"), TEXT.index("Monday") + 6)
    army = span_head(doc, TEXT.index("army"), TEXT.index("army") + 4)
    assert tree_distance(verb, verb) == 0
    assert 1 <= tree_distance(verb, monday) <= 3
    up, down = path_arcs(monday, verb)
    assert down == [] and up[0].i == monday.i  # the verb is above the date: nothing to descend
    assert tree_distance(verb, army) == FAR and path_arcs(verb, army) is None  # two sentences, two trees
