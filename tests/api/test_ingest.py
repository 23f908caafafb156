"""POST /api/documents: off by default, bearer token, body limits, jobs, and writing while the server reads."""

from __future__ import annotations

import json
import threading
import time
import warnings
from pathlib import Path
from typing import Any

import duckdb
import pytest

from petrel.api import create_app
from petrel.api.database import Database
from petrel.api.ingest import DefaultIngest
from petrel.config import Settings
from petrel.errors import StoreError

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

TOKEN = "s3cret-token"
LINE = json.dumps({"id": "api-doc-1", "text": "Observers met in Geneva.", "outlet": "Test Wire"})


class RecordingIngest:
    """Stands in for petrel.ingest_service.ingest_records: writes one article row read-write."""

    def __init__(self) -> None:
        self.calls: list[str] = []
        self.sources: list[str] = []

    def __call__(self, records: str, settings: Settings, *, source: str = "-") -> dict[str, Any]:
        self.calls.append(records)
        self.sources.append(source)
        con = duckdb.connect(str(settings.db_path))  # the server's own instance: read-write when ingest is on
        try:
            doc = json.loads(records.splitlines()[0])
            con.execute("INSERT INTO articles (doc_id, status, outlet, text) VALUES (?, 'ok', ?, ?)",
                        [doc["id"], doc.get("outlet"), doc["text"]])
        finally:
            con.close()
        return {"ingested": 1, "rejected": 0}


def make_client(db: Path, ingest: Any = None, **settings: Any) -> TestClient:
    return TestClient(create_app(Settings(db_path=db, **settings), ingest=ingest))


def auth(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}", "Content-Type": "application/x-ndjson"}


def test_ingest_is_off_without_a_token(db_copy: Path) -> None:
    ingest = RecordingIngest()
    response = make_client(db_copy, ingest).post("/api/documents", content=LINE, headers=auth())
    assert response.status_code == 403 and response.json()["error"]["code"] == "E403"
    assert ingest.calls == []


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN},
                                     {"Authorization": f"Basic {TOKEN}"}])
def test_a_missing_or_wrong_token_is_401(db_copy: Path, headers: dict[str, str]) -> None:
    ingest = RecordingIngest()
    response = make_client(db_copy, ingest, api_token=TOKEN).post("/api/documents", content=LINE, headers=headers)
    assert response.status_code == 401 and response.json()["error"]["code"] == "E401"
    assert ingest.calls == []


def test_a_body_over_the_limit_is_413(db_copy: Path) -> None:
    ingest = RecordingIngest()
    client = make_client(db_copy, ingest, api_token=TOKEN, api_max_body_bytes=64)
    big = "\n".join([LINE] * 5)
    response = client.post("/api/documents", content=big, headers=auth())
    assert response.status_code == 413 and response.json()["error"]["code"] == "E413"
    streamed = client.post("/api/documents", content=iter([big[:50].encode(), big[50:].encode()]), headers=auth())
    assert streamed.status_code == 413  # no Content-Length: counted while reading
    assert ingest.calls == []


@pytest.mark.parametrize("body, code", [(b"  \n", "E201"), (b"\xff\xfe\x00", "E203")])
def test_an_empty_or_binary_body_is_400(db_copy: Path, body: bytes, code: str) -> None:
    response = make_client(db_copy, RecordingIngest(), api_token=TOKEN).post("/api/documents", content=body,
                                                                             headers=auth())
    assert response.status_code == 400 and response.json()["error"]["code"] == code


def test_accepted_documents_are_queued_as_a_job_written_and_then_readable(db_copy: Path) -> None:
    ingest = RecordingIngest()
    with make_client(db_copy, ingest, api_token=TOKEN) as client:
        assert client.get("/api/documents/api-doc-1").status_code == 404
        response = client.post("/api/documents", content=LINE, headers=auth())
        assert response.status_code == 202, response.text
        job = response.json()
        assert job["status"] in {"queued", "running", "done"} and job["lines"] == 1
        assert response.headers["location"] == f"/api/jobs/{job['job_id']}" == job["url"]
        done = wait_for_job(client, job["job_id"])
        assert done["status"] == "done" and done["report"] == {"ingested": 1, "rejected": 0}
        assert ingest.calls == [LINE] and ingest.sources == [f"api:{job['job_id']}"]
        assert client.get("/api/documents/api-doc-1").json()["outlet"] == "Test Wire"


def test_wait_answers_200_with_the_finished_job(db_copy: Path) -> None:
    with make_client(db_copy, RecordingIngest(), api_token=TOKEN) as client:
        response = client.post("/api/documents", params={"wait": 10}, content=LINE, headers=auth())
        assert response.status_code == 200 and response.json()["status"] == "done"


