"""Days that come from the story around the event (days17): follow-up sentences, days counted from another
event, nights across two days, days ahead of the report, schedules, the speech's own day. Sentences written
for these tests (none from the probe, the real-news set or the shared eval sets)."""

from __future__ import annotations

from datetime import datetime

import pytest

from petrel.dates import DateStage

PUB = datetime(2023, 10, 18, 9, 0)  # a Wednesday


def date_of(make_state, text: str, trigger: str, *, status: str = "actual", type_: str = "ASSAULT",
            published: datetime | None = PUB) -> str | None:
    state = make_state(text, trigger, status=status, published=published)
    state.events[0].type = type_
    DateStage()(state)
    return state.events[0].date


# ---- a sentence that continues an event takes its day

@pytest.mark.parametrize(("text", "trigger", "expected"), [
    ("Insurgents overran an army outpost on Sunday. The fighters burned two armoured vehicles.", "burned",
     "2023-10-15"),
    ("Riot police charged a student march on Monday. Dozens of students were beaten.", "beaten", "2023-10-16"),
    ("On October 12, a drone struck a fuel truck near the border. The explosion killed the driver.", "killed",
     "2023-10-12"),
    # two sentences back, the second without a time of its own
    ("Troops stormed the rebel camp on Saturday. They met little resistance. They seized weapons and radios.",
     "seized", "2023-10-14"),
])
def test_a_follow_up_act_takes_the_day_of_the_act_it_continues(make_state, text, trigger, expected):
    assert date_of(make_state, text, trigger) == expected


@pytest.mark.parametrize(("text", "trigger", "type_", "expected"), [
    # a statement reacting to the act is dated by the report
    ("Gunmen shot dead a judge on Saturday. The bar association condemned the killing.", "condemned", "ACCUSE",
     "2023-10-18"),
    ("Soldiers fired on protesters on Monday. The envoy urged restraint.", "urged", "REQUEST", "2023-10-18"),
    # a present or present-perfect sentence is not a continuation
    ("Rebels shelled the port on Sunday. The group has killed hundreds of civilians.", "killed", "ASSAULT",
     "2023-10-18"),
    # a month or a year before stops the search: no day to take
    ("The army besieged the city last month. Soldiers arrested the mayor.", "arrested", "COERCE", "2023-10-18"),
    # the day taken never lies after publication
    ("Militants will attack more bases on Friday, the group warned. Gunmen killed a guard.", "killed", "ASSAULT",
     "2023-10-18"),
])
def test_what_does_not_inherit_a_day(make_state, text, trigger, type_, expected):
    assert date_of(make_state, text, trigger, type_=type_) == expected


def test_a_follow_up_of_a_historical_act_keeps_no_day(make_state):
    text = "Militiamen shelled the town on Sunday. The militia had once ruled it."
    assert date_of(make_state, text, "ruled", status="historical") is None


# ---- days counted from another event

@pytest.mark.parametrize(("text", "trigger", "expected"), [
    ("Rebels captured the bridge on Sunday. Government troops blew it up the next day.", "blew", "2023-10-16"),
    ("Police arrested the editor on Saturday. Three days earlier, the paper had printed the leaked memo.",
     "printed", "2023-10-11"),
    ("The strikes began on October 2. A week later, the army sent tanks to the square.", "sent", "2023-10-09"),
    ("Militants ambushed a convoy on Thursday. On the following morning, jets bombed their hideouts.", "bombed",
     "2023-10-13"),
    # an earlier day of the same sentence
    ("Rioters looted shops on Friday and police detained 40 of them the following day.", "detained", "2023-10-14"),
])
def test_days_counted_from_the_event_the_text_names(make_state, text, trigger, expected):
    assert date_of(make_state, text, trigger) == expected


def test_a_day_counted_forward_past_publication_is_not_taken(make_state):
    text = "Police arrested the organisers on Tuesday. Two days later, the court will hear the case."
    assert date_of(make_state, text, "arrested") == "2023-10-17"
    assert date_of(make_state, text, "hear") == "2023-10-18"  # Thursday is ahead of the report: the report's day


def test_the_previous_day_without_a_named_day_is_the_day_before_publication(make_state):
    assert date_of(make_state, "Militants had attacked the checkpoint the previous day.", "attacked") == "2023-10-17"


# ---- nights across two days, overnight

@pytest.mark.parametrize(("text", "trigger", "expected"), [
    ("Drones hit the refinery overnight on Sunday, officials said.", "hit", "2023-10-15"),
    ("Shelling continued overnight Friday to Saturday along the front.", "Shelling", "2023-10-13"),
    ("On the night of 10-11 October, gunmen raided a farm.", "raided", "2023-10-10"),
    ("Troops shelled the camp during the night of 30 September to 1 October.", "shelled", "2023-09-30"),
    ("Looters struck the market overnight.", "struck", "2023-10-17"),
])
def test_a_night_is_dated_by_its_first_day(make_state, text, trigger, expected):
    assert date_of(make_state, text, trigger) == expected


# ---- days ahead of the report, schedules

@pytest.mark.parametrize(("text", "trigger", "expected"), [
    ("The junta gave foreign troops until Sunday to leave the country.", "gave", "2023-10-18"),
    ("The militia ordered residents to leave the district by Friday.", "ordered", "2023-10-18"),
    ("Unions called a general strike for Monday.", "called", "2023-10-18"),
])
def test_a_day_ahead_is_not_the_day_of_a_past_act(make_state, text, trigger, expected):
    assert date_of(make_state, text, trigger) == expected


