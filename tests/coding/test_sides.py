"""Whom a side stands for (issue 11, petrel.coding.sides and petrel.coding.reported), through the whole
pipeline. Every sentence here is written for these tests.

Families: unknown perpetrators stay unknown; a state or its weapons doing armed force is its military;
security forces that police are the police; who reports an act decides actual or claimed."""

from __future__ import annotations

import pytest

from petrel.coding import sides
from petrel.coding.reported import is_official_reporter, own_side, routine_custody
from petrel.models import ActorRef, EventMention


@pytest.fixture(scope="module")
def run_without(session_settings, resources):
    from petrel.pipeline import Pipeline

    def code(rule: str, text: str) -> list[EventMention]:
        settings = session_settings.model_copy(update={"event_model": "rules", "disabled_rules": frozenset({rule})})
        return Pipeline(settings, resources=resources).code_text(text, published="2026-03-04").events
    return code


def one(events: list[EventMention], type_: str) -> EventMention:
    found = [e for e in events if e.type == type_]
    assert found, [(e.type, e.evidence.trigger, e.source.name) for e in events]
    return found[0]


# -- 1. unknown perpetrators ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "name", "sector"), [
    ("Unidentified gunmen shot dead a village chief near Kano in Nigeria on Tuesday.", "Unidentified gunmen", ["REB"]),
    ("Unknown assailants stabbed a reporter outside his home in Karachi.", "Unknown assailants", ["REB"]),
])
def test_an_unknown_perpetrator_gets_no_country_from_the_place(run, text, name, sector) -> None:
    event = one(run(text), "ASSAULT")
    assert (event.source.name, event.source.country, event.source.sector) == (name, None, sector)
    assert event.source.resolution == "unknown" and event.place is not None and event.place.country


def test_the_coders_agentless_attacker_keeps_the_place_convention(run) -> None:
    """"Killed in a bomb blast": nobody is named, the CAMEO convention of the sentence sets codes the country."""
    event = one(run("Two policemen were killed in a bomb blast in Quetta, Pakistan, on Sunday."), "ASSAULT")
    assert (event.source.name, event.source.country) == ("unidentified attackers", "PAK")


def test_the_words_still_give_an_unknown_perpetrators_country(run) -> None:
    event = one(run("Pakistani gunmen killed three border guards near Zahedan."), "ASSAULT")
    assert event.source.country == "PAK"


def test_the_rule_switched_off_lets_the_story_give_a_country(run_without) -> None:
    event = one(run_without("unknown-perpetrator", "Unidentified gunmen shot dead a village chief near Kano in "
                            "Nigeria on Tuesday."), "ASSAULT")
    assert event.source.country == "NGA"


@pytest.mark.parametrize(("name", "unknown"), [
    ("Unidentified gunmen", True), ("gunmen", True), ("two armed men", True), ("a gunman", True),
    ("unknown attackers", True), ("the gunmen", False), ("suspected cartel gunmen", False),
    ("Islamist militants", False), ("Taliban gunmen", False),
])
def test_which_phrases_name_an_unknown_perpetrator(name, unknown) -> None:
    assert sides.is_unknown_perpetrator(ActorRef(name, sector=["REB"], resolution="context")) is unknown


def test_a_listed_actor_is_never_unknown() -> None:
    assert not sides.is_unknown_perpetrator(ActorRef("Unknown Soldiers Brigade", actor_id="x", country="IRQ"))


# -- 2. a state or its weapons doing armed force is its military ----------------------------------------------

@pytest.mark.parametrize(("text", "country"), [
    ("Venezuela fired rockets at a Guyanese border post on Sunday.", "VEN"),
    ("Iranian missiles hit an air base in Israel overnight.", "IRN"),
    ("Chinese coast guard ships fired water cannon at a Philippine supply boat.", "CHN"),
    ("Pakistan's army shelled villages across the border.", "PAK"),
    ("Venezuelan air strikes hit two camps near the Guyanese border on Friday.", "VEN"),
])
def test_armed_force_by_a_state_or_its_weapons_is_its_military(run, text, country) -> None:
    event = one(run(text), "ASSAULT")
    assert event.source.country == country and "MIL" in event.source.sector


