"""The store: bulk batch writes, idempotency, rejections, read-only opening."""

from __future__ import annotations

from datetime import datetime

import pytest

from petrel.errors import StoreError
from petrel.models import ActorMention, ActorRef, Article, Evidence, EventMention, ProcessedDocument, Rejection
from petrel.store import Store
from petrel.store.rows import _date_bounds


def make_doc(doc_id: str, n_events: int = 1) -> ProcessedDocument:
    text = "Northland troops shelled the border town of Vell on Monday."
    article = Article(doc_id=doc_id, source=f"{doc_id}.txt", fmt="text", text=text, outlet="Daily Example",
                      published=datetime(2024, 3, 5, 10, 0))
    src = ActorRef("Northland troops", None, "NLD", ["MIL"], "country")
    mention = ActorMention(doc_id, 0, 16, "Northland troops", ActorRef("Northland Army", "nl-army", "NLD", ["MIL"], "kb"))
    events = [EventMention(mention_id=f"{doc_id}-e{i}", doc_id=doc_id, type="ASSAULT", source=src, target=None,
                           evidence=Evidence(doc_id, text, 0, len(text), "shelled", 17), cameo="195",
                           quad_class=4, goldstein=-10.0, date="2024-03-04", date_precision="day")
              for i in range(n_events)]
    return ProcessedDocument(article, [mention], [], events)


@pytest.fixture()
def store():
    with Store.open(":memory:") as s:
        yield s


def test_batch_is_written_in_bulk_and_counted(store: Store) -> None:
    result = store.write_batch([make_doc("a", 2), make_doc("b")], [], refresh=False)
    assert (result.articles, result.events) == (2, 3)
    assert store.count("articles") == 2
    assert store.count("event_mentions") == 3
    assert store.count("actors") == 1  # the same KB actor in both documents
    row = store.con.execute("SELECT date_start, date_end, source_sector FROM event_mentions LIMIT 1").fetchone()
    assert str(row[0]) == "2024-03-04" and row[2] == ["MIL"]


def test_writing_the_same_batch_twice_changes_nothing(store: Store) -> None:
    batch = [make_doc("a", 2)]
    rejection = [Rejection("bad.bin", "E202", "the input is binary, not text", "text")]
    store.write_batch(batch, rejection, refresh=False)
    store.write_batch(batch, rejection, refresh=False)
    assert store.count("articles") == 2
    assert store.count("event_mentions") == 2
    assert store.known_doc_ids(["a", "zzz"]) == {"a"}


def test_rejections_are_rows_with_their_reason(store: Store) -> None:
    store.write_batch([], [Rejection("empty.txt", "E201", "the input is empty", "text")], refresh=False)
    status, code, reason = store.con.execute("SELECT status, reason_code, reason FROM articles").fetchone()
    assert (status, code, reason) == ("rejected", "E201", "the input is empty")


def test_a_failed_batch_is_rolled_back_whole(store: Store) -> None:
    doc = make_doc("a")
    doc.events[0].quad_class = "not a number"  # type: ignore[assignment]
    with pytest.raises(StoreError):
        store.write_batch([doc], [], refresh=False)
    assert store.count("articles") == 0


def test_read_only_open_of_a_missing_file_is_a_clear_error(tmp_path) -> None:
    with pytest.raises(StoreError, match="run `petrel ingest`"):
        Store.open(tmp_path / "nope.duckdb", read_only=True)


@pytest.mark.parametrize(("value", "start", "end"), [
    ("2019-01-28", "2019-01-28", "2019-01-28"), ("2019-02", "2019-02-01", "2019-02-28"),
    ("2011", "2011-01-01", "2011-12-31"), ("2007/2010", "2007-01-01", "2010-12-31"),
    ("2024-12", "2024-12-01", "2024-12-31"),
])
def test_contract_dates_become_day_bounds(value: str, start: str, end: str) -> None:
    bounds = _date_bounds(value)
    assert (str(bounds["date_start"]), str(bounds["date_end"])) == (start, end)


def test_unparseable_dates_have_no_bounds() -> None:
    assert _date_bounds("sometime") == {}


def test_a_database_of_another_schema_version_is_refused(tmp_path) -> None:
    path = tmp_path / "old.duckdb"
    with Store.open(path) as store:
        store.con.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="schema 0"):
        Store.open(path)
    with pytest.raises(StoreError, match="schema 0"):
        Store.open(path, read_only=True)
