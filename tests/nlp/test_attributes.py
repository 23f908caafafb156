"""The table attribute ruler gives exactly the stock Matcher-based component's annotations.

Sentences written for this test: contractions and colloquial forms the longer patterns cover ("gonna",
"let's", "y'all", "ain't"), pronouns whose morphology depends on their dependency, "there is", auxiliaries,
determiners used as pronouns, line breaks and runs of spaces."""

from __future__ import annotations

import pytest
import spacy
from spacy.pipeline import AttributeRuler

from petrel.config import Settings
from petrel.nlp.attributes import TableAttributeRuler, compile_patterns, use_table_attribute_ruler

TEXTS = [
    "Police arrested twelve protesters outside the parliament on Monday, the interior ministry said.",
    "I told them we're gonna march again, and y'all can't stop us, the organiser said.",
    "Let's be clear: there is no deal and there were never any talks, ain't that right?",
    "It was the army that fired first; they had warned it would, and it did.",
    "Which of these demands will the government accept?  That remains unclear.\n\nThe talks resume today.",
    "You should have seen what I saw: somethin' was burning, and nothin' was done about 'em.",
    "The ministers, who'd met twice, said they'd sign whatever the envoy had drafted.",
    "Got ta go, c'mon, the rebels are coming, he shouted; 'nuff said.",
]


@pytest.fixture(scope="module")
def pair():
    model = Settings().spacy_model
    stock, table = spacy.load(model), spacy.load(model)
    assert use_table_attribute_ruler(table)
    return stock, table


def annotations(doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]


@pytest.mark.parametrize("text", TEXTS)
def test_the_table_gives_the_stock_annotations(pair, text: str) -> None:
    stock, table = pair
    assert annotations(table(text)) == annotations(stock(text))


def test_the_table_is_used_and_the_same_component_stays(pair) -> None:
    stock, table = pair
    assert table.pipe_names == stock.pipe_names
    ruler = table.get_pipe("attribute_ruler")
    assert type(ruler) is TableAttributeRuler and ruler.patterns == stock.get_pipe("attribute_ruler").patterns


def test_a_pattern_added_later_is_applied() -> None:
    nlp = spacy.load(Settings().spacy_model)
    use_table_attribute_ruler(nlp)
    doc = nlp("The rebels struck at dawn.")
    assert doc[1].lemma_ == "rebel"
    nlp.get_pipe("attribute_ruler").add([[{"LOWER": "rebels"}]], {"LEMMA": "insurgent"})
    assert nlp("The rebels struck at dawn.")[1].lemma_ == "insurgent"
    nlp.get_pipe("attribute_ruler").add([[{"LOWER": "dawn", "OP": "+"}]], {"LEMMA": "morning"})  # not readable
    doc = nlp("The rebels struck at dawn.")
    assert (doc[1].lemma_, doc[4].lemma_) == ("insurgent", "morning")  # the stock matching, every pattern


def test_a_ruler_with_a_pattern_the_table_cannot_read_keeps_the_stock_component() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}, {"LOWER": "big"}]], {"LEMMA": "huge"}, index=-1)
    assert compile_patterns(ruler) is None
    assert not use_table_attribute_ruler(nlp)
    assert type(nlp.get_pipe("attribute_ruler")) is AttributeRuler
    assert not use_table_attribute_ruler(spacy.blank("en"))  # no attribute ruler at all


def test_a_blank_pipeline_with_simple_patterns_matches_the_stock_one() -> None:
    def build(table: bool):
        nlp = spacy.blank("en")
        ruler = nlp.add_pipe("attribute_ruler")
        ruler.add([[{"LOWER": {"IN": ["a", "an"]}}]], {"LEMMA": "a", "POS": "DET"})
        ruler.add([[{"LOWER": "a"}]], {"POS": "X"})  # later: overrides the first pattern's POS only
        ruler.add([[{"LOWER": {"REGEX": "^gon$"}}, {"LOWER": "na"}]], {"LEMMA": "to"}, index=1)
        ruler.add([[{"IS_SPACE": True}]], {"POS": "SPACE"})
        if table:
            assert use_table_attribute_ruler(nlp)
        return nlp

    text = "a man an  idea gon na\nA end gon"
    stock, table = build(False)(text), build(True)(text)
    assert [(t.pos_, t.lemma_) for t in table] == [(t.pos_, t.lemma_) for t in stock]
    assert table[0].pos_ == "X" and table[0].lemma_ == "a" and table[6].lemma_ == "to"


def test_the_pipeline_loads_with_the_table_unless_switched_off(nlp) -> None:
    from petrel.nlp import load_nlp

    assert type(nlp.get_pipe("attribute_ruler")) is TableAttributeRuler
    stock = load_nlp(Settings(table_attribute_ruler=False))
    assert type(stock.get_pipe("attribute_ruler")) is AttributeRuler
