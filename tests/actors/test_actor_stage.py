"""ActorStage on invented sentences: every actor span gets a mention covering its noun phrase."""

from __future__ import annotations

from datetime import datetime

import pytest

from petrel.actors import ActorStage, actors_in_doc
from petrel.config import Settings
from petrel.models import ActorMention, Article
from petrel.state import DocState


@pytest.fixture(scope="module")
def stage(kb) -> ActorStage:
    return ActorStage(Settings(), kb)


def mentions_with(nlp, stage: ActorStage, text: str, published: str = "2019-03-01") -> list[ActorMention]:
    """The mentions ``stage`` finds in ``text`` published on ``published``."""
    article = Article(doc_id="t", source="test", fmt="text", text=text, published=datetime.fromisoformat(published))
    state = DocState(article, nlp(text))
    stage(state)
    return state.mentions


@pytest.fixture(scope="module")
def run(nlp, stage):
    def _run(text: str, published: str = "2019-03-01") -> list[ActorMention]:
        return mentions_with(nlp, stage, text, published)
    return _run


def covering(mentions: list[ActorMention], text: str, word: str, after: int = 0) -> list[ActorMention]:
    """Mentions whose span contains the first occurrence of ``word`` (what the event coder does)."""
    at = text.index(word, after)
    return [m for m in mentions if m.start <= at and at + len(word) <= m.end]


def one(mentions: list[ActorMention], text: str, word: str, after: int = 0) -> ActorMention:
    found = covering(mentions, text, word, after)
    assert len(found) == 1, [(m.text, m.actor) for m in found]
    return found[0]


def test_offsets_point_into_the_text(run) -> None:
    text = "Lawmakers in Tehran condemned the Houthis on Monday."
    for m in run(text):
        assert text[m.start:m.end] == m.text


@pytest.mark.parametrize("spelling", ["Kata'ib Hizballah", "Kataib Hezbollah", "the Hezbollah Brigades"])
def test_kb_group_spellings(run, spelling: str) -> None:
    text = f"{spelling} warned foreign forces to leave the country."
    m = one(run(text), text, spelling.split()[-1])
    assert (m.actor.actor_id, m.actor.country, m.actor.resolution) == ("kataib-hezbollah", "IRQ", "kb")


def test_person_role_depends_on_publication_date(run) -> None:
    text = "Donald Trump criticised the new trade deal."
    in_office = one(run(text, "2019-06-01"), text, "Trump").actor
    out_of_office = one(run(text, "2023-06-01"), text, "Trump").actor
    assert (in_office.country, in_office.sector) == ("USA", ["GOV"])
    assert out_of_office.sector != ["GOV"]


@pytest.mark.parametrize(("text", "word", "country", "sector"), [
    ("Iraqi officials rejected the plan on Tuesday.", "officials", "IRQ", "GOV"),
    ("US troops left the base before dawn.", "troops", "USA", "MIL"),
    ("Lebanon's prime minister ordered an inquiry.", "minister", "LBN", "GOV"),
    ("Baghdad said the talks would resume.", "Baghdad", "IRQ", "GOV"),
    ("Emirati police arrested two men.", "police", "ARE", "COP"),
    ("Militias in Syria shelled the road.", "Militias", "SYR", "REB"),
    ("Kenyan lawmakers voted against the bill.", "lawmakers", "KEN", "LEG"),
])
def test_country_with_agent_noun(run, text: str, word: str, country: str, sector: str) -> None:
    m = one(run(text), text, word)
    assert m.actor.country == country and sector in m.actor.sector
    assert m.start == 0 or text[m.start - 1] == " "


def test_demonym_alone(run) -> None:
    text = "The envoy praised the Lebanese for their patience."
    m = one(run(text), text, "Lebanese")
    assert (m.actor.country, m.actor.sector, m.actor.resolution) == ("LBN", ["CVL"], "demonym")


def test_compound_countries_give_one_mention_each(run) -> None:
    text = "He was detained by French and Malian soldiers in 2015."
    found = covering(run(text), text, "soldiers")
    assert sorted(m.actor.country for m in found) == ["FRA", "MLI"]
    assert all(m.actor.sector == ["MIL"] for m in found)