def test_an_unknown_job_is_404_and_a_failed_job_says_why(db_copy: Path) -> None:
    def broken(records: str, settings: Settings, *, source: str = "-") -> Any:
        raise StoreError("disk full")

    with make_client(db_copy, broken, api_token=TOKEN) as client:
        assert client.get("/api/jobs/nope").json()["error"]["code"] == "E404"
        job = client.post("/api/documents", params={"wait": 10}, content=LINE, headers=auth()).json()
        assert job["status"] == "failed" and job["error"]["code"] == "E300" and job["report"] is None
        assert client.get("/api/health").status_code == 200  # the writer survives a failed job


def test_a_full_job_queue_is_503_with_retry_after(db_copy: Path) -> None:
    release = threading.Event()

    def slow(records: str, settings: Settings, *, source: str = "-") -> dict[str, Any]:
        release.wait(10)
        return {"ingested": 1}

    try:
        with make_client(db_copy, slow, api_token=TOKEN, api_max_jobs=1) as client:
            codes = [client.post("/api/documents", content=LINE, headers=auth()).status_code for _ in range(4)]
            refused = client.post("/api/documents", content=LINE, headers=auth())
            assert codes[:2] == [202, 202] and refused.status_code == 503
            assert refused.json()["error"]["code"] == "E503" and int(refused.headers["retry-after"]) >= 1
            release.set()
    finally:
        release.set()


def test_the_default_ingest_calls_the_ingest_service(db_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import petrel.ingest_service
    import petrel.pipeline
    from petrel.ingest_service import IngestReport

    seen: dict[str, Any] = {}

    def fake_ingest_records(records: str, settings: Settings, *, pipeline: Any = None,
                            source: str = "-") -> IngestReport:
        seen.update(records=records, pipeline=pipeline, source=source)
        return IngestReport(ingested=1)

    monkeypatch.setattr(petrel.ingest_service, "ingest_records", fake_ingest_records)
    monkeypatch.setattr(petrel.pipeline, "Pipeline", lambda settings: "the-pipeline")
    client = make_client(db_copy, api_token=TOKEN)
    assert isinstance(client.app.state.ingest, DefaultIngest)
    response = client.post("/api/documents", params={"wait": 10}, content=LINE, headers=auth())
    assert response.status_code == 200 and response.json()["report"]["ingested"] == 1
    job_id = response.json()["job_id"]
    assert seen == {"records": LINE, "pipeline": "the-pipeline", "source": f"api:{job_id}"}


def wait_for_job(client: TestClient, job_id: str, timeout: float = 10.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = client.get(f"/api/jobs/{job_id}").json()
        if job["status"] in {"done", "failed"}:
            return job  # type: ignore[no-any-return]
        time.sleep(0.02)
    raise AssertionError(f"job {job_id} did not finish in {timeout} s")


def test_the_server_connection_is_read_only(fixture_db: Path) -> None:
    db = Database(fixture_db)
    try:
        with db.reader() as cur:
            with pytest.raises(duckdb.Error, match="read-only"):
                cur.execute("INSERT INTO articles (doc_id, status) VALUES ('x', 'ok')")
            with pytest.raises(duckdb.Error):
                cur.execute("DROP TABLE events")
    finally:
        db.close()


def test_a_missing_database_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        create_app(Settings(db_path=tmp_path / "absent.duckdb"))


def test_a_database_of_another_schema_version_is_refused_by_the_server(db_copy: Path) -> None:
    con = duckdb.connect(str(db_copy))
    con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(StoreError, match="schema 1"):
        create_app(Settings(db_path=db_copy))


def _copy_an_event(records: str, settings: Settings, *, source: str = "-") -> dict[str, Any]:
    """An ingest stand-in that writes one more event of ev001's dyad (a copy under a new id)."""
    con = duckdb.connect(str(settings.db_path))
    try:
        con.execute("CREATE TEMP TABLE x AS SELECT * FROM events WHERE event_id = 'ev001'")
        con.execute("UPDATE x SET event_id = 'ev-new'")
        con.execute("INSERT INTO events SELECT * FROM x")
    finally:
        con.close()
    return {"ingested": 1, "rejected": 0}


def test_an_ingest_through_the_server_refreshes_the_cached_totals(db_copy: Path) -> None:
    client = make_client(db_copy, _copy_an_event, api_token=TOKEN)
    params = {"source": "RUS_GOV", "target": "UKR_MIL", "limit": 2}
    before = client.get("/api/events", params=params).json()["total"]
    assert client.get("/api/events", params=params).json()["total"] == before  # served from the cache
    assert client.post("/api/documents", params={"wait": 10}, content=LINE, headers=auth()).status_code == 200
    assert client.get("/api/events", params=params).json()["total"] == before + 1
