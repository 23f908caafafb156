"""DateStage: the expression attached to the event's words, fallbacks and status changes."""

from __future__ import annotations

from datetime import datetime

import pytest

from petrel.dates import DateStage
from petrel.dates.stage import framing_date
from petrel.models import Article
from petrel.state import DocState

PUB = datetime(2021, 3, 1, 21, 30)  # a Monday


def dated(make_state, text: str, trigger: str, **kwargs):
    kwargs.setdefault("published", PUB)
    state = make_state(text, trigger, **kwargs)
    DateStage()(state)
    return state.events[0]


def test_weekday_on_the_speech_verb(make_state):
    event = dated(make_state, "The rebel commander said Sunday that his men seized the airport.", "said")
    assert (event.date, event.date_precision, event.status) == ("2021-02-28", "day", "actual")


def test_the_expression_attached_to_the_trigger_wins(make_state):
    text = "Foreign troops left the country in 2009, but came back in 2013 to fight the insurgents."
    left = dated(make_state, text, "left")
    back = dated(make_state, text, "came")
    assert (left.date, back.date) == ("2009", "2013")
    assert left.date_precision == back.date_precision == "year"


def test_a_date_inside_a_relative_clause_does_not_date_the_main_event(make_state):
    text = "The cleric, who rose to fame after the 2006 uprising, said the troops must leave."
    event = dated(make_state, text, "leave")
    assert event.date == "2021-03-01" and event.status == "actual"


def test_range_and_status_becomes_historical(make_state):
    event = dated(make_state, "The governor was imprisoned by the army from 2004 to 2008 for his role in the revolt.",
                  "imprisoned")
    assert (event.date, event.date_precision, event.status) == ("2004/2008", "range", "historical")


def test_late_year_is_the_year(make_state):
    event = dated(make_state, "The envoy angered officials in late 2016 when he toured the frontier.", "toured")
    assert (event.date, event.date_precision, event.status) == ("2016", "year", "historical")


def test_at_the_time_takes_the_previous_sentence_date(make_state):
    text = ("The envoy angered officials in late 2016 when he toured the frontier. "
            "The prime minister at the time banned him from the country.")
    event = dated(make_state, text, "banned")
    assert event.date == "2016"


def test_recent_relative_dates_keep_the_event_actual(make_state):
    event = dated(make_state, "Last month, the parties had announced a joint proposal.", "announced")
    assert (event.date, event.date_precision, event.status) == ("2021-02", "month", "actual")
    event = dated(make_state, "Militants attacked a convoy yesterday.", "attacked")
    assert (event.date, event.status) == ("2021-02-28", "actual")


def test_no_expression_gives_the_publication_day_for_actual_events(make_state):
    event = dated(make_state, "Militants attacked a convoy near the border.", "attacked")
    assert (event.date, event.date_precision) == ("2021-03-01", "day")


def test_no_expression_and_historical_gives_no_date(make_state):
    event = dated(make_state, "Militants attacked a convoy near the border.", "attacked", status="historical")
    assert (event.date, event.date_precision) == (None, None)


def test_no_publication_date_and_no_absolute_expression_gives_no_date(make_state):
    event = dated(make_state, "Militants attacked a convoy on Friday.", "attacked", published=None)
    assert event.date is None
    event = dated(make_state, "Militants attacked a convoy in 2015.", "attacked", published=None)
    assert event.date == "2015"


def test_future_event_can_be_after_publication(make_state):
    event = dated(make_state, "The minister will visit the capital next week.", "visit", status="future")
    assert (event.date, event.date_precision) == ("2021-03-08/2021-03-14", "range")


def test_past_event_is_never_dated_after_publication(make_state):
    event = dated(make_state, "Rebels shelled the city, and talks are planned for next month.", "shelled")
    assert event.date == "2021-03-01"
    event = dated(make_state, "Rebels shelled the city on March 12.", "shelled")
    assert event.date == "2020-03-12"


def test_weekday_across_a_year_boundary(make_state):
    event = dated(make_state, "Police arrested the suspect on Wednesday.", "arrested",
                  published=datetime(2021, 1, 2, 8, 0))
    assert event.date == "2020-12-30"


