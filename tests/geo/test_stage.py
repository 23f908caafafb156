"""PlaceStage: the place attached to the event, homonyms by document context, actors are not places."""

from __future__ import annotations

import pytest

from petrel.models import ActorRef, Article, Provenance
from petrel.state import DocState

from .placing import placed


def test_place_attached_to_the_trigger_chain(stage, make_state):
    place = placed(stage, make_state, "Warplanes kept striking depots used by Iranian units in Syria, officials said.",
                   "striking")
    assert (place.name, place.country, place.precision) == ("Syria", "SYR", "country")


def test_the_nearest_locative_wins_over_its_container(stage, make_state):
    place = placed(stage, make_state, "The president said troops would stay at the Ain al-Asad air base in Iraq.", "stay")
    assert (place.name, place.precision) == ("Ayn al-Asad Air Base", "point")


def test_regions_from_the_supplement(stage, make_state):
    place = placed(stage, make_state, "The brigade has fought hard battles against the jihadists in northern Iraq.",
                   "fought")
    assert (place.name, place.country, place.precision) == ("northern Iraq", "IRQ", "region")


def test_compass_word_makes_a_region(stage, make_state):
    place = placed(stage, make_state, "Gunmen ambushed a patrol in southern Kirkuk province.", "ambushed")
    assert place.country == "IRQ" and place.name.startswith("southern")


@pytest.mark.parametrize(("country_sentence", "country"), [
    ("The Libyan interior ministry blamed a militia from Misrata, and Libya's rival government stayed silent.", "LBY"),
    ("The Lebanese army deployed more troops, and Lebanon's prime minister called for calm.", "LBN"),
])
def test_tripoli_is_disambiguated_by_the_document(stage, make_state, country_sentence, country):
    text = f"Clashes broke out between armed groups in Tripoli overnight. {country_sentence}"
    place = placed(stage, make_state, text, "broke")
    assert (place.name, place.country, place.precision) == ("Tripoli", country, "city")


def test_country_only(stage, make_state):
    place = placed(stage, make_state, "Soldiers withdrew from Afghanistan after two decades.", "withdrew")
    assert (place.country, place.precision) == ("AFG", "country")
    assert place.lat == pytest.approx(33.9, abs=1) and place.lon == pytest.approx(67.7, abs=1)


def test_an_actor_is_not_a_place(stage, make_state):
    text = "Mosul residents fled as Iraq announced an offensive in Anbar."
    place = placed(stage, make_state, text, "announced")
    assert place.precision == "admin1" and place.country == "IRQ" and "Anb" in place.name


def test_dateline_fallback(stage, make_state):
    place = placed(stage, make_state, "Protesters blocked the main road on Sunday.", "blocked", dateline="BAGHDAD")
    assert (place.name, place.country) == ("Baghdad", "IRQ")


def test_dominant_place_fallback_prefers_a_city_of_the_main_country(stage, make_state):
    text = ("Protesters blocked the main road on Sunday.\n\nPolice said the crowd came from across Iraq.\n\n"
            "Smaller rallies took place in Basra, and Iraq's government called for calm in Iraq.")
    place = placed(stage, make_state, text, "blocked")
    assert (place.name, place.country, place.basis) == ("Basrah", "IRQ", "document")


def test_no_place_for_historical_events_without_one(stage, make_state):
    assert placed(stage, make_state, "The visit drew sharp criticism.", "drew", status="historical") is None


def test_no_place_at_all(stage, make_state):
    assert placed(stage, make_state, "Protesters blocked the main road on Sunday.", "blocked") is None


def test_the_capital_of_a_demonym(stage, make_state):
    text = "The commander spoke at his office in the Iraqi capital. He threatened to expel the troops."
    place = placed(stage, make_state, text, "threatened")
    assert (place.name, place.country, place.precision) == ("Baghdad", "IRQ", "city")


def test_generic_border(stage, make_state):
    place = placed(stage, make_state, "Shells landed along the Iraq-Kuwait border.", "landed")
    assert place.precision == "region" and place.country == "IRQ" and "border" in place.name