def test_country_backing_a_group_is_not_the_actor(run) -> None:
    text = "Iranian-backed militias attacked the convoy."
    m = one(run(text), text, "militias")
    assert m.actor.country != "IRN"


def test_context_actor_from_title(run) -> None:
    text = "Zambian Finance Minister Peter Mbozi resigned. Mbozi said he was tired."
    mentions = run(text)
    first = one(mentions, text, "Peter")
    assert first.text.startswith("Zambian")
    assert (first.actor.country, first.actor.sector, first.actor.resolution) == ("ZMB", ["GOV"], "context")
    assert first.actor.actor_id == "ctx:peter-mbozi"
    later = one(mentions, text, "Mbozi", after=text.index("."))
    assert (later.text, later.actor.actor_id) == ("Mbozi", "ctx:peter-mbozi")


def test_context_actor_spokesperson_for_group(run) -> None:
    text = "Spokesperson for the Houthis Hamid Qaraa denied the report."
    m = one(run(text), text, "Spokesperson")
    assert m.actor.actor_id == "ctx:hamid-qaraa"
    assert (m.actor.country, m.actor.sector) == ("YEM", ["REB"])


def test_context_actor_from_appositive(run) -> None:
    text = "Omar Baladi, the leader of Hamas, spoke to reporters."
    m = one(run(text), text, "Baladi")
    assert (m.actor.country, m.actor.resolution) == ("PSE", "context")


def test_context_actor_who_heads(run) -> None:
    text = "Lina Farouk, who heads the Egyptian Muslim Brotherhood, was arrested."
    m = one(run(text), text, "Farouk")
    assert m.actor.country == "EGY"


def test_unknown_group_with_demonym(run) -> None:
    text = "The Sudanese Freedom Vanguard claimed the attack."
    m = one(run(text), text, "Vanguard")
    assert m.actor.country == "SDN" and m.actor.actor_id and m.actor.actor_id.startswith("ctx:")


def test_pronoun_follows_the_subject(run) -> None:
    text = ("Qais al-Khazali met Bashar al-Assad in Damascus. Khazali, whose men fought in Syria, "
            "said he would return.")
    m = one(run(text), text, "he", after=text.index("said"))
    assert (m.text, m.actor.actor_id, m.actor.resolution) == ("he", "qais-al-khazali", "coref")


def test_his_group_is_the_group_he_leads(run) -> None:
    text = "Qais al-Khazali gave a speech. His group has fought in many battles."
    m = one(run(text), text, "group")
    assert (m.actor.actor_id, m.actor.resolution) == ("asaib-ahl-al-haq", "coref")


def test_they_and_the_group(run) -> None:
    text = "Hamas fired rockets at dawn. The group said they were a warning."
    mentions = run(text)
    assert one(mentions, text, "group").actor.actor_id == "hamas"
    assert one(mentions, text, "they").actor.actor_id == "hamas"


def test_she_needs_a_female_antecedent(run) -> None:
    text = "Vladimir Putin spoke first. Later she left the room."
    assert covering(run(text), text, "she") == []


def test_actors_in_doc_are_distinct(nlp, stage) -> None:
    text = "Hezbollah threatened Israel. Hezbollah then fired rockets at Israel, and troops replied."
    article = Article(doc_id="d", source="t", fmt="text", text=text)
    state = DocState(article, nlp(text))
    stage(state)
    ids = [(r.actor_id, r.country) for r in actors_in_doc(state)]
    assert ids.count(("hezbollah", "LBN")) == 1 and len(ids) == len(set(ids))
    assert all(actor_id or country for actor_id, country in ids)


def test_lone_surname_the_model_misses(run) -> None:
    text = "Iraqi President Barham Salih protested the remarks. Salih added that the troops were guests."
    m = one(run(text), text, "Salih", after=text.index("."))
    assert (m.text, m.actor.actor_id, m.actor.sector) == ("Salih", "barham-salih", ["GOV"])


