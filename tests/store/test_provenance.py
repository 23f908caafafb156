"""The typed provenance goes through the store as columns and comes back typed; stores of schema 4 and 5
stay readable as they are and are migrated in place by a writer."""

from __future__ import annotations

from dataclasses import replace

import duckdb
import pytest

from petrel.models import Provenance
from petrel.store import Store
from petrel.store.events import get_event, iter_events
from petrel.store.schema import SCHEMA_VERSION
from tests.store.test_store import make_doc

PROVENANCE = ("speech-threat", "announced", "verb:190:engage +* in")  # an entry's own "+" stays whole
REPEATS = (("noun:193:firefight",),)
TYPED = Provenance(PROVENANCE[:-1], PROVENANCE[-1], REPEATS, model_label="ASSAULT", model_score=0.75, blend="relabelled")


def _doc(doc_id: str, provenance: Provenance = TYPED):
    doc = make_doc(doc_id)
    doc.events[0] = replace(doc.events[0], provenance=provenance)
    return doc


def _mention(con: duckdb.DuckDBPyConnection, doc_id: str) -> dict:
    event_id = con.execute("SELECT event_id FROM event_mentions WHERE doc_id = ?", [doc_id]).fetchone()[0]
    [mention] = [m for m in get_event(con, event_id)["event_mentions"] if m["doc_id"] == doc_id]
    return mention


def test_provenance_round_trips_through_the_store_as_lists() -> None:
    with Store.open(":memory:") as store:
        store.write_batch([_doc("a")], [])
        row = store.con.execute("SELECT provenance, repeats, rule FROM event_mentions").fetchone()
        assert row == (list(PROVENANCE), [list(c) for c in REPEATS],
                       "speech-threat<announced<verb:190:engage +* in+noun:193:firefight")
        mention = _mention(store.con, "a")  # the API's event detail
    assert mention["provenance"] == list(PROVENANCE) and mention["repeats"] == [["noun:193:firefight"]]
    assert mention["rule"] == row[2]  # the old string field, kept for the API contract
    assert (mention["model_label"], mention["model_score"], mention["blend"], mention["origin"]) == (
        "ASSAULT", 0.75, "relabelled", "relabelled")


def test_the_stored_columns_read_back_as_the_one_record() -> None:
    with Store.open(":memory:") as store:
        store.write_batch([_doc("a")], [])
        row = store.con.execute("SELECT provenance, repeats, model_label, model_score, blend "
                                "FROM event_mentions").fetchone()
    assert Provenance.of_chain(row[0], row[1], model_label=row[2], model_score=row[3], blend=row[4]) == TYPED


def test_an_events_why_names_its_rules_registry_entries_and_the_blend() -> None:
    """The JSONL/API ``why``: each rule with the stage that applies it and its doc, the lexicon entry, the
    event model's reading and what the blend did."""
    with Store.open(":memory:") as store:
        store.write_batch([_doc("a")], [])
        [record] = list(iter_events(store.con))
    why = record["why"]
    assert [(r["id"], r["stage"]) for r in why["rules"]] == [("speech-threat", "events: speech"),
                                                            ("announced", "events: intent")]
    assert all(r["doc"] for r in why["rules"])
    assert (why["entry"], why["repeats"], why["model_label"], why["model_score"], why["blend"]) == (
        "verb:190:engage +* in", [["noun:193:firefight"]], "ASSAULT", 0.75, "relabelled")


def test_rules_alone_leave_the_models_part_empty() -> None:
    with Store.open(":memory:") as store:
        store.write_batch([_doc("a", Provenance(("announced",), "verb:190:attack"))], [])
        [record] = list(iter_events(store.con))
        origin = store.con.execute("SELECT origin, blend FROM event_mentions").fetchone()
    assert (record["why"]["model_label"], record["why"]["blend"]) == (None, None) and origin == ("rules", None)


def test_an_event_read_back_carries_its_representative_mentions_provenance() -> None:
    """``petrel events``, the exports' JSONL and the API's event lists read ``events`` alone."""
    with Store.open(":memory:") as store:
        store.write_batch([_doc("a")], [])
        [record] = list(iter_events(store.con))
        detail = get_event(store.con, record["event_id"])
    assert record["provenance"] == list(PROVENANCE) and record["repeats"] == [["noun:193:firefight"]]
    assert detail["provenance"] == list(PROVENANCE)


# the columns each schema added to the provenance, newest first
ADDED = {"6": (("event_mentions", "blend"), ("events", "blend"), ("events", "model_score"), ("events", "model_label")),
         "5": (("event_mentions", "repeats"), ("event_mentions", "provenance"), ("events", "repeats"),
               ("events", "provenance"))}


