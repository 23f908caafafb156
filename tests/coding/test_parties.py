"""Who and whom in the words real news uses (issue 11, items 1 and 2), through the whole pipeline (actors,
events, places). Every sentence here is written for these tests.

Families: actors known only by what they are, participles of doing on event nouns, noun events, sites and
settlements as targets, implicit parties, the actor carried forward, speakers who are not doers."""

from __future__ import annotations

import pytest

from petrel.models import EventMention


@pytest.fixture(scope="module")
def run_off(session_settings, resources):
    from petrel.pipeline import Pipeline

    settings = session_settings.model_copy(update={"event_model": "rules", "sector_actors": False})
    pipeline = Pipeline(settings, resources=resources)
    return lambda text: pipeline.code_text(text, published="2026-03-04").events


def one(events: list[EventMention], type_: str, trigger: str | None = None) -> EventMention:
    found = [e for e in events if e.type == type_ and (trigger is None or e.evidence.trigger == trigger)]
    assert found, [(e.type, e.evidence.trigger, e.source.name) for e in events]
    return found[0]


# -- 1. actors known by what they are -------------------------------------------------------------------

@pytest.mark.parametrize(("text", "name", "country", "sector", "resolution"), [
    ("Regime forces shelled a market in Idlib province on Tuesday.", "Regime forces", "SYR", "MIL", "place"),
    # a domestic sector whose story is set in Nigeria: the actors stage's focus rule places it first
    ("Militants ambushed an army convoy in Borno state.", "Militants", "NGA", "REB", "context"),
    ("Soldiers opened fire at demonstrators in Mandalay.", "Soldiers", "MMR", "MIL", "place"),
])
def test_a_party_known_by_what_it_is_takes_the_country_of_the_place(run, text, name, country, sector,
                                                                     resolution) -> None:
    event = one(run(text), "ASSAULT")
    assert (event.source.name, event.source.country, event.source.actor_id) == (name, country, None)
    assert sector in event.source.sector and event.source.resolution == resolution


def test_the_country_of_the_words_wins_over_the_place(run) -> None:
    event = one(run("Syrian regime forces shelled a village near Kirkuk."), "ASSAULT")
    assert (event.source.country, event.source.resolution) == ("SYR", "country")


def test_a_victim_known_by_what_it_is_is_of_the_place(run) -> None:
    event = one(run("Gunmen killed five villagers in Zamfara state on Monday."), "ASSAULT")
    assert (event.target.country, event.target.sector) == ("NGA", ["CVL"])


def test_unknown_perpetrators_stay_unknown(run) -> None:
    """No named group is guessed for gunmen, whatever group the story names elsewhere."""
    events = run("Boko Haram has been active in Borno for years. Unidentified gunmen killed four farmers near "
                 "Maiduguri on Sunday.")
    event = one(events, "ASSAULT", "killed")
    assert event.source.actor_id is None and event.source.name == "Unidentified gunmen"


def test_foreign_forces_take_no_country_from_the_place(run) -> None:
    event = one(run("Foreign troops raided a house in Kandahar."), "ASSAULT")
    assert event.source.country is None


def test_the_switch_off_codes_only_parties_with_a_country(run_off) -> None:
    # (not "Militants ... in Borno state": the actors stage's focus rule already gives those Nigeria's country)
    assert not [e for e in run_off("Regime forces shelled a market in Idlib province on Tuesday.")
                if e.type == "ASSAULT"]


def test_the_army_with_no_country_named_is_still_a_party(run) -> None:
    event = one(run("The army's offensive against the rebels entered its third week."), "ASSAULT")
    assert (event.source.name, event.source.sector) == ("The army", ["MIL"])
    assert event.target is not None and "REB" in event.target.sector


# -- 2. both sides from the whole clause and the story --------------------------------------------------

def test_a_participle_of_doing_names_the_doer_and_the_target_of_an_event_noun(run) -> None:
    events = run("Officials condemned a travel ban imposed on the ministers by the European Union.")
    ban = next(e for e in events if e.evidence.trigger == "ban")
    assert ban.source.name == "European Union" and ban.target is not None and ban.target.name == "ministers"


def test_an_attack_claimed_by_a_group_is_the_groups(run) -> None:
    event = one(run("Five soldiers were killed in an attack claimed by the Islamic State."), "ASSAULT")
    assert event.source.actor_id is not None and "Islamic State" in event.source.name


