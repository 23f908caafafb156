"""petrel.coding.targets: what a target is, from its words (sentences written for these tests)."""

from __future__ import annotations

import pytest

from petrel.coding.targets import is_mobilized_force, target_kind
from petrel.models import ActorRef


def ref(name: str, country: str | None, *sector: str, actor_id: str | None = None) -> ActorRef:
    return ActorRef(name=name, actor_id=actor_id, country=country, sector=list(sector), resolution="demonym")


@pytest.mark.parametrize(("name", "sector"), [
    ("Armenian positions", ["MIL"]), ("a Pakistani border post", ["MIL"]), ("an Iraqi army convoy", ["MIL"]),
    ("a Palestinian teenager", ["CVL"]), ("the southern Lebanese town", ["CVL"]), ("Afghan homes", ["CVL"]),
])
def test_a_force_target_takes_the_sector_of_its_head_noun(name, sector) -> None:
    assert target_kind("ASSAULT", ref(name, "ARM")).sector == sector


@pytest.mark.parametrize("target", [
    ref("Armenian positions", None),  # no country: nothing to say whose
    ref("Syrian rebels", "SYR", "REB"),  # a sector already
    ref("Israeli town", "ISR", actor_id="X1"),  # a knowledge-base actor
    ref("Armenian officials' statement", "ARM"),  # another head noun
])
def test_other_targets_are_left_alone(target) -> None:
    assert target_kind("ASSAULT", target) is target


def test_only_force_and_coercion_targets_change() -> None:
    target = ref("a Palestinian teenager", "PSE")
    assert target_kind("AID", target) is target
    assert target_kind("COERCE", target).sector == ["CVL"]


def test_mobilized_troops_are_no_target() -> None:
    assert is_mobilized_force("MOBILIZE", ref("about 1,500 troops", "MDA", "MIL"))
    assert is_mobilized_force("MOBILIZE", ref("its army", "SRB", "MIL"))
    assert not is_mobilized_force("MOBILIZE", ref("Cambodian border", "KHM"))
    assert not is_mobilized_force("ASSAULT", ref("troops", "MDA", "MIL"))
    assert not is_mobilized_force("MOBILIZE", None)


def test_released_prisoners_are_civilians() -> None:
    assert target_kind("RETREAT", ref("90 Palestinian prisoners", "PSE"), "0841").sector == ["CVL"]
    withdrawn = ref("the Lebanese town", "LBN")
    assert target_kind("RETREAT", withdrawn, "0874") is withdrawn  # "withdrew from the town": not a release


@pytest.mark.parametrize("text", [
    "Riot police fired tear gas at marchers in Nairobi on Thursday.",
    "Soldiers opened fire on the marchers as they neared the palace in Bamako.",
])
def test_marchers_are_the_people_fired_on(run, text) -> None:
    """'marchers' is a word for protesters: the target of force used on them, not an empty side."""
    events = [e for e in run(text) if e.type == "ASSAULT"]
    assert events and all(e.target is not None and "marchers" in e.target.name for e in events)
