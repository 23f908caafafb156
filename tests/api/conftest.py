"""Fixtures for the API tests: a client of the app over the shared fixture database (``tests/conftest.py``)."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from petrel.api import create_app
from petrel.config import Settings

with warnings.catch_warnings():  # starlette's TestClient warns about its httpx dependency
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture(scope="session")
def client(fixture_db: Path) -> Iterator[TestClient]:
    """A client of the app over the shared fixture database (read-only, so sharing it is safe)."""
    app = create_app(Settings(db_path=fixture_db))
    with TestClient(app) as test_client:
        yield test_client
