"""``/api/documents``: read articles; ``POST`` ingests JSONL when the API token is set."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Path, Query, Request
from starlette.concurrency import run_in_threadpool

from petrel.api.deps import Con, PageParams, page_out
from petrel.api.ingest import check_token, read_body, report_dict
from petrel.api.routing import StrictRoute
from petrel.api.schemas import ERROR_RESPONSES, ErrorOut, PageOut
from petrel.store import queries

router = APIRouter(prefix="/api", tags=["documents"], responses=ERROR_RESPONSES,
                   route_class=StrictRoute)

DocSort = Literal[tuple(queries.DOCUMENT_SORTS)]  # type: ignore[valid-type]


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


@router.get("/documents/{doc_id}")
def get_document(con: Con, doc_id: Annotated[str, Path(max_length=300)]) -> dict[str, Any]:
    """One article: text, metadata, event mentions with offsets, quotes, actor mentions."""
    return queries.get_document(con, doc_id)


@router.post("/documents", responses={401: {"model": ErrorOut}, 403: {"model": ErrorOut},
                                      413: {"model": ErrorOut}},
             openapi_extra={"requestBody": {"required": True, "content": {
                 "application/x-ndjson": {"schema": {"type": "string"}}}}})
async def post_documents(request: Request) -> dict[str, Any]:
    """Ingest JSONL articles (needs `Authorization: Bearer TOKEN`; off unless the server has a token)."""
    settings = request.app.state.settings
    check_token(request, settings)
    body = await read_body(request, settings.api_max_body_bytes)
    report = await run_in_threadpool(_ingest_exclusive, request, body)
    return report_dict(report)


def _ingest_exclusive(request: Request, body: str) -> Any:
    state = request.app.state
    with state.db.exclusive():
        return state.ingest(body, state.settings)


@router.get("/quotes", response_model=PageOut, tags=["quotes"])
def list_quotes(con: Con, paging: PageParams,
                doc_id: Annotated[str | None, Query(min_length=1, max_length=300, description="quotes of this document")] = None,
                speaker: Annotated[str | None, Query(min_length=1, max_length=200,
                                                     description="speaker name or actor id contains")] = None,
                ) -> dict[str, Any]:
    """Direct and indirect quotes with speaker, cue verb, content and the article they come from."""
    page = queries.list_quotes(con, doc_id=doc_id, speaker=speaker, limit=paging.limit, offset=paging.offset)
    return page_out(page, paging)