def test_he_said_after_a_quote_keeps_the_speaker(run) -> None:
    text = ('Qais al-Khazali spoke to reporters on Monday. "We will not leave," Khazali said. '
            'Bashar al-Assad thanked the fighters in a letter. "They are brothers," he said.')
    m = one(run(text), text, "he", after=text.rindex(" he ") + 1)
    assert m.actor.actor_id == "qais-al-khazali"


def test_capital_as_a_place_is_not_the_government(run) -> None:
    """After "in", a capital is the country as a place (no GOV sector); as a subject it is the government."""
    text = "Talks in Paris failed. Paris said it would try again."
    mentions = run(text)
    assert [m.actor.sector for m in covering(mentions, text, "Paris")] == [[]]
    assert one(mentions, text, "Paris", after=text.index(".")).actor.sector == ["GOV"]


def test_region_gives_the_country(run) -> None:
    text = "Darfur rebels attacked a convoy near the border."
    m = one(run(text), text, "rebels")
    assert (m.actor.country, m.actor.sector) == ("SDN", ["REB"])


def test_past_office_holder(run) -> None:
    text = "Bill Clinton met the delegation."
    assert one(run(text, "1995-05-05"), text, "Clinton").actor.sector == ["GOV"]
    assert one(run(text, "2005-05-05"), text, "Clinton").actor.sector == []


def test_title_in_the_text_gives_the_office_the_kb_lacks(run) -> None:
    text = "Prime Minister Ismail Haniyeh addressed the crowd."
    assert one(run(text, "2006-06-01"), text, "Haniyeh").actor.sector == ["GOV"]
    former = "Former President Bill Clinton addressed the crowd."
    assert one(run(former, "2005-05-05"), former, "Clinton").actor.sector == []


def test_possessor_agent_phrase_and_agent_modifier(run) -> None:
    text = "The Russian government's refusal angered Israeli army commanders and Israeli army bulldozers moved in."
    mentions = run(text)
    assert (one(mentions, text, "government").actor.country, one(mentions, text, "government").actor.sector) == (
        "RUS", ["GOV"])
    assert one(mentions, text, "bulldozers").actor.sector == ["MIL"]


def test_demonym_alone_is_the_people(run) -> None:
    text = "Hundreds of Palestinians gathered at the gate."
    assert one(run(text), text, "Palestinians").actor.sector == ["CVL"]


def test_they_after_a_spokesman_is_his_group(run) -> None:
    text = "Mohamed Qasimi, spokesman for Kataib Hezbollah, said they would fight on."
    m = one(run(text), text, "they")
    assert (m.actor.actor_id, m.actor.resolution) == ("kataib-hezbollah", "coref")


def test_the_army_is_the_army_of_the_country_in_focus(run) -> None:
    text = "Fighting spread across Syria on Monday. The army shelled rebel positions."
    m = one(run(text), text, "army")
    assert (m.actor.country, m.actor.sector, m.actor.resolution) == ("SYR", ["MIL"], "coref")


def test_relative_pronoun_and_object_pronoun(run) -> None:
    text = "Qais al-Khazali visited the border. Lebanon's prime minister, who ordered him banned, was angry."
    mentions = run(text)
    who = one(mentions, text, "who")
    assert (who.actor.country, who.actor.resolution) == ("LBN", "coref")
    assert one(mentions, text, "him").actor.actor_id == "qais-al-khazali"


def test_a_state_of_emergency_is_no_state(run) -> None:
    text = "Peru declared a state of emergency in Lima."
    assert covering(run(text), text, "state") == []
    text = "The State of Israel condemned the attack."
    assert one(run(text), text, "State of Israel").actor.country == "ISR"


def test_a_reflexive_object_is_its_own_clauses_subject(run) -> None:
    text = "Donald Trump said that Iraq had hurt themselves, and Qais al-Khazali defended himself."
    mentions = run(text)
    assert one(mentions, text, "themselves").actor.country == "IRQ"
    assert one(mentions, text, "himself").actor.actor_id == "qais-al-khazali"
    text = "The prisoners were freed by Qais al-Khazali himself."  # emphatic, not an object: nothing to add
    assert covering(run(text), text, "himself") == []