def test_a_participle_of_judging_names_no_doer(run) -> None:
    events = run("Five soldiers were killed in an attack condemned by the United Nations.")
    assert not [e for e in events if e.type == "ASSAULT" and "United Nations" in e.source.name]


def test_a_raid_by_someone_that_killed_is_theirs(run) -> None:
    event = one(run("A raid by Kenyan troops on a compound near Mandera killed two commanders."), "ASSAULT")
    assert event.source.country == "KEN"


def test_strikes_on_sites_in_a_country_are_on_that_country(run) -> None:
    event = one(run("India launched strikes on nine sites in Pakistan early on Wednesday."), "ASSAULT")
    assert (event.source.country, event.target.country) == ("IND", "PAK")


@pytest.mark.parametrize(("text", "target"), [
    ("Israeli troops stormed the village of Beita on Friday.", "the village of Beita"),
    ("Turkish artillery shelled the town overnight.", "the town"),
    ("Militants burned houses in the village on Sunday.", "the village"),
])
def test_force_against_a_settlement_falls_on_its_people(run, text, target) -> None:
    event = one(run(text), "ASSAULT" if "burned" not in text else "COERCE")
    assert event.target is not None and (event.target.name, event.target.sector) == (target, ["CVL"])


def test_a_site_named_by_its_owners_sector_is_an_attack_on_them(run) -> None:
    event = one(run("Gunmen raided a military base outside Maiduguri on Tuesday."), "ASSAULT")
    assert event.target is not None and (event.target.country, event.target.sector) == ("NGA", ["MIL"])


def test_a_protest_with_no_addressee_is_aimed_at_the_government_of_its_place(run) -> None:
    event = one(run("Farmers blocked roads near Lyon on Monday."), "PROTEST")
    assert (event.target.country, event.target.sector) == ("FRA", ["GOV"])
    assert event.provenance.outermost() == "protested-government"


def test_the_actor_is_carried_forward_to_the_next_sentences_attack(run) -> None:
    events = run("Nigerian troops launched an offensive on Monday. The strikes killed 12 people.")
    event = one(events, "ASSAULT", "killed")
    assert event.source.country == "NGA" and event.provenance.outermost() == "carried-forward"


def test_nothing_is_carried_across_a_long_gap_or_from_a_quote(run) -> None:
    far = run("Nigerian troops launched an offensive on Monday. Talks stalled. Prices rose. Schools closed. "
              "The strikes killed 12 people.")
    assert not [e for e in far if e.provenance.outermost() == "carried-forward"]
    quoted = run('"We attacked their camps," a Nigerian commander said. The strikes killed 12 people.')
    assert not [e for e in quoted if e.provenance.outermost() == "carried-forward"]


def test_the_group_is_the_last_band_of_armed_men(run) -> None:
    events = run("Militants attacked a police station in Mosul on Monday. The group later seized two villages.")
    event = one(events, "COERCE", "seized")
    assert "REB" in event.source.sector and event.source.country == "IRQ"


@pytest.mark.parametrize(("text", "type_", "doer"), [
    ("Residents said militants burned houses in the village.", "COERCE", "militants"),
    ("Officials said soldiers arrested ten protesters in Harare.", "COERCE", "soldiers"),
    ("Three people were killed in an airstrike on the market, according to a monitor.", "ASSAULT",
     "unidentified attackers"),
])
def test_who_reports_an_act_is_not_its_doer(run, text, type_, doer) -> None:
    event = one(run(text), type_)
    assert event.source.name == doer


# -- weapons with no owner and the story's own forces (issue 11, descriptions) ---------------------------

def test_an_unowned_drone_is_nobodys_of_the_place_it_struck(run):
    event = one(run("On 1 March 2026, a drone struck a car in Nabatieh, killing two men."), "ASSAULT")
    assert event.source.country is None and event.target is not None and event.target.country == "LBN"


def test_unowned_security_forces_are_the_storys_country(run):
    text = ("Militants attacked a police post in Khyber district of Pakistan on Wednesday.\n\n"
            "Security forces later killed four of the attackers.")
    event = one(run(text), "ASSAULT", "killed")
    assert event.source.country == "PAK"


@pytest.mark.parametrize(("text", "country"), [
    ("Rebels advanced on Goma on Sunday. Congo's government accused Rwanda of sending troops across the border.",
     "COD"),
    ("Protesters marched in Brazzaville on Sunday. Congo's government accused Rwanda of sending troops across "
     "the border.", "COG"),
])
def test_congo_is_the_country_its_story_is_about(run, text, country):
    assert one(run(text), "ACCUSE").source.country == country
