"""The knowledge base: actors, country terms and agent nouns, with their lookups built once.

::

    kb = load_knowledge_base(settings)
    kb.get("kataib-hezbollah")            # Actor by id (None if unknown); kb["..."] raises KeyError
    kb.match("Kata’ib Hizballah")         # Actor by any normalised alias
    kb.fuzzy_match("Hashd al -haabi")     # near spellings of multi-word names
    kb.country_for_term("Iraq's")         # "IRQ" (names, demonyms, capitals, regions)
    kb.fuzzy_country_term("Afganistan")   # CountryTerm("AFG", "country")
    kb.country_term("Baghdad")            # CountryTerm("IRQ", "capital")
    kb.sectors_for_noun("troops")         # ["MIL"]
    kb.role_at(actor, date(2019, 1, 28))  # the Role held that day, or None
    kb.entity_ruler_patterns()            # patterns for spaCy's entity_ruler
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime
from typing import Any

from petrel.kb.countries import CountryEntry, display_name, term_index
from petrel.kb.normalise import normalise, surface_variants, tokens_of
from petrel.kb.records import Actor, CountryTerm, Role
from petrel.kb.spelling import is_misspelling

ENTITY_LABELS: dict[str, str] = {"person": "PERSON", "organisation": "ORG", "igo": "ORG", "place": "FAC"}
COUNTRY_LABELS: dict[str, str] = {"country": "GPE", "capital": "GPE", "demonym": "NORP", "region": "GPE"}
COUNTRY_ID_PREFIX = "country:"
When = date | datetime | None


class KnowledgeBase:
    """Read-only lookups over actors, countries and agent nouns. Build with :func:`load_knowledge_base`."""

    def __init__(self, actors: Iterable[Actor], countries: Mapping[str, CountryEntry],
                 agents: Mapping[str, Iterable[str]], person_nouns: Iterable[str] = ()) -> None:
        self._actors: dict[str, Actor] = {a.id: a for a in actors}
        self.source_key: str | None = None  # the cache key of the files it was built from (load_knowledge_base)
        self._countries = dict(countries)
        self._country_terms = term_index(self._countries)
        self._country_by_first = _first_letter_index(k for k, t in self._country_terms.items() if t.kind == "country")
        self._aliases = self._alias_index()
        self._by_first = self._first_word_index()
        self._surnames = self._surname_index()
        self._agents = _agent_index(agents)
        self._person_nouns = frozenset(normalise(n) for n in person_nouns)
        self._noun_memo: dict[str, tuple[str, ...]] = {}  # surface word -> sectors, filled as words are met
        self._person_memo: dict[str, bool] = {}

    # -- actors ---------------------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._actors)

    def __iter__(self) -> Iterator[Actor]:
        return iter(self._actors.values())

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._actors

    def __getitem__(self, actor_id: str) -> Actor:
        return self._actors[actor_id]

    def get(self, actor_id: str) -> Actor | None:
        return self._actors.get(actor_id)

    def match(self, name: str) -> Actor | None:
        """The actor one of whose names normalises like ``name`` (places excluded), else None."""
        actor_id = self._aliases.get(normalise(name))
        actor = self._actors.get(actor_id) if actor_id else None
        return actor if actor is not None and actor.kind != "place" else None

    def fuzzy_match(self, name: str, *, threshold: float = 0.88) -> Actor | None:
        """Exact match, else the closest multi-word name sharing the first word (ratio >= threshold)."""
        exact = self.match(name)
        key = normalise(name)
        if exact is not None or len(key) < 6 or " " not in key:
            return exact
        scored = [(difflib.SequenceMatcher(None, key, cand).ratio(), cand) for cand in self._by_first[key.split()[0]]]
        best = max(scored, default=(0.0, ""))
        return self.match(best[1]) if best[0] >= threshold else None

    def persons_by_surname(self, surname: str) -> list[Actor]:
        """Persons whose name ends with ``surname`` ("Salih" -> Barham Salih, Ali Abdullah Saleh is not)."""
        return [self._actors[i] for i in self._surnames.get(normalise(surname), ())]

    def names_starting_with(self, word: str) -> list[str]:
        """Normalised multi-word names whose first word is ``word`` (for fuzzy scans)."""
        return list(self._by_first.get(normalise(word), ()))

    # -- countries ------------------------------------------------------------------------------------
    def country_term(self, term: str) -> CountryTerm | None:
        """What a country word means ("Iraq's", "Iraqi", "Baghdad", "U.S."), else None."""
        return self._country_terms.get(normalise(term))

    def fuzzy_country_term(self, term: str, *, threshold: float = 0.85) -> CountryTerm | None:
        """Exact country term, else a misspelt country name ("Ethopia", "Afganistan") of five letters or more.

        Another place name that looks like a country ("Lagos", "Portland") is not one: see
        :func:`petrel.kb.spelling.is_misspelling`.
        """
        exact = self.country_term(term)
        key = normalise(term)
        if exact is not None or len(key) < 5:
            return exact
        names = [n for n in self._country_by_first.get(key[0], ()) if is_misspelling(key, n)]
        best = max(((difflib.SequenceMatcher(None, key, n).ratio(), n) for n in names), default=(0.0, ""))
        return self._country_terms[best[1]] if best[0] >= threshold else None

    def country_for_term(self, term: str) -> str | None:
        found = self.country_term(term)
        return found.code if found else None

    def country_name(self, code: str) -> str:
        """Everyday name of a country code ("IRQ" -> "Iraq"); the code itself when unknown."""
        entry = self._countries.get(code)
        return display_name(entry) if entry else code

    @property
    def country_codes(self) -> list[str]:
        return sorted(self._countries)

    # -- agent nouns ----------------------------------------------------------------------------------
    def sectors_for_noun(self, lemma: str) -> list[str]:
        """Sector codes an agent noun implies ("troops" -> ["MIL"], "lawmakers" -> ["LEG"]), else []."""
        found = self._noun_memo.get(lemma)
        if found is None:
            key = normalise(lemma)
            found = self._agents.get(key) or self._agents.get(_singular(key), ())
            self._noun_memo[lemma] = found
        return list(found)

    def is_person_noun(self, lemma: str) -> bool:
        """True for nouns naming one office holder or spokesperson ("president", "spokesman")."""
        found = self._person_memo.get(lemma)
        if found is None:
            key = normalise(lemma)
            found = self._person_memo[lemma] = key in self._person_nouns or _singular(key) in self._person_nouns
        return found

    # -- roles ----------------------------------------------------------------------------------------
    def role_at(self, actor: Actor, when: When = None) -> Role | None:
        """The role ``actor`` held on ``when`` (latest start wins); with no date, the current one."""
        day = when.date() if isinstance(when, datetime) else when
        if day is None:
            current = [r for r in actor.roles if r.end is None]
            return max(current, key=_start_key, default=None)
        valid = [r for r in actor.roles if r.valid_at(day)]
        return max(valid, key=_start_key, default=None)

    def profile_at(self, actor: Actor, when: When = None) -> tuple[str | None, list[str]]:
        """Country and sectors of an actor on a date: from its role if it held one, else its own."""
        role = self.role_at(actor, when)
        if role is None:
            return actor.country, list(actor.sectors)
        return role.country or actor.country, list(role.sectors) or list(actor.sectors)

    # -- spaCy ----------------------------------------------------------------------------------------
    def entity_ruler_patterns(self, *, case_sensitive: bool | None = None) -> list[dict[str, Any]]:
        """Phrase patterns for every actor alias and country term, ``id`` = actor id or ``country:XXX``.

        One-word names are case-sensitive (so "US" does not match "us", "Chad" not "chad") and meant for a
        ruler matching ORTH; multi-word names are lower-cased for a ruler matching LOWER. ``case_sensitive``
        selects one group; None returns both.
        """
        patterns = [*self._actor_patterns(), *self._country_patterns()]
        if case_sensitive is None:
            return patterns
        return [p for p in patterns if (" " not in p["pattern"]) == case_sensitive]

    def _actor_patterns(self) -> Iterator[dict[str, Any]]:
        for actor in self._actors.values():
            label = ENTITY_LABELS.get(actor.kind, "ORG")
            for alias in actor.names:
                yield from _phrase_patterns(alias, label, actor.id)

    def _country_patterns(self) -> Iterator[dict[str, Any]]:
        for entry in self._countries.values():
            for term, kind in entry.terms():
                if "," not in term:  # "Iran, Islamic Republic of" never appears in running text
                    yield from _phrase_patterns(term, COUNTRY_LABELS[kind], COUNTRY_ID_PREFIX + entry.code)

    # -- index building -------------------------------------------------------------------------------
    def _alias_index(self) -> dict[str, str]:
        """Normalised name -> actor id. Aliases first, then canonical names, so a name beats an alias."""
        index: dict[str, str] = {}
        for actor in self._actors.values():
            index.update({normalise(a): actor.id for a in actor.aliases if normalise(a)})
        for actor in self._actors.values():
            index[normalise(actor.name)] = actor.id
        return index

    def _surname_index(self) -> dict[str, list[str]]:
        index: defaultdict[str, list[str]] = defaultdict(list)
        for actor in self._actors.values():
            words = normalise(actor.name).split()
            if actor.kind == "person" and len(words) > 1:
                index[words[-1]].append(actor.id)
        return dict(index)

    def _first_word_index(self) -> defaultdict[str, list[str]]:
        index: defaultdict[str, list[str]] = defaultdict(list)
        for key in self._aliases:
            if " " in key:
                index[key.split()[0]].append(key)
        return index


def _phrase_patterns(alias: str, label: str, pattern_id: str) -> Iterator[dict[str, Any]]:
    for form in surface_variants(alias):
        if " " in form:
            yield {"label": label, "pattern": form.lower(), "id": pattern_id}
            continue
        yield {"label": label, "pattern": form, "id": pattern_id}
        if form.upper() != form and len(tokens_of(form)) == 1:
            yield {"label": label, "pattern": form.upper(), "id": pattern_id}


def _agent_index(agents: Mapping[str, Iterable[str]]) -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = defaultdict(list)
    for sector, nouns in agents.items():
        for noun in nouns:
            index[normalise(noun)].append(sector)
    return {noun: tuple(dict.fromkeys(sectors)) for noun, sectors in index.items()}


def _first_letter_index(keys: Iterable[str]) -> dict[str, list[str]]:
    index: defaultdict[str, list[str]] = defaultdict(list)
    for key in keys:
        index[key[0]].append(key)
    return dict(index)


def _singular(word: str) -> str:
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _start_key(role: Role) -> date:
    return role.start or date.min
