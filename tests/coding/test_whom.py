"""petrel.coding.whom: whom verbal and diplomatic acts are aimed at (sentences written for these tests, not
taken from any evaluation set or the whom probe)."""

from __future__ import annotations

import pytest

from petrel.coding import rules as R


def best(pipeline, text: str, event_type: str):  # noqa: ANN001
    events = [e for e in pipeline.code_text(text, published="2026-03-04").events if e.type == event_type]
    assert events, (text, event_type)
    return max(events, key=lambda e: e.confidence)


def target_country(pipeline, text: str, event_type: str) -> str | None:  # noqa: ANN001
    e = best(pipeline, text, event_type)
    return e.target.country if e.target else None


@pytest.mark.parametrize(("text", "event_type", "country"), [
    # with-party: the "with" phrase, before the topic or the place
    ("The Malian foreign minister discussed border security with her Nigerien counterpart in Bamako on Friday.",
     "CONSULT", "NER"),
    ("Jordan's king held talks with Egyptian President Abdel Fattah al-Sisi in Amman on Sunday.", "CONSULT", "EGY"),
    ("Portugal signed a fisheries accord with Morocco in Lisbon on Thursday.", "AGREE", "MAR"),
    # reciprocal-subject: the subject names both sides
    ("Officials from Zambia and Malawi met in Lusaka on Tuesday to discuss the railway project.", "CONSULT", "MWI"),
    # addressed-party: "to/towards" on the trigger or the light verb
    ("Vietnam softened its stance towards Cambodia on Wednesday after months of border friction.", "CONCEDE",
     "KHM"),
    # passive-holder: the party a passive subject's demand or ban names
    ("The ban on Hamas was lifted by the Egyptian government on Friday, officials said.", "CONCEDE", "PSE"),
    # appositive-party: a relation noun with its party in apposition
    ("Canada stood by its ally, Denmark, on Monday as the row over Greenland deepened.", "SUPPORT", "DNK"),
    # group-party: an unnamed group, of the source's country
    ("Zambia's president accused the opposition on Monday of stirring up violence in the capital.", "ACCUSE",
     "ZMB"),
    ("Cuba released 50 political prisoners on Friday, a church official said.", "RETREAT", "CUB"),
    ("The ban on the opposition party was lifted by Tunisian authorities on Friday.", "CONCEDE", "TUN"),
    # deed-doer: praise or blame of a deed is aimed at its doer
    ("Norway welcomed the release of two aid workers by the Taliban on Saturday.", "SUPPORT", "AFG"),
    ("Amnesty International condemned the arrest of three journalists by Ethiopian police on Monday.", "ACCUSE",
     "ETH"),
    # reciprocal: the army meeting a rebel force is a consultation, not a visit to its own troops
    ("Envoys from Sudan's army and the Rapid Support Forces met in Geneva on Monday under Swiss mediation.",
     "CONSULT", "SDN"),
])
def test_the_target_of_a_verbal_act(pipeline, text: str, event_type: str, country: str) -> None:
    assert target_country(pipeline, text, event_type) == country


def test_a_counterpart_takes_the_country_of_its_demonym(pipeline) -> None:
    e = best(pipeline, "The Egyptian foreign minister discussed the crisis with his Jordanian counterpart "
                       "Omar Farouk by telephone.", "CONSULT")
    assert e.target is not None and e.target.name == "Omar Farouk" and e.target.country == "JOR"
    assert e.provenance.applied(R.WITH_PARTY)


def test_people_returned_to_their_families_are_the_target(pipeline) -> None:
    e = best(pipeline, "Mexico returned 30 Guatemalan children to their families on Friday.", "RETREAT")
    assert e.target is not None and e.target.country == "GTM" and "children" in e.target.name
    assert e.provenance.applied(R.RETURNED_PEOPLE)


def test_concessions_to_an_unnamed_group_go_to_the_states_own_people(pipeline) -> None:
    e = best(pipeline, "The Bolivian government granted concessions to striking miners on Monday.", "CONCEDE")
    assert e.target is not None and e.target.country == "BOL"


