"""Shared fixtures. Heavy resources (spaCy, knowledge base, gazetteer) load once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from petrel.config import Settings

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


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


@pytest.fixture()
def settings(tmp_path: Path) -> Settings:
    return Settings(db_path=tmp_path / "test.duckdb", eval_dir=SHARED / "eval")


@pytest.fixture(scope="session")
def session_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(db_path=tmp_path_factory.mktemp("db") / "s.duckdb", eval_dir=SHARED / "eval")


@pytest.fixture(scope="session")
def resources(session_settings: Settings):
    """spaCy + knowledge base + gazetteer, loaded once."""
    from petrel.pipeline import Resources

    return Resources.load(session_settings)


@pytest.fixture(scope="session")
def pipeline(session_settings: Settings, resources):
    from petrel.pipeline import Pipeline

    return Pipeline(session_settings, resources=resources)
