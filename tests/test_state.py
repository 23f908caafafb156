"""Each per-document stage declares what it reads of the DocState and what it adds: every ``state.X`` its
module touches is declared (``X`` or ``X.field``), so the declaration cannot drift from the code; and run on
text, no stage writes a field another stage owns (a stage adds; the one declared exception is ``overrides``)."""

from __future__ import annotations

import ast
import inspect
from dataclasses import fields
from datetime import datetime, timezone
from pathlib import Path

import pytest

from petrel.actors.stage import ActorStage
from petrel.coding.events import EventStage
from petrel.coding.quotes import QuoteStage
from petrel.dates.stage import DateStage
from petrel.geo.stage import PlaceStage
from petrel.model.stage import ModelStage
from petrel.models import EventMention
from petrel.state import DocState

LISTS = ("mentions", "predictions", "quotes", "events")  # what the stages add to a DocState
EVENT_FIELDS = tuple(f.name for f in fields(EventMention))


def _touched(cls: type) -> set[str]:
    """The DocState attributes ``cls.__call__`` reads (``state.X``)."""
    tree = ast.parse(inspect.getsource(cls))
    return {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)
            and isinstance(n.value, ast.Name) and n.value.id == "state"}


@pytest.mark.parametrize("stage", [ActorStage, ModelStage, QuoteStage, EventStage, DateStage, PlaceStage])
def test_a_stage_declares_what_it_reads(stage: type) -> None:
    declared = {r.split(".")[0] for r in (*stage.reads, *stage.adds, *getattr(stage, "overrides", ()))} \
        | {"is_parsed", "parsed"}
    assert _touched(stage) <= declared, (stage.name, _touched(stage) - declared)


def test_the_events_stage_declares_what_its_place_hints_read() -> None:
    """The events stage reads the places resolver's hints (PlaceResolver.hints_of): what the places stage
    declares it reads of the article, the events stage reads too."""
    of_article = {r for r in PlaceStage.reads if r.startswith("article")}
    assert of_article <= set(EventStage.reads)


def _may_write(stage) -> set[str]:  # noqa: ANN001 - a Stage
    """The event fields ``stage`` adds or declares it overrides (``event.X``)."""
    return {d.split(".", 1)[1] for d in (*stage.adds, *getattr(stage, "overrides", ())) if d.startswith("event.")}


def _snapshot(state: DocState) -> dict[str, list]:
    """Every record of the state, by identity, with what it holds."""
    out: dict[str, list] = {name: [(id(r), repr(r)) for r in getattr(state, name)] for name in LISTS}
    out["event_fields"] = [(id(e), {f: repr(getattr(e, f)) for f in EVENT_FIELDS}) for e in state.events]
    return out


def trespasses(stage, before: dict[str, list], after: dict[str, list]) -> list[str]:  # noqa: ANN001 - a Stage
    """What ``stage`` wrote that it does not own: records of a list it does not add to, records already
    there when it started, or fields of events it neither adds nor overrides."""
    found = []
    for name in LISTS:
        kept = after[name][:len(before[name])]
        if name in stage.adds:
            if kept != before[name]:
                found.append(f"{stage.name} rewrote {name} an earlier stage added")
        elif name != "events" and after[name] != before[name]:
            found.append(f"{stage.name} wrote {name}, which it does not add")
    if "events" not in stage.adds:
        if [i for i, _ in after["event_fields"]] != [i for i, _ in before["event_fields"]]:
            found.append(f"{stage.name} added or dropped events, which it does not add")
        allowed = _may_write(stage)
        for (_, old), (_, new) in zip(before["event_fields"], after["event_fields"]):
            found += [f"{stage.name} wrote event.{f}" for f in EVENT_FIELDS if old[f] != new[f] and f not in allowed]
    return found


# written for this test: an attack with a stated place, one dated years before the report, a protest at
# nobody named, sector-only parties, a reported threat
TEXTS = (
    "Government troops shelled the village of Tessit in northern Mali on Monday, killing four herders. "
    "Rebel commanders said they would retaliate against the army.",
    "In March 2015, soldiers opened fire on demonstrators in Ouagadougou, wounding twelve of them. "
    "Hundreds of teachers protested in Bamako on Tuesday over unpaid wages.",
    "Unidentified gunmen abducted two aid workers near Gao on Sunday, officials said.",
)


