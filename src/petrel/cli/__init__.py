"""The ``petrel`` command line: thin commands that parse arguments and call library functions.

Every command takes ``--db PATH`` (default ``./petrel.duckdb``, or ``PETREL_DB_PATH``). Errors print
one line (``error[CODE]: message``) on stderr and exit with status 1.
"""

from __future__ import annotations

import gc

# importing the commands (typer, rich, pydantic-settings, petrel's modules) makes long-lived objects only:
# the cyclic collector is paused meanwhile (petrel.pipeline.collector_paused says why)
_collecting = gc.isenabled()
gc.disable()
try:
    from petrel.cli._app import app
    from petrel.cli import (  # noqa: F401  (each module attaches its commands to app)
        actors, dedup, demo, docs, evaluate, events, ingest, quotes, serve, stories,
    )
finally:
    if _collecting:
        gc.enable()


def main() -> None:
    """Entry point of the ``petrel`` script."""
    app()


__all__ = ["app", "main"]
