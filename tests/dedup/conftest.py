"""Fixtures of the dedup tests: an in-memory petrel database and settings."""

from __future__ import annotations

import duckdb
import pytest

from petrel.config import Settings
from petrel.store.schema import create_schema


@pytest.fixture()
def con():
    connection = duckdb.connect()
    create_schema(connection)
    yield connection
    connection.close()


@pytest.fixture()
def dedup_settings() -> Settings:
    return Settings(dedup_window_days=3, story_window_days=14, near_dup_threshold=0.8)
