"""``petrel serve`` starts fast: the app answers /api/health without building the NLP pipeline."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

import petrel.pipeline
from petrel.api import create_app
from petrel.config import Settings

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def test_app_start_and_health_do_not_build_the_pipeline(fixture_db: Path, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "own.duckdb"  # with a token the server opens its file read-write: not the shared fixture
    db.write_bytes(fixture_db.read_bytes())
    built: list[int] = []

    def refuse(self: object, *args: object, **kwargs: object) -> None:
        built.append(1)
        raise AssertionError("the pipeline was built at start")

    monkeypatch.setattr(petrel.pipeline.Pipeline, "__init__", refuse)
    monkeypatch.setattr(petrel.pipeline.Resources, "load", classmethod(lambda cls, s: refuse(cls)))
    app = create_app(Settings(db_path=db, api_token="t"))
    with TestClient(app) as client:
        assert client.get("/api/health").status_code == 200
    assert built == []
