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
    if not console.is_terminal:
        console = Console(width=120)
    with console.status("ingesting the sample corpus (first run loads spaCy)..."):
        summary = run_demo(settings)
    print_report(summary.report, settings.db_path)
    console.print(f"[bold]{summary.events}[/] events from {summary.mention_rows} event mentions; "
                  f"{summary.multi_source_events} told by several outlets; {summary.stories} stories")
    console.print(_summary_table(summary))
    console.print(_next_steps(settings.db_path))


def _summary_table(s: DemoSummary) -> Table:
    table = Table()
    table.add_column("PLOVER type")
    table.add_column("events", justify="right")
    for kind, n in s.by_type:
        table.add_row(kind, str(n))
    table.add_section()
    for status, n in s.by_status:
        table.add_row(f"status: {status}", str(n))
    return table


def _next_steps(db: Path) -> Table:
    flag = "" if str(db) == "petrel.duckdb" else f" --db {db}"
    steps = Table(title="Try next", box=None, show_header=False, title_justify="left", padding=(0, 2))
    steps.add_column("command", no_wrap=True, style="bold")
    steps.add_column("what it shows")
    for command, what in (
        (f"petrel events{flag} --type ASSAULT", "events as a table (filters: --actor --country --status --from --to ...)"),
        (f"petrel events{flag} --format jsonl --output events.jsonl", "the event JSONL contract; also csv, parquet"),
        (f"petrel docs{flag}", "articles with outlet, date, title, or why they were rejected"),
        (f"petrel actors{flag}", "actors and how each was resolved"),
        (f"petrel quotes{flag}", "quotes with their speakers"),
        (f"petrel stories{flag}", "stories; then petrel story ID for a timeline"),
        (f"petrel serve --db {db}", "the dashboard: open http://127.0.0.1:8000/ (API schema at /openapi.json)"),
    ):
        steps.add_row(command, what)
    steps.caption = "(commands live in .venv/bin; `make serve` starts the dashboard on petrel.duckdb)"
    return steps
