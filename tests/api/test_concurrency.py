"""Reads and writes at once (issue 13): no deadlock, reads never wait for a write, every wait is bounded.

Each scenario runs in threads joined with a time limit: a deadlock fails the test (the threads are
daemons left behind), it does not hang the suite.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import duckdb
import httpx
import pytest
from fastapi.testclient import TestClient

from petrel.api import BackgroundServer, create_app
from petrel.api.database import Database
from petrel.api.deps import Con
from petrel.api.gate import ReadGate
from petrel.config import Settings

TOKEN = "t0ken"
AUTH = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/x-ndjson"}
JOIN_LIMIT = 60.0  # seconds; the scenario takes about 3


class SlowWriter:
    """An ingest stand-in that holds a write transaction open for ``hold`` seconds, then commits a row."""

    def __init__(self, hold: float) -> None:
        self.hold = hold
        self.windows: list[tuple[float, float]] = []

    def __call__(self, records: str, settings: Settings, *, source: str = "-") -> dict[str, Any]:
        doc = json.loads(records.splitlines()[0])
        con = duckdb.connect(str(settings.db_path))
        try:
            con.execute("BEGIN TRANSACTION")
            con.execute("INSERT INTO articles (doc_id, status, source, text) VALUES (?, 'ok', ?, 'x')",
                        [doc["id"], source])
            opened = time.monotonic()
            time.sleep(self.hold)
            con.execute("COMMIT")
            self.windows.append((opened, time.monotonic()))
        finally:
            con.close()
        return {"ingested": 1, "rejected": 0}


def run_threads(targets: list[Any], limit: float = JOIN_LIMIT) -> None:
    threads = [threading.Thread(target=t, daemon=True) for t in targets]
    for t in threads:
        t.start()
    deadline = time.monotonic() + limit
    for t in threads:
        t.join(timeout=max(0.0, deadline - time.monotonic()))
    stuck = sum(t.is_alive() for t in threads)
    assert stuck == 0, f"{stuck} of {len(threads)} clients still waiting after {limit} s: deadlock"


def test_many_readers_and_posts_never_deadlock_and_reads_go_on_during_a_write(db_copy: Path) -> None:
    writer = SlowWriter(hold=0.8)
    settings = Settings(db_path=db_copy, api_token=TOKEN, api_read_slots=4)
    statuses: list[int] = []
    finished_at: list[float] = []
    posts: list[dict[str, Any]] = []
    with BackgroundServer(settings, ingest=writer) as server:

        def reader(i: int) -> None:
            with httpx.Client(base_url=server.url, timeout=30) as client:
                for j in range(12):  # distinct filters, so most reads reach the database
                    r = client.get("/api/events", params={"limit": 1 + (i * 12 + j) % 50, "sort": "-date"})
                    statuses.append(r.status_code)
                    finished_at.append(time.monotonic())

        def poster() -> None:
            with httpx.Client(base_url=server.url, timeout=30) as client:
                for k in range(3):
                    line = json.dumps({"id": f"load-{k}", "text": "Observers met."})
                    r = client.post("/api/documents", params={"wait": 20}, content=line, headers=AUTH)
                    posts.append(r.json())

        run_threads([poster] + [lambda i=i: reader(i) for i in range(24)])
        with httpx.Client(base_url=server.url) as client:
            stored = [client.get(f"/api/documents/load-{k}").status_code for k in range(3)]
    assert set(statuses) == {200} and len(statuses) == 24 * 12
    assert [p["status"] for p in posts] == ["done"] * 3 and stored == [200] * 3
    during = sum(1 for t in finished_at for start, end in writer.windows if start < t < end)
    assert during > 0, "no read finished while a write transaction was open: reads waited for the write"


def test_a_query_over_the_time_limit_is_interrupted(fixture_db: Path) -> None:
    db = Database(fixture_db, query_timeout=0.3)
    try:
        started = time.monotonic()
        with pytest.raises(duckdb.InterruptException), db.reader() as cur:
            cur.execute("SELECT count(*) FROM range(100000000000) a").fetchall()
        assert time.monotonic() - started < 20
        with db.reader() as cur:  # the connection is still usable
            assert cur.execute("SELECT 1").fetchone() == (1,)
    finally:
        db.close()


def test_an_interrupted_query_is_a_503_with_retry_after(db_copy: Path) -> None:
    app = create_app(Settings(db_path=db_copy, api_query_timeout=0.3))

    @app.get("/api/slow-test")
    def slow(con: Con) -> dict[str, Any]:
        con.execute("SELECT count(*) FROM range(100000000000) a").fetchall()
        return {}

    app.router.routes.insert(0, app.router.routes.pop())  # before the dashboard mount
    response = TestClient(app).get("/api/slow-test")
    assert response.status_code == 503 and response.json()["error"]["code"] == "E503"
    assert int(response.headers["retry-after"]) >= 1


def test_a_request_that_waits_too_long_for_a_read_slot_gets_a_503() -> None:
    async def slow_app(scope: Any, receive: Any, send: Any) -> None:
        await asyncio.sleep(1.0)
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"{}"})

    gate = ReadGate(slow_app, db=SimpleNamespace(generation=0), slots=1, queue_timeout=0.1, cache_bytes=0)

    async def call(path: str) -> tuple[int, dict[bytes, bytes], bytes]:
        sent: list[dict[str, Any]] = []

        async def send(message: dict[str, Any]) -> None:
            sent.append(message)

        scope = {"type": "http", "method": "GET", "path": path, "query_string": b""}
        await gate(scope, None, send)
        return sent[0]["status"], dict(sent[0]["headers"]), sent[1]["body"]

    async def both() -> list[tuple[int, dict[bytes, bytes], bytes]]:
        return list(await asyncio.gather(call("/api/events"), call("/api/stats")))

    (first, _, _), (second, headers, body) = asyncio.run(both())
    assert (first, second) == (200, 503)
    assert json.loads(body)["error"]["code"] == "E503" and headers[b"retry-after"] == b"1"


def test_the_same_question_is_answered_once_per_state_of_the_file() -> None:
    calls: list[str] = []

    async def app(scope: Any, receive: Any, send: Any) -> None:
        calls.append(scope["query_string"].decode())
        await asyncio.sleep(0.2)
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"[1]"})

    db = SimpleNamespace(generation=0)
    gate = ReadGate(app, db=db, slots=4, queue_timeout=5, cache_bytes=10_000)

    async def call(query: bytes) -> bytes:
        sent: list[dict[str, Any]] = []

        async def send(message: dict[str, Any]) -> None:
            sent.append(message)

        await gate({"type": "http", "method": "GET", "path": "/api/events", "query_string": query}, None, send)
        return dict(sent[0]["headers"])[b"x-petrel-cache"]

    async def scenario() -> list[bytes]:
        hows = list(await asyncio.gather(*(call(b"a=1&b=2") for _ in range(5))))
        hows.append(await call(b"b=2&a=1"))  # the same question, parameters in another order
        db.generation = 1  # the file was written
        hows.append(await call(b"a=1&b=2"))
        return hows

    hows = asyncio.run(scenario())
    assert hows.count(b"miss") == 2 and len(calls) == 2  # once before the write, once after


def test_just_after_a_write_the_previous_answer_is_served_only_while_every_slot_is_taken() -> None:
    release = asyncio.Event()

    async def app(scope: Any, receive: Any, send: Any) -> None:
        if scope["path"] == "/api/slow":
            await release.wait()
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": str(db.generation).encode()})

    db = SimpleNamespace(generation=0)
    gate = ReadGate(app, db=db, slots=1, queue_timeout=5, cache_bytes=10_000)

    async def call(path: str) -> tuple[bytes, bytes]:
        sent: list[dict[str, Any]] = []

        async def send(message: dict[str, Any]) -> None:
            sent.append(message)

        await gate({"type": "http", "method": "GET", "path": path, "query_string": b"x=1"}, None, send)
        return dict(sent[0]["headers"])[b"x-petrel-cache"], sent[1]["body"]

    async def scenario() -> list[tuple[bytes, bytes]]:
        seen = [await call("/api/events")]
        db.generation = 1
        slow = asyncio.create_task(call("/api/slow"))  # takes the only slot
        await asyncio.sleep(0.05)
        seen.append(await call("/api/events"))  # no slot free: the previous answer, at once
        release.set()
        await slow
        seen.append(await call("/api/events"))  # a slot is free: fresh
        return seen

    assert asyncio.run(scenario()) == [(b"miss", b"0"), (b"stale", b"0"), (b"miss", b"1")]


def test_the_server_holds_no_open_transaction_that_would_fail_a_rewrite(db_copy: Path) -> None:
    """Regression: a result left pending on the server's connection kept its transaction open, and the
    writer's refresh (delete and re-insert of the same keys) then failed with a write-write conflict."""
    db = Database(db_copy, writable=True)
    try:
        with db.reader() as cur:
            cur.execute("SELECT count(*) FROM events").fetchone()
        for _ in range(3):
            con = duckdb.connect(str(db_copy))
            try:
                con.execute("BEGIN TRANSACTION")
                con.execute("CREATE TEMP TABLE x AS SELECT * FROM events WHERE event_id = 'ev001'")
                con.execute("DELETE FROM events WHERE event_id = 'ev001'")
                con.execute("INSERT INTO events SELECT * FROM x")
                con.execute("COMMIT")
            finally:
                con.close()
    finally:
        db.close()