def test_a_place_alone_stays_a_visit(pipeline) -> None:
    """No second party in the subject: the rules leave the parse's reading alone."""
    e = best(pipeline, "Argentine President Javier Milei visited Rome on Friday.", "CONSULT")
    assert e.target is not None and e.target.country == "ITA"
    assert not {R.WITH_PARTY, R.RECIPROCAL_SUBJECT} & set(e.provenance.rules)


def test_an_own_asset_is_no_group_target(pipeline) -> None:
    events = pipeline.code_text("Chad withdrew its troops from the border on Monday.", published="2026-03-04").events
    assert not any(e.provenance.applied(R.GROUP_PARTY) for e in events)


def test_no_group_without_a_country_to_give_it(pipeline) -> None:
    """A source of no country (an international body) cannot lend one to "the opposition"."""
    events = pipeline.code_text("The United Nations accused the opposition of blocking aid convoys.",
                                published="2026-03-04").events
    assert not any(e.provenance.applied(R.GROUP_PARTY) for e in events)


def test_the_rules_can_be_switched_off(session_settings, resources) -> None:
    from petrel.pipeline import Pipeline

    off = Pipeline(session_settings.model_copy(update={"disabled_rules": frozenset({R.GROUP_PARTY})}),
                   resources=resources)
    events = [e for e in off.code_text("Zambia's president accused the opposition on Monday of stirring up "
                                       "violence in the capital.", published="2026-03-04").events
              if e.type == "ACCUSE"]
    assert events and all(not e.provenance.applied(R.GROUP_PARTY) for e in events)


def test_two_parties_meeting_in_a_third_country_meet_each_other(pipeline) -> None:
    events = [e for e in pipeline.code_text("The Thai government and the Malaysian government signed a framework "
                                            "deal in Kuala Lumpur on Monday.", published="2026-03-04").events
              if e.type in ("AGREE", "SUPPORT")]
    assert {(e.source.country, e.target.country if e.target else None) for e in events} == {("THA", "MYS"),
                                                                                           ("MYS", "THA")}
    assert all(e.target.name != "Malaysia" for e in events)


@pytest.mark.parametrize("text", [
    "Chile dismissed the Bolivian government's claims about the river on Friday.",
    "Moscow rejected the report by Human Rights Watch on Tuesday.",
])
def test_a_denied_charge_with_its_maker_rejects_the_maker(pipeline, text: str) -> None:
    e = best(pipeline, text, "REJECT")
    assert e.target is not None and e.provenance.applied(R.ANSWERED_PARTY)


def test_a_denied_charge_nobody_made_stays_a_statement(pipeline) -> None:
    events = pipeline.code_text("A government spokesman denied the allegations on Friday.",
                                published="2026-03-04").events
    assert not [e for e in events if e.type == "REJECT"]


def test_both_parties_are_the_two_named_before(pipeline) -> None:
    events = [e for e in pipeline.code_text("The Indian government and the Naga rebels signed an agreement in Delhi "
                                            "on Wednesday, and both parties pledged to meet again in May.",
                                            published="2026-03-04").events if e.provenance.applied(R.PAIR_ANAPHOR)]
    assert {(e.source.name, e.target.name if e.target else None) for e in events} == {
        ("Indian government", "Naga rebels"), ("Naga rebels", "Indian government")}


def test_both_sides_need_two_parties(pipeline) -> None:
    events = pipeline.code_text("Egypt hosted talks on Sunday. Both sides agreed to continue.",
                                published="2026-03-04").events
    assert not any(e.provenance.applied(R.PAIR_ANAPHOR) for e in events)


def test_a_group_belongs_to_the_other_country_the_sentence_names_first(pipeline) -> None:
    e = best(pipeline, "After two days of talks in Caracas, Brazil's envoy accused the opposition of stalling the "
                       "dialogue.", "ACCUSE")
    assert e.target is not None and e.target.country == "VEN" and "OPP" in e.target.sector
