"""Running the app with uvicorn: in the foreground (``petrel serve``) or in a thread (tests, benchmarks)."""

from __future__ import annotations

import socket
import sys
import threading
import time
from types import TracebackType
from typing import Any

import uvicorn

from petrel.api.app import create_app
from petrel.config import Settings
from petrel.errors import PetrelError


# Seconds uvicorn waits for open requests after SIGTERM/SIGINT before it cancels them; then the app's
# shutdown interrupts running queries and closes the database. Idle keep-alive connections close after
# KEEP_ALIVE seconds; a POST body has its own limit (``api_body_timeout``).
GRACEFUL_SHUTDOWN = 3
KEEP_ALIVE = 5


def server_config(app: Any, host: str, port: int, *, log_level: str = "info",
                  access_log: bool = True) -> uvicorn.Config:
    """The uvicorn settings of every petrel server (foreground, thread, benchmark)."""
    return uvicorn.Config(app, host=host, port=port, log_level=log_level, access_log=access_log,
                          timeout_graceful_shutdown=GRACEFUL_SHUTDOWN, timeout_keep_alive=KEEP_ALIVE,
                          backlog=2048)


# The ingest writer runs the NLP pipeline (Python, holding the GIL) in the server's process; with the
# default 5 ms switch interval the event loop may wait that long for each of its many GIL takes (cached
# answers were served 4x slower while the first job loaded the pipeline, 2026-12-07). A shorter interval
# hands the GIL back sooner; its own effect was not measured apart from the other changes of that day.
SWITCH_INTERVAL = 0.001


def serve(settings: Settings, host: str = "127.0.0.1", port: int = 8000, *, access_log: bool = True) -> None:
    """Serve the API and dashboard until SIGINT or SIGTERM (it stops within a few seconds of either)."""
    sys.setswitchinterval(SWITCH_INTERVAL)
    uvicorn.Server(server_config(create_app(settings), host, port, access_log=access_log)).run()


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


class BackgroundServer:
    """A uvicorn server on a free loopback port in a daemon thread; use as a context manager."""

    def __init__(self, settings: Settings, *, host: str = "127.0.0.1", port: int | None = None,
                 workers_log_level: str = "warning", ingest: Any = None) -> None:
        """``ingest`` replaces the ingest service (as in :func:`create_app`; with a token the default one
        loads the NLP pipeline in the background from the start)."""
        self.host = host
        self.port = port or free_port(host)
        self.app = create_app(settings, ingest=ingest)
        config = server_config(self.app, host, self.port, log_level=workers_log_level, access_log=False)
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, name="petrel-api", daemon=True)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self, timeout: float = 15.0) -> BackgroundServer:
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise PetrelError("the API server did not start", url=self.url)
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)

    def __enter__(self) -> BackgroundServer:
        return self.start()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()
