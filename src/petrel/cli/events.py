"""``petrel events``"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer

from petrel.cli._app import DbOption, app, err_console, user_errors
from petrel.cli._db import read_db
from petrel.cli._output import Format, write_records
from petrel.store.queries import EventFilter, count_events, count_undated, iter_events

COLUMNS = [
    ("date", lambda e: e.get("date")),
    ("type", lambda e: e["type"]),
    ("status", lambda e: e["status"]),
    ("source", lambda e: _actor(e.get("source"))),
    ("target", lambda e: _actor(e.get("target"))),
    ("place", lambda e: (e.get("place") or {}).get("name")),
    ("srcs", lambda e: e.get("num_sources")),
    ("evidence", lambda e: _short((e.get("evidence") or {}).get("sentence"))),
    ("event_id", lambda e: e["event_id"]),
]


ACTOR_FIELDS = ("name", "actor_id", "country", "sector", "resolution")
NESTED = {"source": ACTOR_FIELDS, "target": ACTOR_FIELDS,
          "place": ("name", "country", "admin1", "lat", "lon", "precision", "basis"),
          "evidence": ("doc_id", "sentence", "start", "end", "trigger")}


def _actor(actor: dict | None) -> str:
    if not actor:
        return ""
    code = "/".join(filter(None, [actor.get("country"), *actor.get("sector", [])]))
    return f"{actor.get('name')} ({code})" if code else str(actor.get("name"))


def _short(text: str | None, width: int = 90) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


@app.command()
@user_errors
def events(
    db: Path = DbOption,
    actor: str = typer.Option(None, help="actor id, name or country code on either side"),
    source: str = typer.Option(None, help="source actor id, name or country code"),
    target: str = typer.Option(None, help="target actor id, name or country code"),
    country: str = typer.Option(None, help="country code of either side"),
    type_: list[str] = typer.Option(None, "--type", help="PLOVER type (repeatable)"),
    status: list[str] = typer.Option(None, help="actual|historical|future|hypothetical|negated|claimed (repeatable)"),
    quad_class: list[int] = typer.Option(None, help="1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict"),
    date_from: str = typer.Option(None, "--from", help="first day, YYYY-MM-DD"),
    date_to: str = typer.Option(None, "--to", help="last day, YYYY-MM-DD"),
    place: str = typer.Option(None, help="place name or country code"),
    outlet: str = typer.Option(None, help="reported by this outlet"),
    text: str = typer.Option(None, help="words in the evidence sentence"),
    limit: int = typer.Option(None, min=1, help="at most this many events"),
    fmt: Format = typer.Option(Format.table, "--format", help="table, jsonl, csv or parquet"),
    output: Path = typer.Option(None, "--output", "-o", help="write to this file instead of stdout"),
) -> None:
    """List events, filtered, as a table or exported as JSONL, CSV or Parquet."""
    flt = EventFilter(actor=actor, source=source, target=target, country=country, type=type_ or [],
                      status=status or [], quad_class=quad_class or [], date_from=_day(date_from),
                      date_to=_day(date_to), place=place, outlet=outlet, text=text)
    with read_db(db) as con:
        records = iter_events(con, flt)
        if limit or fmt is Format.table:
            records = (r for _, r in zip(range(limit or 200), records))
        written = write_records(records, fmt, output, COLUMNS, title="events", nested=NESTED)
        if fmt is Format.table or output is not None:  # a stream on stdout stays pure data
            err_console.print(summary_line(written, count_events(con, flt), count_undated(con, flt)),
                              markup=False, highlight=False)


def summary_line(written: int, total: int, undated: int) -> str:
    """``"12 of 40 events shown, 3 undated"``: undated events are listed last, never dropped."""
    shown = f"{written} events" if written == total else f"{written} of {total} events shown"
    return f"{shown}, {undated} undated"


def _day(value: str | None) -> date | str | None:
    return value  # EventFilter validates and parses, with a clear QueryError
