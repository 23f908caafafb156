"""``petrel events``"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import typer

from petrel.cli._app import DbOption, app, err_console, user_errors
from petrel.cli._db import read_db
from petrel.cli._output import Format, FormatOption, OutputOption, say_written, write_chunks, write_records
from petrel.errors import QueryError
from petrel.export import Counted, iter_csv, iter_parquet
from petrel.store.queries import EVENT_SORTS, EventFilter, count_events, count_undated, iter_events, sort_key
from petrel.store.specs import relabel

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

# the flag a user typed for each filter field, so errors name it
FLAGS = {"actor": "--actor", "source": "--source", "target": "--target", "country": "--country", "type": "--type",
         "status": "--status", "quad_class": "--quad-class", "date_from": "--from", "date_to": "--to",
         "place": "--place", "outlet": "--outlet", "text": "--text", "sort": "--sort", "order": "--order"}
SORTS = sorted({key.lstrip("-") for key in EVENT_SORTS})
TABLE_ROWS = 200


def _actor(actor: dict | None) -> str:
    if not actor:
        return ""
    code = "/".join(filter(None, [actor.get("country"), *actor.get("sector", [])]))
    return f"{actor.get('name')} ({code})" if code else str(actor.get("name"))


def _short(text: str | None, width: int = 90) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


@contextmanager
def flags_in_errors() -> Iterator[None]:
    """Query errors name the command's flags (``--from``), not the library's fields (``date_from``)."""
    try:
        yield
    except QueryError as exc:
        raise relabel(exc, FLAGS) from None


@app.command()
@user_errors
def events(
    db: Path = DbOption,
    actor: str = typer.Option(None, help="either side: actor id, name or alias, country code or name"),
    source: str = typer.Option(None, help="source: actor id, name or alias, country code or name"),
    target: str = typer.Option(None, help="target: actor id, name or alias, country code or name"),
    country: str = typer.Option(None, help="country of either side: code (IRQ, IQ) or name (Iraq)"),
    type_: list[str] = typer.Option(None, "--type", help="PLOVER type (repeatable)"),
    status: list[str] = typer.Option(None, help="actual|historical|future|hypothetical|negated|claimed (repeatable)"),
    quad_class: list[int] = typer.Option(None, help="1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict"),
    date_from: str = typer.Option(None, "--from", help="first day: YYYY-MM-DD, YYYY-MM or YYYY"),
    date_to: str = typer.Option(None, "--to", help="last day: YYYY-MM-DD, YYYY-MM or YYYY"),
    place: str = typer.Option(None, help="place name or country code"),
    outlet: str = typer.Option(None, help="reported by this outlet"),
    text: str = typer.Option(None, help="words in the evidence sentence"),
    sort: str = typer.Option(None, help=f"sort by {', '.join(SORTS)}; '-' before it for descending "
                                        "(default: newest first)"),
    order: str = typer.Option(None, help="asc or desc (overrides a '-' in --sort)"),
    limit: int = typer.Option(None, min=1, help=f"at most this many events (the table shows {TABLE_ROWS})"),
    fmt: Format = FormatOption,
    output: Path = OutputOption,
) -> None:
    """List events, newest first, filtered, as a table or exported as JSONL, CSV or Parquet."""
    with flags_in_errors():
        flt = EventFilter(actor=actor, source=source, target=target, country=country, type=type_ or [],
                          status=status or [], quad_class=quad_class or [], date_from=date_from,
                          date_to=date_to, place=place, outlet=outlet, text=text)
        key = sort_key(sort, order)
        if fmt is Format.parquet and output is None:
            raise QueryError("parquet needs --output FILE")
        with read_db(db) as con:
            rows = limit or (TABLE_ROWS if fmt is Format.table else None)
            counted = Counted(iter_events(con, flt, sort=key, limit=rows))  # the limit goes to SQL: a top-N
            if fmt is Format.csv:
                write_chunks(iter_csv(counted), output)
            elif fmt is Format.parquet:
                write_chunks(iter_parquet(counted), output)
            else:
                write_records(counted, fmt, output, COLUMNS, title="events")
            if fmt is Format.table:  # undated events are listed last, never dropped: say how many
                err_console.print(summary_line(counted.n, count_events(con, flt), count_undated(con, flt)),
                                  markup=False, highlight=False)
    say_written(counted.n, output)


def summary_line(written: int, total: int, undated: int) -> str:
    """``"12 of 40 events shown, 3 undated"``."""
    shown = f"{written} events" if written == total else f"{written} of {total} events shown"
    return f"{shown}, {undated} undated"
