"""Parallel ingest: N worker processes give the very store one process gives, written in input order."""

from __future__ import annotations

from collections import deque
from pathlib import Path

import pytest
from scale_helpers import store_snapshot

from petrel.config import Settings
from petrel.ingest_service import IngestReport, ingest_paths
from petrel.parallel import Batch, Coded, LocalWorkers, available_cores, resolve_workers, run_ordered
from petrel.store import Store


def test_two_workers_store_exactly_what_one_process_stores(scale_corpus: Path, tmp_path: Path) -> None:
    one = Settings(db_path=tmp_path / "one.duckdb", batch_size=4)
    two = one.model_copy(update={"db_path": tmp_path / "two.duckdb"})
    seen: list[int] = []
    single = ingest_paths([str(scale_corpus)], one, workers=1)
    parallel = ingest_paths([str(scale_corpus)], two, workers=2, on_batch=lambda r: seen.append(r.ingested))

    assert parallel.workers == 2 and single.workers == 1
    assert 0 < parallel.worker_peak_mb  # the workers reported their memory: the pool really ran
    assert (parallel.ingested, parallel.skipped, parallel.events, parallel.quotes, parallel.words) == \
        (single.ingested, single.skipped, single.events, single.quotes, single.words)
    assert single.skipped >= 1  # the repeated article, which sits in a later batch than its twin
    assert sorted(r.source for r in parallel.rejected) == sorted(r.source for r in single.rejected)
    assert single.events > 0
    assert seen == sorted(seen) and len(seen) >= 3  # one progress call per batch, several batches
    before = store_snapshot(two.db_path)
    assert before == store_snapshot(one.db_path)

    again = ingest_paths([str(scale_corpus)], two, workers=2)  # a re-run adds nothing
    assert again.ingested == 0 and again.skipped == single.ingested + single.skipped
    assert store_snapshot(two.db_path) == before


class FakeFuture:
    def __init__(self, value: Coded) -> None:
        self.value = value

    def result(self) -> Coded:
        return self.value


class RecordingBackend(LocalWorkers):
    """Codes nothing; records what it is asked to submit and when batches are written."""

    def __init__(self) -> None:
        super().__init__(Settings(), workers=2, depth=2)
        self.submitted: list[int] = []
        self.written: list[int] = []

    def dispatch(self, pending: deque[Batch], *, final: bool) -> None:
        for batch in pending:
            if batch.handle is None:
                self.submitted.append(batch.index)
                batch.handle = FakeFuture(Coded([], []))

    def write(self, store, batch: Batch, report: IngestReport) -> None:
        assert len(self.submitted) - len(self.written) <= self.depth + 1  # bounded: memory stays flat
        self.written.append(batch.index)


def test_batches_are_written_in_input_order_with_a_bounded_number_in_flight(tmp_path: Path) -> None:
    from petrel.models import Rejection

    settings = Settings(db_path=tmp_path / "o.duckdb", batch_size=1)
    inputs = (Rejection(f"in-{i}", "E201", "empty") for i in range(9))
    backend = RecordingBackend()
    run_ordered(inputs, settings, backend)
    assert backend.written == list(range(9)) == backend.submitted


def test_one_batch_is_coded_in_this_process_without_starting_workers(scale_corpus: Path, tmp_path: Path) -> None:
    settings = Settings(db_path=tmp_path / "small.duckdb")  # 64 per batch: the corpus is one batch
    report = ingest_paths([str(scale_corpus)], settings, workers=2)
    assert report.ingested > 0
    assert report.worker_peak_mb == 0.0  # no worker process was started


def test_worker_count_defaults_to_the_cores() -> None:
    assert resolve_workers(None, Settings(workers=0)) == available_cores() >= 1
    assert resolve_workers(None, Settings(workers=3)) == 3
    assert resolve_workers(1, Settings(workers=3)) == 1
    with pytest.raises(ValueError):
        resolve_workers(-1, Settings())


class DeadWorker:
    def result(self):
        from concurrent.futures.process import BrokenProcessPool

        raise BrokenProcessPool("a worker was killed")

    def done(self) -> bool:
        return True


def test_a_dead_worker_loses_nothing_its_batch_is_coded_here(pipeline, tmp_path: Path) -> None:
    from petrel.clean import article_from_text

    article = article_from_text("Northland troops shelled the border town of Vell on Monday.", doc_id="d1")
    backend = LocalWorkers(Settings(db_path=tmp_path / "d.duckdb", batch_size=1), workers=2)
    backend._main_pipeline = pipeline
    batch = Batch(0, [article], [], handle=DeadWorker())
    report = IngestReport()
    with Store.open(tmp_path / "d.duckdb") as store:
        backend.write(store, batch, report)
        assert report.ingested == 1 and store.count("articles") == 1
    assert backend.broken  # and later batches are not sent to the broken pool
    later = [Batch(1, [article], []), Batch(2, [article], [])]  # two: enough to start a pool otherwise
    try:
        backend.dispatch(deque(later), final=False)
        assert [b.handle for b in later] == [None, None] and backend.pool is None
    finally:
        backend.close()
