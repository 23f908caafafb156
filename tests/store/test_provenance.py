"""The typed provenance goes through the store as list columns and comes back typed; a schema-4 store
stays readable as it is and is migrated in place by a writer."""

from __future__ import annotations

from dataclasses import replace

import duckdb
import pytest

from petrel.store import Store
from petrel.store.events import get_event, iter_events
from petrel.store.schema import SCHEMA_VERSION
from tests.store.test_store import make_doc

PROVENANCE = ("speech-threat", "announced", "verb:190:engage +* in")  # an entry's own "+" stays whole
REPEATS = (("noun:193:firefight",),)


def _doc(doc_id: str):
    doc = make_doc(doc_id)
    doc.events[0] = replace(doc.events[0], provenance=PROVENANCE, repeats=REPEATS)
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


def test_an_event_read_back_carries_its_representative_mentions_provenance() -> None:
    """``petrel events``, the exports' JSONL and the API's event lists read ``events`` alone."""
    with Store.open(":memory:") as store:
        store.write_batch([_doc("a")], [])
        [record] = list(iter_events(store.con))
        detail = get_event(store.con, record["event_id"])
    assert record["provenance"] == list(PROVENANCE) and record["repeats"] == [["noun:193:firefight"]]
    assert detail["provenance"] == list(PROVENANCE)


def _schema_4(path) -> None:
    """A store as petrel schema 4 wrote it: no provenance columns."""
    with Store.open(path) as store:
        store.write_batch([_doc("old")], [])
        store.con.execute("DROP INDEX em_doc")
        store.con.execute("DROP INDEX em_event")
        store.con.execute("ALTER TABLE event_mentions DROP COLUMN repeats")
        store.con.execute("ALTER TABLE event_mentions DROP COLUMN provenance")
        store.con.execute("ALTER TABLE events DROP COLUMN repeats")
        store.con.execute("ALTER TABLE events DROP COLUMN provenance")
        store.con.execute("CREATE INDEX em_doc ON event_mentions(doc_id)")  # as schema 4 had them
        store.con.execute("CREATE INDEX em_event ON event_mentions(event_id)")
        store.con.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")


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
