"""Carrying the actor forward, and speakers who are not doers (issue 11, item 2), through the whole
pipeline with the lexicon rules. Every sentence here is written for these tests (none is a line of the
article probe, tests/data/probe_articles.jsonl, whose floors are pinned in test_article_probe.py)."""

from __future__ import annotations

import pytest

from petrel.models import EventMention


def one(events: list[EventMention], type_: str, trigger: str) -> EventMention:
    found = [e for e in events if e.type == type_ and e.evidence.trigger == trigger]
    assert found, [(e.type, e.evidence.trigger, e.source.name, e.rule) for e in events]
    return found[0]


# -- agentless follow-ups: the attack named again in the next sentences -----------------------------------

@pytest.mark.parametrize(("text", "trigger", "country"), [
    ("Ethiopian troops shelled rebel positions near Gondar on Friday. Nine fighters were killed in the "
     "shelling.", "killed", "ETH"),
    ("Burundian soldiers raided a camp near Bujumbura. Two guards were wounded during the raid.",
     "wounded", "BDI"),
    ("Kenyan police opened fire on a crowd in Kisumu on Sunday. Five men died in the shooting, and more "
     "than twenty were hurt. Three people were killed in the shooting.", "killed", "KEN"),
    ("Algerian jets bombed a convoy near the border on Monday. Most of the strikes hit trucks carrying "
     "fuel.", "hit", "DZA"),
])
def test_an_attack_named_again_is_its_doers(run, text, trigger, country) -> None:
    event = one(run(text), "ASSAULT", trigger)
    assert event.source.country == country and event.provenance.outermost() == "carried-forward", event.rule


def test_an_attack_reported_by_a_speaker_with_its_doer_named_is_carried(run) -> None:
    """The doer is named in the reported clause: the speaker reports, the doer's act is carried."""
    events = run("Chadian troops bombed a rebel base near Tibesti on Sunday, a local official said. The raid "
                 "killed eleven fighters, the official added.")
    event = one(events, "ASSAULT", "killed")
    assert event.source.country == "TCD" and "local official" not in event.source.name


@pytest.mark.parametrize("text", [
    # the speaker stands in for a doer nobody named: nothing to carry
    "An aid worker said they had been attacked on the road. The attack killed four people.",
    # an indefinite attack is a new one
    "Ugandan troops shelled a village on Monday. Eight people were killed in an attack in another district.",
    # no attack told before
    "Ugandan ministers met in Kampala on Monday. Eight people were killed in the ambush.",
])
def test_no_doer_is_carried_without_an_attack_told_before(run, text) -> None:
    assert not [e for e in run(text) if e.provenance.outermost() == "carried-forward"]


def test_an_attack_noun_someone_claims_or_condemns_is_not_carried(run) -> None:
    """The noun itself is carried only as a subject: "X claimed the attack" says who did it, "Y condemned
    the attack" is Y's statement."""
    events = run("Somali troops raided a village near Jowhar on Sunday. Al-Shabaab claimed the attack on a "
                 "website. Qatar condemned the attack.")
    assert not [e for e in events if e.provenance.outermost() == "carried-forward" and e.evidence.trigger == "attack"]



def test_violence_named_as_what_something_was_is_not_the_speakers_act(run) -> None:
    events = run('Militia fighters stormed a village near Beni on Friday. "It was a bombardment," said a nurse, '
                 'Esther Muhindo.')
    assert not [e for e in events if e.type == "ASSAULT" and "nurse" in e.source.name.lower()]


@pytest.mark.parametrize(("text", "target_country"), [
    ("Somalia's army said it killed 14 al-Shabaab fighters near Jilib on Monday.", "SOM"),
    ("Colombia's army said it had captured a commander of the National Liberation Army in Arauca.", "COL"),
])
def test_a_state_speakers_act_on_its_own_countrys_rebels_keeps_its_target(run, text, target_country) -> None:
    """The speaker stands in for "it"; the rebels of its country are another camp, not its own side."""
    event = [e for e in run(text) if e.type == "ASSAULT"][0]
    assert event.target is not None and event.target.country == target_country, event
    assert "REB" in event.target.sector


def test_a_speakers_own_forces_are_still_no_target(run) -> None:
    events = run("Kenya's army said it had moved its own troops to the border with Somalia.")
    assert not [e for e in events if e.target is not None and e.target.country == "KEN"]
