"""Actor and country specs as people type them, resolved against the store, with suggestions.

An *actor spec* (``actor``, ``source``, ``target``, a dyad side) may be an actor id (``SDN_RSF``), an
actor name or alias (``Rapid Support Forces``, ``RSF``), a country code (``IRQ``, ``IQ``) or a country
name or demonym (``Iraq``, ``Iraqi``). Case, accents and punctuation do not count (``Cote d'Ivoire``
finds ``Côte d'Ivoire``): both sides are folded with :func:`petrel.kb.normalise.normalise`. A *country
spec* (``country``) is a country code, name or demonym.

A spec that matches nothing (no actor, no country, no event carrying that name) is a
:class:`QueryError` that says so and offers the closest actor and country names (``difflib``), so a
typo is not silently an empty result::

    no actor matches 'Mozambik' (actor); did you mean MOZ (Mozambique)?

``detail["params"]`` names the parameter, so an edge can put the flag the user typed in its place
(:func:`relabel`).
"""

from __future__ import annotations

import difflib
import re
import string
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import duckdb

from petrel.errors import QueryError
from petrel.kb.countries import CountryEntry, display_name, merge_supplement, pycountry_entries
from petrel.kb.loader import read_yaml
from petrel.kb.normalise import normalise

COUNTRIES_FILE = Path(__file__).resolve().parents[1] / "data" / "kb" / "countries.yaml"
_CODE = re.compile(r"[A-Za-z]{2,3}")
MAX_SUGGESTIONS = 3


def fold(text: str) -> str:
    """The comparison key of a name: no case, accents, punctuation or leading article."""
    return normalise(text)


# -- countries --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CountryIndex:
    """Country codes by folded name, demonym and code (ISO alpha-2 and alpha-3), with display names."""

    by_term: Mapping[str, str]
    names: Mapping[str, str]

    def code(self, spec: str) -> str | None:
        return self.by_term.get(fold(spec))

    def label(self, code: str) -> str:
        name = self.names.get(code)
        return f"{code} ({name})" if name else code


@lru_cache(maxsize=1)
def country_index() -> CountryIndex:
    """pycountry's countries plus petrel's supplement (short names, demonyms); built once."""
    import pycountry

    entries: dict[str, CountryEntry] = pycountry_entries()
    merge_supplement(entries, read_yaml(COUNTRIES_FILE).get("countries") or {})
    by_term: dict[str, str] = {}
    for entry in entries.values():
        for term in [*entry.names, *entry.demonyms]:
            by_term.setdefault(fold(term), entry.code)
    codes = [(c.alpha_2, c.alpha_3) for c in pycountry.countries] + [(code, code) for code in entries]
    for code, alpha_3 in codes:  # a code wins over a name that folds the same
        if fold(code):  # "AL" folds to nothing (an article)
            by_term[fold(code)] = alpha_3
    return CountryIndex(by_term=by_term, names={c: display_name(e) for c, e in entries.items()})


# -- actors -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ActorIndex:
    """The store's ``actors`` table as lookups: ids, folded names and aliases -> ids, id -> name."""

    ids: frozenset[str]
    by_key: Mapping[str, tuple[str, ...]]
    names: Mapping[str, str]
    countries: frozenset[str]

    @classmethod
    def read(cls, con: duckdb.DuckDBPyConnection) -> ActorIndex:
        rows = con.cursor().execute("SELECT actor_id, name, aliases, country FROM actors").fetchall()
        by_key: dict[str, list[str]] = {}
        for actor_id, name, aliases, _ in rows:
            for term in {name, *(aliases or [])}:
                key = fold(term or "")
                if key and actor_id not in by_key.setdefault(key, []):
                    by_key[key].append(actor_id)
        return cls(ids=frozenset(r[0] for r in rows), by_key={k: tuple(v) for k, v in by_key.items()},
                   names={r[0]: r[1] for r in rows}, countries=frozenset(r[3] for r in rows if r[3]))


@dataclass(frozen=True, slots=True)
class SideSpec:
    """What one actor spec matches: actor ids, country codes and (always) the name as typed.

    ``id_only`` marks a spec that is exactly a known actor id and cannot be a country code: the query
    then compares ids alone (the cheap path on a large table).
    """

    text: str
    actor_ids: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    id_only: bool = False


def resolve_actor(con: duckdb.DuckDBPyConnection, spec: str, index: ActorIndex, *,
                  param: str = "actor") -> SideSpec:
    """What ``spec`` means on one side of an event; a :class:`QueryError` with suggestions if nothing."""
    text = spec.strip()
    if text in index.ids and not _CODE.fullmatch(text):
        return SideSpec(text, actor_ids=(text,), id_only=True)
    ids = list(index.by_key.get(fold(text), ()))
    if text in index.ids and text not in ids:
        ids.insert(0, text)
    countries = _country_codes(text, index)
    if ids or countries or _name_in_events(con, text):
        return SideSpec(text, actor_ids=tuple(ids), countries=tuple(countries))
    known = _knowledge_base_ids(text)
    if known:  # an actor petrel knows that this store has no event of, or a surname
        return SideSpec(text, actor_ids=known)
    raise _no_match("actor", text, param, suggest(text, index))