def test_a_militant_group_is_not_a_military_command(run) -> None:
    text = ("U.S. Central Command said it was expanding its campaign against the Islamic State group. "
            "The U.S. military said it struck the militant group on Monday.")
    assert one(run(text), text, "militant group").actor.actor_id == "islamic-state"
    text = "U.S. Central Command said it was ready. The militant group said nothing."
    assert covering(run(text), text, "militant group") == []


def test_pronoun_after_a_subject_inside_reported_speech(run) -> None:
    text = ("Angela Merkel spoke in Berlin, saying that Donald Trump had misjudged Europe, "
            "and that if he kept the tariffs, voters would punish him.")
    assert one(run(text), text, "him").actor.actor_id == "donald-trump"


@pytest.fixture(scope="module")
def run_focus(nlp, kb):
    focused = ActorStage(Settings(), kb, use_focus_country=True, focus_subjects_only=False)
    return lambda text: focused.mentions(nlp(text), doc_id="f")


def test_focus_off(nlp, kb) -> None:
    text = ("Clashes continued in Somalia on Sunday. Aid convoys were stopped in Somalia again. "
            "Militants attacked a checkpoint.")
    plain = ActorStage(Settings(), kb, use_focus_country=False)
    assert one(plain.mentions(nlp(text), doc_id="f"), text, "Militants").actor.country is None


def test_default_focus_reaches_subjects_only(run) -> None:
    text = ("Fighting went on in Yemen on Monday. Schools closed in Yemen as well. "
            "Rebels shelled a market, and the army arrested students near the port.")
    mentions = run(text)
    assert one(mentions, text, "Rebels").actor.country == "YEM"
    assert one(mentions, text, "students").actor.country is None  # an object: could be anyone's


def test_an_object_takes_the_focus_when_its_sentence_names_the_country(run) -> None:
    text = "Fighting went on in Yemen on Monday. Police arrested students in Yemen."
    assert one(run(text), text, "students").actor.country == "YEM"


def test_religious_group_words_take_the_focus_only_as_subjects(run) -> None:
    text = ("Bombings shook Iraq on Friday. Markets shut in Iraq too. "
            "Shia groups blamed the government. Kurdish leaders met in Erbil.")
    mentions = run(text)
    assert one(mentions, text, "Shia groups").actor.country == "IRQ"


def test_focus_country_for_unowned_domestic_groups(run, run_focus) -> None:
    text = ("Clashes continued in Somalia on Sunday. Aid convoys were stopped in Somalia again. "
            "Militants attacked a checkpoint, and troops arrived later.")
    mentions = run_focus(text)
    militants = one(mentions, text, "Militants")
    assert (militants.actor.country, militants.actor.resolution) == ("SOM", "context")
    assert one(mentions, text, "troops").actor.country is None  # foreign troops are the usual exception


def test_no_focus_without_a_leading_country(run_focus) -> None:
    text = "Militants attacked a checkpoint in Mali. Protesters gathered in Niger."
    assert one(run_focus(text), text, "Militants").actor.country is None


def test_listed_name_inside_a_longer_name(run) -> None:
    text = "Iran's Supreme National Security Council met on Sunday."
    m = one(run(text), text, "Council")
    assert m.actor.actor_id != "un-security-council" and m.actor.country == "IRN"


def test_lone_surname_of_the_office_holder_that_day(run) -> None:
    text = "Salih told reporters the plan was dead."
    assert one(run(text, "2020-01-01"), text, "Salih").actor.actor_id == "barham-salih"
    assert covering(run(text, "2024-01-01"), text, "Salih") == []  # no longer in office: not assumed


def test_gender_from_a_context_title(run) -> None:
    text = "Spokeswoman Lina Haddad met Omar Nasser on Monday. Later she said the talks went well."
    assert one(run(text), text, "she").actor.actor_id == "ctx:lina-haddad"


def test_it_as_the_acting_organisation_of_its_sentence(run) -> None:
    text = "The ISIS group overran the town in 2014, and it seized hundreds of hostages after the attack."
    it = one(run(text), text, "it")
    assert (it.actor.actor_id, it.actor.resolution) == ("islamic-state", "coref")


