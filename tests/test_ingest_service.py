"""The main job's batching: idempotent re-ingest, interrupted ingest, bad input never stops a batch.

A fake pipeline (blank spaCy, one event per article) keeps these tests fast; the real pipeline is
exercised end to end in tests/cli.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest
import spacy

from petrel.config import Settings
from petrel.errors import ConfigError
from petrel.ingest_service import IngestDefaults, ingest_paths
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


def test_defaults_fill_only_what_an_input_does_not_say(tmp_path: Path, small: Settings) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "bare.txt").write_text("Envoys of two neighbours met in the capital to discuss trade.", encoding="utf-8")
    (folder / "dated.txt").write_text("Published: 2024-05-02\n\nEnvoys of three states met to discuss water.",
                                      encoding="utf-8")
    defaults = IngestDefaults.parse("2025-02-10", "harbourdaily")
    ingest_paths([str(folder)], small, pipeline=FakePipeline(), defaults=defaults)
    with Store.open(small.db_path, read_only=True) as store:
        rows = dict(store.con.execute("SELECT source, published FROM articles").fetchall())
        outlets = {r[0] for r in store.con.execute("SELECT outlet FROM articles").fetchall()}
    by_name = {Path(k).name: v for k, v in rows.items()}
    assert by_name["bare.txt"] == datetime(2025, 2, 10)
    assert by_name["dated.txt"] == datetime(2024, 5, 2)  # what the text says wins
    assert outlets == {"Harbour Daily"}


def test_an_unreadable_default_date_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="publication date"):
        IngestDefaults.parse("next tuesday-ish", None)
    assert IngestDefaults.parse(None, "  ") == IngestDefaults()


def test_records_of_separate_calls_get_distinct_sources_so_no_rejection_is_lost(tmp_path: Path) -> None:
    """Regression (issue 13): two API calls both named their lines '-:LINE', and the second call's
    rejections (same source, same code, so the same rejection id) were silently dropped."""
    from petrel.ingest_service import ingest_records

    settings = Settings(db_path=tmp_path / "t.duckdb")
    bad = "not json\n{\"id\": 3}\n"
    first = ingest_records(bad, settings, pipeline=FakePipeline(), source="api:one")
    second = ingest_records(bad, settings, pipeline=FakePipeline(), source="api:two")
    assert [r.source for r in first.rejected] == ["api:one:1", "api:one:2"]
    assert [r.source for r in second.rejected] == ["api:two:1", "api:two:2"]
    with Store.open(settings.db_path, read_only=True) as store:
        stored = store.con.execute("SELECT source FROM articles WHERE status = 'rejected' ORDER BY 1").fetchall()
    assert [s for (s,) in stored] == ["api:one:1", "api:one:2", "api:two:1", "api:two:2"]
    plain = ingest_records("nope\n", settings, pipeline=FakePipeline())
    assert [r.source for r in plain.rejected] == ["-:1"]
