"""The ``actors`` stage: every span of an article that names an actor becomes an :class:`ActorMention`."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from typing import TYPE_CHECKING

from petrel.actors.antecedents import renamed_groups
from petrel.actors.coref import Coreference
from petrel.actors.focus import PlaceCountry, apply_focus, country_context, focus_country
from petrel.actors.found import Found
from petrel.actors.generic import generic_names
from petrel.actors.offices import placed_institutions, untitled_offices, with_office_countries
from petrel.actors.phrases import phrase_bounds
from petrel.actors.residents import people_of_towns
from petrel.actors.resolver import DocResolver
from petrel.config import Settings
from petrel.models import ActorMention, ActorRef

if TYPE_CHECKING:
    from petrel.kb import KnowledgeBase
    from petrel.state import DocState


class ActorStage:
    """Reads ``state.doc`` and ``state.article``; appends to ``state.mentions``.

    Resolution order: knowledge base ("kb"), countries and demonyms ("country", "demonym"), actors
    described in the text ("context"), the document's focus country for unowned domestic phrases
    ("context", see :mod:`petrel.actors.focus`), offices of state the text leaves without a country
    ("context", see :mod:`petrel.actors.offices`), pronouns and definite noun phrases ("coref"); a phrase
    with an agent noun but no owner otherwise stays "unresolved" with its sector.
    """

    name = "actors"
    reads = ("doc", "article")
    adds = ("mentions",)

    def __init__(self, settings: Settings, kb: KnowledgeBase, *, use_focus_country: bool | None = None,
                 focus_subjects_only: bool | None = None, place_country: PlaceCountry | None = None,
                 town_country: PlaceCountry | None = None) -> None:
        """``settings.focus_country`` says which unowned domestic phrases ("militants") take the document's
        focus country: ``off``, ``subjects`` (the default: clause subjects and phrases whose own sentence names
        the focus country as a place) or ``all``. The keyword arguments override it. Measured (seeds P/R,
        PLOVER source/target country accuracy): no focus 0.658/0.793, 0.735/0.524; every unowned phrase
        0.619/0.828, 0.745/0.542; the narrow rule 0.650/0.828, 0.745/0.542, so that is the default.
        """
        self.settings = settings
        self.kb = kb
        self.place_country = place_country  # gazetteer lookup for the focus country ("near Monguno" -> NGA)
        self.town_country = town_country  # stricter lookup for institutions named after a town ("Delhi Police")
        mode = settings.focus_country
        self.use_focus_country = mode != "off" if use_focus_country is None else use_focus_country
        self.focus_subjects_only = mode != "all" if focus_subjects_only is None else focus_subjects_only
        self._genders = {a.id: a.gender for a in kb if a.gender}

    def __call__(self, state: DocState) -> None:
        article = state.article
        state.mentions.extend(self.mentions(state.doc, doc_id=article.doc_id, published=article.published,
                                            dateline=article.dateline))

    def _one_congo(self, doc, found: list[Found]) -> list[Found]:
        """"Congo" in a story about Goma and Kinshasa is the DRC: the bare name (which the knowledge base
        reads as the Republic of the Congo) takes the country the document's other Congo evidence names."""
        if not any(f.ref.country == "COG" for f in found):
            return found
        drc, republic = _congo_votes(doc, found, self.place_country)
        if drc <= republic:
            return found
        name = self.kb.country_name("COD")
        return [replace(f, ref=replace(f.ref, country="COD", name=name if f.ref.name == self.kb.country_name("COG")
                                        else f.ref.name)) if f.ref.country == "COG" and not f.ref.actor_id else f
                for f in found]

    def mentions(self, doc, *, doc_id: str, published: date | datetime | None = None,
                 dateline: str | None = None) -> list[ActorMention]:
        """The actor mentions of a parsed document, in text order."""
        when = published.date() if isinstance(published, datetime) else published
        resolver = DocResolver(doc, self.kb, when)
        found = placed_institutions(doc, resolver.run(), self.kb, self.town_country)
        found = people_of_towns(doc, found, self.town_country, lambda name: self.kb.match(name) is not None)
        focus = focus_country(doc, self.kb, dateline, self.place_country) if self.use_focus_country else None
        if focus is not None:
            found = generic_names(doc, found, self.kb, focus)
            found = apply_focus(found, focus, subjects_only=self.focus_subjects_only, doc=doc)
        context = country_context(doc, found, focus)
        found = with_office_countries(doc, found, context)
        found += untitled_offices(doc, self.kb, found, context, when)
        found = renamed_groups(doc, self._one_congo(doc, found))  # "the Palestinian militant group": Hamas
        found += Coreference(doc, self.kb, found, {**self._genders, **resolver.genders}, when, focus).run()
        found = [_capped(doc, f) for f in found]
        return [_to_mention(doc, f, doc_id) for f in sorted(found, key=lambda f: (f.start, f.end))]


CONGO_NAMES = frozenset({"congo", "the congo"})


def _congo_votes(doc, found: list[Found], place_country: PlaceCountry | None) -> tuple[int, int]:
    """(DRC, Republic of the Congo) evidence in a document: places of each named as such (Goma, Kinshasa,
    Brazzaville) and actors already resolved to each, leaving out the bare name "Congo" itself."""
    votes = {"COD": 0, "COG": 0}
    for ent in doc.ents:
        if ent.label_ in ("GPE", "LOC") and ent.text.lower() not in CONGO_NAMES and place_country is not None:
            code = place_country(ent.text)
            if code in votes:
                votes[code] += 1
    for f in found:
        if f.ref.country in votes and doc[f.start:f.end].text.lower().removesuffix("'s") not in CONGO_NAMES:
            votes[f.ref.country] += 1
    return votes["COD"], votes["COG"]


def _capped(doc, found: Found) -> Found:
    """The mention cut to its noun phrase (see :func:`petrel.actors.phrases.phrase_bounds`)."""
    start, end = phrase_bounds(doc, found.start, found.end, found.head)
    return found if (start, end) == (found.start, found.end) else replace(found, start=start, end=end)


def _to_mention(doc, found: Found, doc_id: str) -> ActorMention:
    span = doc[found.start:found.end]
    return ActorMention(doc_id, span.start_char, span.end_char, span.text, found.ref)


def actors_in_doc(state: DocState) -> list[ActorRef]:
    """The distinct actors of a document (by id, else by country, sectors and name), first mention first.

    Phrases with neither an id nor a country ("troops" alone) are left out: they identify no actor.
    """
    seen: dict[tuple, ActorRef] = {}
    for mention in state.mentions:
        ref = mention.actor
        if not ref.actor_id and not ref.country:
            continue
        key = (ref.actor_id,) if ref.actor_id else (ref.country, tuple(ref.sector), ref.name.lower())
        seen.setdefault(key, ref)
    return list(seen.values())
