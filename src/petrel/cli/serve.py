"""``petrel serve``"""

from __future__ import annotations

from pathlib import Path

import typer

from petrel.cli._app import DbOption, app, make_settings, user_errors
from petrel.errors import StoreError


@app.command()
@user_errors
def serve(
    db: Path = DbOption,
    host: str = typer.Option("127.0.0.1", help="address to listen on"),
    port: int = typer.Option(8000, min=1, max=65535, help="port to listen on"),
    token: str = typer.Option(None, envvar="PETREL_API_TOKEN", help="enables POST /api/documents"),
) -> None:
    """Serve the HTTP API and the web dashboard over a database (opened read-only)."""
    from petrel.api import serve as run_server

    settings = make_settings(db, api_token=token)
    if not Path(settings.db_path).exists():
        raise StoreError(f"no database at {settings.db_path}: run `petrel ingest` or `petrel demo` first")
    typer.echo(f"petrel dashboard on http://{host}:{port}/ (API at /api, schema at /openapi.json)", err=True)
    run_server(settings, host=host, port=port)