def test_a_state_alone_acts_as_the_state_through_its_military(run) -> None:
    event = one(run("Venezuela launched a military campaign against the cartels in 2019."), "ASSAULT")
    assert (event.source.country, event.source.sector) == ("VEN", ["MIL", "GOV"])


def test_a_state_that_does_not_use_force_keeps_its_sectors(run) -> None:
    event = one(run("Venezuela expelled three Guyanese diplomats on Sunday."), "SANCTION")
    assert event.source.country == "VEN" and "MIL" not in event.source.sector


def test_armed_state_keeps_the_words_of_a_named_party() -> None:
    hamas = ActorRef("Hamas", actor_id="hamas", country="PSE", sector=["REB"], resolution="kb")
    protesters = ActorRef("Iranian protesters", country="IRN", sector=["CVL"], resolution="country")
    assert sides.armed_side(hamas, lambda n: False) is hamas
    assert sides.armed_side(protesters, lambda n: False) is protesters
    fans = ActorRef("Iranian fans", country="IRN", sector=[], resolution="demonym")
    assert sides.armed_side(fans, lambda n: False) is fans  # an adjective alone says no arms


# -- 3. security forces that police are the police -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Security forces dispersed protesters with tear gas in Nairobi, Kenya.",
    "Security forces arrested ten opposition activists in Harare.",
    "Officers arrested two men in a raid in Chisinau, Moldova.",
])
def test_security_forces_that_police_are_the_police(run, text) -> None:
    event = [e for e in run(text) if e.type in ("ASSAULT", "COERCE")][0]
    assert "COP" in event.source.sector and "MIL" not in event.source.sector


@pytest.mark.parametrize("text", [
    "Security forces shelled rebel positions near Goma.",
    "Army officers detained the president in Libreville, Gabon.",
    "Soldiers arrested five students in Bamako.",
])
def test_forces_that_fight_or_say_they_are_soldiers_stay_military(run, text) -> None:
    event = [e for e in run(text) if e.type in ("ASSAULT", "COERCE")][0]
    assert "MIL" in event.source.sector


def test_security_forces_dispersing_a_crowd_the_model_coded_are_the_police(session_settings, resources) -> None:
    """The event model codes "dispersed them" (no lexicon pattern): its trigger word says it is policing."""
    from petrel.pipeline import Pipeline

    pipeline = Pipeline(session_settings.model_copy(update={"event_model": "combined"}), resources=resources)
    text = "Residents blocked a road in Kisumu, Kenya. Security forces dispersed them with tear gas."
    events = pipeline.code_text(text, published="2026-03-04").events
    event = [e for e in events if e.source.name == "Security forces"][0]
    assert "COP" in event.source.sector


@pytest.mark.parametrize(("text", "sector"), [
    ("Military authorities detained three journalists in Mandalay, Myanmar.", "MIL"),
    ("Niger's military rulers expelled the French ambassador.", "MIL"),
])
def test_military_rulers_and_authorities_are_the_military(run, text, sector) -> None:
    event = [e for e in run(text) if e.type in ("COERCE", "SANCTION")][0]
    assert sector in event.source.sector


def test_a_rights_group_takes_no_country_from_the_place(run) -> None:
    event = one(run("Human rights groups accused Ethiopian soldiers of killing civilians in Tigray."), "ACCUSE")
    assert event.source.country is None and event.source.sector
    event = one(run("Kenyan rights groups accused police of killing protesters in Nairobi."), "ACCUSE")
    assert event.source.country == "KEN"


# -- 5. who reports an act -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Russian rockets hit apartment blocks in Odesa overnight, killing four people, the regional governor said.",
    "Gunmen ambushed a police patrol in Zamfara state in Nigeria, killing six officers, police officials said.",
    "Police in Lagos arrested twelve people on suspicion of fraud, prosecutors said.",
    "Police in Lagos said they had arrested twelve people on suspicion of fraud.",
    "Syrian warplanes bombed a market in Idlib, killing nine people, the health ministry said.",
])
def test_an_act_officials_report_is_actual(run, text) -> None:
    event = [e for e in run(text) if e.type in ("ASSAULT", "COERCE")][0]
    assert event.status == "actual", event.rule


