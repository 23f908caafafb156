"""The main job's batching: idempotent re-ingest, interrupted ingest, bad input never stops a batch.

A fake pipeline (blank spaCy, one event per article) keeps these tests fast; the real pipeline is
exercised end to end in tests/cli.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from petrel.config import Settings
from petrel.ingest_service import ingest_paths
from petrel.models import ActorRef, Article, Evidence, EventMention, ProcessedDocument
from petrel.store import Store


class Interrupted(BaseException):
    """Stands in for a kill: not an Exception, so nothing in petrel may swallow it."""


class FakePipeline:
    def __init__(self, *, interrupt_on: str | None = None, break_on: str | None = None) -> None:
        self.nlp = spacy.blank("en")
        self.interrupt_on, self.break_on = interrupt_on, break_on

    def run_stages(self, article: Article, doc) -> ProcessedDocument:
        if self.interrupt_on and self.interrupt_on in article.text:
            raise Interrupted
        if self.break_on and self.break_on in article.text:
            raise IndexError("a stage bug")
        src = ActorRef("Someone", None, "XXX", [], "country")
        ev = EventMention(f"{article.doc_id}-e", article.doc_id, "CONSULT", src, None,
                          Evidence(article.doc_id, article.text, 0, len(article.text), "met"))
        return ProcessedDocument(article, [], [], [ev])


def write_corpus(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        text = f"Envoys of country number {i} met in the capital on Tuesday to discuss trade {i}."
        (folder / f"a{i:02d}.txt").write_text(text, encoding="utf-8")


def stored(settings: Settings, table: str) -> int:
    with Store.open(settings.db_path, read_only=True) as store:
        return store.count(table)


@pytest.fixture()
def small(settings: Settings) -> Settings:
    return settings.model_copy(update={"batch_size": 2})


def test_reingesting_the_same_articles_changes_nothing(tmp_path: Path, small: Settings) -> None:
    write_corpus(tmp_path / "c", 5)
    first = ingest_paths([str(tmp_path / "c")], small, pipeline=FakePipeline())
    again = ingest_paths([str(tmp_path / "c")], small, pipeline=FakePipeline())
    assert (first.ingested, first.events) == (5, 5)
    assert (again.ingested, again.skipped, again.events) == (0, 5, 0)
    assert stored(small, "articles") == 5 and stored(small, "event_mentions") == 5


def test_an_interrupted_ingest_keeps_committed_batches_and_a_rerun_finishes(tmp_path: Path, small: Settings) -> None:
    write_corpus(tmp_path / "c", 6)
    with pytest.raises(Interrupted):
        ingest_paths([str(tmp_path / "c")], small, pipeline=FakePipeline(interrupt_on="number 4 "))
    assert stored(small, "articles") == 4  # two batches of two were committed before the kill
    rerun = ingest_paths([str(tmp_path / "c")], small, pipeline=FakePipeline())
    assert (rerun.ingested, rerun.skipped) == (2, 4)
    assert stored(small, "articles") == 6 and stored(small, "event_mentions") == 6


def test_a_stage_failure_rejects_that_document_only(tmp_path: Path, small: Settings) -> None:
    write_corpus(tmp_path / "c", 3)
    report = ingest_paths([str(tmp_path / "c")], small, pipeline=FakePipeline(break_on="number 1 "))
    assert report.ingested == 2
    assert [r.code for r in report.rejected] == ["E209"]
    assert "IndexError" in report.rejected[0].reason


def test_bad_inputs_are_recorded_and_the_rest_is_ingested(tmp_path: Path, small: Settings) -> None:
    write_corpus(tmp_path / "c", 2)
    (tmp_path / "c" / "empty.txt").write_text("")
    (tmp_path / "c" / "blob.bin").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "c" / "rows.jsonl").write_text(
        json.dumps({"text": "Ministers of two states met on Friday to sign a water deal."}) + "\n{broken\n")
    report = ingest_paths([str(tmp_path / "c")], small, pipeline=FakePipeline())
    assert report.ingested == 3
    assert len(report.rejected) == 3 and report.failed
    with Store.open(small.db_path, read_only=True) as store:
        reasons = store.con.execute("SELECT reason_code FROM articles WHERE status = 'rejected'").fetchall()
    assert len(reasons) == 3


class _CountingStore:
    def __init__(self, every: int) -> None:
        from petrel.config import Settings

        self.settings = Settings(dedup_refresh_batches=every)
        self.refreshes = 0

    def refresh_derived(self) -> None:
        self.refreshes += 1


@pytest.mark.parametrize(("every", "batches", "during", "total"), [(0, 5, 0, 1), (2, 5, 2, 3), (2, 4, 2, 2),
                                                                   (1, 3, 3, 3)])
def test_deferred_refresh_runs_every_n_batches_and_once_at_the_end(every: int, batches: int, during: int,
                                                                     total: int) -> None:
    from petrel.ingest_service import DeferredRefresh

    store = _CountingStore(every)
    with DeferredRefresh(store) as refresher:  # type: ignore[arg-type]
        due = [refresher.due() for _ in range(batches)]
    assert sum(due) == during
    assert store.refreshes + sum(due) == total


def test_deferred_refresh_still_runs_when_the_run_fails() -> None:
    from petrel.ingest_service import DeferredRefresh

    store = _CountingStore(0)
    with pytest.raises(RuntimeError), DeferredRefresh(store) as refresher:  # type: ignore[arg-type]
        refresher.due()
        raise RuntimeError("a batch failed")
    assert store.refreshes == 1
