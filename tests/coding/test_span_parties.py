"""The event model's argument spans as parties (rules span-party and span-target), on sentences written
for these tests and hand-made model predictions."""

from __future__ import annotations

import pytest

from petrel.coding import EventStage, QuoteStage
from petrel.coding import rules as R
from petrel.coding.blend import BlendSettings
from petrel.coding.mention_index import MentionIndex
from petrel.coding.span_parties import span_actor
from petrel.config import Settings
from petrel.model.labels import TYPE_LABELS
from petrel.models import Article, PartySpan, SentencePrediction
from petrel.state import DocState

from .conftest import actor, find_mentions

KEN = actor("Kenya", "KEN", "GOV", actor_id="KEN")
UGA = actor("Uganda", "UGA", "GOV", actor_id="UGA")
ETH = actor("Ethiopia", "ETH", "GOV", actor_id="ETH")
ARMY = actor("the army", "KEN", "MIL")
REBELS = actor("rebels", "KEN", "REB")
TABLE = {"Kenya": KEN, "Kenyan": KEN, "Uganda": UGA, "Ethiopia": ETH, "Nairobi": KEN, "the army": ARMY,
         "rebels": REBELS}
SETTINGS = BlendSettings(propose=0.6, veto=0.9, keep=0.05, relabel=0.85, weight=0.5, span_party=0.5,
                         span_target=0.7)


def spans_of(text: str, *words: tuple[str, float]) -> tuple[PartySpan, ...]:
    return tuple(PartySpan(text.index(w), text.index(w) + len(w), score) for w, score in words)


def predict(text: str, label: str, score: float, source: tuple = (), target: tuple = ()) -> SentencePrediction:
    probs = dict.fromkeys(TYPE_LABELS, (1 - score) / (len(TYPE_LABELS) - 1))
    probs[label] = score
    return SentencePrediction(label=label, score=score, probs=probs, start=0, end=len(text),
                              source_spans=spans_of(text, *source), target_spans=spans_of(text, *target))


@pytest.fixture(scope="module")
def code(nlp, lexicon):  # noqa: ANN001, ANN201
    """code(text, prediction, coder=..., disabled=...) -> the events of a one-sentence article."""

    def run(text: str, prediction: SentencePrediction | None, coder: str = "combined",
            disabled: tuple[str, ...] = ()) -> list:
        settings = Settings(event_model=coder, disabled_rules=list(disabled))
        article = Article(doc_id="t", source="test", fmt="text", text=text)
        state = DocState(article, nlp(text))
        state.mentions.extend(find_mentions("t", text, TABLE))
        if prediction is not None:
            state.predictions.append(prediction)
        QuoteStage(settings, lexicon=lexicon)(state)
        EventStage(settings, None, lexicon=lexicon, blend_settings=SETTINGS)(state)
        return state.events

    return run


def sides(events: list) -> list[tuple]:
    return [(e.type, e.source.actor_id, e.target.actor_id if e.target else None) for e in events]


# --- span-target: a rule event without a target

ACCUSED = "Kenya condemned the seizure of its boats, blaming Uganda."


def test_a_rule_event_without_target_takes_the_confident_target_span(code) -> None:  # noqa: ANN001
    assert sides(code(ACCUSED, None)) == [("ACCUSE", "KEN", None)]  # the rules alone find no target
    events = code(ACCUSED, predict(ACCUSED, "ACCUSE", 0.9, target=(("Uganda", 0.92),)))
    assert sides(events) == [("ACCUSE", "KEN", "UGA")]
    assert events[0].provenance.outermost() == R.SPAN_TARGET


def test_a_weak_target_span_or_the_rules_coder_leaves_the_target_empty(code) -> None:  # noqa: ANN001
    weak = predict(ACCUSED, "ACCUSE", 0.9, target=(("Uganda", 0.6),))
    assert sides(code(ACCUSED, weak)) == [("ACCUSE", "KEN", None)]
    strong = predict(ACCUSED, "ACCUSE", 0.9, target=(("Uganda", 0.95),))
    assert sides(code(ACCUSED, strong, coder="rules")) == [("ACCUSE", "KEN", None)]
    assert sides(code(ACCUSED, strong, disabled=(R.SPAN_TARGET,))) == [("ACCUSE", "KEN", None)]


