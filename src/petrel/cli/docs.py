"""``petrel docs``"""

from __future__ import annotations

from pathlib import Path

import typer

from petrel.cli._app import DbOption, app, user_errors
from petrel.cli._db import read_db
from petrel.cli._output import Format, FormatOption, OutputOption, write_listing

COLUMNS = [
    ("doc_id", lambda d: d["doc_id"]),
    ("source", lambda d: d.get("source")),
    ("outlet", lambda d: d.get("outlet")),
    ("published", lambda d: d.get("published")),
    ("title", lambda d: d.get("title")),
    ("status", lambda d: d.get("status")),
    ("events", lambda d: d.get("num_events")),
    ("reason", lambda d: f"[{d['reason_code']}] {d['reason']}" if d.get("reason_code") else ""),
]
FIELDS = ("doc_id", "source", "fmt", "outlet", "published", "title", "url", "status", "reason_code", "reason",
          "num_events", "near_dup_of", "story_id")


@app.command()
@user_errors
def docs(
    db: Path = DbOption,
    status: str = typer.Option(None, help="ok or rejected"),
    outlet: str = typer.Option(None, help="only this outlet"),
    limit: int = typer.Option(1000, min=1, max=100_000, help="at most this many rows"),
    fmt: Format = FormatOption,
    output: Path = OutputOption,
) -> None:
    """One row per input: id, where it came from, outlet, published, title, status, reason if rejected."""
    from petrel.store.queries import list_documents

    with read_db(db) as con:
        page = list_documents(con, status=status, outlet=outlet, sort="published", limit=limit)
    records = [{k: d.get(k) for k in FIELDS} for d in page.items]
    write_listing(records, page.total, fmt, output, COLUMNS, "documents")
