"""``POST /api/documents``: authentication, body limit, and the hand-over to the ingest service.

Off unless ``settings.api_token`` is set (E403). When on, a request needs ``Authorization: Bearer TOKEN``
(E401). Bodies over ``settings.api_max_body_bytes`` are refused before they are read whole (E413). The
body is JSONL (one ``{"text": ...}`` object per line, the same lines ``petrel ingest -`` reads).
"""

from __future__ import annotations

import hmac
from collections.abc import Callable
from typing import Any

from fastapi import Request

from petrel.config import Settings
from petrel.errors import AuthError, EmptyInput, EncodingError, IngestDisabled, PayloadTooLarge

IngestFn = Callable[[str, Settings], Any]


class DefaultIngest:
    """Calls :func:`petrel.ingest_service.ingest_records`, keeping one pipeline for the app's lifetime."""

    def __init__(self) -> None:
        self._pipeline: Any = None

    def __call__(self, records: str, settings: Settings) -> Any:
        from petrel.ingest_service import ingest_records
        from petrel.pipeline import Pipeline

        if self._pipeline is None:
            self._pipeline = Pipeline(settings)
        return ingest_records(records, settings, pipeline=self._pipeline)


def check_token(request: Request, settings: Settings) -> None:
    """E403 when ingest is off, E401 when the bearer token is missing or wrong."""
    if not settings.api_token:
        raise IngestDisabled()
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), settings.api_token.encode()):
        raise AuthError("send the API token as `Authorization: Bearer TOKEN`")


async def read_body(request: Request, limit: int) -> str:
    """The request body as text, refusing more than ``limit`` bytes without buffering past it."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise PayloadTooLarge(limit=limit, size=int(declared))
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise PayloadTooLarge(limit=limit)
        chunks.append(chunk)
    return _decode(b"".join(chunks))


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
