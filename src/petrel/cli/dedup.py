"""``petrel dedup``"""

from __future__ import annotations

from pathlib import Path

import typer

from petrel.cli._app import DbOption, app, make_settings, user_errors


@app.command()
@user_errors
def dedup(
    db: Path = DbOption,
    full: bool = typer.Option(False, "--full", help="re-cluster every mention (after changing dedup settings)"),
) -> None:
    """Refresh near-duplicates, merged events and stories now (ingest does it at the end of each run)."""
    from petrel.store import Store

    settings = make_settings(db)
    with Store.open(settings.db_path, settings=settings) as store:
        summary = store.refresh_derived(full=full)
    merges = summary.merges
    typer.echo(f"{merges.mode} refresh: {merges.new_mentions} new mentions, {merges.events_total} events, "
               f"{summary.stories.stories} stories in {sum(summary.seconds.values()):.1f}s", err=True)
