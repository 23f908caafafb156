"""The typer application and the helpers every command shares."""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import typer
from rich.console import Console
from rich.logging import RichHandler

from petrel.config import Settings
from petrel.errors import PetrelError

F = TypeVar("F", bound=Callable[..., Any])

app = typer.Typer(
    name="petrel",
    help="Political event data from raw news: who did what to whom, when, where, according to whom.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
err_console = Console(stderr=True)

DbOption = typer.Option(None, "--db", help="DuckDB file (default ./petrel.duckdb or $PETREL_DB_PATH)")


def user_errors(func: F) -> F:
    """Turn petrel's errors into one line on stderr and exit status 1 (no tracebacks for user errors)."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except PetrelError as exc:
            err_console.print(exc.one_line(), markup=False, highlight=False, soft_wrap=True)
            raise typer.Exit(1) from None

    return wrapper  # type: ignore[return-value]


def make_settings(db: Path | None, **overrides: Any) -> Settings:
    """Settings from the environment, with the command's options on top."""
    values = {k: v for k, v in overrides.items() if v is not None}
    if db is not None:
        values["db_path"] = db
    return Settings(**values)


@app.callback()
def _root(verbose: bool = typer.Option(False, "--verbose", "-v", help="log debug details")) -> None:
    """Political event data from raw news."""
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.WARNING, format="%(message)s",
        handlers=[RichHandler(console=err_console, show_path=False)], force=True,
    )