@pytest.mark.parametrize(("text", "trigger", "expected"), [
    ("The opposition plans to march on the palace on Saturday.", "march", "2023-10-21"),
    ("The two envoys are expected to meet in Oman on Friday.", "meet", "2023-10-20"),
    ("The rebels said they would free the captives on Thursday.", "free", "2023-10-19"),
    ("The army will begin pulling out of the town tomorrow.", "pulling", "2023-10-19"),
    ("The minister is due to visit the border on Monday.", "visit", "2023-10-23"),
])
def test_a_planned_act_looks_ahead(make_state, text, trigger, expected):
    assert date_of(make_state, text, trigger, status="future") == expected


@pytest.mark.parametrize(("text", "trigger"), [
    ("The rebels said they would free the captives on Thursday.", "free"),
    ("The two envoys will meet in Oman on Friday.", "meet"),
])
def test_a_day_told_ahead_is_never_a_past_day(make_state, text, trigger):
    """A promise coded as an act now (status actual) keeps the report's day, not last Thursday."""
    assert date_of(make_state, text, trigger, type_="AGREE") == "2023-10-18"


# ---- the speech's own day, a dated frame

def test_the_day_between_a_speech_verb_and_its_clause_dates_the_speech(make_state):
    text = "Officials said on Tuesday they had detained the smugglers on Sunday night."
    assert date_of(make_state, text, "detained") == "2023-10-15"


def test_a_dated_event_noun_after_during_dates_the_act(make_state):
    text = "Soldiers executed 20 prisoners during the 2014 offensive, investigators concluded on Monday."
    assert date_of(make_state, text, "executed", status="historical") == "2014"


def test_a_time_on_the_act_s_own_raids_dates_the_act(make_state):
    text = "Jets killed 14 fighters in overnight strikes on their camps, the army said on Wednesday."
    assert date_of(make_state, text, "killed") == "2023-10-17"


def test_a_dated_noun_after_in_still_dates_that_noun_only(make_state):
    text = "The party congratulated the winner of the 2022 vote."
    assert date_of(make_state, text, "congratulated", type_="SUPPORT") == "2023-10-18"


def test_on_or_about_frames_the_sentence(make_state):
    text = "On or about 2 September 2023 (as reported), armed men burned a granary in Toro village."
    assert date_of(make_state, text, "burned") == "2023-09-02"


# ---- coordinated acts, a dateline left in the text

@pytest.mark.parametrize(("text", "trigger", "expected"), [
    ("Soldiers sealed off the market and detained 40 traders on Monday.", "sealed", "2023-10-16"),
    ("The junta dissolved parliament and arrested the speaker last week.", "dissolved", "2023-10-09/2023-10-15"),
    # the first act's own time wins
    ("Rebels took the town in 2019 and lost it on Sunday.", "took", "2019"),
])
def test_a_time_after_the_last_conjunct_dates_both_acts(make_state, text, trigger, expected):
    assert date_of(make_state, text, trigger, status="actual" if expected[:4] != "2019" else "historical") == expected


def test_a_date_in_a_dateline_left_in_the_text_is_the_report_s(make_state):
    text = ("MOSUL, Oct 18 (Northern Desk) - Gunmen attacked a police patrol guarding an oil pipeline near the "
            "Syrian border late on Friday, officials said.")
    assert date_of(make_state, text, "attacked") == "2023-10-13"
    text = ("DAKAR, Oct 18 (West Desk) - Police dispersed a rally of several thousand opposition supporters in the "
            "centre of the capital on Monday.")
    assert date_of(make_state, text, "dispersed", type_="COERCE") == "2023-10-16"


# ---- the dateline's own day against a later page time

@pytest.mark.parametrize(("filed", "published", "expected"), [
    (datetime(2023, 10, 17), datetime(2023, 10, 18, 6, 0), "2023-10-16"),  # the page is stamped a day later
    (datetime(2023, 10, 16), datetime(2023, 10, 18, 6, 0), "2023-10-15"),  # two days later
    (datetime(2023, 10, 10), datetime(2023, 10, 18, 6, 0), "2023-10-17"),  # a week: the page's day wins
    (datetime(2023, 10, 19), datetime(2023, 10, 18, 6, 0), "2023-10-17"),  # a dateline after the page: ignored
    (None, datetime(2023, 10, 18, 6, 0), "2023-10-17"),
])
def test_relative_days_count_from_the_dateline_s_day_when_the_page_is_stamped_later(make_state, filed, published,
                                                                                   expected):
    state = make_state("Gunmen attacked a bus carrying pilgrims yesterday, police said.", "attacked",
                       published=published)
    state.article.filed = filed
    DateStage()(state)
    assert state.events[0].date == expected


@pytest.mark.parametrize(("text", "trigger", "expected"), [
    # the parse hangs each time on the participle ("carrying", "selling", "transporting")
    ("Soldiers detained a truck carrying fuel on Tuesday morning.", "detained", "2023-10-17"),
    ("Police arrested a man selling weapons on Sunday evening.", "arrested", "2023-10-15"),
    ("Rebels ambushed a convoy transporting aid on Friday afternoon.", "ambushed", "2023-10-13"),
    # a past participle is another act, with its own day; a finite relative clause too
    ("Troops freed a convoy ambushed on Sunday.", "freed", "2023-10-18"),
    ("Police dispersed students who had marched on Sunday.", "dispersed", "2023-10-18"),
])
def test_a_time_after_an_ing_participle_of_the_object_dates_the_act(make_state, text, trigger, expected):
    assert date_of(make_state, text, trigger, type_="COERCE") == expected
