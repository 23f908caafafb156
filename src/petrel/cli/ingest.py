"""``petrel ingest PATH...``"""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from petrel.cli._app import DbOption, app, err_console, make_settings, user_errors
from petrel.ingest_service import IngestDefaults, IngestReport, ingest_paths


@app.command()
@user_errors
def ingest(
    paths: list[str] = typer.Argument(..., help="files or folders; '-' reads JSONL from stdin"),
    db: Path = DbOption,
    batch_size: int = typer.Option(None, help="articles per batch and per transaction"),
    workers: int = typer.Option(None, "--workers", "-w", min=0,
                                help="processes that parse and code in parallel (default: one per core; 1: none)"),
    scheduler: str = typer.Option(None, help="run on a Dask cluster: its scheduler, tcp://HOST:PORT (pip install 'petrel[dask]')"),
    shards: Path = typer.Option(None, help="with --scheduler: folder all workers can write Parquet shards to "
                                "(default: a temporary folder beside the database, removed after the merge)"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="no progress or summary"),
    published: str = typer.Option(None, help="publication date (YYYY-MM-DD) of inputs that carry none"),
    outlet: str = typer.Option(None, help="outlet of inputs that name none"),
    prefilter: bool = typer.Option(None, "--prefilter/--full-parse", help="parse only the sentences that can "
                                   "hold an event, or every sentence (default: the prefilter setting, off; see "
                                   "docs/benchmarks.md)"),
) -> None:
    """Ingest articles (text, JSONL, CSV, HTML, WARC) and code their events into the database.

    Re-ingesting the same article changes nothing. Exits 1 if any input was rejected.
    """
    settings = make_settings(db, batch_size=batch_size, workers=workers, prefilter=prefilter)
    defaults = IngestDefaults.parse(published, outlet)
    report = run_ingest(paths, settings, quiet=quiet, scheduler=scheduler, shards=shards, defaults=defaults)
    if not quiet:
        print_report(report, settings.db_path)
    if report.failed:
        raise typer.Exit(1)


def run_ingest(paths: list[str], settings, *, quiet: bool, scheduler: str | None = None,
               shards: Path | None = None, defaults: IngestDefaults | None = None) -> IngestReport:
    """Run the ingest with a live progress line on stderr."""
    stdin = sys.stdin if "-" in paths else None
    where = {"scheduler": scheduler, "shards": shards}
    if quiet:
        return ingest_paths(paths, settings, stdin=stdin, defaults=defaults, **where)
    columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
    with Progress(*columns, console=err_console, transient=True) as progress:
        task = progress.add_task("loading models...", total=None)

        def on_batch(report: IngestReport) -> None:
            progress.update(task, description=_progress_line(report))

        return ingest_paths(paths, settings, stdin=stdin, on_batch=on_batch, defaults=defaults, **where)


def _progress_line(report: IngestReport) -> str:
    rate = report.words / report.seconds if report.seconds else 0.0
    return (f"{report.ingested} articles, {report.events} events, {len(report.rejected)} rejected, "
            f"{report.skipped} already stored ({rate:,.0f} words/s)")


def _workers(report: IngestReport) -> str:
    if report.workers <= 1:
        return ""
    return f" on {report.workers} workers (peak {report.worker_peak_mb:,.0f} MB each)"


def print_report(report: IngestReport, db_path: Path) -> None:
    """One summary line, then one line per rejected input."""
    err_console.print(
        f"[bold]{report.ingested}[/] articles ingested, [bold]{report.events}[/] event mentions, "
        f"{report.quotes} quotes, {report.skipped} already stored, "
        f"[bold]{len(report.rejected)}[/] rejected, {report.seconds:.1f}s{_workers(report)} -> {db_path}")
    for r in report.rejected:
        err_console.print(f"  rejected {r.source}: [{r.code}] {r.reason}", markup=False, highlight=False)