@pytest.mark.parametrize("text", [
    "The ISIS group overran the town in 2014. It is clear that the army failed.",
    "Iran said it would respond to the strike.",
    "The ISIS group overran the town, and it will take years to rebuild.",
])
def test_dummy_or_distant_it_stays_unlinked(run, text: str) -> None:
    assert not [m for m in run(text) if m.text.lower() == "it"]


def test_he_after_a_speaker_talking_about_someone_else(run) -> None:
    text = "Angela Merkel said Donald Trump had misjudged Europe. If he keeps the tariffs, voters will punish him."
    mentions = run(text)
    assert one(mentions, text, "he").actor.actor_id == "donald-trump"
    assert one(mentions, text, "him").actor.actor_id == "donald-trump"


def test_a_city_like_a_country_name_is_not_that_country(run) -> None:
    text = "Police in Lagos dispersed a march on Tuesday, and students in Portland marched too."
    assert not [m for m in run(text) if m.actor.country in ("LAO", "POL")]


# -- generic institutions: the phrase's country wins over the knowledge base's entry ----------------------
@pytest.mark.parametrize(("text", "word", "country", "sector"), [
    ("Chile's Congress approved the budget on Monday.", "Congress", "CHL", "LEG"),
    ("The Congress in Santiago approved the budget on Monday.", "Congress", "CHL", "LEG"),
    ("Chilean lawmakers approved the budget on Monday.", "lawmakers", "CHL", "LEG"),
    ("The Supreme Court of Ghana struck down the law.", "Supreme Court", "GHA", "JUD"),
    ("Ghana's Supreme Court struck down the law.", "Supreme Court", "GHA", "JUD"),
    ("The US Congress approved the budget on Monday.", "Congress", "USA", "LEG"),
])
def test_a_country_in_the_phrase_owns_a_generic_institution(run, text, word, country, sector) -> None:
    actor = one(run(text), text, word).actor
    assert (actor.country, sector in actor.sector) == (country, True)
    assert actor.actor_id is None or country == "USA"


def test_a_bare_congress_in_a_story_set_elsewhere_is_that_countrys(run) -> None:
    text = ("Hundreds of truckers blocked roads in Chile on Monday. "
            "The transport minister must now explain the fuel prices to Congress, unions said.")
    actor = one(run(text), text, "Congress").actor
    assert (actor.country, actor.sector, actor.actor_id) == ("CHL", ["LEG"], None)


def test_a_bare_congress_stays_the_listed_one_at_home_or_when_its_country_is_named(run) -> None:
    at_home = "Senators met in Washington on Monday, and Congress passed the bill."
    assert one(run(at_home), at_home, "Congress").actor.actor_id == "us-congress"
    named = "Protests spread in Chile while American diplomats lobbied Congress over the trade deal."
    assert one(run(named), named, "Congress").actor.actor_id == "us-congress"
    nowhere = "Congress passed the bill on Monday."
    assert one(run(nowhere), nowhere, "Congress").actor.actor_id == "us-congress"
    ministry = "Hundreds of truckers blocked roads in Chile on Monday. The State Department urged calm."
    assert one(run(ministry), ministry, "State Department").actor.actor_id == "state-department"


def test_focus_country_setting_turns_the_focus_off(nlp, kb) -> None:
    text = ("Clashes continued in Somalia on Sunday. Aid convoys were stopped in Somalia again. "
            "Militants attacked a checkpoint.")
    off = ActorStage(Settings(focus_country="off"), kb)
    assert one(off.mentions(nlp(text), doc_id="f"), text, "Militants").actor.country is None
    on = ActorStage(Settings(focus_country="subjects"), kb)
    assert one(on.mentions(nlp(text), doc_id="f"), text, "Militants").actor.country == "SOM"



def test_a_place_inside_an_actor_phrase_sets_the_focus(run) -> None:
    text = "Opposition senators in Chile warned on Monday that the transport minister must answer to Congress."
    mentions = run(text)
    assert one(mentions, text, "senators").actor.country == "CHL"
    assert one(mentions, text, "Congress").actor.country == "CHL"


