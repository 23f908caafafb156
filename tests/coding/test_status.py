"""Status from grammar alone, tested on parsed sentences without actors."""

from __future__ import annotations

import pytest

from petrel.coding.status import is_negated, status_of


def trigger(nlp, text: str, word: str):
    return next(t for t in nlp(text) if t.text == word)


@pytest.mark.parametrize(("text", "word", "status"), [
    ("Kenyan forces pushed the rebels back in a long two-year offensive.", "pushed", "historical"),
    ("The militias fought alongside Iraqi troops in recent years.", "fought", "historical"),
    ("The militias fought alongside Iraqi troops this year.", "fought", "actual"),  # the dates stage decides
    ("The militias will fight alongside Iraqi troops for years.", "fight", "future"),
    ("If the army attacks, the rebels will flee.", "attacks", "hypothetical"),
    ("If the army attacks, the rebels will flee.", "flee", "hypothetical"),
    ("In case they need help, we will send troops.", "send", "hypothetical"),
    ("The army would attack the city.", "attack", "hypothetical"),
    ("The army will attack the city.", "attack", "future"),
    ("The army is going to attack the city.", "attack", "future"),
    ("The army did not attack the city.", "attack", "negated"),
    ("The army never attacked the city.", "attacked", "negated"),
    ("The army had attacked the city.", "attacked", "historical"),
    ("The army allegedly attacked the city.", "attacked", "claimed"),
    ("The army attacked the city.", "attacked", "actual"),
    ("Iran will decide whether to attack Israel.", "attack", "hypothetical"),
    ("He said the army would attack the city.", "attack", "future"),
    ("They want a timeline for the army to withdraw.", "withdraw", "hypothetical"),
    ("Mohammed said in such a case the army attacked.", "attacked", "actual"),
    ("They want talks before the army attacks the city.", "attacks", "future"),
    ("The talks ended before the army attacked the city.", "attacked", "actual"),
    ("The rebels will free the soldiers held by the militia.", "held", "actual"),
    ("There will be a vote calling for the withdrawal.", "calling", "future"),
    ("The government says it is ready to impose a curfew.", "impose", "future"),
])
def test_status(nlp, text: str, word: str, status: str) -> None:
    assert status_of(trigger(nlp, text, word)).status == status


def test_negation_consumed_by_a_pattern_leaves_the_status_actual(nlp) -> None:
    tok = trigger(nlp, "The minister has no plans to pull out the soldiers.", "pull")
    assert is_negated(tok)
    assert status_of(tok, neg_consumed=True).status == "actual"


def test_without_negates(nlp) -> None:
    assert is_negated(trigger(nlp, "He visited the base without meeting any officials.", "meeting"))


def test_the_purpose_of_a_refused_act_is_negated(nlp) -> None:
    assert is_negated(trigger(nlp, "She would not give permission to the police to raid the camp.", "raid"))


def test_an_embedded_question_has_its_own_cue(nlp) -> None:
    assert status_of(trigger(nlp, "Iran will decide whether to attack Israel.", "attack")).cue == "whether"
    assert status_of(trigger(nlp, "If Iran attacks, Israel will respond.", "attacks")).cue == "if"
