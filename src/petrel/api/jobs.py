"""Ingest jobs: ``POST /api/documents`` queues one, a single background writer runs them in turn.

The writer is one daemon thread, so API writes never overlap each other, and no request thread waits
for a write: the POST answers ``202`` with the job at once, ``GET /api/jobs/{job_id}`` reports it
(``queued``, ``running``, ``done`` with the ingest report, or ``failed`` with the error). The queue is
bounded (``api_max_jobs``): when it is full the POST is refused with a 503 (``E503``) and
``Retry-After``. Jobs live in memory (the last :data:`KEEP_FINISHED` finished ones are kept); a job
that was queued when the server stopped is lost, and posting it again is safe (ingest is idempotent).
"""

from __future__ import annotations

import logging
import queue
import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from petrel.errors import NotFound, PetrelError, ServiceBusy

log = logging.getLogger(__name__)
KEEP_FINISHED = 256


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


@dataclass(slots=True)
class Job:
    """One POSTed body on its way into the store."""

    job_id: str
    body: str | None
    lines: int
    status: str = "queued"  # queued | running | done | failed
    submitted: str = field(default_factory=_now)
    started: str | None = None
    finished: str | None = None
    report: dict[str, Any] | None = None
    error: dict[str, Any] | None = None
    done: threading.Event = field(default_factory=threading.Event)

    def to_dict(self) -> dict[str, Any]:
        return {"job_id": self.job_id, "status": self.status, "url": f"/api/jobs/{self.job_id}",
                "lines": self.lines, "submitted": self.submitted, "started": self.started,
                "finished": self.finished, "report": self.report, "error": self.error}


RunFn = Callable[[Job], dict[str, Any]]


class IngestQueue:
    """A bounded queue of ingest jobs and the one thread that runs them."""

    def __init__(self, run: RunFn, *, max_jobs: int) -> None:
        self._run = run
        self.max_jobs = max_jobs
        self._queue: queue.Queue[Job | None] = queue.Queue(maxsize=max_jobs)
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._closed = False

    def submit(self, body: str) -> Job:
        """Queue ``body`` (JSONL); 503 when ``max_jobs`` jobs are already waiting or the server stops."""
        if self._closed:
            raise ServiceBusy("the server is shutting down", retry_after=5)
        job = Job(job_id=secrets.token_hex(8), body=body, lines=sum(1 for ln in body.splitlines() if ln.strip()))
        with self._lock:
            try:
                self._queue.put_nowait(job)
            except queue.Full:
                raise ServiceBusy(f"{self.max_jobs} ingest jobs are already waiting: retry later",
                                  retry_after=5) from None
            self._jobs[job.job_id] = job
            self._forget_old()
            if self._thread is None:
                self._thread = threading.Thread(target=self._work, name="petrel-ingest-writer", daemon=True)
                self._thread.start()
        return job

    def get(self, job_id: str) -> Job:
        with self._lock:
            job = self._jobs.get(job_id)
        if job is None:
            raise NotFound(f"no ingest job {job_id} (jobs are kept in memory until the server stops)",
                           job_id=job_id)
        return job

    def _forget_old(self) -> None:
        finished = [k for k, j in self._jobs.items() if j.done.is_set()]
        for key in finished[: max(0, len(finished) - KEEP_FINISHED)]:
            del self._jobs[key]

    def _work(self) -> None:
        while True:
            job = self._queue.get()
            if job is None:
                return
            self._run_one(job)

    def _run_one(self, job: Job) -> None:
        job.status, job.started = "running", _now()
        try:
            job.report = self._run(job)
            job.status = "done"
        except PetrelError as exc:
            job.status, job.error = "failed", exc.to_dict()["error"]
        except Exception as exc:  # the writer must survive any job; the error is kept on the job and logged
            log.exception("ingest job %s failed", job.job_id)
            job.status = "failed"
            job.error = PetrelError(f"internal error: {type(exc).__name__}: {exc}").to_dict()["error"]
        finally:
            job.body = None
            job.finished = _now()
            job.done.set()

    def close(self) -> None:
        """Refuse new jobs and let the writer stop after the running one (it is a daemon: never waited for)."""
        self._closed = True
        try:
            self._queue.put_nowait(None)
        except queue.Full:
            pass
