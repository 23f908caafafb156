"""The ``places`` stage: each event's location, resolved in the gazetteer.

Choice, in order (``docs/time-and-place.md`` has the full story):

1. A place in the event's sentence that is *locative* ("in/at/near/across/inside ...") and hangs on the
   trigger's words without crossing into another clause, nearest in the parse tree first.
2. A locative place of the sentence in another clause; then another place (an object: "attack
   Lebanon") attached, then anywhere in the sentence. Actors are never places ("Iraq said",
   "Iraq's parliament"), nor are a noun's modifiers ("US troops").
3. For ``actual`` and ``claimed`` events with no place in the sentence: a place named as a place in
   its paragraph (nearest sentence before it first), else the article's dateline, else
   its dominant place: the country most often named as a place, narrowed to the first city of that
   country named as a place, if any. An attacker's own country never places its attack by votes alone.
   Events of other statuses with no place in their sentence are at the dateline, if any. Before the
   paragraph: "to the province", "inside the town" is the last such place the article named.

Homonyms ("Tripoli") are ranked by the gazetteer with the document's country votes: every country
or demonym named anywhere in the article votes 1, other places 0.5 for their country, the dateline 2.

The choice lives in :class:`PlaceResolver`, which the pipeline shares with the events stage: that stage
asks it where an act by unidentified attackers struck, and gives them that country itself. This stage
only sets ``event.place``; it never edits an actor.
"""

from __future__ import annotations

import logging
import math
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from petrel.config import Settings
from petrel.nlp.evidence import CLAUSE_ARCS, path_arcs, sentence_of, trigger_token
from petrel.geo.gazetteer import Gazetteer
from petrel.geo.mentions import (COMPASS, WEAK_LABELS, PlaceMention, climb, is_common_word, is_listed_unit, role_of,
                                 sentence_places)
from petrel.geo.sources import GazEntry
from petrel.models import ActorRef, EventMention, Place, PlaceHints

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from petrel.models import Article
    from petrel.state import DocState

log = logging.getLogger(__name__)

FALLBACK_STATUSES = frozenset({"actual", "claimed"})
VOTE_LABELS = frozenset({"GPE", "LOC", "FAC", "NORP"})
ATTACK_TYPES = frozenset({"ASSAULT"})
ANAPHORS = {"province": "admin1", "governorate": "admin1", "state": "admin1", "town": "city", "city": "city",
            "village": "city"}  # "to the province": the last place of that precision named as a place
SENTENCE_ENDS = (".", "!", "?", '"', "'", "\u201d", "\u2019", ")", ":")
NEAR_DATELINE_KM = 300.0  # a countryless region this close to the dateline is on its side (anchored)


@dataclass
class DocPlaces:
    """What the stage learns about one document before placing its events."""

    votes: Counter[str] = field(default_factory=Counter)
    dateline: GazEntry | None = None
    by_sentence: dict[int, list[PlaceMention]] = field(default_factory=dict)  # sentence start -> mentions


def attacker_country(event: EventMention) -> str | None:
    """The country of an attack's source, which names no place of the attack: only where the article
    names a place does it locate the event ("Russian missiles struck the town" is not in Russia).

    Example: an ASSAULT by "Russian missiles" (RUS) gives "RUS"; a PROTEST by Russians gives None.
    """
    return event.source.country if event.type in ATTACK_TYPES and event.source is not None else None


def place_rank(mention: PlaceMention, trigger: Token | None) -> tuple[int, int] | None:
    """Sort key of a mention for an event (lower is better); ``None`` for actors."""
    if mention.role in ("actor", "modifier"):
        return None
    arcs = path_arcs(trigger, mention.head) if trigger is not None else None
    if arcs is None:
        return (4, 0)
    up, down = arcs
    attached = not any(t.dep_ in CLAUSE_ARCS for t in down)
    tier = (0 if mention.role == "locative" else 2) + (0 if attached else 1)
    return (tier, 2 * len(up) + len(down))


def choose_place(mentions: list[PlaceMention], trigger: Token | None) -> PlaceMention | None:
    ranked = [(rank, m) for m in mentions if (rank := place_rank(m, trigger)) is not None]
    return narrowed(min(ranked, key=lambda r: r[0])[1], mentions) if ranked else None


CHAIN_GAP = 60  # characters between the links of one chain of places
FINER = {"point": 0, "city": 1, "admin1": 2, "region": 3, "country": 4}


