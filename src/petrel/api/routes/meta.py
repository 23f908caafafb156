"""``/api/health`` and ``/api/stats``"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from petrel import __version__
from petrel.api.deps import Con
from petrel.api.routing import StrictRoute
from petrel.store import queries

router = APIRouter(prefix="/api", tags=["meta"], route_class=StrictRoute)


@router.get("/health")
def health(con: Con, request: Request) -> dict[str, Any]:
    """Liveness, whether the server holds the database read-only (false when ingest is on), and the NLP
    pipeline's state: ``off`` (ingest is off), ``loading``, ``ready``, ``not loaded`` or ``failed``."""
    con.execute("SELECT 1").fetchone()
    state = request.app.state
    pipeline = getattr(state.ingest, "status", "ready") if state.settings.api_token else "off"
    return {"status": "ok", "version": __version__, "read_only": state.db.read_only, "pipeline": pipeline}


@router.get("/stats")
def stats(con: Con) -> dict[str, Any]:
    """Counts per table, per event type, quad class and status; the date range; the top outlets."""
    return queries.summary(con)
