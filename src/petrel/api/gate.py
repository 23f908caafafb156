"""``ReadGate``: the ASGI middleware in front of the API's reads (cached answers, one computation per
question, a bounded number of queries at once, a bounded wait for a turn).

Under load, what costs is running the same few questions many times at once on two cores: 200 clients
paging the dashboard's default filters asked DuckDB the same statements 200 times, each CPU-bound, so
every answer waited for all the others (p95 10.8 s). The gate:

- answers a ``GET /api/...`` it has answered before, for the same state of the file, from memory
  (status 200 answers only; keyed by path and the sorted query string; bounded in bytes, least recently
  used first; dropped whenever the server's own ingest writes, see ``Database.changed``);
- lets one request compute an answer that several are waiting for (the others wait for it, up to
  ``api_queue_timeout`` seconds, then compute it themselves);
- just after a write (for :data:`STALE_SECONDS`), when every read slot is taken or the same question is
  already being computed, answers with the previous state's answer (``X-Petrel-Cache: stale``) instead
  of queueing: a burst of questions that all missed at once would otherwise wait for each other. With a
  free slot the answer is always fresh;
- lets at most ``api_read_slots`` requests query the database at once (two per core by default): the
  rest wait their turn in order, each for at most ``api_queue_timeout`` seconds, and then get a 503
  (``E503``) with ``Retry-After`` instead of waiting without bound.

Writes (``POST``), job status and the dashboard's static files pass straight through.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from petrel.errors import ServiceBusy

log = logging.getLogger(__name__)
HEALTH = "/api/health"  # always asks the database: never cached, but takes a turn
JOBS = "/api/jobs/"  # job status lives in memory: passes straight through
MAX_ENTRY_BYTES = 2_000_000
STALE_SECONDS = 30.0  # how long after a write the previous answers may still be served under overload
Key = tuple[int, str, str]


@dataclass(frozen=True, slots=True)
class Answer:
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes


class AnswerCache:
    """Answers by key, bounded by the total size of their bodies, least recently used first out.

    When the generation changes, the answers of the previous one are kept aside for
    :data:`STALE_SECONDS` (:meth:`stale`), for the gate to serve while it is overloaded.
    """

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.size = 0
        self.generation = 0
        self._entries: OrderedDict[Key, Answer] = OrderedDict()
        self._previous: dict[tuple[str, str], Answer] = {}
        self._previous_until = 0.0

    def get(self, key: Key) -> Answer | None:
        if key[0] != self.generation:
            self.clear(key[0])
            return None
        answer = self._entries.get(key)
        if answer is not None:
            self._entries.move_to_end(key)
        return answer

    def put(self, key: Key, answer: Answer) -> None:
        if key[0] != self.generation or len(answer.body) > min(MAX_ENTRY_BYTES, self.max_bytes):
            return
        old = self._entries.pop(key, None)
        self.size += len(answer.body) - (len(old.body) if old else 0)
        self._entries[key] = answer
        while self.size > self.max_bytes and self._entries:
            _, dropped = self._entries.popitem(last=False)
            self.size -= len(dropped.body)

    def clear(self, generation: int) -> None:
        self._previous = {(path, query): answer for (_, path, query), answer in self._entries.items()}
        self._previous_until = time.monotonic() + STALE_SECONDS
        self._entries = OrderedDict()
        self.size = 0
        self.generation = generation

    def stale(self, path: str, query: str) -> Answer | None:
        """The answer of the previous generation, if it changed less than STALE_SECONDS ago."""
        if not self._previous or time.monotonic() > self._previous_until:
            self._previous = {}
            return None
        return self._previous.get((path, query))

    def __len__(self) -> int:
        return len(self._entries)


def default_slots() -> int:
    return 2 * (os.cpu_count() or 1)


class ReadGate:
    """See the module docstring. ``db`` gives the generation (``db.generation``) that keys the cache."""

    def __init__(self, app: ASGIApp, *, db: Any, slots: int, queue_timeout: float, cache_bytes: int) -> None:
        self.app = app
        self.db = db
        self.slots = slots or default_slots()  # one deadline per request covers every wait below
        self.queue_timeout = queue_timeout
        self.cache = AnswerCache(cache_bytes)
        self._loop: asyncio.AbstractEventLoop | None = None
        self._turns = asyncio.Semaphore(self.slots)
        self._pending: dict[Key, asyncio.Future[Answer | None]] = {}

    def _bind(self) -> None:
        """Semaphore and futures belong to one event loop (a test client may run several in turn)."""
        loop = asyncio.get_running_loop()
        if loop is not self._loop:
            self._loop = loop
            self._turns = asyncio.Semaphore(self.slots)
            self._pending = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "") if scope["type"] == "http" else ""
        if not path.startswith("/api/") or scope["method"] != "GET" or path.startswith(JOBS):
            await self.app(scope, receive, send)
            return
        self._bind()
        if path == HEALTH or not self.cache.max_bytes:
            await self._in_turn(scope, receive, send)
            return
        deadline = time.monotonic() + self.queue_timeout
        accept = dict(scope.get("headers") or []).get(b"accept", b"")  # the same query may be asked as CSV
        key = (self.db.generation, path, _canonical(scope.get("query_string", b"")) + "#" + accept.decode("latin-1"))
        answer = self.cache.get(key)
        if answer is None:
            stale = self.cache.stale(key[1], key[2])
            if stale is not None and (key in self._pending or self._turns.locked()):
                await _send(send, stale, b"stale")  # overloaded just after a write: the previous answer
                return
            if key in self._pending:
                answer = await self._wait_for_other(key, deadline)
        if answer is not None:
            await _send(send, answer, b"hit")
            return
        await self._compute(key, scope, receive, send, deadline)

    async def _wait_for_other(self, key: Key, deadline: float) -> Answer | None:
        try:
            return await asyncio.wait_for(asyncio.shield(self._pending[key]), max(0.0, deadline - time.monotonic()))
        except (asyncio.TimeoutError, KeyError):
            return None

    async def _compute(self, key: Key, scope: Scope, receive: Receive, send: Send, deadline: float) -> None:
        future: asyncio.Future[Answer | None] = asyncio.get_running_loop().create_future()
        self._pending.setdefault(key, future)
        answer: Answer | None = None
        try:
            answer = await self._captured(scope, receive, deadline)
            if answer.status == 200:
                self.cache.put(key, answer)
            await _send(send, answer, b"miss")
        finally:
            if self._pending.get(key) is future:
                del self._pending[key]
            if not future.done():
                future.set_result(answer if answer is not None and answer.status == 200 else None)

    async def _captured(self, scope: Scope, receive: Receive, deadline: float) -> Answer:
        """Run the app in a turn and keep its whole answer (API answers are single JSON bodies)."""
        start: dict[str, Any] = {}
        body: list[bytes] = []

        async def keep(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                body.append(message.get("body", b""))

        await self._in_turn(scope, receive, keep, deadline)
        return Answer(start.get("status", 500), list(start.get("headers", [])), b"".join(body))

    async def _in_turn(self, scope: Scope, receive: Receive, send: Send, deadline: float | None = None) -> None:
        wait = self.queue_timeout if deadline is None else max(0.0, deadline - time.monotonic())
        try:
            await asyncio.wait_for(self._turns.acquire(), wait)
        except asyncio.TimeoutError:
            await _send(send, busy_answer(self.queue_timeout), b"busy")
            return
        try:
            await self.app(scope, receive, send)
        finally:
            self._turns.release()


def busy_answer(waited: float) -> Answer:
    """The 503 of a request that waited ``waited`` seconds for a turn, in petrel's one error shape."""
    error = ServiceBusy(f"no read slot came free within {waited:g} s: the server is overloaded", retry_after=1)
    body = json.dumps(error.to_dict()).encode()
    headers = [(b"content-type", b"application/json"), (b"retry-after", str(error.retry_after).encode()),
               (b"content-length", str(len(body)).encode())]
    return Answer(503, headers, body)


async def _send(send: Send, answer: Answer, how: bytes) -> None:
    headers = [h for h in answer.headers if h[0].lower() != b"x-petrel-cache"] + [(b"x-petrel-cache", how)]
    await send({"type": "http.response.start", "status": answer.status, "headers": headers})
    await send({"type": "http.response.body", "body": answer.body})


def _canonical(query: bytes) -> str:
    """The query string with its parameters sorted: ``b=2&a=1`` and ``a=1&b=2`` ask the same question."""
    return "&".join(sorted(part for part in query.decode("latin-1").split("&") if part))