def narrowed(chosen: PlaceMention, mentions: list[PlaceMention]) -> PlaceMention:
    """"the town of Kidal in northern Mali", "a village near Jenin in the West Bank": the locative phrase
    places the name it hangs on, which lies inside it; the finer name of the same country is the place.
    A unit chosen as a link of a chain of places ("Wadi Sirr, Abyan governorate") gives way likewise to the
    finer place the chain starts with."""
    if is_listed_unit(chosen.head):
        chain = [o for o in mentions if o is not chosen and o.role != "actor" and o.end <= chosen.start
                 and chosen.start - o.end <= CHAIN_GAP and o.entry.country == chosen.entry.country
                 and (o.entry.kind == "qualified"
                      or FINER.get(o.entry.precision, 9) < FINER.get(chosen.entry.precision, 9))]
        if chain:
            return min(chain, key=lambda o: o.start)
    prep = climb(chosen.head).head
    if prep.dep_ != "prep" or prep.lower_ not in ("in", "inside", "within"):
        return chosen
    for other in mentions:
        if other is chosen or other.role == "actor" or other.entry.country != chosen.entry.country:
            continue
        if prep.head.i in (other.head.i, climb(other.head).i) \
                and FINER.get(other.entry.precision, 9) < FINER.get(chosen.entry.precision, 9):
            return other
    return chosen


def whole_country_part(place: Place) -> bool:
    """A part of a country named by a compass word and no subdivision ("in northern Burkina Faso", "eastern
    Chad"): like the country, it says less than a town or a province of that country the sentence names
    ("in Djibo, Soum province, in northern Burkina Faso", places10)."""
    return place.precision == "region" and not place.admin1 and place.name.split()[0].lower() in COMPASS


def is_anaphor(token: Token) -> bool:
    """"the province" standing alone in a locative phrase: not "the province of X", not "Kirkuk province"."""
    if token.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return False
    if any(c.pos_ == "PROPN" or (c.dep_ == "prep" and c.lower_ == "of") for c in token.children):
        return False
    return role_of(token) == "locative"


def dateline_only(context: DocPlaces) -> Place | None:
    """An event of any status whose text gives no place ("the party withdrew a similar bill last year",
    "will send troops to the province") is placed at the dateline, where the story is (``basis``
    ``dateline``); the events stage does not read this: it never makes a party's country of it."""
    return with_basis(context.dateline.to_place(), "dateline") if context.dateline is not None else None


def anchored(place: Place | None, dateline: GazEntry | None) -> Place | None:
    """A place of no country (a region across borders: "the Line of Control", "the Sahel") in a story
    datelined within :data:`NEAR_DATELINE_KM` of its point is on the dateline's side: it takes the
    dateline's country and admin1 and keeps its own name and precision."""
    if place is None or place.country or dateline is None or not dateline.country:
        return place
    if None in (place.lat, place.lon, dateline.lat, dateline.lon):
        return place
    if distance_km(place.lat, place.lon, dateline.lat, dateline.lon) > NEAR_DATELINE_KM:
        return place
    return replace(place, country=dateline.country, admin1=dateline.admin1)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def with_basis(place: Place | None, basis: str) -> Place | None:
    """``place`` saying where the text gives it: sentence, paragraph, dateline or document."""
    return replace(place, basis=basis) if place is not None else None


def paragraph_neighbours(doc: Doc, sentence: Span) -> list[Span]:
    """The other sentences of ``sentence``'s paragraph (text between line breaks): the nearest before
    it first, going back, then those after it, going forward; the next one first when ``sentence`` does not
    end as a sentence does (the parser split it)."""
    text = doc.text
    end = sentence.start_char + len(sentence.text.rstrip())  # a sentence keeps the line break after it
    first = text.rfind("\n", 0, sentence.start_char) + 1
    last = text.find("\n", end)
    last = len(text) if last < 0 else last
    before, after = [], []
    for other in doc.sents:
        if other.end_char <= first or other.start_char >= last or other.start == sentence.start:
            continue
        (before if other.start < sentence.start else after).append(other)
    if after and not sentence.text.rstrip().endswith(SENTENCE_ENDS):  # the parser cut the sentence short:
        return after[:1] + before[::-1] + after[1:]  # "..., fired first," + "at a post in Surin province."
    return before[::-1] + after


