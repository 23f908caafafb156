"""petrel.actors.found: a mention nested in a longer one for the same actor is dropped, others kept."""

from __future__ import annotations

from petrel.actors.found import Found, drop_nested_duplicates
from petrel.models import ActorRef

USA = ActorRef("United States", None, "USA", [], "country")
IRQ = ActorRef("Iraq", None, "IRQ", [], "country")


def test_a_mention_inside_a_longer_one_for_the_same_actor_goes() -> None:
    outer, inner = Found(0, 3, 2, USA), Found(0, 1, 0, USA)  # "US-led coalition" and "US"
    assert drop_nested_duplicates([inner, outer]) == [outer]


def test_a_nested_mention_of_another_actor_and_a_disjoint_one_stay() -> None:
    outer, other, later = Found(0, 3, 2, USA), Found(1, 2, 1, IRQ), Found(5, 6, 5, USA)
    assert drop_nested_duplicates([outer, other, later]) == [outer, other, later]
