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
from petrel.ingest_service import IngestDefaults, ingest_paths, ingest_records
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

    def run_batch(self, pairs: list) -> list:  # as Pipeline.run_batch: a failed document holds its exception
        out: list = []
        for article, doc in pairs:
            try:
                out.append(self.run_stages(article, doc))
            except Interrupted:
                raise
            except Exception as exc:  # noqa: BLE001
                out.append(exc)
        return out


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


def test_a_runs_first_batch_holds_one_article_so_its_first_events_are_committed_early(tmp_path: Path,
                                                                                      small: Settings) -> None:
    write_corpus(tmp_path / "c", 5)
    seen: list[tuple[int, int]] = []
    ingest_paths([str(tmp_path / "c")], small, pipeline=FakePipeline(),
                 on_batch=lambda r: seen.append((r.ingested, r.events)))
    assert seen == [(1, 1), (3, 3), (5, 5)]  # one article, then batches of batch_size (2)


def test_an_interrupted_ingest_keeps_committed_batches_and_a_rerun_finishes(tmp_path: Path, small: Settings) -> None:
    write_corpus(tmp_path / "c", 6)
    with pytest.raises(Interrupted):
        ingest_paths([str(tmp_path / "c")], small, pipeline=FakePipeline(interrupt_on="number 4 "))
    assert stored(small, "articles") == 3  # batches [a00] (a run's first holds one) and [a01, a02] were committed
    rerun = ingest_paths([str(tmp_path / "c")], small, pipeline=FakePipeline())
    assert (rerun.ingested, rerun.skipped) == (3, 3)
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


def _rejected(settings: Settings) -> list[tuple[str, str, str]]:
    with Store.open(settings.db_path, read_only=True) as store:
        return store.con.execute("SELECT source, reason_code, reason FROM articles WHERE status = 'rejected' "
                                 "ORDER BY source").fetchall()


def test_an_id_repeated_with_different_text_is_a_conflict_naming_both_sources(tmp_path: Path,
                                                                               small: Settings) -> None:
    rows = [{"id": "w-1", "text": "Envoys of two states met on Tuesday to discuss the shared dam."},
            {"id": "w-1", "text": "Envoys of two states met on Tuesday to discuss the shared dam."},  # a true repeat
            {"id": "w-1", "text": "Troops of one state shelled a border town on Friday night."}]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    report = ingest_paths([str(path)], small, pipeline=FakePipeline())
    assert (report.ingested, report.skipped) == (1, 1)
    assert [(r.source, r.code) for r in report.rejected] == [(f"{path}:3", "E213")]
    assert f"{path}:1" in report.rejected[0].reason and "'w-1'" in report.rejected[0].reason
    # across runs (the first copy is in the store by now), and through the API's path
    later = ingest_records([{"id": "w-1", "text": "Police in one state detained a dozen protesters."}], small,
                           pipeline=FakePipeline())
    assert [r.code for r in later.rejected] == ["E213"] and f"{path}:1" in later.rejected[0].reason
    assert [(s, c) for s, c, _ in _rejected(small)] == [("-:1", "E213"), (f"{path}:3", "E213")]


HOSTILE = ["[" * 100_000 + "]" * 100_000,
           '{"text": "Envoys of two states met on Tuesday.", "n": ' + "9" * 5_000 + "}",
           json.dumps({"text": "Ministers of two states met on Friday to sign a water deal."})]


def test_deep_and_huge_lines_through_the_api_path_cost_only_themselves(small: Settings) -> None:
    report = ingest_records("\n".join(HOSTILE), small, pipeline=FakePipeline())
    assert report.ingested == 1
    assert [(r.source, r.code) for r in report.rejected] == [("-:1", "E205"), ("-:2", "E205")]


def test_deep_and_huge_lines_through_a_file_cost_only_themselves(tmp_path: Path, small: Settings) -> None:
    path = tmp_path / "h.jsonl"
    path.write_text("\n".join(HOSTILE) + "\n", encoding="utf-8")
    report = ingest_paths([str(path)], small, pipeline=FakePipeline())
    assert report.ingested == 1 and stored(small, "event_mentions") == 1
    assert [r.code for r in report.rejected] == ["E205", "E205"]


def test_a_clean_stage_bug_rejects_that_document_only(tmp_path: Path, small: Settings,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    import petrel.clean

    real = petrel.clean.clean_document

    def clean(raw, settings):  # noqa: ANN001, ANN202
        if "number 1 " in raw.text:
            raise UnicodeError("a clean bug")
        return real(raw, settings)

    monkeypatch.setattr(petrel.clean, "clean_document", clean)
    write_corpus(tmp_path / "c", 3)
    report = ingest_paths([str(tmp_path / "c")], small, pipeline=FakePipeline())
    assert report.ingested == 2 and [r.code for r in report.rejected] == ["E209"]
    assert "UnicodeError" in report.rejected[0].reason


class BrokenParser:
    """A parser that fails on one text, in a batch and alone."""

    def __init__(self, on: str) -> None:
        self.nlp, self.on = spacy.blank("en"), on

    def _check(self, text: str) -> None:
        if self.on in text:
            raise ValueError("a parser bug")

    def __call__(self, text: str):  # noqa: ANN204
        self._check(text)
        return self.nlp(text)

    def pipe(self, texts, batch_size: int = 32):  # noqa: ANN001, ANN201
        for text in texts:
            self._check(text)
            yield self.nlp(text)


def test_a_parser_failure_rejects_that_document_only(tmp_path: Path, small: Settings) -> None:
    write_corpus(tmp_path / "c", 4)
    pipeline = FakePipeline()
    pipeline.nlp = BrokenParser("number 1 ")
    report = ingest_paths([str(tmp_path / "c")], small, pipeline=pipeline)
    assert report.ingested == 3 and [r.code for r in report.rejected] == ["E209"]
    assert "ValueError" in report.rejected[0].reason and report.rejected[0].source.endswith("a01.txt")

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