def _older(path, version: str, provenance: Provenance = TYPED) -> None:
    """A store as petrel schema ``version`` (4 or 5) wrote it: without the columns later schemas added."""
    with Store.open(path) as store:
        store.write_batch([_doc("old", provenance)], [])
        store.con.execute("DROP INDEX em_doc")
        store.con.execute("DROP INDEX em_event")
        for added in [v for v in ADDED if v > version]:
            for table, column in ADDED[added]:
                store.con.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        store.con.execute("CREATE INDEX em_doc ON event_mentions(doc_id)")  # as schema 4 and 5 had them
        store.con.execute("CREATE INDEX em_event ON event_mentions(event_id)")
        store.con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [version])


def _schema_4(path) -> None:
    _older(path, "4")


def test_a_schema_4_store_is_read_as_it_is(tmp_path) -> None:
    path = tmp_path / "v4.duckdb"
    _schema_4(path)
    with Store.open(path, read_only=True) as store:
        mention = _mention(store.con, "old")
        [record] = list(iter_events(store.con))
    assert mention["provenance"] is None and mention["rule"].startswith("speech-threat<")
    assert record["provenance"] is None and record["type"] == "ASSAULT"


def test_a_writer_migrates_a_schema_4_store_in_place(tmp_path) -> None:
    path = tmp_path / "v4.duckdb"
    _schema_4(path)
    with Store.open(path) as store:
        version = store.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0]
        assert version == str(SCHEMA_VERSION)
        store.write_batch([_doc("new")], [])
        rows = dict(store.con.execute("SELECT doc_id, provenance FROM event_mentions").fetchall())
    assert rows == {"old": None, "new": list(PROVENANCE)}  # an old row's text is not parsed back


@pytest.mark.parametrize("version", ["3", "99"])
def test_another_schema_is_still_refused(tmp_path, version: str) -> None:
    from petrel.errors import StoreError

    path = tmp_path / "other.duckdb"
    with Store.open(path) as store:
        store.con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [version])
    for read_only in (True, False):
        with pytest.raises(StoreError, match=f"schema {version}"):
            Store.open(path, read_only=read_only)


def test_a_schema_5_store_is_read_as_it_is(tmp_path) -> None:
    path = tmp_path / "v5.duckdb"
    _older(path, "5")
    with Store.open(path, read_only=True) as store:
        mention = _mention(store.con, "old")
        [record] = list(iter_events(store.con))
    assert mention["provenance"] == list(PROVENANCE) and mention["blend"] is None
    assert mention["model_label"] == "ASSAULT" and mention["origin"] == "relabelled"
    assert record["why"]["entry"] == PROVENANCE[-1] and record["why"]["blend"] is None


@pytest.mark.parametrize(("provenance", "blend"), [
    (TYPED, "relabelled"),
    (replace(TYPED, blend="proposed"), "proposed"),
    (replace(TYPED, blend="kept"), "kept"),
    (Provenance(("announced",), "verb:190:attack"), None),  # the model took no part
])
def test_a_writer_migrates_a_schema_5_store_what_the_blend_did_read_back(tmp_path, provenance, blend) -> None:
    """Schema 5 stored who decided (``origin``) and the model's label: what the blend did follows."""
    path = tmp_path / "v5.duckdb"
    _older(path, "5", provenance)
    with Store.open(path) as store:
        assert store.con.execute("SELECT blend FROM event_mentions").fetchone() == (blend,)
        assert store.con.execute("SELECT blend, model_label FROM events").fetchone() == (
            blend, provenance.model_label)


def test_the_flat_exports_carry_the_record_in_their_last_columns() -> None:
    from petrel.export import EVENT_COLUMNS, flat_event

    with Store.open(":memory:") as store:
        store.write_batch([_doc("a")], [])
        [record] = list(iter_events(store.con))
    row = flat_event(record)
    assert EVENT_COLUMNS[-5:] == ("why_rules", "why_entry", "why_model_label", "why_model_score", "why_blend")
    assert [row[c] for c in EVENT_COLUMNS[-5:]] == ["speech-threat;announced", "verb:190:engage +* in", "ASSAULT",
                                                    0.75, "relabelled"]


def test_reading_an_events_why_does_not_import_spacy() -> None:
    """The server and the listing commands name each rule from the registry without loading the parser."""
    import subprocess
    import sys

    code = ("import sys; from petrel.store.records import why_record; "
            "w = why_record({'provenance': ['announced', 'verb:190:attack']}); "
            "assert w['rules'][0]['stage'] == 'events: intent', w; print('spacy' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_a_rule_this_petrel_no_longer_registers_is_named_without_an_entry() -> None:
    from petrel.store.records import why_record

    why = why_record({"provenance": ["retired-rule", "announced", "verb:190:attack"]})
    assert why["rules"][0] == {"id": "retired-rule", "stage": None, "doc": None}
    assert why["rules"][1]["stage"] == "events: intent"
