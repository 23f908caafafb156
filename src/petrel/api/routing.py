"""``StrictRoute``: a route that refuses query parameters it does not take.

A misspelt filter (``?acter=RUS``, ``?date_form=2024``) would otherwise be ignored and answer every
event, which reads as a result. Every API router uses this route class, so an unknown parameter is a
400 ``E400`` naming it and listing the parameters the route takes.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from starlette.requests import Request
from starlette.responses import Response

from petrel.errors import QueryError


def query_names(dependant: Dependant) -> frozenset[str]:
    """The query parameter names (aliases) a route takes, its dependencies' included."""
    names: set[str] = set()
    todo = [dependant]
    while todo:
        current = todo.pop()
        names.update(field.alias for field in current.query_params)
        todo.extend(current.dependencies)
    return frozenset(names)


class StrictRoute(APIRoute):
    """An :class:`APIRoute` that answers 400 when the query string holds a parameter the route lacks."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()
        allowed = query_names(self.dependant)

        async def strict_handler(request: Request) -> Response:
            unknown = [name for name in dict.fromkeys(request.query_params.keys()) if name not in allowed]
            if unknown:
                takes = ", ".join(sorted(allowed)) or "none"
                raise QueryError(f"unknown parameter {unknown[0]!r} (this route takes: {takes})",
                                 unknown=unknown, allowed=sorted(allowed))
            return await handler(request)

        return strict_handler


__all__ = ["StrictRoute", "query_names"]
