"""Read queries over a petrel store: the one place the CLI, the HTTP API and users' scripts read events.

Every function takes a DuckDB connection (read-only is enough) and returns plain dicts shaped like the
event JSONL contract (``docs/architecture.md``), so the CLI, the API and exports print the same thing.

Rules this module keeps:

- every value a user gives is a bound parameter; the only SQL text built here comes from constant
  tables (column lists, the sort whitelist ``EVENT_SORTS``, interval and grouping names);
- a page of events selects only the columns it prints, from ``events`` alone: the evidence sentence
  and the reporting documents are stored on the event row by the dedup writer, so a page is one query
  (plus its count) and stays fast on millions of events;
- bad input raises :class:`petrel.errors.QueryError` (E400) and a missing id :class:`NotFound` (E404).

An *actor spec* (``actor``, ``source``, ``target``, dyad sides) matches an actor id, an actor name or
alias, a country code or a country name (case and accents do not count), so ``source=ISR`` and
``source=Israel`` mean "any Israeli actor"; ``country`` takes a country code, name or demonym. A spec
that matches nothing is an error with suggestions (:mod:`petrel.store.specs`).

This module is the public face (the names in ``__all__``); the queries live in one module per concern:
:mod:`petrel.store.events` (pages, counts, exports, one event), :mod:`petrel.store.aggregates`
(timeline, dyad series, network, places), :mod:`petrel.store.catalogue` (actors, documents, quotes,
stories, summary), :mod:`petrel.store.records` (the contract shape of an event),
:mod:`petrel.store.pages` (pages and plain rows) and :mod:`petrel.store.filters` (the event filter).
"""

from __future__ import annotations

from petrel.store.aggregates import (
    INTERVALS,
    SERIES_BY,
    dyad_series,
    event_network,
    event_places,
    event_timeline,
    network_nodes,
)
from petrel.store.cache import QueryCache
from petrel.store.catalogue import (
    ACTOR_SORTS,
    DOCUMENT_SORTS,
    STORY_SORTS,
    actor_events,
    get_actor,
    get_document,
    list_actors,
    list_documents,
    list_quotes,
    list_stories,
    story_timeline,
    summary,
)
from petrel.store.events import (
    EVENT_SORTS,
    count_events,
    count_undated,
    get_event,
    iter_events,
    iter_events_jsonl,
    list_events,
    sort_key,
    window_cutoff,
)
from petrel.store.filters import QUAD_CLASSES, EventFilter, Resolved, filter_key, resolve_filter, where_clause
from petrel.store.pages import MAX_LIMIT, Page
from petrel.store.records import event_record, strip_sentence

__all__ = [
    "ACTOR_SORTS", "DOCUMENT_SORTS", "EVENT_SORTS", "INTERVALS", "MAX_LIMIT", "QUAD_CLASSES", "SERIES_BY",
    "STORY_SORTS", "EventFilter", "Page", "QueryCache", "Resolved", "actor_events", "count_events", "count_undated",
    "dyad_series", "event_network", "event_places", "event_record", "event_timeline", "filter_key", "get_actor",
    "get_document", "get_event", "iter_events", "iter_events_jsonl", "list_actors", "list_documents", "list_events",
    "list_quotes", "list_stories", "network_nodes", "resolve_filter", "sort_key", "story_timeline", "strip_sentence",
    "summary", "where_clause", "window_cutoff",
]