def test_empty_state(stage, nlp):
    state = DocState(Article("e", "test", "text", "Nothing happened in Iraq."), nlp("Nothing happened in Iraq."))
    stage(state)
    assert state.events == []


def test_modifiers_are_not_places(stage, make_state):
    text = "A US-led coalition bombed the depots while American advisers trained troops in Mosul."
    place = placed(stage, make_state, text, "bombed")
    assert place is not None and place.country == "IRQ"  # Mosul, named in the other clause; never the modifier
    place = placed(stage, make_state, "Hundreds of US troops stayed in Iraq.", "stayed")
    assert place.country == "IRQ"


def test_participants_after_against_or_with_are_not_places(stage, make_state):
    assert placed(stage, make_state, "The militia vowed to take up arms against the United States.", "vowed",
                  status="future") is None
    place = placed(stage, make_state, "Officials held talks with Iran in Geneva.", "held")
    assert place.name == "Geneva"


def test_the_town_of_a_name_is_locative(stage, make_state):
    text = ("The ministry accused the rebels of sending fighters across the border near the town of Mandera. "
            "Officials in Nairobi said talks would follow.")
    place = placed(stage, make_state, text, "accused", dateline="NAIROBI")
    assert place.name == "Mandera"


def test_a_country_listed_with_a_party_is_not_a_place(stage, make_state):
    text = "Talks between the militia and the United States resumed in Muscat on Sunday."
    assert placed(stage, make_state, text, "resumed").name == "Muscat"
    text = "Envoys met in Muscat on Sunday. A truce between the group and the United States collapsed on Monday."
    assert placed(stage, make_state, text, "collapsed").name == "Muscat"  # the article's place, not the party
    text = "Fighting spread from Kabul and Jalalabad on Monday."
    assert placed(stage, make_state, text, "spread").name in ("Kabul", "Jalalabad")


def unknown_attack(make_state, text: str, trigger: str, **kwargs):
    from petrel.coding.unnamed import UNKNOWN_ATTACKER

    state = make_state(text, trigger, **kwargs)
    state.events[0].source = UNKNOWN_ATTACKER
    state.events[0].provenance = Provenance(("unknown-agent",), "verb:1823:kill")
    return state


def located(gazetteer, state):
    """What the events stage does with the shared resolver: unidentified attackers take the stated place."""
    from petrel.coding.unnamed import located_attacker
    from petrel.geo.stage import PlaceResolver

    resolver = PlaceResolver(gazetteer)
    return located_attacker(state.events[0], lambda e: resolver.stated_place_of(state.doc, state.article, e))


def test_an_unidentified_attacker_takes_the_country_where_it_struck(gazetteer, make_state):
    state = unknown_attack(make_state, "A roadside mine near the city of Baqubah wounded two policemen.", "wounded")
    source = located(gazetteer, state)
    assert (source.country, source.resolution) == ("IRQ", "place")


def test_an_unidentified_attacker_is_not_placed_by_the_article_alone(stage, gazetteer, make_state):
    text = "A roadside bomb killed two US soldiers. Iraq's government called for calm in Iraq."
    state = unknown_attack(make_state, text, "killed")
    assert located(gazetteer, state).country is None  # where the article happens is too weak a clue ...
    stage(state)
    assert state.events[0].place.country == "IRQ"  # ... though the event is placed there


def test_the_places_stage_never_edits_an_actor(stage, make_state):
    state = unknown_attack(make_state, "A roadside mine near the city of Baqubah wounded two policemen.", "wounded")
    before = state.events[0].source
    stage(state)
    assert state.events[0].place.country == "IRQ" and state.events[0].source is before


def test_an_attackers_demonym_does_not_place_the_attack(stage, make_state):
    text = "Russian missiles struck the town overnight, killing three people."
    state = make_state(text, "struck")
    state.events[0].source = ActorRef("Russian missiles", country="RUS")
    stage(state)
    assert state.events[0].place is None


def test_a_named_place_of_the_attacker_still_counts(stage, make_state):
    text = "Russian missiles struck the town overnight. The attack came a day after protests in Moscow."
    state = make_state(text, "struck")
    state.events[0].source = ActorRef("Russian missiles", country="RUS")
    stage(state)
    assert state.events[0].place.country == "RUS"
