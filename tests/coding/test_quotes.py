"""Quotes: direct (curly and straight, cue before or after, continuation) and indirect."""

from __future__ import annotations

from petrel.coding.quotes import cue_kind
from tests.coding.conftest import actor

NOVAK = actor("Ivo Novak", "GEO", "GOV", actor_id="novak")
LUND = actor("Eva Lund", "SWE", "GOV", actor_id="lund")
TABLE = {"Novak": NOVAK, "Lund": LUND, "he": NOVAK, "she": LUND, "Russia": actor("Russia", "RUS")}


def direct(state):
    return [q for q in state.quotes if q.kind == "direct"]


def test_curly_quote_with_cue_after(code) -> None:
    text = "“We will not bow to pressure,” Novak said on Monday."
    [q] = direct(code(text, TABLE))
    assert q.speaker.actor_id == "novak" and q.cue == "said"
    assert text[q.start:q.end] == "“We will not bow to pressure,”" and q.content == "We will not bow to pressure,"


def test_straight_quote_with_cue_before(code) -> None:
    [q] = direct(code('Lund said: "The talks are over."', TABLE))
    assert q.speaker.actor_id == "lund" and q.content == "The talks are over."


def test_pronoun_speaker_resolved_through_mentions(code) -> None:
    [q] = direct(code("Novak spoke briefly. “Nothing has changed,” he said.", TABLE))
    assert q.speaker.actor_id == "novak"


def test_quote_spanning_glued_sentences_and_a_continuation(code) -> None:
    text = "“Russia must leave. It has no right to be here,” Novak said.“The border is ours.”"
    quotes = direct(code(text, TABLE))
    assert len(quotes) == 2
    assert all(q.speaker.actor_id == "novak" for q in quotes)
    assert "It has no right" in quotes[0].content


def test_later_cue_with_its_own_clause_is_not_this_quotes_cue(code) -> None:
    text = "“Enough,” Novak said. “Why now?” Lund said the talks would resume."
    quotes = direct(code(text, TABLE))
    assert quotes[1].speaker.actor_id == "novak"  # a continuation, not Lund's


def test_indirect_quote_and_according_to(code) -> None:
    state = code("Novak said that Russia had moved troops. The border is closed, according to Lund.", TABLE)
    indirect = [q for q in state.quotes if q.kind == "indirect"]
    assert {(q.speaker.actor_id, q.cue) for q in indirect} == {("novak", "said"), ("lund", "according to")}
    said = next(q for q in indirect if q.cue == "said")
    assert said.content.startswith("that Russia had moved troops")


def test_quote_ids_are_stable(code) -> None:
    a = code("“No,” Novak said.", TABLE).quotes
    b = code("“No,” Novak said.", TABLE).quotes
    assert [q.quote_id for q in a] == [q.quote_id for q in b]


def test_cue_kind() -> None:
    speech = {"say": "say", "claim": "claim", "warn": "warn"}
    assert cue_kind("claimed", speech) == "claim"
    assert cue_kind("warned", speech) == "warn"
    assert cue_kind("said", speech) == "say"
    assert cue_kind(None, speech) == "say"


def test_a_speaker_no_actor_matches_is_kept_as_written(code) -> None:
    state = code("The harbour was closed on Friday, a shipping insurance broker said. "
                 "“It will take weeks,” the broker's chief analyst told reporters.", TABLE)
    by_content = {q.content.strip(" ,"): q.speaker for q in state.quotes}
    broker = by_content["The harbour was closed on Friday"]
    assert broker.name == "a shipping insurance broker"
    assert broker.actor_id is None and broker.resolution == "unresolved"
    assert by_content["It will take weeks"].name == "the broker's chief analyst"


def test_an_unresolved_pronoun_speaker_stays_empty(code) -> None:
    [q] = [q for q in code("They said the road had reopened.", TABLE).quotes if q.kind == "indirect"]
    assert q.speaker is None


def test_a_text_speaks_for_its_author(code) -> None:
    table = {**TABLE, "Helsinki Watch": actor("Helsinki Watch", "NGO", "NGO", actor_id="hw"),
             "the Georgian interior ministry": actor("Georgian interior ministry", "GEO", "GOV")}
    state = code("A report by Helsinki Watch said Russia had moved troops. The bridge was shelled, according to "
                 "a statement from the Georgian interior ministry. A memo published in Tbilisi by Helsinki Watch "
                 "said the border was closed.", table)
    speakers = sorted((q.speaker.name, q.speaker.country) for q in state.quotes)
    assert speakers == [("Georgian interior ministry", "GEO"), ("Helsinki Watch", "NGO"), ("Helsinki Watch", "NGO")]


def test_a_text_released_in_a_capital_speaks_for_that_country(code) -> None:
    table = {**TABLE, "the Georgian capital": actor("Georgian capital", "GEO")}
    [q] = code("A report released on Monday in the Georgian capital said Russia had moved troops.", table).quotes
    assert (q.speaker.name, q.speaker.country, q.speaker.resolution) == ("A report", "GEO", "place")
    [q] = code("A report released on Monday in the Georgian capital said Russia had moved troops.", TABLE).quotes
    assert q.speaker.country is None  # no place resolved: kept as written
