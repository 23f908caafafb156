"""Event coding on invented sentences: every PLOVER type, passives, speech, compounds, status."""

from __future__ import annotations

import pytest

from petrel.models import ActorRef
from tests.coding.conftest import actor

RUS, GEO = actor("Russia", "RUS"), actor("Georgia", "GEO")
KEN, SOM = actor("Kenya", "KEN"), actor("Somalia", "SOM")
EGY, ETH = actor("Egypt", "EGY"), actor("Ethiopia", "ETH")
FRA, DEU = actor("France", "FRA"), actor("Germany", "DEU")
ABDI = actor("Ali Abdi", "SOM", "REB", actor_id="abdi")
NOVAK = actor("Ivo Novak", "GEO", "GOV", actor_id="novak")
TABLE = {
    "Russia": RUS, "Russian": RUS, "Moscow": RUS, "Georgia": GEO, "Georgian": GEO, "Tbilisi": GEO,
    "Kenya": KEN, "Kenyan": KEN, "Nairobi": KEN, "Somalia": SOM, "Somali": SOM, "Egypt": EGY, "Egyptian": EGY,
    "Ethiopia": ETH, "Ethiopian": ETH, "French": FRA, "France": FRA, "German": DEU, "Germany": DEU,
    "Abdi": ABDI, "Novak": NOVAK,
}


def triples(state) -> set[tuple[str, str, str | None]]:
    return {(e.type, e.source.country or e.source.name, e.target.country if e.target else None)
            for e in state.events}


