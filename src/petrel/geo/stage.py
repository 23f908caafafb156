"""The ``places`` stage: each event's location, resolved in the gazetteer.

Choice, in order (``docs/time-and-place.md`` has the full story):

1. A place in the event's sentence that is *locative* ("in/at/near/across/inside ...") and hangs on the
   trigger's words without crossing into another clause, nearest in the parse tree first.
2. A locative place of the sentence in another clause; then another place (an object: "attack
   Lebanon") attached, then anywhere in the sentence. Actors are never places ("Iraq said",
   "Iraq's parliament"), nor are a noun's modifiers ("US troops").
3. For ``actual`` and ``claimed`` events with no place in the sentence: the article's dateline, else
   its dominant place: the country most often named as a place, narrowed to the first city of that
   country named as a place, if any. An attacker's own country never places its attack by votes alone.

Homonyms ("Tripoli") are ranked by the gazetteer with the document's country votes: every country
or demonym named anywhere in the article votes 1, other places 0.5 for their country, the dateline 2.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from petrel.coding.unnamed import UNKNOWN_AGENT_RULE, UNKNOWN_ATTACKER
from petrel.config import Settings
from petrel.dates.evidence import CLAUSE_ARCS, path_arcs, sentence_of, trigger_token
from petrel.geo.gazetteer import Gazetteer
from petrel.geo.mentions import PlaceMention, sentence_places
from petrel.geo.sources import GazEntry
from petrel.models import ActorRef, EventMention, Place

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from petrel.state import DocState

log = logging.getLogger(__name__)

FALLBACK_STATUSES = frozenset({"actual", "claimed"})
VOTE_LABELS = frozenset({"GPE", "LOC", "FAC", "NORP"})
ATTACK_TYPES = frozenset({"ASSAULT"})


@dataclass
class DocPlaces:
    """What the stage learns about one document before placing its events."""

    votes: Counter[str] = field(default_factory=Counter)
    dateline: GazEntry | None = None
    by_sentence: dict[int, list[PlaceMention]] = field(default_factory=dict)  # sentence start -> mentions


def locate_unknown_source(event: EventMention, place: Place | None) -> None:
    """An unidentified perpetrator ("a roadside bomb near Samarra killed a soldier", rule ``unknown-agent``)
    is known by where it struck, like ACLED's "Unidentified Armed Group (Iraq)": it takes the country of
    the place its sentence or dateline gives (not the article's dominant place), with resolution ``place``.
    The CAMEO-derived PLOVER gold codes such actors so too."""
    source = event.source
    if place is None or not place.country or source.country or UNKNOWN_AGENT_RULE not in event.rule:
        return
    if source.name == UNKNOWN_ATTACKER.name:
        event.source = replace(source, country=place.country, sector=list(source.sector), resolution="place")


# a phrase that says its party is not of the place ("foreign troops", "a Saudi-led coalition jet")
FOREIGN_WORDS = frozenset({"foreign", "international", "coalition", "western", "multinational", "allied",
                           "overseas", "peacekeeping", "peacekeepers", "-led", "-backed"})
# sectors whose unowned members belong where they act; armed forces may be anybody's when no place is said
DOMESTIC_SECTORS = frozenset({"CVL", "COP", "GOV", "REB", "OPP", "PTY", "BUS", "LAB", "EDU", "JUD", "LEG", "REL",
                              "MED", "HLH", "AGR", "INS", "CRM", "REF", "SPY"})


def locate_sector_parties(event: EventMention, stated: Place | None, fallback: Place | None) -> None:
    """A party known only by what it is ("regime forces", "demonstrators", "four farmers": sectors, neither a
    country nor a knowledge-base id) belongs to the country of the event's stated place (its sentence, else
    the dateline), else, for domestic sectors (not armed forces), of the event's fallback place or the
    story's place (the article's dominant country, also for past and planned events). Its text stays as written; the resolution becomes ``place``. A phrase that says it is
    foreign ("foreign troops", "coalition jets") takes no country from the place."""
    for role in ("source", "target"):
        party = getattr(event, role)
        if not _sector_only(party):
            continue
        place = stated if stated is not None and stated.country else None
        if place is None and fallback is not None and fallback.country and DOMESTIC_SECTORS.intersection(party.sector):
            place = fallback
        if place is None:
            continue
        if role == "target" and event.source is not None and event.source.country == place.country \
                and set(event.source.sector) == set(party.sector):
            continue  # "regime forces clashed with other forces": no party against itself
        setattr(event, role, replace(party, country=place.country, sector=list(party.sector), resolution="place"))


def _sector_only(party) -> bool:  # noqa: ANN001 - ActorRef | None
    if party is None or party.country or party.actor_id or not party.sector:
        return False
    words = party.name.lower()
    return not any(w in words for w in FOREIGN_WORDS)


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
    return min(ranked, key=lambda r: r[0])[1] if ranked else None


class PlaceStage:
    """Sets ``event.place`` from the event's sentence, the dateline or the article's dominant place, and
    the country of an unidentified perpetrator from that place (see :func:`locate_unknown_source`)."""

    name = "places"
    reads = ("doc", "article.dateline", "events")
    adds = ("event.place", "the country of unidentified attackers and of parties known only by their sector")

    def __init__(self, settings: Settings | None, gazetteer: Gazetteer) -> None:
        self.settings = settings or Settings()
        self.gazetteer = gazetteer

    def __call__(self, state: DocState) -> None:
        if not state.events:
            return
        context = self.document_places(state)
        story: Place | None | bool = False  # the story's place, looked up once when a party needs it
        for event in state.events:
            stated = self.stated_place(state.doc, event, context)
            fallback = None if stated else self.fallback_place(state.doc, event, context)
            event.place = stated or fallback
            locate_unknown_source(event, stated)
            if self.settings.sector_actors and (_sector_only(event.source) or _sector_only(event.target)):
                if story is False:
                    entry = self.dominant_place(state.doc, context)
                    story = entry.to_place() if entry is not None else None
                locate_sector_parties(event, stated, fallback or story)
            if self.settings.sector_actors:
                self.address_protest(event, stated)

    def address_protest(self, event: EventMention, stated: Place | None) -> None:
        """"Demonstrators marched through central Nairobi": a protest that names nobody it is against is
        addressed to the government of the country where its sentence (or dateline) places it, as PLOVER and
        CAMEO code protests (rule ``protested-government<``; the coder does the same where an actor mention
        names the place). A government does not protest at its own."""
        target = event.target  # a bare place name the coder took for a party ("blocked roads near Lyon") is none
        if event.type != "PROTEST" or stated is None or not stated.country:
            return
        if target is not None and target.name != stated.name and (target.country or target.actor_id or target.sector):
            return
        if event.source.country == stated.country and {"GOV", "MIL", "COP"} & set(event.source.sector):
            return
        entry = self.gazetteer.country(stated.country)
        name = f"government of {entry.name if entry is not None else stated.country}"
        event.target = ActorRef(name, None, stated.country, ["GOV"], "place")
        event.rule = f"protested-government<{event.rule}"

    def stated_place(self, doc: Doc, event: EventMention, context: DocPlaces) -> Place | None:
        """The place the event's sentence gives it, else the dateline's for an event that happened."""
        sentence = sentence_of(doc, event.evidence)
        if sentence is not None:
            mentions = self.mentions_of(doc, sentence, context)
            chosen = choose_place(mentions, trigger_token(doc, event.evidence, sentence))
            if chosen is not None:
                return chosen.entry.to_place()
        if event.status in FALLBACK_STATUSES and context.dateline is not None:
            return context.dateline.to_place()
        return None

    def fallback_place(self, doc: Doc, event: EventMention, context: DocPlaces) -> Place | None:
        """An event that happened and whose text gives no place is where the article happens."""
        if event.status not in FALLBACK_STATUSES:
            return None
        fallback = self.dominant_place(doc, context, attacker=attacker_country(event))
        return fallback.to_place() if fallback else None

    # ------------------------------------------------------------ document level

    def document_places(self, state: DocState) -> DocPlaces:
        context = DocPlaces(votes=self.country_votes(state.doc))
        if state.article.dateline:
            context.dateline = self.gazetteer.best(state.article.dateline, votes=context.votes)
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
            if ent.label_ not in VOTE_LABELS:
                continue
            code = self.gazetteer.demonym_country(ent.text) if ent.label_ == "NORP" else None
            entry = None if ent.label_ == "NORP" else self.gazetteer.best(ent.text)
            if code:
                votes[code] += 1
            elif entry is not None and entry.country:
                votes[entry.country] += 1 if entry.kind == "country" else 0.5
        return votes

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