def test_the_target_span_never_names_the_source_side(code) -> None:  # noqa: ANN001
    text = "Kenya condemned the seizure of its boats near Nairobi."
    events = code(text, predict(text, "ACCUSE", 0.9, target=(("Nairobi", 0.95),)))
    assert sides(events) == [("ACCUSE", "KEN", None)]


def test_a_target_span_over_no_resolved_actor_changes_nothing(code) -> None:  # noqa: ANN001
    events = code(ACCUSED, predict(ACCUSED, "ACCUSE", 0.9, target=(("its boats", 0.95),)))
    assert sides(events) == [("ACCUSE", "KEN", None)]


# --- span-party: a model-proposed event

LASHED = "Kenya lashed out during a visit to Ethiopia over the border closure by Uganda."


def test_a_proposed_event_takes_its_sides_from_the_spans(code) -> None:  # noqa: ANN001
    pred = predict(LASHED, "ACCUSE", 0.9, source=(("Kenya", 0.9),), target=(("Uganda", 0.8),))
    events = code(LASHED, pred)
    assert sides(events) == [("ACCUSE", "KEN", "UGA")]
    assert events[0].provenance.blend == "proposed" and events[0].provenance.outermost() == R.SPAN_PARTY


def test_without_spans_or_with_the_rule_off_a_proposed_event_keeps_the_heuristics(code) -> None:  # noqa: ANN001
    bare = code(LASHED, predict(LASHED, "ACCUSE", 0.9))
    assert sides(bare) == [("ACCUSE", "KEN", "ETH")]  # model-target: the first other party after the word
    assert not any(e.provenance.applied(R.SPAN_PARTY) for e in bare)
    off = code(LASHED, predict(LASHED, "ACCUSE", 0.9, target=(("Uganda", 0.8),)), disabled=(R.SPAN_PARTY,))
    assert sides(off) == sides(bare)


def test_a_span_below_the_party_threshold_is_not_used(code) -> None:  # noqa: ANN001
    bare = sides(code(LASHED, predict(LASHED, "ACCUSE", 0.9)))
    weak = code(LASHED, predict(LASHED, "ACCUSE", 0.9, target=(("Uganda", 0.3),)))
    assert sides(weak) == bare


# --- span_actor


def test_span_actor_prefers_the_best_span_and_the_mention_it_covers_most(nlp) -> None:  # noqa: ANN001
    text = "Kenya and Uganda signed a deal with Ethiopia."
    index = MentionIndex(nlp(text), find_mentions("t", text, TABLE))
    both = spans_of(text, ("Kenya and Uganda", 0.9))
    assert span_actor(both, index, 0.5) == UGA  # the mention sharing most characters with the span
    assert span_actor(spans_of(text, ("Kenya and Ug", 0.9)), index, 0.5) == KEN
    assert span_actor(spans_of(text, ("Ethiopia", 0.6), ("Uganda", 0.8)), index, 0.5) == UGA
    assert span_actor(spans_of(text, ("Ethiopia", 0.6), ("Uganda", 0.8)), index, 0.5, avoid=[UGA]) == ETH
    assert span_actor(spans_of(text, ("Ethiopia", 0.4)), index, 0.5) is None
    assert span_actor(spans_of(text, ("signed a deal", 0.9)), index, 0.5) is None


def test_the_army_and_the_rebels_of_one_country_are_two_parties(nlp) -> None:  # noqa: ANN001
    text = "The rebels ambushed the army near the border."
    index = MentionIndex(nlp(text), find_mentions("t", text, TABLE))
    spans = spans_of(text, ("the army", 0.9))
    assert span_actor(spans, index, 0.5, avoid=[REBELS]) == ARMY
    assert span_actor(spans, index, 0.5, avoid=[ARMY]) is None


def test_a_source_span_over_the_parse_target_takes_it_out_of_the_targets(code) -> None:  # noqa: ANN001
    bare = sides(code(LASHED, predict(LASHED, "ACCUSE", 0.9)))
    assert bare == [("ACCUSE", "KEN", "ETH")]
    swapped = code(LASHED, predict(LASHED, "ACCUSE", 0.9, source=(("Ethiopia", 0.9),)))
    assert sides(swapped) and all(t != "ETH" for _, _, t in sides(swapped))
    assert sides(swapped)[0][1] == "ETH"
