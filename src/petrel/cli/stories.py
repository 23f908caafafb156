"""``petrel stories`` and ``petrel story ID``"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console

from petrel.cli._app import DbOption, app, user_errors
from petrel.cli._db import read_db
from petrel.cli._output import Format, FormatOption, OutputOption, write_listing, write_records

STORY_COLUMNS = [
    ("story_id", lambda s: s["story_id"]),
    ("title", lambda s: s.get("title")),
    ("first", lambda s: s.get("first_published")),
    ("last", lambda s: s.get("last_published")),
    ("articles", lambda s: s.get("num_articles")),
    ("events", lambda s: s.get("num_events")),
    ("outlets", lambda s: s.get("num_sources")),
    ("top actors", lambda s: s.get("top_actors")),
]
TIMELINE_COLUMNS = [
    ("date", lambda e: e.get("date") or "?"),
    ("type", lambda e: e["type"]),
    ("status", lambda e: e["status"]),
    ("source", lambda e: (e.get("source") or {}).get("name")),
    ("target", lambda e: (e.get("target") or {}).get("name")),
    ("outlets", lambda e: sorted({m.get("outlet") or "?" for m in e.get("mentions", [])})),
    ("evidence", lambda e: (e.get("evidence") or {}).get("sentence")),
]


@app.command()
@user_errors
def stories(
    db: Path = DbOption,
    limit: int = typer.Option(100, min=1, max=10_000, help="at most this many stories"),
    offset: int = typer.Option(0, min=0, help="skip this many stories first (to page through them)"),
    fmt: Format = FormatOption,
    output: Path = OutputOption,
) -> None:
    """Stories: articles and events grouped by shared actors, events and text within a time window."""
    from petrel.store.queries import list_stories

    with read_db(db) as con:
        page = list_stories(con, limit=limit, offset=offset)
    write_listing(page.items, page.total, fmt, output, STORY_COLUMNS, "stories")


@app.command()
@user_errors
def story(
    story_id: str = typer.Argument(..., help="a story id from `petrel stories`"),
    db: Path = DbOption,
    fmt: Format = typer.Option(Format.table, "--format", help="table or jsonl"),
) -> None:
    """One story's timeline: its events by date, with status and the outlets that reported each."""
    from petrel.store.queries import story_timeline

    with read_db(db) as con:
        timeline = story_timeline(con, story_id)
    if fmt is Format.table:
        Console().print(f"[bold]{timeline.get('title')}[/]  {timeline.get('num_articles')} articles, "
                        f"{timeline.get('num_sources')} outlets, "
                        f"{timeline.get('first_published')} .. {timeline.get('last_published')}")
    write_records(timeline["events"], fmt, None, TIMELINE_COLUMNS, title="timeline")
