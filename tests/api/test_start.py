"""``petrel serve`` starts fast: /api/health answers before the NLP pipeline is loaded, and says honestly
whether it is; with ingest on the pipeline loads in the background and a job posted meanwhile waits for it."""

from __future__ import annotations

import json
import threading
import time
import warnings
from pathlib import Path
from typing import Any

import pytest

import petrel.ingest_service
import petrel.pipeline
from petrel.api import create_app
from petrel.config import Settings

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

TOKEN = "start-token"
LINE = json.dumps({"id": "start-doc-1", "text": "Observers met in Geneva."})


def _own_copy(fixture_db: Path, tmp_path: Path) -> Path:
    db = tmp_path / "own.duckdb"  # with a token the server opens its file read-write: not the shared fixture
    db.write_bytes(fixture_db.read_bytes())
    return db


def test_without_ingest_the_pipeline_is_never_built(fixture_db: Path, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[int] = []

    def refuse(self: object, *args: object, **kwargs: object) -> None:
        built.append(1)
        raise AssertionError("the pipeline was built")

    monkeypatch.setattr(petrel.pipeline.Pipeline, "__init__", refuse)
    with TestClient(create_app(Settings(db_path=_own_copy(fixture_db, tmp_path)))) as client:
        health = client.get("/api/health")
        assert health.status_code == 200 and health.json()["pipeline"] == "off"
    assert built == []


def test_health_answers_while_the_pipeline_loads_and_a_job_waits_for_it(fixture_db: Path, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()
    built: list[object] = []
    used: list[object] = []

    def slow_load(self: object, *args: object, **kwargs: object) -> None:
        assert release.wait(20), "the test never released the load"
        built.append(self)

    def ingest(records: str, settings: Settings, *, pipeline: Any, source: str) -> dict[str, Any]:
        used.append(pipeline)
        return {"ingested": 1, "rejected": 0}

    monkeypatch.setattr(petrel.pipeline.Pipeline, "__init__", slow_load)
    monkeypatch.setattr(petrel.ingest_service, "ingest_records", ingest)
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/x-ndjson"}
    with TestClient(create_app(Settings(db_path=_own_copy(fixture_db, tmp_path), api_token=TOKEN))) as client:
        health = client.get("/api/health")
        assert health.status_code == 200 and health.json()["pipeline"] == "loading"
        posted = client.post("/api/documents", content=LINE, headers=headers)
        assert posted.status_code == 202
        url = posted.json()["url"]
        time.sleep(0.3)
        assert client.get(url).json()["status"] in ("queued", "running")  # waiting for the load
        assert used == [] and built == []
        release.set()
        deadline = time.monotonic() + 20
        while client.get(url).json()["status"] not in ("done", "failed") and time.monotonic() < deadline:
            time.sleep(0.05)
        assert client.get(url).json()["status"] == "done"
        assert client.get("/api/health").json()["pipeline"] == "ready"
    assert len(built) == 1 and used == built  # loaded once, in the background; the job used that one


def test_a_failed_background_load_is_reported_and_retried_by_the_next_job(fixture_db: Path, tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    attempts: list[int] = []

    def broken_then_fine(self: object, *args: object, **kwargs: object) -> None:
        attempts.append(1)
        if len(attempts) == 1:
            raise RuntimeError("model missing")

    monkeypatch.setattr(petrel.pipeline.Pipeline, "__init__", broken_then_fine)
    monkeypatch.setattr(petrel.ingest_service, "ingest_records", lambda *a, **k: {"ingested": 1, "rejected": 0})
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/x-ndjson"}
    with TestClient(create_app(Settings(db_path=_own_copy(fixture_db, tmp_path), api_token=TOKEN))) as client:
        deadline = time.monotonic() + 20
        while client.get("/api/health").json()["pipeline"] == "loading" and time.monotonic() < deadline:
            time.sleep(0.05)
        assert client.get("/api/health").json()["pipeline"] == "failed"
        url = client.post("/api/documents", content=LINE, headers=headers).json()["url"]
        while client.get(url).json()["status"] not in ("done", "failed") and time.monotonic() < deadline:
            time.sleep(0.05)
        assert client.get(url).json()["status"] == "done"
        assert client.get("/api/health").json()["pipeline"] == "ready"
    assert len(attempts) == 2