@pytest.mark.parametrize(("text", "expected"), [
    ("Russian troops are responsible for the shelling of Tbilisi.", ("ASSAULT", "RUS", "GEO")),
    ("Kenya imposed a state of emergency to take effect on Friday.", ("COERCE", "KEN", "KEN")),
    ("Germany sent basic shelter materials to Kenya.", ("AID", "DEU", "KEN")),
    ("Ethiopia let the Somali prisoners go free.", ("RETREAT", "ETH", "SOM")),
    ("Russia agreed to a ceasefire with Georgia.", ("AGREE", "RUS", "GEO")),
    ("Kenya promised to provide aid to Somalia.", ("AGREE", "KEN", "SOM")),
    ("Egypt and Ethiopia held talks on the dam.", ("CONSULT", "EGY", "ETH")),
    ("The Kenyan president visited Somalia on Tuesday.", ("CONSULT", "KEN", "SOM")),
    ("Kenya praised Ethiopia for its restraint.", ("SUPPORT", "KEN", "ETH")),
    ("Russia and Georgia signed a trade agreement.", ("SUPPORT", "RUS", "GEO")),
    ("Kenya agreed to share intelligence with Somalia.", ("AGREE", "KEN", "SOM")),
    ("French troops fought alongside Somali soldiers.", ("COOPERATE", "FRA", "SOM")),
    ("Kenya sent humanitarian aid to Somalia.", ("AID", "KEN", "SOM")),
    ("Kenya donated medicine to Somalia.", ("AID", "KEN", "SOM")),
    ("France is providing intelligence to Ethiopia.", ("AID", "FRA", "ETH")),
    ("Egypt gave a warm welcome to the Kenyan president.", ("CONSULT", "EGY", "KEN")),
    ("Ethiopia gave in to Egypt after months of pressure.", ("CONCEDE", "ETH", "EGY")),
    ("Russia withdrew its troops from Georgia.", ("RETREAT", "RUS", "GEO")),
    ("Russia released Georgian prisoners.", ("RETREAT", "RUS", "GEO")),
    ("Somalia demanded the withdrawal of Kenyan troops.", ("REQUEST", "SOM", "KEN")),
    ("Kenya urged Somalia to release the hostages.", ("REQUEST", "KEN", "SOM")),
    ("Ethiopia accused Egypt of aggression.", ("ACCUSE", "ETH", "EGY")),
    ("Egypt condemned Ethiopia.", ("ACCUSE", "EGY", "ETH")),
    ("Egypt rejected the Ethiopian proposal.", ("REJECT", "EGY", "ETH")),
    ("Russia refused to withdraw from Georgia.", ("REJECT", "RUS", "GEO")),
    ("Russian officials have threatened to attack Georgia.", ("THREATEN", "RUS", "GEO")),
    ("Kenya threatened to impose sanctions on Somalia.", ("THREATEN", "KEN", "SOM")),
    ("Somali protesters marched against Kenya in Mogadishu.", ("PROTEST", "SOM", "KEN")),
    ("Russia imposed sanctions on Georgia.", ("SANCTION", "RUS", "GEO")),
    ("Kenya expelled Somali diplomats.", ("SANCTION", "KEN", "SOM")),
    ("Russia deployed troops to the border with Georgia.", ("MOBILIZE", "RUS", "GEO")),
    ("Kenyan police arrested Abdi.", ("COERCE", "KEN", "SOM")),
    ("Russia banned Novak from entering the country.", ("COERCE", "RUS", "GEO")),
    ("Russian jets bombed Georgian villages.", ("ASSAULT", "RUS", "GEO")),
    ("Kenyan troops shelled Somali positions.", ("ASSAULT", "KEN", "SOM")),
])
def test_each_plover_type(code, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(code(text, TABLE))


@pytest.mark.parametrize(("text", "cameo"), [
    ("Russia released photos of the damaged bridge.", "0841"),
    ("Russia released a video and a statement on Monday.", "0841"),
    ("Novak met the Russian envoy, according to photos released by Georgia.", "0841"),
    ("Georgia condemned the release of the footage by Russia.", "0841"),
    ("Rockets hit the base in Georgia, which hosts French troops.", "043"),
    ("Kenya has hosted Somali refugees for decades.", "043"),
    ("Russia said it had received the request from Georgia.", "043"),
])
def test_an_excluded_object_blocks_the_pattern(code, text: str, cameo: str) -> None:
    """Releasing media is no release of persons; hosting troops or receiving a request is no visit."""
    assert not any(e.cameo == cameo for e in code(text, TABLE).events)


def test_releasing_people_is_still_a_release(code) -> None:
    assert ("RETREAT", "RUS", "GEO") in triples(code("Russia freed Georgian soldiers and released Novak.", TABLE))


def test_hosting_a_visitor_is_still_a_visit(code) -> None:
    assert ("CONSULT", "KEN", "SOM") in triples(code("Kenya hosted the Somali president in Nairobi.", TABLE))


def test_who_acts_during_a_protest_is_not_its_protester(code) -> None:
    state = code("Georgian police fired tear gas at thousands of students in Tbilisi on Monday, "
                 "in the largest demonstration yet against Russia.", TABLE)
    assert not any(e.type == "PROTEST" and e.source.country == "GEO" for e in state.events)
    state = code("Georgian students took part in a demonstration against Russia.", TABLE)
    assert ("PROTEST", "GEO", "RUS") in triples(state)
    state = code("Kenyan militants wounded two Somali soldiers in a grenade attack on Monday.", TABLE)
    assert any(e.type == "ASSAULT" and e.source.country == "KEN" for e in state.events)  # an attack keeps its agent


@pytest.mark.parametrize("text", [
    "Novak resigned on Monday, calling the Russian deal a surrender.",
    "Russia signed a pact with Kenya that Georgia called an attack on its sovereignty.",
])
def test_calling_something_a_name_is_not_the_named_act(code, text: str) -> None:
    events = code(text, TABLE).events
    assert not any(e.type in ("ASSAULT", "CONCEDE") for e in events), [e.cameo for e in events]


def test_calling_up_reservists_is_mobilisation_and_a_call_is_still_a_call(code) -> None:
    assert ("MOBILIZE", "GEO", None) in triples(code("Georgia called up reservists on Monday.", TABLE))
    assert ("CONSULT", "RUS", "GEO") in triples(code("Russia phoned Georgia on Monday.", TABLE))


def test_passive_agent_is_the_source_and_compound_agents_give_two_events(code) -> None:
    state = code("Abdi was jailed by French and German forces in 2009.", TABLE)
    assert ("COERCE", "FRA", "SOM") in triples(state)
    assert ("COERCE", "DEU", "SOM") in triples(state)


def test_compound_subject_and_several_events_in_one_sentence(code) -> None:
    state = code("Kenya and Ethiopia attacked Somalia, and Egypt condemned Ethiopia.", TABLE)
    found = triples(state)
    assert {("ASSAULT", "KEN", "SOM"), ("ASSAULT", "ETH", "SOM"), ("ACCUSE", "EGY", "ETH")} <= found


def test_noun_event_with_demonym_actor_and_participle_target(code) -> None:
    state = code("Kenyan airstrikes targeting Somali militants continued overnight.", TABLE)
    assert ("ASSAULT", "KEN", "SOM") in triples(state)


def test_noun_event_drawn_from_someone(code) -> None:
    state = code("Novak's speech drew sharp criticism from the Russian foreign minister.", TABLE)
    assert ("ACCUSE", "RUS", "GEO") in triples(state)


def test_object_controlled_passive(code) -> None:
    state = code("The Egyptian minister, who ordered Abdi barred from entering the country, left.", TABLE)
    assert ("COERCE", "EGY", "SOM") in triples(state)


def test_reported_demand(code) -> None:
    state = code("Novak said Russia must withdraw its troops.", TABLE)
    event = next(e for e in state.events if e.type == "REQUEST")
    assert (event.source.actor_id, event.target.country) == ("novak", "RUS")
    assert event.rule.startswith(("speech-demand", "speech-obligation")) and event.quote_id is not None


def test_warning_with_condition_targets_the_condition(code) -> None:
    state = code("Novak warned that if Russia crosses the border, Georgia will respond.", TABLE)
    assert ("THREATEN", "GEO", "RUS") in triples(state)


def test_conditional_attack_in_a_quote_is_the_speakers_threat(code) -> None:
    state = code('"If Russia attacks Tbilisi, we will strike back," Novak said.', TABLE)
    threats = [e for e in state.events if e.type == "THREATEN"]
    assert threats and all(e.source.actor_id == "novak" and e.status == "hypothetical" for e in threats)
    assert {e.target.country for e in threats} == {"RUS"}


def test_first_person_in_a_quote_is_the_speaker(code) -> None:
    state = code('"We will impose sanctions on Russia," Novak said.', TABLE)
    event = next(e for e in state.events if e.source.actor_id == "novak")
    assert event.target.country == "RUS" and event.quote_id is not None


def test_negation_and_refusal(code) -> None:
    state = code("Russia did not attack Georgia.", TABLE)
    [event] = state.events
    assert event.status == "negated" and event.negated
    state = code("Russia has no plans to withdraw its troops from Georgia.", TABLE)
    [event] = state.events
    assert event.type == "REJECT" and event.status == "actual" and not event.negated


def test_announced_attacks_are_threats(code) -> None:
    for text in ("Russia will attack Georgia next week.", "Russia is going to attack Georgia.",
                 "Russia vowed to attack Georgia."):
        assert ("THREATEN", "RUS", "GEO") in triples(code(text, TABLE)), text


@pytest.mark.parametrize(("text", "status"), [
    ("Russia may attack Georgia.", "hypothetical"),
    ("Russia could attack Georgia.", "hypothetical"),
    ("Russia attacked Georgia on Monday.", "actual"),
    ("Russia had attacked Georgia before the talks.", "historical"),
    ("Russia reportedly attacked Georgia.", "claimed"),
    ("Novak claimed that Russia attacked Georgia.", "claimed"),
])
def test_status(code, text: str, status: str) -> None:
    events = [e for e in code(text, TABLE).events if e.type == "ASSAULT"]
    assert events and events[0].status == status


def test_no_event_without_a_source_or_with_source_equal_target(code) -> None:
    assert code("Unknown gunmen attacked a village.", TABLE).events == []
    assert code("Georgia will defend Georgia.", TABLE).events == []
    assert code("Novak said it was a sunny day.", TABLE).events == []


def test_modifiers_are_not_events(code) -> None:
    assert not [e for e in code("Russian-backed fighters gathered in Tbilisi.", TABLE).events if e.type == "SUPPORT"]


def test_evidence_rule_and_codes(code) -> None:
    text = "Nothing happened at first. Russia attacked Georgia."
    [event] = code(text, TABLE).events
    ev = event.evidence
    assert text[ev.start:ev.end] == ev.sentence and ev.sentence.startswith("Russia")
    assert text[ev.trigger_start:ev.trigger_start + len(ev.trigger)] == "attacked"
    assert event.rule == "verb:190:attack" and event.cameo == "190"
    assert event.quad_class == 4 and event.goldstein == -10.0 and event.context == ["military"]


def test_mention_ids_are_stable_and_distinct(code) -> None:
    a = code("Russia attacked Georgia and Kenya.", TABLE).events
    b = code("Russia attacked Georgia and Kenya.", TABLE).events
    assert [e.mention_id for e in a] == [e.mention_id for e in b]
    assert len({e.mention_id for e in a}) == len(a) == 2


@pytest.mark.parametrize(("text", "expected"), [
    ("Georgia says it is ready to pull its soldiers out of Russia.", ("AGREE", "GEO", "RUS")),
    ("Kenya will provide aid to Somalia.", ("AGREE", "KEN", "SOM")),
    ("Kenya refused to send peacekeepers to Somalia.", ("REJECT", "KEN", "SOM")),
    ("Russia pledged to expel Georgian diplomats.", ("THREATEN", "RUS", "GEO")),
    ("Novak said Russia must cooperate with the inspectors.", ("REQUEST", "GEO", "RUS")),
    ("Kenyan police prevented the demonstration by Somali students.", ("COERCE", "KEN", "SOM")),
    ("Egypt received weapons from Russia.", ("AID", "RUS", "EGY")),
])
def test_intent_refusal_obligation_and_flips(code, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(code(text, TABLE))


def test_speech_act_complements_are_not_events(code) -> None:
    """The charge is no event of its own as told; since the accused-act rule it is one as the accuser's
    claim (by the accused, status claimed), never an actual attack."""
    state = code("Egypt accused Ethiopia of attacking Somalia.", TABLE)
    assert ("ACCUSE", "EGY", "ETH") in triples(state)
    assert {(e.source.country, e.status) for e in state.events if e.type == "ASSAULT"} == {("ETH", "claimed")}
    state = code("Egypt urged Ethiopia to stop attacking Somalia.", TABLE)
    assert not any(e.type == "ASSAULT" for e in state.events)


def test_object_pronoun_is_not_the_subject(code) -> None:
    table = dict(TABLE, him=actor("Egypt", "EGY"), His=ABDI)  # a coreference slip: "him" -> the subject
    state = code("His speech angered Egypt, which ordered him barred from visiting the country.", table)
    assert ("COERCE", "EGY", "SOM") in triples(state)


def test_unless_makes_an_announced_act_an_ultimatum(code) -> None:
    state = code("Kenya will pull its troops out of Somalia unless Ethiopia pays for them.", TABLE)
    event = next(e for e in state.events if e.source.country == "KEN")
    assert (event.type, event.cameo) == ("THREATEN", "139") and event.provenance.outermost() == "ultimatum"
    plain = code("Kenya will pull its troops out of Somalia in March.", TABLE)
    assert not any(e.type == "THREATEN" for e in plain.events)


def test_violence_by_nobody_named_is_by_unidentified_attackers(code) -> None:
    for text in ("Four Kenyan soldiers were shot dead near the Somali border.",
                 "A car bomb killed six Egyptian tourists in the capital."):
        event = next(e for e in code(text, TABLE).events if e.type == "ASSAULT")
        assert event.source.country is None and event.source.name == "unidentified attackers"
        assert event.provenance.outermost() == "unknown-agent"
    named = code("Russian troops killed two Georgian soldiers.", TABLE).events
    assert not any(e.provenance.outermost() == "unknown-agent" for e in named)


def test_a_protest_to_demand_something_is_the_protest(code) -> None:
    state = code("Somali students staged rallies in Nairobi to demand the release of Abdi.", TABLE)
    assert {e.type for e in state.events} == {"PROTEST"}


@pytest.mark.parametrize(("text", "code_"), [
    ("Somali students went on a hunger strike to protest Kenya's new law.", "142"),
    ("Somali students barricaded a highway to voice opposition to Kenya's policies.", "144"),
])
def test_what_a_protest_is_against_is_its_target(code, text: str, code_: str) -> None:
    events = code(text, dict(TABLE, **{"Somali students": SOM})).events
    assert [(e.type, e.cameo, e.source.country, e.target.country if e.target else None) for e in events] == [
        ("PROTEST", code_, "SOM", "KEN")]
    road = code("Somali students protested on Monday, blocking the road to the Kenyan border.", TABLE).events
    assert road and all(e.target is None or e.target.country != "KEN" for e in road)  # how, not against whom


def test_comma_listed_subjects_all_take_part(code) -> None:
    found = triples(code("Egypt, Kenya and Ethiopia met on Monday.", TABLE))
    assert {("CONSULT", "KEN", "ETH"), ("CONSULT", "ETH", "EGY")} <= found or \
        {("CONSULT", "EGY", "KEN"), ("CONSULT", "EGY", "ETH")} <= found


@pytest.mark.parametrize(("text", "expected"), [
    ("Egypt wants Kenya to leave the talks.", ("REQUEST", "EGY", "KEN")),
    ("Russia allowed Georgian women to visit the region.", ("CONCEDE", "RUS", "GEO")),
    # observers let in: CAMEO 086, allow international involvement (the more specific pattern)
    ("Russia allowed Georgian observers to visit the region.", ("RETREAT", "RUS", "GEO")),
    ("Kenya expressed appreciation for Ethiopia's support.", ("SUPPORT", "KEN", "ETH")),
    ("Georgia says it is prepared to impose sanctions on Russia.", ("THREATEN", "GEO", "RUS")),
])
def test_object_clauses_appreciation_and_readiness(code, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(code(text, TABLE))


def test_wanted_or_refused_purposes_are_not_acts(code) -> None:
    wanted = code("Egypt wants Kenya to attack Somalia.", TABLE).events
    assert not any(e.type == "ASSAULT" for e in wanted)
    refused = code("Russia will not give permission to Kenya to help Georgia.", TABLE).events
    assert not any(e.type == "AID" and not e.negated for e in refused)
    granted = code("Egypt has a Russian mandate to attack Somalia.", TABLE).events + code(
        "Egypt sought permission to attack Somalia.", TABLE).events
    assert not any(e.type == "ASSAULT" for e in granted)


def test_what_someone_is_punished_for_is_the_charge(code) -> None:
    found = triples(code("A Kenyan court jailed Abdi for helping Ethiopian rebels.", TABLE))
    assert ("COERCE", "KEN", "SOM") in found and not any(t[0] == "AID" for t in found)
    wanted = code("Kenya issued arrest warrants for two Somali men sought in the killing of Ethiopian soldiers.",
                  dict(TABLE, **{"two Somali men": SOM}))
    assert [e.type for e in wanted.events] == ["COERCE"]  # what they are wanted for is the charge


@pytest.mark.parametrize(("text", "expected"), [
    ("Egypt presented evidence against Ethiopia.", ("ACCUSE", "EGY", "ETH")),
    ("Georgian protesters received guarantees from the Russian government.", ("AGREE", "RUS", "GEO")),
    ("Kenyan troops are believed to have attacked Somali positions.", ("ASSAULT", "KEN", "SOM")),
    ("The Egyptian president is expected to visit Kenya next week.", ("CONSULT", "EGY", "KEN")),
])
def test_prepositions_on_the_object_and_raising_passives(code, text: str, expected: tuple[str, str, str]) -> None:
    assert expected in triples(code(text, TABLE))


def test_a_scheduled_meeting_is_the_meeting_not_a_promise(code) -> None:
    state = code("The Kenyan president is scheduled to visit Ethiopia next week.", TABLE)
    event = next(e for e in state.events if e.source.country == "KEN")
    assert (event.type, event.status) == ("CONSULT", "future")


def test_partner_named_by_the_pattern_is_the_target(code) -> None:
    found = triples(code("Kenyan soldiers fought alongside Ethiopian troops against Somali militants.", TABLE))
    assert ("COOPERATE", "KEN", "ETH") in found and ("COOPERATE", "KEN", "SOM") not in found


def test_background_events_are_not_coded(code) -> None:
    dated = code("Novak rose to prominence after the 2008 Russian invasion.", TABLE).events
    assert not any(e.type == "ASSAULT" for e in dated)
    own_troops = code("The Kenyan president visited Kenyan troops on Friday.",
                      dict(TABLE, **{"Kenyan troops": actor("Kenyan troops", "KEN", "MIL")})).events
    assert not any(e.type == "CONSULT" for e in own_troops)
    civil_war = code("Abdi's militia fought in Georgia's civil war.", TABLE).events
    assert not any(e.source.country == "GEO" for e in civil_war)
    described = code("Kenya struck Abdi's militia, which has seized Somali towns.", TABLE).events
    assert [(e.type, e.source.country) for e in described] == [("ASSAULT", "KEN")]
    dated = code("Kenya struck Abdi's militia, which has seized Somali towns on Monday.", TABLE).events
    assert len(dated) == 2  # an act with its own date is news, not a description


@pytest.mark.parametrize(("text", "expected"), [
    ("The Kenyan court decided to allow Abdi to run in the election.", ("CONCEDE", "KEN", "SOM")),
    ("Georgia said it was prepared to declare martial law.", ("THREATEN", "GEO", "GEO")),  # its people
])
def test_decisions_are_acts_and_announced_measures_threats(code, text: str, expected: tuple) -> None:
    assert expected in triples(code(text, TABLE))


def test_a_press_release_is_no_release(code) -> None:
    found = triples(code("Russia attacked Georgia, according to a press release issued by Novak.", TABLE))
    assert ("ASSAULT", "RUS", "GEO") in found and not any(t[0] == "RETREAT" for t in found)


@pytest.mark.parametrize(("text", "expected"), [
    ("Kenya has sent election monitors to Somalia.", ("AID", "KEN", "SOM")),
    ("Russian forces halted their offensive in Georgia on Sunday.", ("RETREAT", "RUS", "GEO")),
    ("The Georgian government declared a state of emergency in Tbilisi.", ("COERCE", "GEO", "GEO")),
    ("Egypt launched a mediation effort between Kenya and Somalia.", ("CONSULT", "EGY", "KEN")),
])
def test_monitors_halts_emergencies_and_mediation(code, text: str, expected: tuple) -> None:
    assert expected in triples(code(text, TABLE))


def test_a_demand_across_camps_of_one_country_is_kept(code) -> None:
    table = dict(TABLE, **{"Somali rebels": actor("Somali rebels", "SOM", "REB"),
                           "the Somali government": actor("Somali government", "SOM", "GOV")})
    said = code("Somali rebels said the Somali government must release Abdi.", table)
    assert any(e.type == "REQUEST" and e.target is not None and "GOV" in e.target.sector for e in said.events)
    same = code("Kenya said the Kenyan army must leave.", TABLE)
    assert not any(e.type == "REQUEST" and e.target is not None for e in same.events)


@pytest.mark.parametrize(("text", "expected"), [
    ("Germany returned the stolen manuscripts to Egypt.", ("RETREAT", "DEU", "EGY")),
    ("Kenya lowered its tariffs on Ethiopian coffee.", ("RETREAT", "KEN", "ETH")),
    ("Russia declared a cessation of hostilities in Georgia.", ("RETREAT", "RUS", "GEO")),
])
def test_returning_property_cutting_tariffs_and_cessations(code, text: str, expected: tuple) -> None:
    assert expected in triples(code(text, TABLE))


def test_international_bodies_are_not_one_side(code) -> None:
    table = dict(TABLE, **{"The African Union": actor("African Union", "IGO", actor_id="au"),
                           "the United Nations": actor("United Nations", "IGO", actor_id="un")})
    state = code("The African Union said the United Nations must send more peacekeepers.", table)
    assert any(e.type == "REQUEST" and e.target is not None and e.target.actor_id == "un" for e in state.events)


def test_a_refusal_unless_is_an_ultimatum(code) -> None:
    state = code("Kenya will not release the Somali soldiers unless Ethiopia frees its prisoners.", TABLE)
    event = next(e for e in state.events if e.source.country == "KEN")
    assert (event.type, event.cameo, event.negated) == ("THREATEN", "139", False)


def test_a_party_known_only_by_its_sector_may_be_the_source(code, code_named, code_sector) -> None:
    table = dict(TABLE, **{"Opposition groups": actor("opposition groups", None, "OPP"),
                           "opposition groups": actor("opposition groups", None, "OPP")})
    state = code_sector("Opposition groups demanded the release of Abdi by Kenya.", table)
    event = next(e for e in state.events if e.type == "REQUEST")
    assert event.source.country is None and event.provenance.outermost() == "sector-actor"
    named = code_sector("Kenya and opposition groups attacked Somalia.", table).events
    assert {e.source.country for e in named} == {"KEN"}  # a named party first: the sector-only one waits
    assert code("Opposition groups demanded the release of Abdi by Kenya.", table).events  # on by default
    assert not code_named("Opposition groups demanded the release of Abdi by Kenya.", table).events  # switched off


def test_a_target_known_only_by_its_sector(code_sector) -> None:
    table = dict(TABLE, **{"rebel positions": actor("rebel positions", None, "REB")})
    state = code_sector("Kenyan jets bombed rebel positions.", table)
    event = next(e for e in state.events if e.type == "ASSAULT")
    assert event.target is not None and event.target.sector == ["REB"]


def test_the_act_outranks_its_purpose(code) -> None:
    events = code("Novak resigned on Monday to allow Russia to hold talks.", TABLE).events
    top = max(events, key=lambda e: e.confidence)
    assert (top.type, top.cameo) == ("RETREAT", "0832")


def test_a_possible_wish_of_ones_own_side_is_no_request(code) -> None:
    assert not any(e.type == "REQUEST" for e in code("Kenya might want its soldiers to come home.", TABLE).events)
    assert any(e.type == "REQUEST" for e in code("Kenya wants Ethiopia to leave Somalia.", TABLE).events)


@pytest.mark.parametrize("text", [
    "Georgia threatened to censure Novak.",
    "Georgia threatened on Friday to censure Novak unless he resigns.",
    "Georgia warned it would expel the Russian ambassador.",
])
def test_threatened_to_x_is_one_actual_threat_at_the_acts_target(code, text: str) -> None:
    events = code(text, TABLE).events
    assert [e.type for e in events] == ["THREATEN"], [(e.type, e.rule) for e in events]
    assert events[0].status == "actual"
    assert events[0].target is not None and events[0].target.country in ("GEO", "RUS")


def test_a_participle_of_the_same_act_is_not_a_second_event(code) -> None:
    events = code("Russian troops shelled Tbilisi on Monday, hitting Georgian positions.", TABLE).events
    assert [(e.type, e.evidence.trigger) for e in events] == [("ASSAULT", "shelled")]
    other = code("Russian troops shelled Tbilisi on Monday, prompting Georgia to recall its envoy.", TABLE).events
    assert len(other) >= 2  # a different act in the participle stays


def test_an_act_asked_about_is_no_event(code) -> None:
    asked = code("Kenya did not say whether it regarded the raid by Somalia as a breach of the truce.", TABLE)
    assert not any(e.type in ("ASSAULT", "THREATEN") for e in asked.events)
    assert triples(code("Kenya will decide whether to attack Somalia.", TABLE)) == set()
    assert ("THREATEN", "KEN", "SOM") in triples(code("Kenya threatened to attack Somalia.", TABLE))


@pytest.mark.parametrize(("text", "expected"), [
    ("Russia is opposed to French mediation.", ("REJECT", "RUS", "FRA")),  # a state, not a passive
    ("Russia opposed the Egyptian proposal.", ("REJECT", "RUS", "EGY")),
    ("Russia opposed Georgia.", ("ACCUSE", "RUS", "GEO")),  # opposing a party is disapproval
])
def test_opposing_a_proposal_is_a_rejection(code, text: str, expected: tuple) -> None:
    assert expected in triples(code(text, TABLE))


def test_opposed_by_someone_is_still_a_passive(code) -> None:
    found = triples(code("The French plan was opposed by Russia.", TABLE))
    assert ("REJECT", "RUS", "FRA") in found and not any(src == "FRA" for _, src, _ in found)


@pytest.mark.parametrize("verb", ["speeded up", "accelerated", "completed"])
def test_hurrying_an_act_is_the_act(code, verb: str) -> None:
    state = code(f"Russia {verb} the withdrawal of its troops from Georgia.", TABLE)
    assert ("RETREAT", "RUS", "GEO") in triples(state)


def test_the_place_a_withdrawal_leaves_is_its_target(code) -> None:
    assert triples(code("The Russian withdrawal from Georgia began.", TABLE)) == {("RETREAT", "RUS", "GEO")}
    assert ("ACCUSE", "RUS", "GEO") in triples(code("Novak faced criticism from Russia.", TABLE))


def test_hurrying_nobodys_act_is_no_event(code) -> None:
    assert not code("The rain speeded up the withdrawal.", TABLE).events


def test_violence_against_a_party_known_only_by_its_sector_is_still_an_attack(code, code_named) -> None:
    table = dict(TABLE, journalist=actor("journalist", None, "MED"))
    [event] = code_named("A journalist was killed in a grenade blast.", table).events
    assert (event.type, event.source.name, event.target) == ("ASSAULT", "unidentified attackers", None)
    assert event.provenance.outermost() == "unknown-agent"
    [event] = code("A journalist was killed in a grenade blast.", table).events  # sector actors on
    assert (event.source.name, event.target.name, event.target.sector) == ("unidentified attackers", "journalist",
                                                                          ["MED"])
    assert not code("The bill was killed in a late vote.", table).events  # nobody known was harmed
    placed = dict(table, Nairobi=ActorRef(name="Nairobi", country="KEN", resolution="country"))
    [event] = code("A journalist has been killed in Nairobi.", placed).events  # a victim of its place
    assert (event.target.country, event.target.sector, event.target.resolution) == ("KEN", ["MED"], "context")
    assert not any(e.source.name == "unidentified attackers" for e in code(
        "A journalist was killed as Russian jets bombed Tbilisi.", table).events)  # the clause names who
    assert not code("Novak mourned the journalist who was killed in the blast.", table).events  # background


def test_who_gathers_for_a_protest_holds_it(code) -> None:
    state = code("Thousands of Somali students gathered for a rally against Kenya.", TABLE)
    assert ("PROTEST", "SOM", "KEN") in triples(state)
    assert not code("Kenya prepared for a protest.", TABLE).events  # preparing for one is not holding it


def test_people_no_actor_names_protesting_in_a_country_are_its_civilians(code) -> None:
    table = dict(TABLE, Nairobi=ActorRef(name="Nairobi", country="KEN", resolution="country"))
    [event] = code("Inmates rioted inside a prison in Nairobi on Monday.", table).events
    assert (event.type, event.source.country, event.source.sector) == ("PROTEST", "KEN", ["CVL"])
    assert "local-protesters<" in event.rule
    assert not code("They rioted inside a prison in Nairobi on Monday.", table).events  # a pronoun says nothing
    assert not code("Students protested at the Kenyan embassy.", table).events  # a party is not a place


def test_an_arrest_or_release_by_nobody_named_is_by_the_authorities_of_its_place(code) -> None:
    table = dict(TABLE, Nairobi=ActorRef(name="Nairobi", country="KEN", resolution="country"))
    [event] = code("Abdi was arrested in Nairobi on Monday.", table).events
    assert (event.type, event.source.country, event.target.country) == ("COERCE", "KEN", "SOM")
    assert event.provenance.outermost() == "local-authorities"
    assert not code("Abdi was arrested on Monday.", table).events  # no place, nobody to name
    named = code("Abdi was arrested by Egyptian police in Nairobi.", table).events
    assert {e.source.country for e in named} == {"EGY"}
    [event] = code("Political prisoners were released in Nairobi on Monday.", table).events
    assert (event.type, event.cameo, event.source.country) == ("RETREAT", "0841", "KEN")
    assert not code("Two hostages were released in Nairobi on Monday.", table).events  # kidnappers held them


def test_who_passes_a_law_does_what_it_does(code) -> None:
    state = code("The Russian parliament passed a law banning Novak from entering the country.", TABLE)
    assert ("COERCE", "RUS", "GEO") in triples(state)
    assert not code("The law banning Novak from entering the country is old.", TABLE).events  # nobody acts


def test_recognizing_the_other_sides_victory_is_a_concession(code) -> None:
    assert ("CONCEDE", "RUS", "GEO") in triples(code("Russia recognized the victory of Georgia.", TABLE))
    assert ("SUPPORT", "RUS", "GEO") in triples(code("Russia recognized Georgia.", TABLE))


def test_deaths_in_an_accident_are_no_attack(code) -> None:
    assert not code("Five Kenyan soldiers were killed in a car crash near Nairobi.", TABLE).events
    assert not code("Twelve Kenyan workers were killed when a bridge collapsed.", TABLE).events
    bomb = code("Five Kenyan soldiers were killed by a roadside bomb near Nairobi.", TABLE).events
    assert [(e.type, e.source.name) for e in bomb] == [("ASSAULT", "unidentified attackers")]


def test_helping_with_an_act_targets_the_acts_object_and_is_no_aid_of_its_own(code) -> None:
    fought = triples(code("Russia helped Georgia to fight Kenya.", TABLE))
    assert ("ASSAULT", "RUS", "KEN") in fought and ("ASSAULT", "RUS", "GEO") not in fought
    nested = code("Somalia said Russia helped to prepare and carry out raids on Kenya.", TABLE).events
    assert "AID" not in {e.type for e in nested}
    assert ("AID", "RUS", "GEO") in triples(code("Russia helped Georgia.", TABLE))


def test_an_act_told_again_without_its_target_is_one_event(code) -> None:
    [event] = code("Russian troops engaged Georgian soldiers in a firefight.", TABLE).events
    assert (event.type, event.cameo, event.target.country) == ("ASSAULT", "193", "GEO")  # the firefight's code
    assert event.rule == "verb:190:engage +* in+noun:193:firefight"
    # typed: the folded firefight is a chain of its own (the entry's own "+" is never parsed)
    assert (event.provenance.chain, event.provenance.repeats) == (("verb:190:engage +* in",), (("noun:193:firefight",),))
    assert triples(code("Ethiopia met Egypt on Monday to discuss the dam.", TABLE)) == {("CONSULT", "ETH", "EGY")}
    # two clauses, two acts: the second has no target of its own but is not inside the first
    assert triples(code("Russian troops shelled Tbilisi. Later Russian troops shelled again.", TABLE)) == {
        ("ASSAULT", "RUS", "GEO"), ("ASSAULT", "RUS", None)}


def test_a_killing_in_a_named_attack_is_by_its_doer(code) -> None:
    table = dict(TABLE, soldiers=actor("soldiers", "GEO", "MIL"))
    events = code("Two soldiers were killed in a Russian missile strike on Friday.", table).events
    assert [(e.source.country, e.target.country) for e in events] == [("RUS", "GEO")]
    assert events[0].provenance.outermost() == "attack-agent"
    events = code("Two soldiers were killed in an attack on Russian positions.", table).events
    assert all(e.source.country != "RUS" for e in events)  # the attack's target did not kill them


@pytest.mark.parametrize("text", [
    "A Kenyan court issued arrest warrants for two Somali men.",  # "for" hangs on the verb
    "Kenya issued an arrest warrant for Abdi.",
    "Kenya issued a warrant for the arrest of Abdi.",
])
def test_an_arrest_warrant_is_legal_action_against_whom_it_names(code, text: str) -> None:
    table = dict(TABLE, **{"Kenyan court": actor("Kenyan court", "KEN", "JUD"), "two Somali men": SOM})
    assert ("COERCE", "KEN", "SOM") in triples(code(text, table))
    assert next(e.cameo for e in code(text, table).events) == "173"
    assert not code("Kenya issued a search warrant for the house of Abdi.", table).events


def test_a_conjunct_hung_on_another_word_of_a_name_is_still_a_party(code) -> None:
    table = dict(TABLE, **{"Barack Obama": actor("Barack Obama", "USA", "GOV"),
                           "Xi Jinping": actor("Xi Jinping", "CHN", "GOV")})
    # the parser makes "Barack" the subject and "Jinping" a conjunct of "Obama"
    found = triples(code("Barack Obama and Xi Jinping will meet in Oslo.", table))
    assert found == {("AGREE", "USA", "CHN"), ("AGREE", "CHN", "USA")}


def test_a_protest_at_nobody_named_is_at_the_government_of_its_place(code) -> None:
    table = dict(TABLE, Nairobi=ActorRef(name="Nairobi", country="KEN", resolution="country"),
                 activists=actor("activists", "SOM", "OPP"))
    [event] = code("Somali activists staged a protest in Nairobi on Monday.", table).events
    assert (event.target.country, event.target.sector, event.target.resolution) == ("KEN", ["GOV"], "context")
    assert event.provenance.outermost() == "protested-government"
    [event] = code("Somali activists protested on Monday.", table).events  # no place: their own government
    assert (event.target.name, event.target.country) == ("government of SOM", "SOM")
    [event] = code("Somali activists protested in Nairobi against Ethiopia.", table).events  # named: that one
    assert event.target.country == "ETH" and not event.provenance.outermost() == "protested-government"


def test_a_restriction_on_nobody_named_falls_on_its_places_people(code) -> None:
    table = dict(TABLE, Mogadishu=ActorRef(name="Mogadishu", country="SOM", resolution="country"))
    [event] = code("Somalia imposed a curfew in Mogadishu on Friday.", table).events
    assert (event.cameo, event.target.country, event.target.sector) == ("1723", "SOM", ["CVL"])
    assert event.provenance.outermost() == "restricted-population"
    [event] = code("Kenya said it was prepared to impose martial law.", table).events  # the ruler's own people
    assert (event.type, event.target.country) == ("THREATEN", "KEN")
    [event] = code("Kenya extended the curfew order on Somali refugees.", table).events  # named: them
    assert event.target.country == "SOM" and not event.provenance.outermost() == "restricted-population"


def test_killing_in_conflict_is_military_force_and_murder_is_assault(code) -> None:
    # CAMEO 1823 is killing by physical assault (beating, stabbing); news killings are fighting (190)
    [kill] = code("Russian troops killed two Georgian soldiers.", TABLE).events
    [murder] = code("Russian troops murdered two Georgian soldiers.", TABLE).events
    assert (kill.cameo, murder.cameo) == ("190", "1823")


def test_acts_joined_to_a_demanded_act_are_demanded_too(code) -> None:
    """"urged X to free the prisoners and hold elections": both are what is asked, neither happened."""
    for text in ("Kenya urged Somalia to open the border and release the prisoners.",
                 "Kenya called on Somalia to respect the constitution, allow a democratic process, and release "
                 "all political prisoners."):  # the parser hangs the last two verbs on "called"
        got = triples(code(text, TABLE))
        assert ("REQUEST", "KEN", "SOM") in got
        assert not any(t == "RETREAT" for t, _, _ in got), text
