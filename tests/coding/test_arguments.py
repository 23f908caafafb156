"""Noun-phrase actors (``petrel.coding.arguments.np_actors``) over hand-built, possibly nested mentions."""

from __future__ import annotations

from petrel.coding.arguments import MentionIndex, np_actors
from petrel.models import ActorMention
from tests.coding.conftest import actor


def mention(text: str, surface: str, ref) -> ActorMention:
    start = text.index(surface)
    return ActorMention("t", start, start + len(surface), surface, ref)


def test_each_owner_in_an_of_phrase_has_its_own_party(nlp) -> None:
    text = "The navies of Chile and Peru held joint drills."
    doc = nlp(text)
    index = MentionIndex(doc, [mention(text, "The navies of Chile and Peru", actor("navies", "CHL", "MIL")),
                               mention(text, "Peru", actor("Peru", "PER"))])
    head = next(t for t in doc if t.text == "navies")
    found = np_actors(head, index)
    assert [(a.country, a.sector) for a in found] == [("CHL", ["MIL"]), ("PER", ["MIL"])]


def test_one_owner_gives_one_party(nlp) -> None:
    text = "The army of Brazil held drills."
    doc = nlp(text)
    index = MentionIndex(doc, [mention(text, "The army of Brazil", actor("army", "BRA", "MIL"))])
    assert [a.country for a in np_actors(doc[1], index)] == ["BRA"]
