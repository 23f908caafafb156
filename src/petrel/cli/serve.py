"""``petrel serve``"""

from __future__ import annotations

import errno
import socket
from pathlib import Path

import typer

from petrel.cli._app import DbOption, app, make_settings, user_errors
from petrel.errors import ConfigError, StoreError


def check_port(host: str, port: int) -> None:
    """A :class:`ConfigError` (one line, no traceback) when ``host:port`` cannot be listened on.

    Binds the way uvicorn does (``SO_REUSEADDR``) and lets go at once, so a port held by another
    server is reported before anything starts.
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise ConfigError(f"port {port} on {host} is in use (another `petrel serve`?): stop it or "
                                  "use --port N", host=host, port=port) from None
            raise ConfigError(f"cannot listen on {host}:{port}: {exc.strerror or exc}", host=host,
                              port=port) from None


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
    check_port(host, port)
    typer.echo(f"petrel dashboard on http://{host}:{port}/ (API at /api, docs at /docs, schema at /openapi.json)",
               err=True)
    run_server(settings, host=host, port=port)
