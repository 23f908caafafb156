"""Fixtures for the place tests: one gazetteer and one spaCy model per session."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest

from petrel.config import Settings
from petrel.geo import Gazetteer, load_gazetteer
from petrel.models import ActorRef, Article, EventMention, Evidence
from petrel.pipeline import DocState


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return load_gazetteer(Settings()).warm()


@pytest.fixture(scope="session")
def nlp():
    spacy = pytest.importorskip("spacy")
    try:
        return spacy.load(Settings().spacy_model)
    except OSError:
        pytest.skip("the spaCy model is not installed")


def event_state(nlp, text: str, trigger: str, *, status: str = "actual", published: datetime | None = None,
                dateline: str | None = None, occurrence: int = 0) -> DocState:
    """A DocState whose one event has ``trigger`` (its ``occurrence``-th match) in ``text``."""
    doc = nlp(text)
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(trigger, start + 1)
    sentence = next(s for s in doc.sents if s.start_char <= start < s.end_char)
    evidence = Evidence("t", sentence.text, sentence.start_char, sentence.end_char, trigger, start)
    event = EventMention("t-1", "t", "ASSAULT", ActorRef("someone"), None, evidence, status=status)
    article = Article("t", "test", "text", text, published=published, dateline=dateline)
    return DocState(article, doc, events=[event])


@pytest.fixture(scope="session")
def make_state(nlp) -> Callable[..., DocState]:
    def build(text: str, trigger: str, **kwargs) -> DocState:
        return event_state(nlp, text, trigger, **kwargs)

    return build
