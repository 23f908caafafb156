"""The API's routers, one module per resource."""

from petrel.api.routes import actors, documents, events, meta, overview, stories

ROUTERS = (overview.router, events.router, actors.router, documents.router, stories.router, meta.router)

__all__ = ["ROUTERS"]
