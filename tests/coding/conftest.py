"""Fixtures for the coding tests: hand-built actor mentions.

The coding stages are tested against the actors-stage contract (ActorMention spans over Article.text),
built here by hand so that these tests do not depend on the knowledge base.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from petrel.coding import EventStage, Lexicon, QuoteStage
from petrel.config import Settings
from petrel.models import ActorMention, ActorRef, Article
from petrel.state import DocState


def actor(name: str, country: str | None, *sector: str, actor_id: str | None = None) -> ActorRef:
    return ActorRef(name=name, actor_id=actor_id, country=country, sector=list(sector), resolution="kb")


@pytest.fixture(scope="session")
def lexicon() -> Lexicon:
    return Lexicon.load()


def find_mentions(doc_id: str, text: str, table: dict[str, ActorRef]) -> list[ActorMention]:
    """Every whole-word occurrence of each table key becomes a mention of its actor (longest first)."""
    taken: list[tuple[int, int]] = []
    out: list[ActorMention] = []
    for surface in sorted(table, key=len, reverse=True):
        for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            out.append(ActorMention(doc_id, m.start(), m.end(), m.group(0), table[surface]))
    return sorted(out, key=lambda x: x.start)


@pytest.fixture(scope="session")
def code(nlp, lexicon) -> Callable[..., DocState]:
    """code(text, {surface: ActorRef}) -> DocState after the quote and event stages."""
    return make_runner(nlp, lexicon)


@pytest.fixture(scope="session")
def code_sector(nlp, lexicon) -> Callable[..., DocState]:
    """Like ``code``, with sector-only parties as fallback source and target."""
    return make_runner(nlp, lexicon, sector_actors=True)


@pytest.fixture(scope="session")
def code_named(nlp, lexicon) -> Callable[..., DocState]:
    """Like ``code``, with ``sector_actors`` off: only parties with a country or a knowledge-base id."""
    return make_runner(nlp, lexicon, sector_actors=False)


def make_runner(nlp, lexicon: Lexicon, **stage_options: bool) -> Callable[..., DocState]:  # noqa: ANN001
    settings = Settings()
    quotes = QuoteStage(settings, lexicon=lexicon)
    events = EventStage(settings, None, lexicon=lexicon, **stage_options)

    def run(text: str, table: dict[str, ActorRef]) -> DocState:
        article = Article(doc_id="t", source="test", fmt="text", text=text)
        state = DocState(article, nlp(text))
        state.mentions.extend(find_mentions("t", text, table))
        quotes(state)
        events(state)
        return state

    return run


RULES_PUBLISHED = "2026-03-04"


@pytest.fixture(scope="session")
def rules_pipeline(session_settings, resources):
    """One pipeline with the lexicon rules alone (the event model's veto is not under test), shared."""
    from petrel.pipeline import Pipeline

    return Pipeline(session_settings.model_copy(update={"event_model": "rules"}), resources=resources)


@pytest.fixture
def run(rules_pipeline):
    """code(text) -> events, with the lexicon rules alone, published on :data:`RULES_PUBLISHED`."""
    return lambda text: rules_pipeline.code_text(text, published=RULES_PUBLISHED).events

