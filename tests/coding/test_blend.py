"""How rules and the event model weigh one sentence's events (petrel.coding.blend), on made-up records."""

from __future__ import annotations

from dataclasses import replace

from petrel.coding.blend import MODEL_ONLY, BlendSettings, blend
from petrel.model.labels import TYPE_LABELS
from petrel.models import ActorRef, EventMention, Evidence, Provenance, SentencePrediction

SETTINGS = BlendSettings(propose=0.6, veto=0.9, keep=0.05, relabel=0.85, weight=0.5)


def prediction(**probs: float) -> SentencePrediction:
    full = {t: 0.0 for t in TYPE_LABELS}
    full.update(probs)
    label = max(full, key=full.get)
    return SentencePrediction(label=label, score=full[label], probs=full)


def event(etype: str, confidence: float = 0.6, mention_id: str = "m1") -> EventMention:
    return EventMention(mention_id, "d", etype, ActorRef("A", country="AAA"), ActorRef("B", country="BBB"),
                        Evidence("d", "s", 0, 1, "t"), confidence=confidence)


def recode(e: EventMention, etype: str, mode: str | None) -> EventMention:
    return replace(e, type=etype, mode=mode, mention_id=e.mention_id + "r")


def what(e: EventMention) -> str | None:
    """What the blend did to ``e`` (its provenance's record)."""
    return e.provenance.blend


def never() -> list[EventMention]:
    raise AssertionError("nothing should be proposed when the rules found an event")


def test_agreeing_model_keeps_the_event_and_raises_its_confidence() -> None:
    out = blend([event("ASSAULT")], prediction(ASSAULT=0.96, NONE=0.04), SETTINGS, never, recode)
    assert [(e.type, what(e), e.provenance.model_label) for e in out] == [("ASSAULT", "kept", "ASSAULT")]
    assert out[0].provenance.model_score == 0.96 and out[0].provenance.origin == "rules"
    assert out[0].confidence == round(0.5 * 0.6 + 0.5 * 0.96, 3)


def test_confident_no_event_vetoes_rule_events_the_model_does_not_back() -> None:
    pred = prediction(NONE=0.95, CONSULT=0.04, ASSAULT=0.01)
    vetoed: list[EventMention] = []
    assert blend([event("ASSAULT")], pred, SETTINGS, never, recode, vetoed=vetoed) == []
    assert [(e.type, what(e), e.provenance.model_label) for e in vetoed] == [("ASSAULT", "vetoed", "NONE")]
    kept = blend([event("ASSAULT"), event("CONSULT", mention_id="m2")],
                 prediction(NONE=0.92, CONSULT=0.07, ASSAULT=0.01), SETTINGS, never, recode)
    assert [e.type for e in kept] == ["CONSULT"]


def test_a_doubtful_no_event_does_not_veto() -> None:
    out = blend([event("ASSAULT")], prediction(NONE=0.7, ASSAULT=0.3), SETTINGS, never, recode)
    assert [e.type for e in out] == ["ASSAULT"]


def test_confident_other_type_relabels_the_top_rule_event_only() -> None:
    low, high = event("CONSULT", 0.5, "low"), event("AID", 0.8, "high")
    out = blend([low, high], prediction(ASSAULT=0.9, AID=0.05, CONSULT=0.05), SETTINGS, never, recode)
    assert [(e.mention_id, e.type, what(e)) for e in out] == [("low", "CONSULT", "kept"),
                                                              ("highr", "ASSAULT", "relabelled")]
    assert out[1].provenance.origin == "relabelled"
    assert max(out, key=lambda e: e.confidence).type == "ASSAULT"


def test_no_relabel_when_a_rule_event_already_has_the_model_type() -> None:
    out = blend([event("ACCUSE", 0.7), event("ASSAULT", 0.5, "m2")], prediction(ASSAULT=0.9, ACCUSE=0.1),
                SETTINGS, never, recode)
    assert {what(e) for e in out} == {"kept"}
    assert max(out, key=lambda e: e.confidence).type == "ASSAULT"  # the model moves the top event


def test_model_proposes_only_where_the_rules_are_silent_and_it_is_confident() -> None:
    proposed = [event("PROTEST")]
    assert blend([], prediction(PROTEST=0.8, NONE=0.2), SETTINGS, lambda: proposed, recode) == proposed
    assert (proposed[0].provenance.model_score, what(proposed[0]), proposed[0].provenance.origin) == (
        0.8, "proposed", "model")
    assert blend([], prediction(PROTEST=0.55, NONE=0.45), SETTINGS, lambda: proposed, recode) == []
    assert blend([], prediction(NONE=0.99), SETTINGS, lambda: proposed, recode) == []


def test_model_alone_proposes_any_event_label() -> None:
    proposed = [event("PROTEST")]
    assert blend([], prediction(PROTEST=0.3, NONE=0.25, AID=0.25, ASSAULT=0.2), MODEL_ONLY,
                 lambda: proposed, recode) == proposed
    assert proposed[0].confidence == 0.3


def test_settings_load_from_the_model_folder(tmp_path) -> None:  # noqa: ANN001
    assert BlendSettings.load(tmp_path) == BlendSettings()
    (tmp_path / "blend.json").write_text('{"propose": 0.7, "veto": 0.8, "unknown": 3}')
    loaded = BlendSettings.load(tmp_path)
    assert (loaded.propose, loaded.veto, loaded.keep) == (0.7, 0.8, BlendSettings().keep)


def test_an_act_called_off_is_not_relabelled_into_the_act() -> None:
    postponed = replace(event("SANCTION"), cameo="164")  # "postponed his visit to Pakistan"
    out = blend([postponed], prediction(CONSULT=0.95, NONE=0.05), SETTINGS, never, recode)
    assert [(e.type, what(e)) for e in out] == [("SANCTION", "kept")]
    expelled = replace(event("SANCTION"), cameo="166")  # a relabel into another conflict type still happens
    out = blend([expelled], prediction(COERCE=0.95, NONE=0.05), SETTINGS, never, recode)
    assert [(e.type, what(e)) for e in out] == [("COERCE", "relabelled")]


def test_an_event_resting_on_an_earlier_sentence_is_not_vetoed() -> None:
    """"A spokesman denied the charge": alone, the sentence is a bare statement to the model; the rule
    coded it because an earlier sentence made the charge (answered-party)."""
    answered = replace(event("REJECT"), provenance=Provenance(("answered-party",), "verb:120:deny"))
    plain = replace(event("REJECT", mention_id="m2"), provenance=Provenance((), "verb:120:deny"))
    out = blend([answered, plain], prediction(NONE=0.98, REJECT=0.01, ACCUSE=0.01), SETTINGS, never, recode)
    assert [e.mention_id for e in out] == ["m1"]


def test_a_speakers_accusation_is_not_relabelled_into_the_act_it_reports() -> None:
    """"A bomber blew himself up at a cafe, police said": the act is reflexive (no event of its own) and
    the police's accusation is what the rules coded; as an ASSAULT it would make the police the bombers."""
    accusation = replace(event("ACCUSE"), cameo="112", provenance=Provenance(("speech-accuse",), "verb:183:blow up"))
    out = blend([accusation], prediction(ASSAULT=0.95, NONE=0.05), SETTINGS, never, recode)
    assert [(e.type, what(e)) for e in out] == [("ACCUSE", "kept")]
