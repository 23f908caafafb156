"""The dry register of conflict monitors (issue 11, desc17), through the whole pipeline with the rules alone.

Families: violence by a device nobody is named for, with the device as the subject ("a roadside bomb
killed ...", "an IED exploded ..., wounding ..."; rule device-agent, :mod:`petrel.coding.devices`); a
chain of administrative units is a place, never the act's target ("in X LGA, Y state"; rule place-list,
:mod:`petrel.coding.place_lists`) and gives the admin1 (:func:`petrel.geo.mentions.is_listed_unit`);
the words monitors use for parties (bandits, Maoists, tribesmen, rioters, a mob, inmates). Every sentence
here is written for these tests (none is a line of tests/data/probe_descriptions.jsonl)."""

from __future__ import annotations

import pytest

from petrel.models import EventMention


def of_type(events: list[EventMention], type_: str) -> EventMention:
    found = [e for e in events if e.type == type_]
    assert found, [(e.type, e.evidence.trigger, e.source.name, e.target and e.target.name) for e in events]
    return found[0]


@pytest.mark.parametrize(("text", "victims", "country"), [
    ("On 2 May 2026, a roadside bomb killed three policemen near Baiji, Salah al-Din province.", "policemen", "IRQ"),
    ("On 3 May 2026, an explosive device went off near a market in Jalalabad, Nangarhar province, "
     "killing two traders.", "traders", "AFG"),
    ("On 4 May 2026, a landmine exploded under a tractor near Kafr Zita, Hama governorate, injuring two farmers.",
     "farmers", "SYR"),
    ("An explosion at a bus station in Quetta killed five passengers on Friday.", "passengers", "PAK"),
])
def test_a_device_as_the_subject_is_an_attack_by_unidentified_attackers(run, text, victims, country):
    event = of_type(run(text), "ASSAULT")
    assert event.source.name == "unidentified attackers" and event.provenance.outermost() == "device-agent"
    assert event.target is not None and victims in event.target.name
    assert event.target.country == country and {"CVL", "COP"} & set(event.target.sector)


@pytest.mark.parametrize("text", [
    "A gas cylinder exploded in a restaurant in Kabul on Friday, killing three diners.",
    "A car crash killed four people on the highway near Multan on Sunday.",
])
def test_an_accident_is_no_attack(run, text):
    assert not [e for e in run(text) if e.type == "ASSAULT"]


@pytest.mark.parametrize(("text", "source", "victims"), [
    ("On 6 May 2026, gunmen killed four farmers in Gusau LGA, Zamfara state.", "gunmen", "farmers"),
    ("On 7 May 2026, bandits abducted eleven travellers on a road in Birnin Gwari LGA, Kaduna state.",
     "bandits", "travellers"),
])
def test_a_unit_of_the_place_chain_is_no_target(run, text, source, victims):
    events = run(text)
    assert not any(e.target is not None and e.target.name.lower().endswith(("state", "lga")) for e in events), \
        [(e.type, e.source.name, e.target and e.target.name) for e in events]
    event = of_type(events, "ASSAULT")
    assert event.source.name.lower() == source and event.place is not None and event.place.country == "NGA"


def test_a_subject_ending_in_a_unit_word_is_still_a_party(run):
    """"residents of Hilla, Babil province" is the residents, not a place; "Islamic State" is an actor."""
    event = of_type(run("On 8 May 2026, dozens of residents of Hilla, Babil province, protested over water cuts."),
                    "PROTEST")
    assert "residents" in event.source.name and event.source.country == "IRQ"
    event = of_type(run("Islamic State militants attacked an army post in Diyala province on Monday."), "ASSAULT")
    assert event.source.country is not None or event.source.actor_id is not None


@pytest.mark.parametrize(("text", "admin1"), [
    ("On 9 May 2026, Houthi forces shelled the outskirts of Qataba, Al Dhale governorate.", "Al Dhale"),
    ("On 10 May 2026, regime forces shelled farmland near Kansafra, Jabal al-Zawiya, Idlib governorate.", "Idlib"),
    ("On 11 May 2026, unknown gunmen attacked a checkpoint near Tuz, Salah al-Din province.", "Salah al-Din"),
])
def test_the_unit_of_a_place_chain_gives_the_admin1(run, text, admin1):
    event = of_type(run(text), "ASSAULT")
    assert event.place is not None and event.place.admin1 == admin1, event.place


