"""The real server (issue 13): SIGTERM stops it, a CLI ingest is refused while it holds the file, a slow
body cannot hold a connection, ids with '/' are reachable."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import httpx
import pytest
from fastapi.testclient import TestClient

from petrel.api import BackgroundServer, create_app, free_port
from petrel.config import Settings

TOKEN = "t0ken"
PETREL = [sys.executable, "-c", "import sys; from petrel.cli import main; sys.argv[0] = 'petrel'; main()"]


def start_serve(db: Path, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PETREL_API_TOKEN": TOKEN}
    cmd = [*PETREL, "serve", "--db", str(db), "--port", str(port)]
    return subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def wait_up(url: str, proc: subprocess.Popen[bytes], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, proc.stderr.read().decode() if proc.stderr else "server exited"
        try:
            if httpx.get(f"{url}/api/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise AssertionError("the server did not come up")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM")
def test_sigterm_stops_a_busy_server_and_a_cli_ingest_is_refused_while_it_runs(db_copy: Path,
                                                                                tmp_path: Path) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    proc = start_serve(db_copy, port)
    try:
        wait_up(url, proc)
        article = tmp_path / "a.txt"
        article.write_text("Observers met in Geneva on Monday to discuss the truce.", encoding="utf-8")
        cli = subprocess.run([*PETREL, "ingest", str(article), "--db", str(db_copy), "-q"],
                             capture_output=True, text=True, timeout=120)
        said = " ".join(cli.stderr.split())  # the console wraps long lines
        assert cli.returncode == 1
        assert "error[E301]" in said and "stop `petrel serve` or use --db OTHER" in said, said
        # a job that loads the NLP pipeline is running and reads are in flight when SIGTERM comes
        line = json.dumps({"id": "sigterm-1", "text": "Observers met in Geneva."})
        posted = httpx.post(f"{url}/api/documents", content=line, timeout=10,
                            headers={"Authorization": f"Bearer {TOKEN}"})
        assert posted.status_code == 202
        with httpx.Client(timeout=5) as client:
            for _ in range(5):
                client.get(f"{url}/api/events", params={"limit": 5})
        proc.send_signal(signal.SIGTERM)
        started = time.monotonic()
        proc.wait(timeout=15)
        assert time.monotonic() - started < 15
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_a_slow_body_is_cut_off_with_408(db_copy: Path) -> None:
    settings = Settings(db_path=db_copy, api_token=TOKEN, api_body_timeout=0.5)

    def never(*args: object, **kwargs: object) -> None:  # the body never arrives; no NLP pipeline loads beside
        raise AssertionError("an ingest ran without a body")

    with BackgroundServer(settings, ingest=never) as server, \
            socket.create_connection((server.host, server.port), timeout=10) as sock:
        sock.sendall(b"POST /api/documents HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TOKEN.encode()
                     + b"\r\nContent-Type: application/x-ndjson\r\nContent-Length: 1000\r\n\r\n{\"text\": ")
        started = time.monotonic()
        answer = sock.recv(65536).decode()  # the sender never sends the rest
        assert time.monotonic() - started < 9
    assert answer.startswith("HTTP/1.1 408") and '"E408"' in answer


def _add_slashed_ids(db: Path) -> None:
    con = duckdb.connect(str(db))
    try:
        con.execute("INSERT INTO articles (doc_id, status, outlet, text) VALUES ('feed/42', 'ok', 'Slash Wire', 'x')")
        con.execute("CREATE TEMP TABLE x AS SELECT * FROM events WHERE event_id = 'ev001'")
        con.execute("UPDATE x SET event_id = 'feed/ev/1'")
        con.execute("INSERT INTO events SELECT * FROM x")
        con.execute("INSERT INTO actors (actor_id, name, country) VALUES ('NGO/RED', 'Red Cross', 'CHE')")
    finally:
        con.close()


def test_ids_with_a_slash_are_reachable(db_copy: Path) -> None:
    _add_slashed_ids(db_copy)
    client = TestClient(create_app(Settings(db_path=db_copy)))
    for path in ("/api/documents/feed/42", "/api/documents/feed%2F42"):
        assert client.get(path).json()["outlet"] == "Slash Wire", path
    for path in ("/api/events/feed/ev/1", "/api/events/feed%2Fev%2F1"):
        assert client.get(path).json()["event_id"] == "feed/ev/1", path
    assert client.get("/api/actors/NGO%2FRED").json()["name"] == "Red Cross"
    assert client.get("/api/actors/NGO/RED/events").json()["total"] == 0
    assert client.get("/api/actors/RUS_GOV/events").json()["total"] > 0
    assert client.get("/api/documents/feed/43").json()["error"]["code"] == "E404"
