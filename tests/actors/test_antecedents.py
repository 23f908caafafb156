"""Pronouns and definite descriptions where news puts a speaker or a party named in passing nearer than
the actor (issue 11, item 2; petrel.actors.antecedents), through the whole pipeline. Every sentence is
written for these tests (none is a line of tests/data/probe_articles.jsonl)."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def code(pipeline):
    return lambda text: pipeline.code_text(text, published="2026-03-04")


def linked(doc, surface: str, nth: int = 0):
    found = [m for m in doc.mentions if m.text == surface]
    assert len(found) > nth, [(m.text, m.actor.name) for m in doc.mentions]
    return found[nth].actor


def test_they_doing_something_is_not_the_one_who_only_spoke(code) -> None:
    doc = code("Bandits kidnapped nine farmers in Katsina state on Friday, police said. They demanded a "
               "ransom and burned a granary.")
    assert linked(doc, "They").name.lower() != "police"


def test_they_speaking_may_still_be_the_speakers(code) -> None:
    doc = code("Rebels shelled the town, residents said. They said the shells hit a clinic.")
    assert linked(doc, "They").name.lower() == "residents"


@pytest.mark.parametrize(("text", "surface", "country"), [
    ("Kenya's interior ministry banned a march in Nairobi on Monday. The ministry accused the organisers of "
     "planning violence.", "The ministry", "KEN"),
    ("The Rapid Support Forces attacked a convoy near Kosti on Sunday. The paramilitary force accused the army "
     "of using the convoy to move weapons.", "The paramilitary force", "SDN"),
])
def test_a_description_with_the_same_head_is_the_earlier_organisation(code, text, surface, country) -> None:
    actor = linked(code(text), surface)
    assert actor.country == country and actor.resolution == "coref"


def test_a_description_of_a_place_or_a_person_is_not_linked_by_its_head(code) -> None:
    doc = code("Officials in Kano state said the governor imposed a curfew. The state has seen clashes for weeks.")
    assert not [m for m in doc.mentions if m.text == "The state" and m.actor.resolution == "coref"]


def test_it_opening_a_sentence_is_the_organisation_of_the_sentence_before(code) -> None:
    doc = code("Hezbollah fired rockets at a base in northern Israel on Monday. It said the attack answered an "
               "Israeli strike.")
    assert linked(doc, "It").actor_id == linked(doc, "Hezbollah").actor_id


@pytest.mark.parametrize("text", [
    # a country is not "it" across sentences
    "Iran seized a tanker in the Gulf on Monday. It carried fuel bound for Oman.",
    # a dummy "it"
    "Hezbollah fired rockets at a base in northern Israel. It is the third such attack this week.",
])
def test_it_is_not_carried_to_a_country_or_as_a_dummy(code, text) -> None:
    doc = code(text)
    assert not [m for m in doc.mentions if m.text == "It" and m.actor.resolution == "coref"]


def test_an_act_before_the_speaker_is_not_the_speakers(code) -> None:
    """The speaker of "..., an official said" reports the act: "it" looks back, never to the official."""
    events = code("Al-Shabaab attacked an army base in Hiraan on Monday. It killed six soldiers, a local "
                  "official said.").events
    kills = [e for e in events if e.type == "ASSAULT" and e.evidence.trigger == "killed"]
    assert kills and all("official" not in e.source.name for e in kills)
    assert any(e.source.actor_id == "al-shabaab" for e in kills), [(e.source.name, e.rule) for e in kills]


def test_they_is_not_the_subject_of_a_relative_clause_about_a_speaker(code) -> None:
    doc = code('Zambian police detained 30 traders at a market in Lusaka on Friday. "We were beaten," said '
               'Mary Phiri, one of the vendors who were released. They also seized the traders\' goods.')
    assert linked(doc, "They", nth=0).name.lower() != "vendors"
    they = [m for m in doc.mentions if m.text == "They"]
    assert they and they[-1].actor.country == "ZMB" and "COP" in they[-1].actor.sector


@pytest.mark.parametrize(("text", "surface", "actor_id"), [
    ("Hamas fighters attacked an Israeli post near Gaza on Monday. The Palestinian militant group said it "
     "killed two soldiers.", "The Palestinian militant group", "hamas"),
    ("Boko Haram fighters raided a village in Borno on Friday. The Nigerian militant group later released ten "
     "hostages.", "The Nigerian militant group", "boko-haram"),
])
def test_a_second_day_renaming_by_demonym_is_the_group_named_before(code, text, surface, actor_id) -> None:
    assert linked(code(text), surface).actor_id == actor_id


def test_a_renaming_with_two_groups_of_its_country_before_is_left_as_read(code) -> None:
    doc = code("Hamas and Islamic Jihad fighters fired rockets from Gaza on Monday. The Palestinian militant "
               "group said the barrage answered an Israeli raid.")
    assert linked(doc, "The Palestinian militant group").actor_id is None
