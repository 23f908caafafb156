"""Conflict-event descriptions in a monitoring project's style (issue 11), through the whole pipeline:
"On <day>, <actor> <did> <whom> in <village>, <province>." Every sentence here is written for these tests.

Families: a protest by people known by what they are, with no addressee; a victim named by a title ("a
council member"); the people killed in a strike on a thing; a day-dated report weeks before publication
(not background); "Around <day> (as reported)"; an arrest whose place sits in apposition ("in Taiz city,
Taiz"), which is no person."""

from __future__ import annotations

import pytest

from petrel.models import EventMention

PUBLISHED = "2026-03-04"


def one(events: list[EventMention], type_: str) -> EventMention:
    found = [e for e in events if e.type == type_]
    assert found, [(e.type, e.evidence.trigger, e.source.name) for e in events]
    return found[0]


def side(actor) -> tuple:
    return (actor.country, set(actor.sector)) if actor is not None else None


def test_a_protest_of_retirees_with_no_addressee_is_at_the_government(run):
    event = one(run("On 2 February 2026, hundreds of retirees demonstrated in front of the provincial council "
                    "building in Mosul to demand unpaid pensions."), "PROTEST")
    assert event.source.name == "retirees" and side(event.source) == ("IRQ", {"CVL"})
    assert event.target is not None and side(event.target) == ("IRQ", {"GOV"})
    assert (event.date, event.status) == ("2026-02-02", "actual")


def test_pensioners_and_teachers_are_civilians(run):
    event = one(run("On 14 January 2026, pensioners rallied outside the finance office in Taiz."), "PROTEST")
    assert "CVL" in event.source.sector and event.source.country == "YEM"


def test_a_council_member_killed_is_the_target(run):
    event = one(run("On 11 January 2026, unidentified gunmen shot and killed a municipal council member near his "
                    "house in Nawa, Daraa."), "ASSAULT")
    assert event.target is not None and side(event.target) == ("SYR", {"GOV"})


def test_a_day_dated_report_two_months_old_is_actual(run):
    event = one(run("On 11 January 2026, unidentified gunmen shot and killed a municipal council member near his "
                    "house in Nawa, Daraa."), "ASSAULT")
    assert (event.date, event.status) == ("2026-01-11", "actual")
    event = one(run("On 15 October 2025, regime forces shelled the outskirts of Sarmin in eastern Idlib."), "ASSAULT")
    assert (event.date, event.status) == ("2025-10-15", "actual")


def test_background_years_back_stays_historical(run):
    event = one(run("Regime forces shelled the town in 2019."), "ASSAULT")
    assert event.status == "historical"


@pytest.mark.parametrize("text", [
    "On 20 February 2026, an Israeli drone struck a car in Nabatieh, killing three Hezbollah members.",
    "On 27 February 2026, Russian forces launched strikes on three villages in Kharkiv oblast, killing two farmers.",
])
def test_the_people_killed_are_the_target_when_a_thing_is_struck(run, text):
    event = one(run(text), "ASSAULT")
    assert event.target is not None
    assert event.target.country in ("LBN", "UKR")


def test_around_a_day_as_reported_dates_the_event(run):
    event = one(run("Around 9 January 2026 (as reported), Israeli forces demolished a Palestinian home in the "
                    "village of Beit Ummar, Hebron, citing the lack of a permit."), "COERCE")
    assert event.date == "2026-01-09"
    assert event.place is not None and event.place.country == "PSE"
    assert event.target is not None and side(event.target) == ("PSE", {"CVL"})  # Palestinians' home


def test_a_province_in_apposition_is_no_person(run):
    events = run("On 1 March 2026, Houthi forces arrested a teacher in Ibb city, Ibb, after he criticized "
                 "the group online.")
    arrest = one(events, "COERCE")
    assert arrest.target is not None and arrest.target.name == "teacher"
    assert side(arrest.target) == ("YEM", {"CVL", "EDU"})
    assert all(e.source.name != "Ibb" for e in events)


# -- a rejection answers whoever made the charge, the offer or the demand; a fight of two is mutual --------

@pytest.mark.parametrize(("text", "source", "target"), [
    ("Kenya accused Somalia of arming the militants on Monday. Somalia rejected the accusation.", "SOM", "KEN"),
    ("Kenya demanded that Somalia withdraw its troops. Somalia rejected the demand on Tuesday.", "SOM", "KEN"),
    ("Mali offered talks with the rebels on Friday, but the rebels rejected the offer.", "MLI", "MLI"),
    ("Prime Minister Sheikh Hasina accused the Bangladesh Nationalist Party of stirring the riots; the BNP denied "
     "any role.", "BGD", "BGD"),
])
def test_a_rejection_answers_the_one_who_made_the_charge_offer_or_demand(run, text, source, target):
    event = one(run(text), "REJECT")
    assert event.source.country == source
    assert event.target is not None and event.target.country == target
    assert event.target.name != event.source.name


def test_a_denial_that_answers_nobody_named_is_a_statement(run):
    assert not [e for e in run("Somalia denied the charges.") if e.type == "REJECT"]


def test_an_accusation_three_sentences_back_is_not_answered(run):
    text = ("Kenya accused Somalia of arming the militants. Talks went on. Trade fell. Markets closed. "
            "Ethiopia rejected the accusation.")
    assert not [e for e in run(text) if e.type == "REJECT" and e.target is not None]


