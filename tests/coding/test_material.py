"""petrel.coding.material: whom a material act is aimed at outside its object, through the default pipeline
(sentences written for these tests, whom9m)."""

from __future__ import annotations

import pytest

from petrel.coding import rules as R


def _events(pipeline, text: str, event_type: str):  # noqa: ANN001
    return [e for e in pipeline.code_text(text, published="2026-03-04").events if e.type == event_type]


@pytest.mark.parametrize(("text", "country"), [
    ("Turkey moved tanks and troops to its border with Syria on Monday, a military source said.", "SYR"),
    ("Russia's build-up of forces along the frontier with Finland worries Helsinki, the Finnish defence "
     "minister said on Friday.", "FIN"),
    ("Sudan deployed thousands of soldiers near its boundary with South Sudan last week, officials in Juba said.",
     "SSD"),
])
def test_troops_moved_to_a_border_face_the_country_across_it(pipeline, text: str, country: str) -> None:
    events = _events(pipeline, text, "MOBILIZE")
    assert any(e.target is not None and e.target.country == country and e.provenance.applied(R.BORDER_PARTY)
               for e in events), [(e.target, e.rule) for e in events]


def test_a_border_with_no_other_side_named_gives_no_target(pipeline) -> None:
    events = _events(pipeline, "Turkey moved tanks and troops to the border on Monday, a military source said.",
                     "MOBILIZE")
    assert events and not any(e.provenance.applied(R.BORDER_PARTY) for e in events)


@pytest.mark.parametrize(("text", "event_type", "country"), [
    ("Two patrol boats were handed over to the Ghanaian navy by the United States on Wednesday, the embassy said.",
     "AID", "GHA"),
    ("An asset freeze was imposed on three Belarusian judges by Canada on Tuesday, the foreign ministry said.",
     "SANCTION", "BLR"),
])
def test_a_passive_act_on_a_thing_is_aimed_at_its_recipient(pipeline, text: str, event_type: str,
                                                            country: str) -> None:
    events = _events(pipeline, text, event_type)
    assert any(e.target is not None and e.target.country == country and e.provenance.applied(R.PASSIVE_RECIPIENT)
               for e in events), [(e.target, e.rule) for e in events]


def test_a_passive_act_on_a_party_keeps_its_subject(pipeline) -> None:
    events = _events(pipeline, "Three Belarusian judges were sanctioned by Canada on Tuesday over rigged trials, "
                               "the foreign ministry said.", "SANCTION")
    assert events and all(not e.provenance.applied(R.PASSIVE_RECIPIENT) for e in events)
    assert any(e.target is not None and e.target.country == "BLR" for e in events)


@pytest.mark.parametrize(("text", "country"), [
    ("Syrian government jets bombed a suburb of Damascus on Sunday, killing four civilians, a monitor said.", "SYR"),
    ("Militias loyal to a rival administration shelled a densely populated neighbourhood of Kabul overnight, "
     "police said.", "AFG"),
])
def test_force_on_a_part_of_a_capital_falls_on_its_residents(pipeline, text: str, country: str) -> None:
    events = _events(pipeline, text, "ASSAULT")
    hit = [e for e in events if e.target is not None and e.target.country == country]
    assert hit and all(e.target.sector == ["CVL"] for e in hit), [(e.target, e.rule) for e in events]
    assert any(e.provenance.applied(R.DISTRICT_PEOPLE) for e in hit)


def test_a_party_named_in_the_district_keeps_its_own_target(pipeline) -> None:
    events = _events(pipeline, "Israeli jets struck Hezbollah positions in a suburb of Beirut on Friday, "
                               "the Lebanese army said.", "ASSAULT")
    assert events and not any(e.provenance.applied(R.DISTRICT_PEOPLE) for e in events)


@pytest.mark.parametrize(("text", "event_type", "country"), [
    ("Israeli settlers beat and robbed two Palestinian farmers near Hebron on Saturday, a rights group said.",
     "ASSAULT", "PSE"),
    ("Police arrested and beat three Ugandan journalists covering the rally in Kampala, their union said.",
     "COERCE", "UGA"),
])
def test_verbs_joined_by_and_share_the_last_ones_object(pipeline, text: str, event_type: str,
                                                        country: str) -> None:
    events = _events(pipeline, text, event_type)
    assert any(e.target is not None and e.target.country == country and e.provenance.applied(R.SHARED_OBJECT)
               for e in events), [(e.target, e.rule) for e in events]


def test_a_joined_verb_with_its_own_subject_shares_nothing(pipeline) -> None:
    events = _events(pipeline, "Israeli settlers attacked on Saturday and soldiers detained two Palestinian "
                               "farmers near Hebron, a rights group said.", "ASSAULT")
    assert not any(e.provenance.applied(R.SHARED_OBJECT) for e in events)


