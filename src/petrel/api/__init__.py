"""The HTTP API and web dashboard over a petrel database (read-only unless ingest is on).

``create_app(settings)`` builds the FastAPI app; ``serve(settings, host, port)`` runs it with uvicorn
(``petrel serve``); ``BackgroundServer`` runs it in a thread for tests and benchmarks. Routes are
documented in ``docs/api.md``, the dashboard in ``docs/dashboard.md``.
"""

from petrel.api.app import create_app
from petrel.api.server import BackgroundServer, free_port, serve

__all__ = ["BackgroundServer", "create_app", "free_port", "serve"]
