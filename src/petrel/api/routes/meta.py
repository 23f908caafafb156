"""``/api/health`` and ``/api/stats``"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter

from petrel import __version__
from petrel.api.deps import Con
from petrel.api.routing import StrictRoute
from petrel.store import queries

router = APIRouter(prefix="/api", tags=["meta"], route_class=StrictRoute)


@router.get("/health")
def health(con: Con) -> dict[str, Any]:
    """Liveness and the database the server reads (read-only)."""
    con.execute("SELECT 1").fetchone()
    return {"status": "ok", "version": __version__, "read_only": True}


@router.get("/stats")
def stats(con: Con) -> dict[str, Any]:
    """Counts per table, per event type, quad class and status; the date range; the top outlets."""
    return queries.summary(con)