@pytest.mark.parametrize("text", [
    "The rebels said they had killed ten soldiers in an ambush in Mali.",
    "The army said its troops killed twelve militants in a raid in Somalia.",
    "The army said soldiers detained forty suspects in Gao.",
    "Kenya's defence ministry said Somali militants attacked a border post on Monday.",
    "Militants attacked a checkpoint in North Waziristan, Pakistan, on Monday. Security forces killed five of the "
    "raiders after a long gunfight, the army's media wing said.",
])
def test_an_act_a_party_to_it_tells_is_claimed(run, text) -> None:
    event = [e for e in run(text) if e.type in ("ASSAULT", "COERCE")][-1]
    assert event.status == "claimed", event.rule


def test_without_the_rule_an_officials_report_of_the_enemy_is_claimed(run_without) -> None:
    text = "Russian rockets hit apartment blocks in Odesa overnight, killing four people, the regional governor said."
    assert one(run_without("official-report", text), "ASSAULT").status == "claimed"


def test_official_reporters() -> None:
    never = lambda name: False  # noqa: E731
    assert is_official_reporter(ActorRef("local officials", country="IRQ", sector=["GOV"]), never)
    assert is_official_reporter(ActorRef("prosecutors", country="MDA", sector=["JUD"]), never)
    assert not is_official_reporter(ActorRef("the military", country="PAK", sector=["MIL"]), never)
    assert not is_official_reporter(ActorRef("his party", country="GEO", sector=["PTY"]), never)
    assert not is_official_reporter(ActorRef("Moscow", country="RUS", sector=["GOV"]), lambda n: n == "Moscow")
    assert not is_official_reporter(ActorRef("the Peruvian government", country="PER", sector=["GOV"]), never)
    assert not is_official_reporter(ActorRef("Ana Ruiz", actor_id="ana-ruiz", country="PER", sector=["GOV"]), never)
    assert is_official_reporter(ActorRef("Ana Ruiz", actor_id="ctx:ana-ruiz", country="PER", sector=["GOV"]), never)


def test_own_side_and_routine_custody() -> None:
    army = ActorRef("the army", sector=["MIL"])
    troops = ActorRef("troops", sector=["MIL"])
    police = ActorRef("police", country="NGA", sector=["COP"])
    assert own_side(army, troops) and not own_side(army, ActorRef("militants", sector=["REB"]))
    assert routine_custody("173", police, [police])
    assert not routine_custody("190", police, [police])
    assert not routine_custody("173", army, [troops])


def test_cartel_gunmen_are_criminals_and_no_unknown_perpetrator(run) -> None:
    event = one(run("Suspected cartel gunmen ambushed a police convoy in Michoacan, Mexico, on Tuesday."), "ASSAULT")
    assert "CRM" in event.source.sector and event.source.resolution != "unknown"


def test_a_us_command_named_after_a_region_is_the_us_military(run) -> None:
    event = one(run("U.S. Africa Command conducted an airstrike against al-Shabaab fighters near Jilib, Somalia."),
                "ASSAULT")
    assert (event.source.country, "MIL" in event.source.sector) == ("USA", True)


@pytest.mark.parametrize(("text", "type_", "country"), [
    ("Kenya's defence ministry said Somali jets had bombed a village near the border and accused Mogadishu of "
     "aggression.", "ACCUSE", "KEN"),
    ("Local officials said militants were behind the bombing and urged Kabul to act against them.", "REQUEST",
     "AFG"),
])
def test_a_speaking_act_joined_to_what_was_reported_is_the_speakers(run, text, type_, country) -> None:
    event = one(run(text), type_)
    assert event.source.country == country and "REB" not in event.source.sector and "jets" not in event.source.name


def test_a_pronoun_reported_subject_leaves_the_speech_rules_alone(run) -> None:
    events = run("Paris said it was reviewing its aid to Bamako and urged the government to hold elections.")
    assert one(events, "REQUEST").source.country == "FRA"
