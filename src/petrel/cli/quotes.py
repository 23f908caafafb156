"""``petrel quotes``"""

from __future__ import annotations

from pathlib import Path

import typer

from petrel.cli._app import DbOption, app, user_errors
from petrel.cli._db import read_db
from petrel.cli._output import Format, FormatOption, OutputOption, write_listing

COLUMNS = [
    ("speaker", lambda q: q.get("speaker_name")),
    ("country", lambda q: q.get("speaker_country")),
    ("cue", lambda q: q.get("cue")),
    ("kind", lambda q: q.get("kind")),
    ("content", lambda q: q.get("content")),
    ("doc_id", lambda q: q.get("doc_id")),
]


@app.command()
@user_errors
def quotes(
    db: Path = DbOption,
    doc: str = typer.Option(None, help="only quotes of this document"),
    speaker: str = typer.Option(None, help="speaker name or actor id contains"),
    limit: int = typer.Option(1000, min=1, max=100_000, help="at most this many quotes"),
    fmt: Format = FormatOption,
    output: Path = OutputOption,
) -> None:
    """Direct and indirect quotes with their speaker (resolved to an actor), cue verb and content."""
    from petrel.store.queries import list_quotes

    with read_db(db) as con:
        page = list_quotes(con, doc_id=doc, speaker=speaker, limit=limit)
    write_listing(page.items, page.total, fmt, output, COLUMNS, "quotes")