def test_empty_state_is_fine(nlp):
    state = DocState(Article("e", "test", "text", "Nothing happened.", published=PUB), nlp("Nothing happened."))
    DateStage()(state)
    assert state.events == []


def test_evidence_outside_the_doc_falls_back(make_state):
    state = make_state("Militants attacked a convoy on Friday.", "attacked", published=PUB)
    event = state.events[0]
    event.evidence.start, event.evidence.end, event.evidence.trigger_start = 500, 600, 510
    DateStage()(state)
    assert event.date == "2021-03-01"


def test_n_days_after_dates_the_inner_event_back_from_the_publication_day(make_state):
    event = dated(make_state, "The ballot came four days after the opposition threatened to walk out.", "threatened")
    assert (event.date, event.date_precision) == ("2021-02-25", "day")


def test_n_days_before_counts_forward_from_the_main_clause_date(make_state):
    text = "Militia fighters shelled the port on Tuesday, two days before the envoys signed a truce."
    signed = dated(make_state, text, "signed", published=datetime(2021, 3, 5, 12))
    shelled = dated(make_state, text, "shelled", published=datetime(2021, 3, 5, 12))
    assert (shelled.date, signed.date) == ("2021-03-02", "2021-03-04")


def test_bare_days_after_is_a_vague_range_before_the_main_date(make_state):
    text = "Lawmakers voted on Friday to dismiss the minister, days after warning him to resign."
    event = dated(make_state, text, "warning")
    assert (event.date, event.date_precision) == ("2021-02-20/2021-02-25", "range")


def test_an_inner_event_never_lands_after_publication(make_state):
    text = "Police cleared the square on Monday, a week before the protesters planned to return."
    event = dated(make_state, text, "planned")
    assert event.date == "2021-03-01"  # a week later would be after publication: the usual rules apply


def test_a_year_modifying_another_noun_dates_that_noun_not_the_event(make_state):
    text = "The government suspended the 1960 water treaty on Wednesday after gunmen killed 26 people."
    assert dated(make_state, text, "suspended").date == "2021-02-24"
    assert dated(make_state, text, "killed").date != "1960"
    invasion = "The 2003 invasion toppled the government."  # the noun is the event's subject
    assert dated(make_state, invasion, "toppled").date == "2003"


def test_a_day_dated_report_months_before_publication_stays_actual(make_state):
    # a monitoring description written weeks after the act it reports: news, not background
    event = dated(make_state, "On 4 November 2020, gunmen shot dead a village elder near his farm.", "shot")
    assert (event.date, event.status) == ("2020-11-04", "actual")
    event = dated(make_state, "On 12 December 2020, soldiers shelled the outskirts of the town.", "shelled")
    assert (event.date, event.status) == ("2020-12-12", "actual")


def test_a_day_more_than_a_year_back_and_coarse_dates_stay_historical(make_state):
    event = dated(make_state, "On 4 November 2019, gunmen shot dead a village elder near his farm.", "shot")
    assert (event.date, event.status) == ("2019-11-04", "historical")
    event = dated(make_state, "Soldiers shelled the town in November 2020.", "shelled")
    assert (event.date, event.status) == ("2020-11", "historical")
    event = dated(make_state, "Last year's offensive began when soldiers shelled the town in 2020.", "shelled")
    assert event.status == "historical"


def test_around_a_date_as_reported(make_state):
    event = dated(make_state, "Around 14 February 2021 (as reported), troops demolished three houses in the village.",
                  "demolished")
    assert (event.date, event.date_precision) == ("2021-02-14", "day")


@pytest.mark.parametrize(("text", "value"), [
    ("Around 14 February 2021 (as reported), troops demolished three houses.", "2021-02-14"),
    ("On 3 February 2021, gunmen killed a farmer.", "2021-02-03"),
    ("3 February 2021: gunmen killed a farmer.", "2021-02-03"),
    ("Troops demolished three houses, residents said on 14 February 2021.", None),  # not an opening frame
    ("Gunmen, who first struck in 2019, killed a farmer.", None),
])
def test_a_date_that_opens_the_sentence_frames_it(text, value):
    result = framing_date(text, PUB, "actual", PUB.date())
    assert (result.value if result else None) == value
