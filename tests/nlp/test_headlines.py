"""Headline grammar: a subject, a bare present-tense verb and an object without article get a clause parse
(``petrel_headlines``), and headline abbreviations stay one token (sentences written for these tests)."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from petrel.nlp.headlines import HEADLINES, add_headline_repair


def _clause(doc) -> tuple[str, str, str]:  # noqa: ANN001
    root = next(t for t in doc if t.dep_ == "ROOT")
    subj = next((c.text for c in root.children if c.dep_ == "nsubj"), "")
    obj = next((c.text for c in root.children if c.dep_ == "dobj"), "")
    return subj, root.text, obj


def test_the_component_runs_right_after_the_parser(nlp) -> None:
    names = nlp.pipe_names
    assert names.index(HEADLINES) == names.index("parser") + 1
    add_headline_repair(nlp)  # idempotent
    assert nlp.pipe_names == names


@pytest.mark.parametrize(("text", "clause"), [
    ("Chile sanctions Bolivian mining officials", ("Chile", "sanctions", "officials")),
    ("Kazakhstan transfers 4 Tajik fugitives to Dushanbe", ("Kazakhstan", "transfers", "fugitives")),
    ("South Africa arrests ship captain over arms cargo", ("Africa", "arrests", "captain")),
    ("Uganda hosts Burundian pres. in Entebbe", ("Uganda", "hosts", "pres.")),
])
def test_a_headline_verb_gets_its_subject_and_object(nlp, text: str, clause: tuple[str, str, str]) -> None:
    doc = nlp(text)
    assert _clause(doc) == clause
    assert doc[[t.text for t in doc].index(clause[1])].pos_ == "VERB"


def test_a_coordinated_subject_is_one_subject_and_its_conjunct(nlp) -> None:
    doc = nlp("Peru, Ecuador sign river border accord")
    peru, ecuador = doc[0], doc[2]
    assert peru.dep_ == "nsubj" and peru.head.text == "sign" and ecuador.dep_ == "conj" and ecuador.head == peru


@pytest.mark.parametrize("text", [
    "The talks in Geneva ended without a deal on Friday.",
    "Zambia's exports of copper rose in March.",
    "Rebel attacks on convoys in Ituri",
    "Haiti gang violence displaces thousands, UN says",
])
def test_a_sentence_with_a_subject_or_without_a_headline_verb_keeps_its_parse(nlp, text: str) -> None:
    with nlp.select_pipes(disable=[HEADLINES]):
        before = [(t.dep_, t.head.i) for t in nlp(text)]
    assert [(t.dep_, t.head.i) for t in nlp(text)] == before


def test_a_past_verb_in_prose_keeps_its_parse(nlp) -> None:
    text = "Oman hosted talks between Iranian and American envoys in Muscat in April, diplomats said."
    with nlp.select_pipes(disable=[HEADLINES]):
        before = [(t.dep_, t.head.i) for t in nlp(text)]
    assert [(t.dep_, t.head.i) for t in nlp(text)] == before


@pytest.mark.parametrize("text", ["Ghana's pres. visits Lome", "Govt. bans rallies in capital", "Pres. Ruto flies to Addis"])
def test_a_headline_abbreviation_does_not_end_the_sentence(nlp, text: str) -> None:
    doc = nlp(text)
    assert len(list(doc.sents)) == 1
    assert any(t.text.endswith(".") and t.norm_ in ("president", "government") for t in doc)


WORDS = st.sampled_from(["Kenya", "Police", "sanctions", "arrests", "hosts", "talks", "rebels", "the", "in",
                         "Nairobi", ",", "and", "2", "troops", "over", "said", "pres.", "down", "."])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(st.lists(WORDS, min_size=1, max_size=14).map(" ".join))
def test_the_repaired_parse_is_a_tree(nlp, text: str) -> None:
    doc = nlp(text)
    for tok in doc:  # every token reaches its sentence root without a cycle
        seen, cur = set(), tok
        while cur.head != cur:
            assert cur.i not in seen
            seen.add(cur.i)
            cur = cur.head
        assert cur.sent == tok.sent