@pytest.mark.parametrize(("text", "word", "sectors"), [
    ("Opposition lawmakers in Zambia walked out of the chamber.", "lawmakers", ["LEG", "OPP"]),
    ("Zambian opposition parties rejected the deal.", "parties", ["PTY", "OPP"]),
    ("Foreign ministers of Ghana and Togo met in Lome.", "ministers", ["GOV"]),
])
def test_a_camp_word_before_an_agent_noun_adds_its_sector(run, text: str, word: str, sectors: list[str]) -> None:
    assert one(run(text), text, word).actor.sector == sectors


def test_towns_and_demonym_places_set_the_focus_country(nlp, kb) -> None:
    towns = {"Monguno": "NGA", "Borno": "NGA"}
    text = "Gunmen attacked an army base near Monguno on Monday. The attackers fled into the bush."
    stage = ActorStage(Settings(), kb, place_country=towns.get)
    blind = ActorStage(Settings(), kb)

    def source(st: ActorStage, body: str) -> ActorMention:
        return one(mentions_with(nlp, st, body), body, "Gunmen")

    assert source(stage, text).actor.country == "NGA" and source(stage, text).actor.resolution == "context"
    assert source(blind, text).actor.country is None
    market = "Gunmen attacked a market in the Zambian border town on Friday."
    assert source(blind, market).actor.country == "ZMB"


@pytest.mark.parametrize(("text", "word", "country"), [
    ("Bosnian Serbs demanded a truce.", "Serbs", "BIH"),
    ("The Albanians of southern Serbia demanded autonomy.", "Albanians", "SRB"),
    ("Ethnic Albanians in Macedonia staged a protest.", "Albanians", "MKD"),
    ("Thousands of Turks from Bulgaria staged a protest.", "Turks", "TUR"),  # origin, not residence
    ("Palestinians staged a protest.", "Palestinians", "PSE"),
])
def test_peoples_take_the_country_they_live_in(run, text: str, word: str, country: str) -> None:
    assert one(run(text), text, word).actor.country == country


def test_an_ethnic_people_lives_where_the_story_is_set(run) -> None:
    text = "Thousands of ethnic Hungarians marched on Sunday in Romania."
    assert one(run(text), text, "Hungarians").actor.country == "ROU"
    alone = "Ethnic Hungarians marched on Sunday."
    assert one(run(alone), alone, "Hungarians").actor.country == "HUN"


@pytest.mark.parametrize(("text", "word", "country", "sector"), [
    ("King Hassan of Morocco offered to host the talks.", "Hassan", "MAR", "GOV"),
    ("Mr Jose Perez of Peru offered to host the talks.", "Perez", "PER", None),
    ("Lt. Gen. Jean Dupont resigned on Monday.", "Dupont", None, "MIL"),  # the rank says MIL, nothing says where
])
def test_a_person_takes_country_from_an_of_phrase_and_sector_from_a_rank(run, text, word, country, sector) -> None:
    actor = one(run(text), text, word).actor
    assert actor.country == country
    assert sector is None or sector in actor.sector


def test_a_group_loyal_to_an_actor_takes_its_country_not_its_identity(run) -> None:
    text = "Fighters loyal to the Houthis attacked the port."
    actor = one(run(text), text, "Fighters").actor
    assert (actor.country, actor.actor_id, actor.sector) == ("YEM", None, ["REB"])


def test_a_continent_owns_a_phrase_so_it_takes_no_focus_country(run) -> None:
    text = "Talks resumed in Switzerland. European diplomats warned Iran."
    assert one(run(text), text, "diplomats").actor.country is None
    local = "Talks resumed in Switzerland. Diplomats warned Iran."
    assert one(run(local), local, "Diplomats").actor.country == "CHE"


def test_an_organisations_people_are_the_organisation_a_countrys_keep_their_sector(run) -> None:
    text = "The Houthis said their fighters had seized the ship. Its spokesman denied it."
    group = one(run(text), text, "Houthis").actor
    assert one(run(text), text, "fighters").actor.actor_id == group.actor_id
    country = "Iraq said its troops had entered the town."
    troops = one(run(country), country, "troops").actor
    assert (troops.actor_id, troops.country, troops.sector) == (None, "IRQ", ["MIL"])
