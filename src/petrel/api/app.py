"""``create_app(settings)``: the FastAPI app serving ``/api`` and the dashboard at ``/``."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles
from starlette.middleware.base import RequestResponseEndpoint

from petrel import __version__
from petrel.api.database import Database
from petrel.api.errors import install_error_handlers
from petrel.api.ingest import DefaultIngest, IngestFn
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
    """The app over ``settings.db_path`` (opened read-only). ``ingest`` replaces the ingest service."""
    settings = settings or Settings()
    app = FastAPI(title="petrel", version=__version__, docs_url=None, redoc_url=None,
                  description="Political event data: who did what to whom, when, where, according to whom.")
    app.state.settings = settings
    app.state.db = Database(settings.db_path)
    app.state.ingest = ingest or DefaultIngest()
    install_error_handlers(app)
    for router in ROUTERS:
        app.include_router(router)
    app.middleware("http")(_security_headers)
    app.router.add_event_handler("shutdown", app.state.db.close)
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


async def _security_headers(request: Request, call_next: RequestResponseEndpoint) -> Response:
    response = await call_next(request)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    if not request.url.path.startswith("/api"):
        response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    return response
