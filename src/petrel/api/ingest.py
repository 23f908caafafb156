"""``POST /api/documents``: authentication, body limits, and the hand-over to the ingest service.

Off unless ``settings.api_token`` is set (E403). When on, a request needs ``Authorization: Bearer TOKEN``
(E401). Bodies over ``settings.api_max_body_bytes`` are refused before they are read whole (E413), and a
body that takes longer than ``settings.api_body_timeout`` seconds to arrive is refused too (E408), so a
slow sender cannot hold a connection. The body is JSONL (one ``{"text": ...}`` object per line, the same
lines ``petrel ingest -`` reads); the ingest itself runs later, as a job (:mod:`petrel.api.jobs`).
"""

from __future__ import annotations

import asyncio
import hmac
import logging
import threading
from collections.abc import Callable
from typing import Any

from fastapi import Request

from petrel.config import Settings
from petrel.errors import AuthError, EmptyInput, EncodingError, IngestDisabled, PayloadTooLarge, RequestTimeout

log = logging.getLogger(__name__)

IngestFn = Callable[..., Any]
"""``ingest(records, settings, *, source)``: ingest a JSONL string; ``source`` names its lines ("NAME:LINE")."""


class DefaultIngest:
    """Calls :func:`petrel.ingest_service.ingest_records`, keeping one pipeline for the app's lifetime.

    :meth:`start_loading` builds the pipeline in a background thread (the app does it at start when
    ingest is on), so the server answers at once and the first job does not pay for spaCy; a job that
    comes while it loads waits for it. :attr:`status` is what ``/api/health`` reports: ``not loaded``,
    ``loading``, ``ready`` or ``failed`` (the next job then tries again, and reports the error)."""

    def __init__(self) -> None:
        self._pipeline: Any = None
        self._lock = threading.Lock()  # held by whoever builds the pipeline
        self._loading = False
        self._failed = False

    @property
    def status(self) -> str:
        if self._pipeline is not None:
            return "ready"
        if self._loading:
            return "loading"
        return "failed" if self._failed else "not loaded"

    def start_loading(self, settings: Settings) -> threading.Thread:
        """Build the pipeline in a daemon thread (returned); a no-op thread when it is built already."""
        self._loading = self._pipeline is None
        thread = threading.Thread(target=self._load_quietly, args=(settings,), name="petrel-pipeline-load",
                                  daemon=True)
        thread.start()
        return thread

    def _load_quietly(self, settings: Settings) -> None:
        try:
            self.pipeline(settings)
        except Exception:  # reported by /api/health; the next job loads again and fails with the reason
            log.exception("loading the NLP pipeline in the background failed")

    def pipeline(self, settings: Settings) -> Any:
        """The pipeline, built now if needed (or waited for while another thread builds it)."""
        if self._pipeline is None:
            with self._lock:
                if self._pipeline is None:
                    from petrel.pipeline import Pipeline

                    self._loading = True
                    try:
                        self._pipeline = Pipeline(settings)
                        self._failed = False
                    except BaseException:
                        self._failed = True
                        raise
                    finally:
                        self._loading = False
        return self._pipeline

    def __call__(self, records: str, settings: Settings, *, source: str = "-") -> Any:
        from petrel.ingest_service import ingest_records

        return ingest_records(records, settings, pipeline=self.pipeline(settings), source=source)


def check_token(request: Request, settings: Settings) -> None:
    """E403 when ingest is off, E401 when the bearer token is missing or wrong."""
    if not settings.api_token:
        raise IngestDisabled()
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), settings.api_token.encode()):
        raise AuthError("send the API token as `Authorization: Bearer TOKEN`")


async def read_body(request: Request, limit: int, timeout: float = 30.0) -> str:
    """The request body as text: more than ``limit`` bytes (E413) or ``timeout`` seconds (E408) is refused."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise PayloadTooLarge(limit=limit, size=int(declared))
    try:
        body = await asyncio.wait_for(_read_at_most(request, limit), timeout)
    except asyncio.TimeoutError:
        raise RequestTimeout(f"the body did not arrive within {timeout:g} s", timeout=timeout) from None
    return _decode(body)


async def _read_at_most(request: Request, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise PayloadTooLarge(limit=limit)
        chunks.append(chunk)
    return b"".join(chunks)


def _decode(body: bytes) -> str:
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise EncodingError("the body must be UTF-8 JSONL") from None
    if not text.strip():
        raise EmptyInput("the body is empty: send JSONL, one {\"text\": ...} object per line")
    return text


def report_dict(report: Any) -> dict[str, Any]:
    return report.to_dict() if hasattr(report, "to_dict") else dict(report)
