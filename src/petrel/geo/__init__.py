"""Where each event happened, and how precisely we know it.

Public API::

    load_gazetteer(settings) -> Gazetteer       # lazy: indexes build on first use (or .warm())
    Gazetteer.lookup(name, *, country_hint=None) -> list[Place]
    Gazetteer.country_of(name) -> str | None     # ISO alpha-3 of a place name or demonym
    country_of(name, gazetteer) -> str | None    # the same, as a function
    PlaceStage(settings, gazetteer)              # pipeline stage: sets event.place

See ``docs/time-and-place.md``.
"""

from petrel.geo.gazetteer import Gazetteer, load_gazetteer
from petrel.geo.sources import GazEntry

__all__ = ["GazEntry", "Gazetteer", "PlaceStage", "country_of", "load_gazetteer"]


def country_of(name: str, gazetteer: Gazetteer, *, country_hint: str | None = None) -> str | None:
    """ISO alpha-3 of the best place for ``name`` ("Mosul" -> "IRQ"; "Iraqi" -> "IRQ"), else ``None``."""
    return gazetteer.country_of(name, country_hint=country_hint)


def __getattr__(name: str):  # PlaceStage imports spaCy helpers: load it only when asked for
    if name == "PlaceStage":
        from petrel.geo.stage import PlaceStage

        return PlaceStage
    raise AttributeError(name)
