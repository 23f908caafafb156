"""``/api/documents``: read articles; ``POST`` queues JSONL for ingest when the API token is set;
``/api/jobs/{job_id}`` follows the queued ingest. Ids may hold ``/`` (the path converter takes the rest of
the path, so ``/api/documents/feed/42`` and ``/api/documents/feed%2F42`` both reach ``feed/42``)."""

from __future__ import annotations

import asyncio
import time
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request, Response

from petrel.api.deps import Con, PageParams, page_out
from petrel.api.ingest import check_token, read_body
from petrel.api.routing import StrictRoute
from petrel.api.schemas import ERROR_RESPONSES, ErrorOut, PageOut
from petrel.store import queries

router = APIRouter(prefix="/api", tags=["documents"], responses=ERROR_RESPONSES,
                   route_class=StrictRoute)

DocSort = Literal[tuple(queries.DOCUMENT_SORTS)]  # type: ignore[valid-type]
MAX_WAIT = 30.0


@router.get("/documents", response_model=PageOut)
def list_documents(con: Con, paging: PageParams,
                   status: Literal["ok", "rejected", "duplicate"] | None = None,
                   outlet: Annotated[str | None, Query(min_length=1, max_length=200)] = None,
                   q: Annotated[str | None, Query(min_length=1, max_length=200, description="words in the title")] = None,
                   story_id: Annotated[str | None, Query(min_length=1, max_length=200)] = None,
                   sort: DocSort = "-published") -> dict[str, Any]:
    """Articles, ingested and rejected (with the reason), with their number of event mentions."""
    page = queries.list_documents(con, status=status, outlet=outlet, q=q, story_id=story_id, sort=sort,
                                  limit=paging.limit, offset=paging.offset)
    return page_out(page, paging)


@router.get("/documents/{doc_id:path}")
def get_document(con: Con, doc_id: Annotated[str, Path(max_length=300)]) -> dict[str, Any]:
    """One article: text, metadata, event mentions with offsets, quotes, actor mentions."""
    return queries.get_document(con, doc_id)


@router.post("/documents", status_code=202, responses={
                 200: {"description": "the job finished within `wait` seconds"}, 401: {"model": ErrorOut},
                 403: {"model": ErrorOut}, 408: {"model": ErrorOut}, 413: {"model": ErrorOut},
                 503: {"model": ErrorOut}},
             openapi_extra={"requestBody": {"required": True, "content": {
                 "application/x-ndjson": {"schema": {"type": "string"}}}}})
async def post_documents(request: Request, response: Response,
                         wait: Annotated[float, Query(ge=0, le=MAX_WAIT, description="seconds to wait for the job "
                                                      "to finish (200 with its report if it does)")] = 0,
                         ) -> dict[str, Any]:
    """Queue JSONL articles for ingest (needs `Authorization: Bearer TOKEN`; off unless the server has a token).

    Answers 202 with the job (`GET /api/jobs/{job_id}` follows it), or 200 when it finished within `wait`.
    """
    settings = request.app.state.settings
    check_token(request, settings)
    body = await read_body(request, settings.api_max_body_bytes, settings.api_body_timeout)
    job = request.app.state.jobs.submit(body)
    response.headers["Location"] = f"/api/jobs/{job.job_id}"
    deadline = time.monotonic() + wait
    while not job.done.is_set() and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    if job.done.is_set():
        response.status_code = 200
    return job.to_dict()


@router.get("/jobs/{job_id}", tags=["jobs"], responses={404: {"model": ErrorOut}})
def get_job(request: Request, job_id: Annotated[str, Path(max_length=64)]) -> dict[str, Any]:
    """An ingest job: `queued`, `running`, `done` (with the ingest report) or `failed` (with the error)."""
    return request.app.state.jobs.get(job_id).to_dict()  # type: ignore[no-any-return]


@router.get("/quotes", response_model=PageOut, tags=["quotes"])
def list_quotes(con: Con, paging: PageParams,
                doc_id: Annotated[str | None, Query(min_length=1, max_length=300, description="quotes of this document")] = None,
                speaker: Annotated[str | None, Query(min_length=1, max_length=200,
                                                     description="speaker name or actor id contains")] = None,
                ) -> dict[str, Any]:
    """Direct and indirect quotes with speaker, cue verb, content and the article they come from."""
    page = queries.list_quotes(con, doc_id=doc_id, speaker=speaker, limit=paging.limit, offset=paging.offset)
    return page_out(page, paging)
