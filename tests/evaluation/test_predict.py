from __future__ import annotations

from petrel.evaluation.predict import actor_span, to_predicted, top_event
from petrel.models import ActorMention, ActorRef, EventMention, Evidence

from .conftest import ev

SENTENCE = "Zorland troops shelled the Vexan border post."


def test_top_event_is_most_confident_first_of_equals():
    a, b, c = ev("AID", confidence=0.5), ev("ASSAULT", confidence=0.7), ev("COERCE", confidence=0.7)
    assert top_event([a, b, c]) is b
    assert top_event([]) is None


def _mentions(offset: int = 0) -> tuple[ActorRef, ActorRef, list[ActorMention]]:
    zor = ActorRef("Zorland troops", country="ZZZ", sector=["MIL"])
    vex = ActorRef("Vexan", country="VVV")
    return zor, vex, [ActorMention("d", offset + 0, offset + 14, "Zorland troops", zor),
                      ActorMention("d", offset + 27, offset + 32, "Vexan", vex)]


def test_actor_span_prefers_the_very_mention_object():
    zor, vex, mentions = _mentions()
    assert actor_span(zor, mentions, 0, SENTENCE, 15) == (0, 14)
    assert actor_span(vex, mentions, 0, SENTENCE, 15) == (27, 32)
    assert actor_span(None, mentions, 0, SENTENCE, 15) is None


def test_actor_span_falls_back_to_equal_actor_then_name():
    zor, _, mentions = _mentions()
    twin = ActorRef("Zorland troops", country="ZZZ")
    assert actor_span(twin, mentions, 0, SENTENCE, None) == (0, 14)
    stranger = ActorRef("border post", country=None)
    assert actor_span(stranger, [], 100, SENTENCE, None) == (100 + SENTENCE.index("border post"),
                                                            100 + SENTENCE.index("border post") + 11)
    assert actor_span(ActorRef("Nobody"), [], 0, SENTENCE, None) is None


def test_to_predicted_keeps_what_scorers_need():
    zor, vex, mentions = _mentions(offset=10)
    event = EventMention("m1", "d", "ASSAULT", zor, vex, Evidence("d", SENTENCE, 10, 10 + len(SENTENCE), "shelled", 25),
                         status="historical", cameo="195", date="2001", confidence=0.8)
    pred = to_predicted(event, mentions)
    assert (pred.type, pred.cameo, pred.source_country, pred.target_country) == ("ASSAULT", "195", "ZZZ", "VVV")
    assert pred.has_target and pred.status == "historical" and pred.date == "2001"
    assert pred.source_span == (10, 24) and pred.target_span == (37, 42)
    assert "ZZZ" in pred.describe()
