"""``petrel demo``"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from petrel.cli._app import DbOption, app, make_settings, user_errors
from petrel.cli.ingest import print_report
from petrel.demo import DemoSummary, run_demo


@app.command()
@user_errors
def demo(db: Path = DbOption) -> None:
    """Ingest the bundled sample corpus, show what petrel found and what to try next."""
    settings = make_settings(db)
    console = Console()
    with console.status("ingesting the sample corpus (first run loads spaCy)..."):
        summary = run_demo(settings)
    print_report(summary.report, settings.db_path)
    console.print(_summary_table(summary))
    console.print(_next_steps(settings.db_path))


def _summary_table(s: DemoSummary) -> Table:
    table = Table(title=f"{s.events} events from {s.mention_rows} event mentions; "
                        f"{s.multi_source_events} told by several outlets; {s.stories} stories")
    table.add_column("PLOVER type")
    table.add_column("events", justify="right")
    for kind, n in s.by_type:
        table.add_row(kind, str(n))
    table.add_section()
    for status, n in s.by_status:
        table.add_row(f"status: {status}", str(n))
    return table


def _next_steps(db: Path) -> str:
    flag = "" if str(db) == "petrel.duckdb" else f" --db {db}"
    return (
        "\n[bold]Try next[/]\n"
        f"  .venv/bin/petrel events{flag} --type ASSAULT            events as a table\n"
        f"  .venv/bin/petrel events{flag} --format jsonl | head -3  the event JSONL contract\n"
        f"  .venv/bin/petrel docs{flag}                             articles and rejected inputs\n"
        f"  .venv/bin/petrel actors{flag}                           actors and how each was resolved\n"
        f"  .venv/bin/petrel stories{flag}                          stories; then petrel story ID\n"
        f"\n[bold]Dashboard[/]: .venv/bin/petrel serve --db {db}   (or `make serve`)\n"
        "  then open http://127.0.0.1:8000/ in a browser (API docs at /docs, schema at /openapi.json)\n")
