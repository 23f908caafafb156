"""Each per-document stage declares what it reads of the DocState: every ``state.X`` its module touches is
declared (``X`` or ``X.field``), so the declaration cannot drift from the code."""

from __future__ import annotations

import ast
import inspect

import pytest

from petrel.actors.stage import ActorStage
from petrel.coding.events import EventStage
from petrel.coding.quotes import QuoteStage
from petrel.dates.stage import DateStage
from petrel.geo.stage import PlaceStage
from petrel.model.stage import ModelStage


def _touched(cls: type) -> set[str]:
    """The DocState attributes ``cls.__call__`` reads (``state.X``)."""
    tree = ast.parse(inspect.getsource(cls))
    return {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)
            and isinstance(n.value, ast.Name) and n.value.id == "state"}


@pytest.mark.parametrize("stage", [ActorStage, ModelStage, QuoteStage, EventStage, DateStage, PlaceStage])
def test_a_stage_declares_what_it_reads(stage: type) -> None:
    declared = {r.split(".")[0] for r in (*stage.reads, *stage.adds)} | {"is_parsed", "parsed"}
    assert _touched(stage) <= declared, (stage.name, _touched(stage) - declared)


def test_the_events_stage_declares_what_its_place_hints_read() -> None:
    """The events stage reads the places resolver's hints (PlaceResolver.hints_of): what the places stage
    declares it reads of the article, the events stage reads too."""
    of_article = {r for r in PlaceStage.reads if r.startswith("article")}
    assert of_article <= set(EventStage.reads)
