"""``petrel actors`` and ``petrel actors import``"""

from __future__ import annotations

from pathlib import Path

import typer

from petrel.cli._app import DbOption, app, err_console, user_errors
from petrel.cli._db import read_db
from petrel.cli._output import Format, FormatOption, OutputOption, write_listing

actors_app = typer.Typer(help="Actors: list those seen in the database, import actor dictionaries.",
                         no_args_is_help=False, invoke_without_command=True)
app.add_typer(actors_app, name="actors")

COLUMNS = [
    ("actor_id", lambda a: a["actor_id"]),
    ("name", lambda a: a.get("name")),
    ("country", lambda a: a.get("country")),
    ("sectors", lambda a: a.get("sectors")),
    ("resolved by", lambda a: a.get("resolution")),
    ("events", lambda a: a.get("num_events")),
    ("seen as", lambda a: a.get("aliases")),
]


@actors_app.callback()
@user_errors
def actors(
    ctx: typer.Context,
    db: Path = DbOption,
    q: str = typer.Option(None, help="name or alias contains"),
    country: str = typer.Option(None, help="country code"),
    limit: int = typer.Option(1000, min=1, max=100_000, help="at most this many actors"),
    fmt: Format = FormatOption,
    output: Path = OutputOption,
) -> None:
    """Actors seen in the database, with how each was resolved (kb, context) and event counts."""
    if ctx.invoked_subcommand is not None:
        return
    from petrel.store.queries import list_actors

    with read_db(db) as con:
        page = list_actors(con, q=q, country=country, limit=limit)
    write_listing(page.items, page.total, fmt, output, COLUMNS, "actors")


@actors_app.command("import")
@user_errors
def import_dictionary(
    path: Path = typer.Argument(..., help="a Phoenix/TABARI actor dictionary (.txt)"),
    output: Path = typer.Option(Path("petrel-actors.yaml"), "--output", "-o", help="knowledge-base YAML to write"),
) -> None:
    """Read a Phoenix/TABARI actor dictionary into a knowledge-base YAML file petrel can load."""
    from petrel.errors import InputNotFound
    from petrel.kb.phoenix import import_phoenix, write_actors_yaml

    if not path.exists():
        raise InputNotFound(f"no such file: {path}", path=str(path))
    imported = import_phoenix(path)
    write_actors_yaml(imported, output)
    err_console.print(f"{len(imported)} actors written to {output}; use them with "
                      f"PETREL_KB_PATHS='[\"{output}\"]' petrel ingest ...")
