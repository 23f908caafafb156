"""POST /api/documents: off by default, bearer token, body limit, and writing while the server reads."""

from __future__ import annotations

import json
import threading
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

    def __call__(self, records: str, settings: Settings) -> dict[str, Any]:
        self.calls.append(records)
        con = duckdb.connect(str(settings.db_path))  # fails if the server's read-only handle were still open
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


def test_accepted_documents_are_written_and_then_readable(db_copy: Path) -> None:
    ingest = RecordingIngest()
    with make_client(db_copy, ingest, api_token=TOKEN) as client:
        assert client.get("/api/documents/api-doc-1").status_code == 404
        response = client.post("/api/documents", content=LINE, headers=auth())
        assert response.status_code == 200, response.text
        assert response.json() == {"ingested": 1, "rejected": 0}
        assert ingest.calls == [LINE]
        assert client.get("/api/documents/api-doc-1").json()["outlet"] == "Test Wire"


def test_the_default_ingest_calls_the_ingest_service(db_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import petrel.ingest_service
    import petrel.pipeline
    from petrel.ingest_service import IngestReport

    seen: dict[str, Any] = {}

    def fake_ingest_records(records: str, settings: Settings, *, pipeline: Any = None) -> IngestReport:
        seen.update(records=records, pipeline=pipeline)
        return IngestReport(ingested=1)

    monkeypatch.setattr(petrel.ingest_service, "ingest_records", fake_ingest_records)
    monkeypatch.setattr(petrel.pipeline, "Pipeline", lambda settings: "the-pipeline")
    client = make_client(db_copy, api_token=TOKEN)
    assert isinstance(client.app.state.ingest, DefaultIngest)
    response = client.post("/api/documents", content=LINE, headers=auth())
    assert response.status_code == 200 and response.json()["ingested"] == 1
    assert seen == {"records": LINE, "pipeline": "the-pipeline"}


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


def test_readers_and_an_exclusive_writer_never_overlap(db_copy: Path) -> None:
    db = Database(db_copy)
    errors: list[BaseException] = []
    state = {"writing": False}

    def read() -> None:
        for _ in range(30):
            with db.reader() as cur:
                if state["writing"]:
                    errors.append(AssertionError("read during write"))
                cur.execute("SELECT count(*) FROM events").fetchone()

    def write() -> None:
        for _ in range(3):
            with db.exclusive():
                state["writing"] = True
                con = duckdb.connect(str(db_copy))
                con.execute("INSERT INTO meta VALUES (?, 'x') ON CONFLICT DO NOTHING", [str(id(con))])
                con.close()
                state["writing"] = False

    threads = [threading.Thread(target=read) for _ in range(6)] + [threading.Thread(target=write)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    db.close()
    assert errors == []


def _copy_an_event(records: str, settings: Settings) -> dict[str, Any]:
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
    assert client.post("/api/documents", content=LINE, headers=auth()).status_code == 200
    assert client.get("/api/events", params=params).json()["total"] == before + 1
