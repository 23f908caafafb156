"""Fixtures for the API tests: one fixture database per session, opened read-only like the server does."""

from __future__ import annotations

import shutil
import warnings
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from .fixture_db import build_fixture_db
from petrel.api import create_app
from petrel.config import Settings

with warnings.catch_warnings():  # starlette's TestClient warns about its httpx dependency
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture(scope="session")
def fixture_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_fixture_db(tmp_path_factory.mktemp("apidb") / "fixture.duckdb")


@pytest.fixture()
def con(fixture_db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = duckdb.connect(str(fixture_db), read_only=True)
    yield connection
    connection.close()


@pytest.fixture(scope="session")
def client(fixture_db: Path) -> Iterator[TestClient]:
    """A client of the app over the shared fixture database (read-only, so sharing it is safe)."""
    app = create_app(Settings(db_path=fixture_db))
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture()
def db_copy(fixture_db: Path, tmp_path: Path) -> Path:
    """A private copy of the fixture database, for tests that write."""
    target = tmp_path / "copy.duckdb"
    shutil.copy(fixture_db, target)
    return target
