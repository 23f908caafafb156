"""``create_app(settings)``: the FastAPI app serving ``/api`` and the dashboard at ``/``."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from petrel import __version__
from petrel.api.database import Database
from petrel.api.errors import install_error_handlers
from petrel.api.gate import ReadGate
from petrel.api.ingest import DefaultIngest, IngestFn, report_dict
from petrel.api.jobs import IngestQueue, Job
from petrel.api.routes import ROUTERS
from petrel.config import Settings

WEB_DIR = Path(__file__).resolve().parents[1] / "data" / "web"
APIDOCS_DIR = Path(__file__).resolve().parents[1] / "data" / "apidocs"

# The dashboard loads nothing from elsewhere and runs no inline script: a stored article that carries
# markup can't run even if a bug ever put it into the DOM as HTML.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
# Swagger UI (``/docs``) sets inline styles; its scripts still come from this server only.
DOCS_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")


def create_app(settings: Settings | None = None, *, ingest: IngestFn | None = None) -> FastAPI:
    """The app over ``settings.db_path``: read-only, or read-write when ``api_token`` turns ingest on.

    ``ingest`` replaces the ingest service (called by the app's one background writer).
    """
    settings = settings or Settings()
    app = FastAPI(title="petrel", version=__version__, docs_url=None, redoc_url=None,
                  description="Political event data: who did what to whom, when, where, according to whom.")
    app.state.settings = settings
    db = Database(settings.db_path, writable=bool(settings.api_token), query_timeout=settings.api_query_timeout)
    app.state.db = db
    app.state.ingest = ingest or DefaultIngest()
    app.state.jobs = IngestQueue(partial(_run_job, app), max_jobs=settings.api_max_jobs)
    install_error_handlers(app)
    for router in ROUTERS:
        app.include_router(router)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(ReadGate, db=db, slots=settings.api_read_slots, queue_timeout=settings.api_queue_timeout,
                       cache_bytes=settings.api_cache_mb * 1_000_000)
    if settings.api_token and hasattr(app.state.ingest, "start_loading"):
        # ingest is on: build the NLP pipeline in the background, so /api/health answers at once and the
        # first POSTed job waits only for what is left of the load
        app.router.add_event_handler("startup", partial(app.state.ingest.start_loading, settings))
    app.router.add_event_handler("shutdown", app.state.jobs.close)
    app.router.add_event_handler("shutdown", db.close)
    _add_docs(app)
    if WEB_DIR.is_dir():
        app.mount("/", StaticFiles(directory=WEB_DIR, html=True), name="dashboard")
    return app


def _add_docs(app: FastAPI) -> None:
    """``/docs``: Swagger UI over ``/openapi.json``, its assets bundled in the package (works offline)."""
    if not APIDOCS_DIR.is_dir():
        return

    @app.get("/docs", include_in_schema=False)
    def api_docs() -> FileResponse:
        return FileResponse(APIDOCS_DIR / "index.html", media_type="text/html",
                            headers={"Content-Security-Policy": DOCS_CONTENT_SECURITY_POLICY})

    app.mount("/docs/assets", StaticFiles(directory=APIDOCS_DIR), name="apidocs")


def _run_job(app: FastAPI, job: Job) -> dict[str, Any]:
    """Run one ingest job on the writer thread; the file changed, whatever happened."""
    state = app.state
    try:
        return report_dict(state.ingest(job.body, state.settings, source=f"api:{job.job_id}"))
    finally:
        state.db.changed()


class SecurityHeaders:
    """Headers of every answer (a plain ASGI middleware: no task or stream per request)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        dashboard = not scope.get("path", "").startswith("/api")

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("X-Content-Type-Options", "nosniff")
                headers.setdefault("Referrer-Policy", "no-referrer")
                if dashboard:
                    headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
            await send(message)

        await self.app(scope, receive, with_headers)