@pytest.mark.parametrize(("text", "word", "sector"), [
    ("Armed bandits killed five herders in Zamfara on Tuesday.", "bandits", "CRM"),
    ("Maoists torched two trucks in Dantewada on Tuesday.", "Maoists", "REB"),
    ("Tribesmen blocked the highway near Marib on Tuesday to demand compensation.", "Tribesmen", "CVL"),
    ("Rioters set fire to a police post in Karachi on Tuesday.", "Rioters", "CVL"),
])
def test_the_parties_monitors_name(run, text, word, sector):
    events = run(text)
    assert any(word in e.source.name and sector in e.source.sector for e in events), \
        [(e.type, e.source.name, e.source.sector) for e in events]


def test_a_headline_verb_tagged_as_a_noun_is_a_verb():
    """"Militiamen storm hotel in Baidoa": the tagger reads "storm" as a noun (NN), the parser rightly hangs a
    subject and an object on it; only a verb has both. A noun with neither stays a noun."""
    import spacy
    from spacy.tokens import Doc

    from petrel.coding.triggers import token_pos

    vocab = spacy.blank("en").vocab
    words = ["Militiamen", "storm", "hotel", "in", "Baidoa"]
    doc = Doc(vocab, words=words, tags=["NNS", "NN", "NN", "IN", "NNP"],
              deps=["nsubj", "ROOT", "dobj", "prep", "pobj"], heads=[1, 1, 1, 1, 3])
    assert token_pos(doc[1]) == "verb"
    doc = Doc(vocab, words=["The", "storm", "hit", "Baidoa"], tags=["DT", "NN", "VBD", "NNP"],
              deps=["det", "nsubj", "ROOT", "dobj"], heads=[1, 2, 2, 2])
    assert token_pos(doc[1]) == "noun"


@pytest.mark.parametrize(("text", "name", "actor_id", "country", "sectors", "listed"), [
    ("Residents of Gyumri, Shirak province, protested.", "Shirak", "ctx:shirak", None, [], True),
    ("Gunmen raided Kirikiri, Lagos state, at dawn.", "Lagos state", None, "NGA", ["GOV"], True),
    ("Gunmen raided Makama, Bauchi state, at dawn.", "Makama", None, None, [], True),
    ("Islamic State fighters raided a village.", "Islamic State", "isis", "IMG", ["REB"], False),
    ("The 3rd Armored Division crossed the river.", "3rd Armored Division", None, None, ["MIL"], False),
    ("Residents of Hilla protested.", "Residents", None, None, ["CVL"], False),
])
def test_which_mentions_are_links_of_a_place_chain(rules_pipeline, text, name, actor_id, country, sectors, listed):
    from petrel.coding.place_lists import is_listed_place
    from petrel.models import ActorMention, ActorRef

    doc = next(rules_pipeline.parse([text]))
    start = text.index(name)
    mention = ActorMention("t", start, start + len(name), name,
                           ActorRef(name, actor_id, country, sectors, "context" if country else "unresolved"))
    assert is_listed_place(doc, mention) is listed


@pytest.mark.parametrize(("text", "country"), [
    ("Car bomb kills two in Nigeria's Yobe state", "NGA"),
    ("Militants abduct six in Cameroon's Far North region", "CMR"),
])
def test_the_owner_of_the_place_is_no_target(run, text, country):
    """"in Nigeria's Yobe state": the country owns the place of the act; it is not what was attacked."""
    events = [e for e in run(text) if e.type == "ASSAULT"]
    assert events and not any(e.target is not None and e.target.name in ("Nigeria", "Cameroon") for e in events), \
        [(e.source.name, e.target) for e in events]
    assert all(e.place is not None and e.place.country == country for e in events)


@pytest.mark.parametrize("text", [
    "Roadside bomb kills nine in Somalia's Lower Shabelle",
    "Suicide blast kills seven in Pakistan's Bajaur district",
])
def test_a_headline_count_is_the_people_a_device_harmed(run, text):
    event = of_type(run(text), "ASSAULT")
    assert event.provenance.outermost() == "device-agent" and event.target is not None and "CVL" in event.target.sector


@pytest.mark.parametrize("text", [
    "A Russian missile killed three civilians in Kharkiv on Monday.",
    "A Hamas rocket wounded two people in Ashkelon on Monday.",
])
def test_a_weapon_with_its_owner_named_is_the_owner_s_act(run, text):
    event = of_type(run(text), "ASSAULT")
    assert not event.provenance.outermost() == "device-agent" and event.source.country is not None