class PlaceStage:
    """Sets ``event.place`` from the event's sentence, the dateline or the article's dominant place (the
    choice is :class:`PlaceResolver`'s, shared with the events stage)."""

    name = "places"
    reads = ("doc", "article.dateline", "events")
    adds = ("event.place",)

    def __init__(self, settings: Settings | None, gazetteer: Gazetteer, resolver: PlaceResolver | None = None) -> None:
        self.settings = settings or Settings()
        self.resolver = resolver or PlaceResolver(gazetteer)

    def __call__(self, state: DocState) -> None:
        if not state.events:
            return
        resolver = self.resolver
        context = resolver.context(state.doc, state.article)
        for event in state.events:
            place = anchored(resolver.sentence_place(state.doc, event, context)
                             or resolver.anaphoric_place(state.doc, event, context)
                             or resolver.paragraph_place(state.doc, event, context)
                             or with_basis(resolver.stated_place(state.doc, event, context), "dateline")
                             or resolver.fallback_place(state.doc, event, context)
                             or dateline_only(context), context.dateline)
            event.place = resolver.finer_of_sentence(state.doc, event, context, place)


class PlaceResolver:
    """Where an event happens, read from its document (see the module docstring). One resolver serves the
    events stage (the place of an act by unidentified attackers) and the places stage; the document-level
    part (country votes, dateline, each sentence's place mentions) is computed once per document."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._last: tuple[object, str | None, DocPlaces] | None = None

    def context(self, doc: Doc, article: Article) -> DocPlaces:
        """The document's :class:`DocPlaces`, kept for the document last asked about."""
        if self._last is not None and self._last[0] is doc and self._last[1] == article.dateline:
            return self._last[2]
        context = self.document_places(doc, article.dateline)
        self._last = (doc, article.dateline, context)
        return context

    def stated_place_of(self, doc: Doc, article: Article, event: EventMention) -> Place | None:
        """:meth:`stated_place` with the document's context."""
        return self.stated_place(doc, event, self.context(doc, article))

    def hints_of(self, doc: Doc, article: Article, event: EventMention) -> PlaceHints:
        """Where the event's text puts it (``stated``) and, when it says nothing, where the article happens
        (``fallback``: :meth:`fallback_place`, else the story's dominant place, also for past and planned
        events): what the events stage needs to give parties known only by what they are a country."""
        context = self.context(doc, article)
        stated = self.stated_place(doc, event, context)
        if stated is not None:
            return PlaceHints(stated, None)
        fallback = self.fallback_place(doc, event, context)
        if fallback is None:
            entry = self.dominant_place(doc, context)
            fallback = entry.to_place() if entry is not None else None
        return PlaceHints(None, fallback)

    def sentence_place(self, doc: Doc, event: EventMention, context: DocPlaces) -> Place | None:
        """The place the event's own sentence gives it (``basis`` ``sentence``)."""
        sentence = sentence_of(doc, event.evidence)
        if sentence is None:
            return None
        chosen = choose_place(self.mentions_of(doc, sentence, context), trigger_token(doc, event.evidence, sentence))
        return with_basis(chosen.entry.to_place(), "sentence") if chosen is not None else None

    def anaphoric_place(self, doc: Doc, event: EventMention, context: DocPlaces) -> Place | None:
        """"sent troops to the province", "fighting spread across the town": a definite place noun in a
        locative phrase of the event's sentence is the last place of that kind the article named as a place
        before it (a province, governorate or state: an admin1; a town, city or village: a city; ``basis``
        ``document``). "the region" is left alone: news uses it for whole regions of the world."""
        sentence = sentence_of(doc, event.evidence)
        if sentence is None:
            return None
        for token in sentence:
            want = ANAPHORS.get(token.lower_)
            if want is None or not is_anaphor(token):
                continue
            earlier = [m.entry for other in doc.sents if other.end <= sentence.start
                       for m in self.mentions_of(doc, other, context)
                       if m.role in ("locative", "other") and m.entry.precision == want and m.entry.country]
            if earlier:
                return with_basis(earlier[-1].to_place(), "document")
        return None

    def finer_of_sentence(self, doc: Doc, event: EventMention, context: DocPlaces, place: Place | None) -> Place | None:
        """A place of country precision, where the event's sentence also names a city or a subdivision of that
        country ("detain students blocking Belgrade bridge", "police in Uganda arrested ... at a rally in
        Kampala", "in Syria's Manbij"), is that finer place (``basis`` ``sentence``): the first one named as
        a place, else the first one named at all, not as a party. Headlines and one-line items name the
        country beside the town, and the country alone says less than the text does."""
        if place is None or not place.country or not (place.precision == "country" or whole_country_part(place)):
            return place
        sentence = sentence_of(doc, event.evidence)
        if sentence is None:
            return place
        limit = FINER[place.precision]
        finer = [m for m in self.mentions_of(doc, sentence, context) if m.role != "actor"
                 and m.entry.country == place.country and FINER.get(m.entry.precision, 9) < limit]
        if not finer:
            return place
        best = next((m for m in finer if m.role == "locative"), finer[0])
        return with_basis(best.entry.to_place(), "sentence")

    def paragraph_place(self, doc: Doc, event: EventMention, context: DocPlaces) -> Place | None:
        """For an event that happened and whose sentence names no place: a place its paragraph names as a
        place ("in X"), the nearest sentence before it first, then after it (``basis`` ``paragraph``)."""
        if event.status not in FALLBACK_STATUSES:
            return None
        sentence = sentence_of(doc, event.evidence)
        if sentence is None:
            return None
        for other in paragraph_neighbours(doc, sentence):
            found = [m for m in self.mentions_of(doc, other, context) if m.role == "locative"]
            if found:
                return with_basis(found[0].entry.to_place(), "paragraph")
        return None

    def stated_place(self, doc: Doc, event: EventMention, context: DocPlaces) -> Place | None:
        """The place the event's sentence gives it, else the dateline's for an event that happened."""
        placed = self.sentence_place(doc, event, context)
        if placed is not None:
            return placed
        if event.status in FALLBACK_STATUSES and context.dateline is not None:
            return context.dateline.to_place()
        return None

    def fallback_place(self, doc: Doc, event: EventMention, context: DocPlaces) -> Place | None:
        """An event that happened and whose text gives no place is where the article happens."""
        if event.status not in FALLBACK_STATUSES:
            return None
        fallback = self.dominant_place(doc, context, attacker=attacker_country(event))
        return with_basis(fallback.to_place(), "document") if fallback else None

    # ------------------------------------------------------------ document level

    def document_places(self, doc: Doc, dateline: str | None) -> DocPlaces:
        context = DocPlaces(votes=self.country_votes(doc))
        if dateline:
            context.dateline = self.gazetteer.dateline_place(dateline, votes=context.votes)
            if context.dateline is not None and context.dateline.country:
                context.votes[context.dateline.country] += 2
        return context

    def mentions_of(self, doc: Doc, sentence: Span, context: DocPlaces) -> list[PlaceMention]:
        """The sentence's place mentions, computed once per document."""
        key = sentence.start_char
        if key not in context.by_sentence:
            context.by_sentence[key] = sentence_places(doc, sentence, self.gazetteer, context.votes)
        return context.by_sentence[key]

    def country_votes(self, doc: Doc) -> Counter[str]:
        """Countries named in the document: a country or demonym counts 1, another place 0.5."""
        votes: Counter[str] = Counter()
        for ent in doc.ents:
            if ent.label_ in WEAK_LABELS and ent.label_ != "NORP":
                self.weak_vote(ent, votes)
                continue
            if ent.label_ not in VOTE_LABELS:
                continue
            code = self.gazetteer.demonym_country(ent.text) if ent.label_ == "NORP" else None
            entry = None if ent.label_ == "NORP" else self.shared_free(ent.text)
            if code:
                votes[code] += 1
            elif entry is not None and entry.country:
                votes[entry.country] += 1 if entry.kind == "country" else 0.5
        return votes

    def shared_free(self, name: str) -> GazEntry | None:
        """The best entry for ``name``, unless two countries share it ("Congo"): such a name votes for
        neither; the rest of the document decides which it is."""
        ranked = self.gazetteer.ranked(name)
        if len(ranked) > 1 and ranked[0].kind == ranked[1].kind == "country" and ranked[0].country != ranked[1].country:
            return None
        return ranked[0] if ranked else None

    def weak_vote(self, ent: Span, votes: Counter[str]) -> None:
        """A name the small model calls a person or organisation but that stands as a place ("near Goma",
        tagged PERSON) votes 0.5 for the country of the city it names."""
        if role_of(climb(ent.root)) != "locative" or is_common_word(ent.text):
            return
        entry = self.gazetteer.best(ent.text)
        if entry is not None and entry.kind == "city" and entry.country:
            votes[entry.country] += 0.5

    def dominant_place(self, doc: Doc, context: DocPlaces, attacker: str | None = None) -> GazEntry | None:
        """Where the article happens: the country most often named as a place ("in Iraq", not "US troops";
        the country votes if none is), then the first city of that country named as a place. The
        ``attacker``'s country does not vote: "Russian missiles struck the town" is not an attack in Russia."""
        locatives = [m.entry for sentence in doc.sents for m in self.mentions_of(doc, sentence, context)
                     if m.role == "locative" and m.entry.country]
        counts = Counter(e.country for e in locatives) or Counter(
            {code: n for code, n in context.votes.items() if code != attacker})
        if not counts:
            return None
        country = counts.most_common(1)[0][0]
        city = next((e for e in locatives if e.country == country and e.precision == "city"), None)
        return city or self.gazetteer.country(country)