def test_force_at_a_clause_is_aimed_at_its_subject(pipeline) -> None:
    events = _events(pipeline, "Kenyan riot police fired tear gas at students marching in Nakuru on Thursday, "
                               "witnesses said.", "ASSAULT")
    assert any(e.target is not None and e.target.country == "KEN" and e.target.sector == ["CVL"]
               and e.provenance.applied(R.CLAUSE_OBJECT) for e in events), [(e.target, e.rule) for e in events]


def test_forces_moved_to_deter_a_country_are_aimed_at_it(pipeline) -> None:
    events = _events(pipeline, "The US deployed an aircraft carrier to the Gulf to deter Iran, the Pentagon said.",
                     "MOBILIZE")
    assert any(e.target is not None and e.target.country == "IRN" and e.provenance.applied(R.PURPOSE_PARTY)
               for e in events), [(e.target, e.rule) for e in events]


def test_a_friendly_purpose_names_no_target(pipeline) -> None:
    events = _events(pipeline, "The US deployed an aircraft carrier to the Gulf to reassure Bahrain, the Pentagon "
                               "said.", "MOBILIZE")
    assert not any(e.provenance.applied(R.PURPOSE_PARTY) for e in events)


@pytest.mark.parametrize(("text", "event_type", "country"), [
    ("Iran's Revolutionary Guards seized a British-flagged tanker in the Strait of Hormuz on Friday.", "COERCE",
     "GBR"),
    ("Houthi forces fired missiles at a Panama-flagged bulk carrier in the Red Sea on Tuesday.", "ASSAULT", "PAN"),
])
def test_a_ship_named_by_its_flag_is_a_business_of_that_country(pipeline, text: str, event_type: str,
                                                                country: str) -> None:
    events = _events(pipeline, text, event_type)
    assert any(e.target is not None and e.target.country == country and e.target.sector == ["BUS"]
               and e.provenance.applied(R.FLAG_STATE) for e in events), [(e.target, e.rule) for e in events]


def test_strikes_in_another_country_are_aimed_at_it(pipeline) -> None:
    events = _events(pipeline, "Israeli jets carried out airstrikes in southern Lebanon on Monday, the Lebanese "
                               "army said.", "ASSAULT")
    assert any(e.target is not None and e.target.country == "LBN" and e.provenance.applied(R.FOREIGN_GROUND)
               for e in events), [(e.target, e.rule) for e in events]


@pytest.mark.parametrize("text", [
    "Nigerian air force jets bombed hideouts in Borno state on Monday, the military said.",  # at home
    "Russian and Ukrainian troops clashed near the village on Friday, both sides said.",  # a fight
])
def test_force_at_home_or_a_fight_takes_no_ground_for_a_target(pipeline, text: str) -> None:
    events = _events(pipeline, text, "ASSAULT")
    assert not any(e.provenance.applied(R.FOREIGN_GROUND) for e in events)


@pytest.mark.parametrize(("text", "country", "sector"), [
    ("Guinea's junta launched a crackdown on the opposition in March, rights groups said.", "GIN", "OPP"),
    ("Nicaraguan police cracked down on dissent after the 2018 protests, a UN report said.", "NIC", "OPP"),
])
def test_a_states_crackdown_on_a_role_is_on_its_own_countrys_group(pipeline, text: str, country: str,
                                                                   sector: str) -> None:
    events = _events(pipeline, text, "COERCE")
    # "the opposition" may already be the home country's from the actors stage (a home institution, actors9);
    # either way the crackdown falls on the state's own group
    assert any(e.target is not None and e.target.country == country and sector in e.target.sector
               and (e.provenance.applied(R.REPRESSED_GROUP) or e.target.resolution == "coref")
               for e in events), [(e.target, e.rule) for e in events]


def test_a_group_the_actors_stage_names_keeps_its_own_reading(pipeline) -> None:
    events = _events(pipeline, "Guinea's junta cracked down on opposition parties in March, rights groups said.",
                     "COERCE")
    assert events and not any(e.provenance.applied(R.REPRESSED_GROUP) for e in events)


@pytest.mark.parametrize(("text", "country"), [
    ("An Israeli soldier shot dead a teenager near Jenin on Friday, the health ministry said.", "PSE"),
    ("A Houthi sniper shot and killed a boy in the old city of Taiz on Monday, local officials said.", "YEM"),
])
def test_people_named_only_as_persons_are_civilians_of_the_place(pipeline, text: str, country: str) -> None:
    events = _events(pipeline, text, "ASSAULT")
    assert any(e.target is not None and e.target.country == country and e.target.sector == ["CVL"]
               and e.provenance.applied(R.PERSON_VICTIMS) for e in events), [(e.target, e.rule) for e in events]


def test_a_doers_own_people_are_no_victims_named(pipeline) -> None:
    events = _events(pipeline, "Russian troops killed their own wounded men near Avdiivka, a Ukrainian commander "
                               "claimed.", "ASSAULT")
    assert not any(e.provenance.applied(R.PERSON_VICTIMS) for e in events)
