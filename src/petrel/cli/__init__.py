"""The ``petrel`` command line: thin commands that parse arguments and call library functions.

Every command takes ``--db PATH`` (default ``./petrel.duckdb``, or ``PETREL_DB_PATH``). Errors print
one line (``error[CODE]: message``) on stderr and exit with status 1.
"""

from __future__ import annotations

import gc

# importing the commands (typer, rich, pydantic-settings, petrel's modules) makes long-lived objects only:
# the cyclic collector is paused meanwhile (petrel.pipeline.collector_paused says why), and what the
# imports made is then frozen out of its reach (the first collection after it was turned back on
# traversed all of it, about 0.03 s, for no garbage)
_collecting = gc.isenabled()
gc.disable()
try:
    from petrel.cli._app import app
    from petrel.cli import (  # noqa: F401  (each module attaches its commands to app)
        actors, dedup, demo, docs, evaluate, events, ingest, quotes, serve, stories,
    )
finally:
    if _collecting:
        gc.freeze()
        gc.enable()


def main() -> None:
    """Entry point of the ``petrel`` script.

    A command runs once and exits, so what is loaded (the commands' modules now, a pipeline later) is
    frozen out of the cyclic collector: collections during the command, and the interpreter's last one at
    exit, no longer traverse it (``petrel.pipeline.freeze_loaded_objects``; everything is still freed at
    exit as before, and shutdown runs as usual).
    """
    from petrel.pipeline import freeze_loaded_objects

    gc.freeze()
    freeze_loaded_objects()
    try:
        app()
    finally:
        gc.freeze()  # what the command made and still holds: the last collection at exit skips it


__all__ = ["app", "main"]