def resolve_country(spec: str, index: ActorIndex | None = None, *, param: str = "country") -> str:
    """The country code ``spec`` names (code, name or demonym), or a :class:`QueryError` with suggestions."""
    codes = _country_codes(spec.strip(), index)
    if codes:
        return codes[0]
    raise _no_match("country", spec.strip(), param, suggest(spec, None))


def _country_codes(text: str, index: ActorIndex | None) -> list[str]:
    found = country_index().code(text)
    if found:
        return [found]
    if _CODE.fullmatch(text) and index is not None and text.upper() in index.countries:
        return [text.upper()]  # a code the knowledge base uses that is not ISO (IGO, ...)
    return []


@lru_cache(maxsize=1)
def _knowledge_base() -> Any:
    from petrel.kb import load_knowledge_base

    return load_knowledge_base()


def _knowledge_base_ids(text: str) -> tuple[str, ...]:
    """Ids of the knowledge-base actor named ``text`` (name or alias), else of persons with that surname."""
    kb = _knowledge_base()
    actor = kb.match(text)
    if actor is not None:
        return (actor.id,)
    return tuple(a.id for a in kb.persons_by_surname(text))


def _name_in_events(con: duckdb.DuckDBPyConnection, text: str) -> bool:
    """Whether some event names this side as typed (an actor the knowledge base does not know)."""
    row = con.cursor().execute(
        "SELECT 1 FROM events WHERE lower(source_name) = lower(?) OR lower(target_name) = lower(?) LIMIT 1",
        [text, text]).fetchone()
    return row is not None


def suggest(text: str, index: ActorIndex | None, limit: int = MAX_SUGGESTIONS) -> list[str]:
    """The closest country and actor names to ``text``, labelled ``CODE (Name)`` / ``Name (ID)``."""
    key = fold(text)
    countries = country_index()
    labels: dict[str, str] = {}
    for term in difflib.get_close_matches(key, list(countries.by_term), n=limit, cutoff=0.7):
        code = countries.by_term[term]
        labels.setdefault(countries.label(code), term)
    if index is not None:
        for term in difflib.get_close_matches(key, list(index.by_key), n=limit, cutoff=0.7):
            for actor_id in index.by_key[term][:1]:
                labels.setdefault(f"{index.names.get(actor_id, actor_id)} ({actor_id})", term)
    ranked = sorted(labels, key=lambda label: -difflib.SequenceMatcher(None, key, labels[label]).ratio())
    return ranked[:limit]


def _no_match(what: str, text: str, param: str, suggestions: list[str]) -> QueryError:
    hint = f"; did you mean {_or(suggestions)}?" if suggestions else ""
    template = f"no {what} matches {literal(text)} ({{{param}}}){_literal(hint)}"
    return param_error(template, suggestions=suggestions)


def literal(value: Any) -> str:
    """``repr(value)`` made safe inside a :func:`param_error` template (a user's value may hold braces)."""
    return _literal(repr(value))


def _literal(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")


def _or(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


# -- labels at the edges ----------------------------------------------------------------------


def param_error(template: str, **detail: Any) -> QueryError:
    """A :class:`QueryError` whose message names parameters as ``{name}`` fields of ``template``.

    The message reads with the library's names (``date_from``); :func:`relabel` rewrites it with the
    names an edge uses (``--from``), from the same template, so no other word of the message changes.
    """
    names = [name for _, name, _, _ in string.Formatter().parse(template) if name]
    exc = QueryError(template.format(**{n: n for n in names}), params=names, **detail)
    exc.template = template  # type: ignore[attr-defined]
    return exc


def relabel(exc: QueryError, labels: Mapping[str, str]) -> QueryError:
    """The same error with the parameters it names called as the user typed them.

    ``labels`` maps library names to the edge's names (``{"date_from": "--from"}``); others stay.
    Errors not made by :func:`param_error` are returned as they are.
    """
    template = getattr(exc, "template", None)
    params: list[str] = list(exc.detail.get("params") or ())
    if template is None or not any(p in labels for p in params):
        return exc
    named = {p: labels.get(p, p) for p in params}
    renamed = type(exc)(template.format(**named), **{**exc.detail, "params": list(named.values())})
    renamed.template = template  # type: ignore[attr-defined]
    return renamed


__all__ = ["ActorIndex", "CountryIndex", "SideSpec", "country_index", "fold", "literal", "param_error", "relabel", "resolve_actor",
           "resolve_country", "suggest"]
