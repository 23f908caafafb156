"""Fixtures for the place tests: one gazetteer per session (``nlp`` and ``make_state`` are in tests/conftest.py)."""

from __future__ import annotations

import pytest

from petrel.config import Settings
from petrel.geo import Gazetteer, PlaceStage, load_gazetteer


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return load_gazetteer(Settings()).warm()


@pytest.fixture(scope="module")
def stage(gazetteer):
    return PlaceStage(None, gazetteer)
