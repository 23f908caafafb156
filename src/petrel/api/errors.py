"""Every error the API answers has one JSON shape: ``PetrelError.to_dict()``.

Petrel's own errors carry their HTTP status; FastAPI's validation errors become ``E400`` with the list
of offending parameters in ``detail.errors``; unknown routes and files become ``E404``; a query stopped
by the watchdog becomes ``E503`` (with ``Retry-After``, as every ``ServiceBusy``); anything unexpected
becomes ``E000`` (500) and is logged with its traceback.
"""

from __future__ import annotations

import logging
from typing import Any

import duckdb

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from petrel.errors import NotFound, PetrelError, QueryError, ServiceBusy

log = logging.getLogger(__name__)


def error_response(exc: PetrelError, status: int | None = None) -> JSONResponse:
    retry_after = getattr(exc, "retry_after", None)
    headers = {"Retry-After": str(retry_after)} if retry_after is not None else None
    return JSONResponse(exc.to_dict(), status_code=status or exc.status, headers=headers)


async def _interrupted(request: Request, _: Exception) -> JSONResponse:
    timeout = request.app.state.db.query_timeout
    return error_response(ServiceBusy(f"the query ran longer than {timeout:g} s and was stopped: narrow the "
                                      "filter or retry later", retry_after=5))


async def _petrel_error(_: Request, exc: PetrelError) -> JSONResponse:
    return error_response(exc)


async def _validation_error(_: Request, exc: Exception) -> JSONResponse:
    errors = [_one_error(e) for e in getattr(exc, "errors", lambda: [])()]
    first = errors[0] if errors else {"loc": [], "msg": "invalid request"}
    where = ".".join(str(p) for p in first["loc"][1:]) or "request"
    return error_response(QueryError(f"invalid {where}: {first['msg']}", errors=errors))


def _one_error(error: dict[str, Any]) -> dict[str, Any]:
    return {"loc": list(error.get("loc", ())), "msg": str(error.get("msg", "")), "type": error.get("type")}


async def _http_error(_: Request, exc: HTTPException) -> JSONResponse:
    if exc.status_code == 404:
        return error_response(NotFound("no such route or file"))
    return error_response(QueryError(str(exc.detail)), status=exc.status_code)


async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error in a request", exc_info=exc)
    return error_response(PetrelError(f"internal error: {type(exc).__name__}"))


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(PetrelError, _petrel_error)  # type: ignore[arg-type]
    app.add_exception_handler(duckdb.InterruptException, _interrupted)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(HTTPException, _http_error)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, _unexpected)
