"""The one exception tree of petrel.

Every error petrel raises on purpose is a :class:`PetrelError`. Each class has a stable
``code`` (documented in ``docs/errors.md``) and an HTTP ``status`` used by the API. The CLI
prints ``error[CODE]: message`` on one line and exits non-zero; the API answers
``{"error": {"code": ..., "message": ..., "detail": {...}}}``.

::

    PetrelError                      E000  500
    ├── ConfigError                  E100  500   bad settings, missing model or knowledge-base file
    ├── InputError                   E200  400   one input cannot be read (recorded as rejected, batch goes on)
    │   ├── EmptyInput               E201
    │   ├── BinaryInput              E202
    │   ├── EncodingError            E203
    │   ├── MalformedRecord          E204
    │   ├── InputTooLarge            E205
    │   ├── UnsupportedFormat        E206
    │   ├── NoTextFound              E207
    │   ├── InputNotFound            E208
    │   ├── ProcessingFailed         E209  a stage failed on this document (a bug: report it)
    │   ├── NotRegularFile           E210  a FIFO, device or socket (or a link to one): refused unopened
    │   ├── SymlinkLoop              E211  a symbolic link that loops (or too many levels of links)
    │   ├── AccessDenied             E212  a file or folder petrel may not read (permission denied)
    │   └── IdConflict               E213  an id already used by a record with different text
    ├── StoreError                   E300  500   the database cannot be opened or written
    │   └── DatabaseLocked           E301  503   another process holds the file (e.g. `petrel serve`)
    ├── QueryError                   E400  400   a filter or parameter is invalid
    │   └── NotFound                 E404  404
    ├── AuthError                    E401  401   missing or wrong API token
    │   └── IngestDisabled           E403  403
    ├── RequestTimeout               E408  408   the request body did not arrive in time
    ├── PayloadTooLarge              E413  413
    ├── ServiceBusy                  E503  503   a bounded wait ran out (answer carries Retry-After)
    └── EvalDataMissing              E500  500   ../shared/eval is absent
"""

from __future__ import annotations

from typing import Any, ClassVar


class PetrelError(Exception):
    """Base of every error petrel raises on purpose."""

    code: ClassVar[str] = "E000"
    status: ClassVar[int] = 500
    default_message: ClassVar[str] = "petrel failed"

    def __init__(self, message: str | None = None, **detail: Any) -> None:
        self.message = message or self.default_message
        self.detail = detail
        super().__init__(self.message)

    def to_dict(self) -> dict[str, Any]:
        """The one JSON error shape."""
        return {"error": {"code": self.code, "message": self.message, "detail": self.detail}}

    def one_line(self) -> str:
        return f"error[{self.code}]: {self.message}"


class ConfigError(PetrelError):
    code, status, default_message = "E100", 500, "petrel is not configured correctly"


class InputError(PetrelError):
    code, status, default_message = "E200", 400, "input cannot be read"


class EmptyInput(InputError):
    code, default_message = "E201", "the input is empty"


class BinaryInput(InputError):
    code, default_message = "E202", "the input is binary, not text"


class EncodingError(InputError):
    code, default_message = "E203", "the input is not valid UTF-8 text"


class MalformedRecord(InputError):
    code, default_message = "E204", "the record is malformed"


class InputTooLarge(InputError):
    code, default_message = "E205", "the input is larger than the configured limit"


class UnsupportedFormat(InputError):
    code, default_message = "E206", "the file type is not supported"


class NoTextFound(InputError):
    code, default_message = "E207", "no article text could be extracted"


class InputNotFound(InputError):
    code, default_message = "E208", "the path does not exist"


class StoreError(PetrelError):
    code, status, default_message = "E300", 500, "the database cannot be used"


class DatabaseLocked(StoreError):
    """Another process holds the database file (DuckDB allows one writer, or readers only)."""

    code, status, default_message = "E301", 503, "the database is open in another process"


class QueryError(PetrelError):
    code, status, default_message = "E400", 400, "the query is invalid"


class NotFound(QueryError):
    code, status, default_message = "E404", 404, "not found"


class AuthError(PetrelError):
    code, status, default_message = "E401", 401, "a valid API token is required"


class IngestDisabled(AuthError):
    code, status, default_message = "E403", 403, "ingest through the API is off: set PETREL_API_TOKEN"


class PayloadTooLarge(PetrelError):
    code, status, default_message = "E413", 413, "the request body is larger than the configured limit"


class RequestTimeout(PetrelError):
    code, status, default_message = "E408", 408, "the request body did not arrive in time"


class ServiceBusy(PetrelError):
    """A bounded wait of the server ran out; ``retry_after`` (seconds) goes into the ``Retry-After`` header."""

    code, status, default_message = "E503", 503, "the server is busy: try again shortly"

    def __init__(self, message: str | None = None, *, retry_after: int = 1, **detail: Any) -> None:
        super().__init__(message, retry_after=retry_after, **detail)
        self.retry_after = retry_after


class EvalDataMissing(PetrelError):
    code, status, default_message = "E500", 500, "the evaluation data (../shared/eval) is not present"


def all_error_classes() -> list[type[PetrelError]]:
    """Every class of the tree, base first (used by the docs test)."""
    found: list[type[PetrelError]] = []
    stack: list[type[PetrelError]] = [PetrelError]
    while stack:
        cls = stack.pop(0)
        found.append(cls)
        stack.extend(cls.__subclasses__())
    return found


class ProcessingFailed(InputError):
    """A document broke a pipeline stage. Recorded as rejected; the batch goes on. Please report it."""

    code, default_message = "E209", "the document could not be processed"


class ClusterError(ConfigError):
    """``petrel ingest --scheduler``: Dask is missing, the scheduler is unreachable or a worker cannot run petrel."""

    code, default_message = "E110", "the Dask cluster cannot be used"


class NotRegularFile(InputError):
    """A FIFO, device, socket or a link to one: refused from its ``stat``, before it is opened for reading."""

    code, default_message = "E210", "not a regular file"


class SymlinkLoop(InputError):
    code, default_message = "E211", "a symbolic link loop"


class AccessDenied(InputError):
    code, default_message = "E212", "permission denied"


class IdConflict(InputError):
    """A record's ``id`` is already taken by a record with different text; the reason names both sources."""

    code, default_message = "E213", "the id is already used by a record with different text"