@pytest.mark.parametrize(("text", "pair"), [
    ("Hezbollah and Israel fought a brief war in 2006.", {"LBN", "ISR"}),
    ("Ethiopian and Eritrean troops clashed along the border on Sunday.", {"ETH", "ERI"}),
])
def test_two_sides_that_fought_fought_each_other(run, text, pair):
    events = [e for e in run(text) if e.type == "ASSAULT"]
    assert {(e.source.country, e.target.country if e.target else None) for e in events} == \
        {tuple(sorted(pair)), tuple(sorted(pair, reverse=True))}


# -- a side's own report of its violent act is its claim; the other side's report of it tells it -------------

@pytest.mark.parametrize("text", [
    "Hezbollah said it fired a salvo of rockets at an army base near Haifa on Thursday.",
    "The Israeli military said its jets struck a weapons depot in southern Lebanon.",
])
def test_the_doers_own_report_is_a_claim(run, text):
    assert one(run(text), "ASSAULT").status == "claimed"


def test_residents_report_of_an_arrest_is_not_the_doers_claim(run):
    event = one(run("Residents of Kidal said soldiers arrested ten men in the village."), "COERCE")
    assert event.status == "actual"


# -- criminal groups and ships ---------------------------------------------------------------------------

def test_gangs_and_cartels_are_criminal_groups(run):
    event = one(run("Armed gangs attacked a police station in Port-au-Prince on Monday."), "ASSAULT")
    assert side(event.source) == ("HTI", {"CRM"})
    event = one(run("Mexico's army launched an offensive against drug cartels in Sinaloa."), "ASSAULT")
    assert event.target is not None and "CRM" in event.target.sector


def test_a_cargo_ship_attacked_is_a_business_target(run):
    event = one(run("The Houthis attacked a cargo ship in the Red Sea on Monday."), "ASSAULT")
    assert event.target is not None and event.target.sector == ["BUS"]


# -- acts counted in batches, acts in retaliation, censorship of stations -------------------------------

def test_a_package_of_sanctions_is_the_adopters_sanction(run):
    event = one(run("The European Union adopted a new package of sanctions against Iran on Monday."), "SANCTION")
    assert event.source.name == "European Union" and event.target is not None and event.target.country == "IRN"


def test_an_act_in_retaliation_is_aimed_at_the_last_hostile_doer(run):
    events = run("Militants in Mali attacked an army post on Monday. The army carried out airstrikes in retaliation.")
    strike = [e for e in events if e.type == "ASSAULT" and e.evidence.trigger == "airstrikes"]
    assert strike and strike[0].target is not None and "REB" in strike[0].target.sector


def test_suspending_radio_stations_is_censorship_of_the_media(run):
    event = one(run("Burkina Faso's junta suspended two foreign radio stations over their coverage of the war."),
                "COERCE")
    assert event.target is not None and "MED" in event.target.sector


# -- force against a town, a road, a province falls on people ----------------------------------------------

@pytest.mark.parametrize(("text", "type_", "country"), [
    ("On 10 February 2026, Sudanese Armed Forces shelled residential areas of El Fasher, North Darfur.", "ASSAULT",
     "SDN"),
    ("On 11 February 2026, RSF fighters looted the market in Um Kadada, North Darfur.", "COERCE", "SDN"),
    ("On 16 February 2026, gunmen abducted 15 passengers on the Abuja-Kaduna highway in Kaduna state.", "ASSAULT",
     "NGA"),
])
def test_force_against_a_place_falls_on_its_people(run, text, type_, country):
    event = one(run(text), type_)
    assert event.target is not None and side(event.target) == (country, {"CVL"})


def test_a_country_attacked_stays_the_country(run):
    event = one(run("On 10 February 2026, Israeli jets struck Lebanon, the army said."), "ASSAULT")
    assert event.target is not None and event.target.country == "LBN" and "CVL" not in event.target.sector


def test_a_two_word_town_is_not_the_region_its_last_word_names(run):
    # "Afar" alone is a region of Ethiopia; "Tal Afar, Nineveh" is a town of Iraq
    event = one(run("On 21 February 2026, residents of Tal Afar, Nineveh, blocked a main road to protest power "
                    "cuts."), "PROTEST")
    assert event.source.country == "IRQ" and event.place is not None and event.place.country == "IRQ"
    assert event.target is not None and event.target.country == "IRQ"


# -- sense and mode: help promised, force renounced --------------------------------------------------------

def test_help_to_fight_promised_is_cooperation_not_a_threat(run):
    events = run("China said it would help Pakistan fight terrorism.")
    assert not [e for e in events if e.type == "THREATEN"]
    agree = one(events, "AGREE")
    assert (agree.source.country, agree.target.country if agree.target else None) == ("CHN", "PAK")


def test_agreeing_not_to_use_force_is_an_agreement(run):
    events = run("Armenia and Azerbaijan agreed not to use force against each other.")
    assert not [e for e in events if e.type == "THREATEN"]
    assert {(e.source.country, e.target.country) for e in events if e.type == "AGREE" and e.target} == \
        {("ARM", "AZE"), ("AZE", "ARM")}
