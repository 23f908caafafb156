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
from collections.abc import Callable
from typing import Any

from fastapi import Request

from petrel.config import Settings
from petrel.errors import AuthError, EmptyInput, EncodingError, IngestDisabled, PayloadTooLarge, RequestTimeout

IngestFn = Callable[..., Any]
"""``ingest(records, settings, *, source)``: ingest a JSONL string; ``source`` names its lines ("NAME:LINE")."""


class DefaultIngest:
    """Calls :func:`petrel.ingest_service.ingest_records`, keeping one pipeline for the app's lifetime."""

    def __init__(self) -> None:
        self._pipeline: Any = None

    def __call__(self, records: str, settings: Settings, *, source: str = "-") -> Any:
        from petrel.ingest_service import ingest_records
        from petrel.pipeline import Pipeline

        if self._pipeline is None:
            self._pipeline = Pipeline(settings)
        return ingest_records(records, settings, pipeline=self._pipeline, source=source)


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
