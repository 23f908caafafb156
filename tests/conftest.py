"""Shared fixtures. Heavy resources (spaCy, knowledge base, gazetteer) load once per test session."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import duckdb
import pytest
from hypothesis import settings


from petrel.config import Settings
from petrel.models import ActorRef, Article, EventMention, Evidence
from petrel.state import DocState

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"

# Property tests check what is generated, not how fast: a loaded machine (CI, eight engineers on two cores)
# is slow, not wrong, so no example has a deadline.
settings.register_profile("petrel", deadline=None)
settings.load_profile("petrel")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the checkout; tests that need it skip with a reason when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the checkout")
    return SHARED


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    return shared_dir / "corpus" / "seeds"


@pytest.fixture(scope="session")
def eval_dir(shared_dir: Path) -> Path:
    return shared_dir / "eval"


@pytest.fixture(scope="session")
def seed_run(seeds_dir: Path, eval_dir: Path, pipeline, session_settings):
    """The seed articles through the pipeline, matched to the gold with the scorer's own matcher
    (``petrel.evaluation.scorers.match_seed_events``): ``(docs by file stem, [(gold line, EventMention)])``.
    Skips only when the seed data is absent."""
    from petrel.evaluation import predicted_events, readers, scorers
    from petrel.evaluation.runners import seed_articles

    if not seeds_dir.is_dir() or not (eval_dir / "seeds" / "gold.jsonl").is_file():
        pytest.skip("seed articles or gold events are absent")
    articles = dict(seed_articles(session_settings, seeds_dir))
    docs = dict(zip(articles, pipeline.process_articles(list(articles.values())), strict=True))
    predicted, mention_of = {}, {}
    for stem, doc in docs.items():
        predicted[stem] = predicted_events(doc)
        mention_of.update({id(p): e for p, e in zip(predicted[stem], doc.events, strict=True)})
    matches = scorers.match_seed_events(readers.read_seed_events(eval_dir), predicted)
    return docs, [(m.gold, mention_of[id(m.event)]) for m in matches]


@pytest.fixture()
def settings(tmp_path: Path) -> Settings:
    return Settings(db_path=tmp_path / "test.duckdb", eval_dir=SHARED / "eval")


@pytest.fixture(scope="session")
def session_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(db_path=tmp_path_factory.mktemp("db") / "s.duckdb", eval_dir=SHARED / "eval",
                    realnews_dir=REPO / "eval" / "realnews")


@pytest.fixture(scope="session")
def resources(session_settings: Settings):
    """spaCy + knowledge base + gazetteer, loaded once."""
    from petrel.pipeline import Resources

    return Resources.load(session_settings)


@pytest.fixture(scope="session")
def pipeline(session_settings: Settings, resources):
    from petrel.pipeline import Pipeline

    return Pipeline(session_settings, resources=resources)


@pytest.fixture(scope="session")
def nlp():
    """The bare spaCy pipeline (no knowledge-base ruler), loaded once per session."""
    spacy = pytest.importorskip("spacy")
    from petrel.nlp import add_paragraph_boundaries

    try:
        nlp = spacy.load(Settings().spacy_model)
    except OSError:
        pytest.skip("the spaCy model is not installed")
    add_paragraph_boundaries(nlp)  # as petrel.nlp.load_nlp does: no sentence spans two paragraphs
    return nlp


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
    """Build a one-event DocState over a small text (for the dates and places stages)."""

    def build(text: str, trigger: str, **kwargs) -> DocState:
        return event_state(nlp, text, trigger, **kwargs)

    return build


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled sample corpus ingested through ``petrel demo`` (the CLI end to end), once per session."""
    from typer.testing import CliRunner

    from petrel.cli import app

    db = tmp_path_factory.mktemp("sample") / "demo.duckdb"
    result = CliRunner().invoke(app, ["demo", "--db", str(db)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "Try next" in result.output and "petrel serve" in result.output
    return db


@pytest.fixture(scope="session")
def kb(resources):
    """The knowledge base of the session's resources."""
    return resources.kb


# -- parallel and distributed ingest (tests/test_parallel.py, tests/test_dask_ingest.py) -------------

@pytest.fixture(scope="session")
def scale_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample corpus plus a repeated article (in a later batch) and an unreadable file."""
    import shutil

    from petrel.demo import sample_corpus_path

    folder = tmp_path_factory.mktemp("scale") / "corpus"
    shutil.copytree(sample_corpus_path(), folder)
    first = sorted(p for p in folder.iterdir() if p.suffix == ".txt")[0]
    (folder / "zz_repeat.txt").write_text(first.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "zz_binary.txt").write_bytes(b"\x00\x01\x02 not text \xff\xfe")
    return folder


@pytest.fixture(scope="session")
def fixture_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The small invented store of ``tests/api/fixture_db.py``, for the store's queries and the API."""
    from api.fixture_db import build_fixture_db

    return build_fixture_db(tmp_path_factory.mktemp("apidb") / "fixture.duckdb")


@pytest.fixture()
def con(fixture_db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """The fixture store opened read-only, as the server opens it."""
    connection = duckdb.connect(str(fixture_db), read_only=True)
    yield connection
    connection.close()


@pytest.fixture()
def db_copy(fixture_db: Path, tmp_path: Path) -> Path:
    """A private copy of the fixture database, for tests that write."""
    target = tmp_path / "copy.duckdb"
    shutil.copy(fixture_db, target)
    return target