def run_stages(pipeline, text: str):  # noqa: ANN001, ANN201 - the session pipeline; (stage, before, after)
    from petrel.clean import article_from_text
    from petrel.pipeline import parsed_spans

    article = article_from_text(text, doc_id="state-test", published=datetime(2024, 6, 4, tzinfo=timezone.utc))
    doc = next(iter(pipeline.parse([text])))
    state = DocState(article, doc, parsed=parsed_spans(doc))
    for stage in pipeline.stages:
        before = _snapshot(state)
        stage(state)
        yield stage, before, _snapshot(state)


@pytest.mark.parametrize("text", TEXTS)
def test_no_stage_writes_a_field_another_stage_owns(pipeline, text: str) -> None:  # noqa: ANN001
    ran = list(run_stages(pipeline, text))
    assert ran[-1][2]["events"], "the text should give events"
    for stage, before, after in ran:
        assert trespasses(stage, before, after) == []


def test_the_declared_override_is_the_only_one_and_is_exercised(pipeline) -> None:  # noqa: ANN001
    """Only the dates stage overrides a field (status: an actual event dated years back is historical),
    and the texts above make it do so, so the override this test allows is one the code uses."""
    overriding = {s.name: s.overrides for s in pipeline.stages if getattr(s, "overrides", ())}
    assert overriding == {"dates": ("event.status",)}
    changed = set()
    for text in TEXTS:
        for stage, before, after in run_stages(pipeline, text):
            if stage.name == "dates":
                changed |= {f for (_, old), (_, new) in zip(before["event_fields"], after["event_fields"])
                            for f in EVENT_FIELDS if old[f] != new[f]}
    assert "status" in changed


def test_every_event_field_has_one_owner(pipeline) -> None:  # noqa: ANN001
    """The events stage adds the event; later stages each add their own fields, never the same one."""
    added = [d for s in pipeline.stages for d in s.adds if d.startswith("event.")]
    assert len(added) == len(set(added)) and {d.split(".", 1)[1] for d in added} <= set(EVENT_FIELDS)
    assert [s.name for s in pipeline.stages if "events" in s.adds] == ["events"]


class _Rogue:
    """A stage that adds a place and also patches the source: what the check above must catch."""

    name = "rogue"
    reads = ("events",)
    adds = ("event.place",)

    def __call__(self, state: DocState) -> None:
        from dataclasses import replace

        for event in state.events:
            event.source = replace(event.source, country="XXX")


def test_the_check_catches_a_stage_that_patches_parties(pipeline) -> None:  # noqa: ANN001
    from petrel.clean import article_from_text
    from petrel.pipeline import parsed_spans

    text = TEXTS[0]
    doc = next(iter(pipeline.parse([text])))
    state = DocState(article_from_text(text, doc_id="rogue"), doc, parsed=parsed_spans(doc))
    for stage in pipeline.stages:
        stage(state)
    assert state.events
    before = _snapshot(state)
    _Rogue()(state)
    assert trespasses(_Rogue(), before, _snapshot(state)) == ["rogue wrote event.source"] * len(state.events)


def test_no_module_patches_an_events_parties() -> None:
    """Parties are decided once (petrel.coding.settle builds the event with them): no module of the events,
    dates or places stages assigns ``X.source``/``X.target`` or sets an attribute by name."""
    import petrel

    root = Path(petrel.__file__).parent
    for path in [*(root / "coding").glob("*.py"), *(root / "dates").glob("*.py"), *(root / "geo").glob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target] \
                if isinstance(node, (ast.AugAssign, ast.AnnAssign)) else []
            flat = [t for target in targets for t in (target.elts if isinstance(target, ast.Tuple) else [target])]
            assert not [t.attr for t in flat if isinstance(t, ast.Attribute) and t.attr in ("source", "target")], \
                (path.name, node.lineno)
            assert not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "setattr"), \
                (path.name, node.lineno)
