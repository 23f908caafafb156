"""Parallel ingest: worker processes parse and code batches, the main process writes them in input order.

DuckDB has one writer, so the design keeps exactly one: the main process reads and cleans the input
(streaming, as :func:`petrel.ingest_service.ingest_paths` does), drops the articles already stored or
already on their way, hands each batch to a backend, and writes the coded batches back **in input order**
with the same ``Store.write_batch`` call as a single-process run. At most ``depth`` batches are in flight,
so memory stays flat however large the corpus. Each worker runs the very function a single-process run
runs (``ingest_service._process``) on the very same batches, so the store ends up identical: same
articles, same event mentions, same ids.

Two backends: :class:`LocalWorkers` here (a ``ProcessPoolExecutor`` whose workers each load the parser
and stages once, in their initializer) and ``petrel.dask_ingest.DaskWorkers`` (a Dask cluster).
The local pool starts lazily, once a second batch needs parsing: a one-batch ingest never pays for
starting workers. If a worker dies (killed, out of memory) the batches it held are coded in the main
process instead, so nothing is lost.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import resource
import time
from collections import deque
from collections.abc import Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any, Protocol

from petrel.config import Settings
from petrel.ingest_service import DeferredRefresh, IngestDefaults, IngestReport, ProgressHook, _account, _batches, _process
from petrel.models import Article, ProcessedDocument, RawDocument, Rejection
from petrel.pipeline import Pipeline
from petrel.store import Store

log = logging.getLogger(__name__)

#: batches in flight per worker: one being coded, one queued, so a worker never waits for the writer
IN_FLIGHT_PER_WORKER = 2


def available_cores() -> int:
    """Cores this process may run on (the affinity mask where the OS has one, else ``os.cpu_count``)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


def resolve_workers(requested: int | None, settings: Settings) -> int:
    """The worker count to use: ``requested``, else ``settings.workers``; 0 means one per core."""
    n = settings.workers if requested is None else requested
    if n < 0:
        raise ValueError("workers must be 0 (one per core) or more")
    return n or available_cores()


@dataclass(slots=True)
class Batch:
    """One batch on its way: the articles to code, the rejections met while reading, the backend's handle."""

    index: int
    articles: list[Article]
    rejections: list[Rejection]
    handle: Any = None  # a future once submitted


@dataclass(slots=True)
class Coded:
    """What a worker sends back for one batch."""

    processed: list[ProcessedDocument]
    failures: list[Rejection]
    peak_mb: float = 0.0  # the worker's peak resident memory so far
    pid: int = 0


class Backend(Protocol):
    depth: int

    def dispatch(self, pending: deque[Batch], *, final: bool) -> None: ...

    def write(self, store: Store, batch: Batch, report: IngestReport) -> None: ...

    def finish(self, store: Store, report: IngestReport) -> None: ...

    def close(self) -> None: ...


def run_ordered(inputs: Iterable[RawDocument | Rejection], settings: Settings, backend: Backend,
                on_batch: ProgressHook | None = None, defaults: IngestDefaults | None = None) -> IngestReport:
    """Batch the inputs, let ``backend`` code them, write the results in input order."""
    report = IngestReport()
    started = time.perf_counter()
    pending: deque[Batch] = deque()
    in_flight: dict[str, tuple[str, str]] = {}  # doc id -> (content hash, source) of articles not yet written

    def write_oldest(store: Store) -> None:
        batch = pending.popleft()
        backend.write(store, batch, report)
        for a in batch.articles:
            in_flight.pop(a.doc_id, None)
        report.seconds = time.perf_counter() - started
        if on_batch:
            on_batch(report)

    with Store.open(settings.db_path, settings=settings) as store, DeferredRefresh(store) as refresher:
        backend.refresher = refresher
        try:
            for index, (articles, rejections) in enumerate(_batches(inputs, settings, defaults or IngestDefaults())):
                fresh, conflicts = _fresh(articles, store, in_flight, report)
                in_flight.update((a.doc_id, (a.content_hash, a.source)) for a in fresh)
                pending.append(Batch(index, fresh, rejections + conflicts))
                backend.dispatch(pending, final=False)
                while len(pending) > backend.depth:
                    write_oldest(store)
            backend.dispatch(pending, final=True)
            while pending:
                write_oldest(store)
            backend.finish(store, report)
        finally:
            backend.close()
    report.seconds = time.perf_counter() - started
    return report


def _fresh(articles: list[Article], store: Store, in_flight: dict[str, tuple[str, str]],
           report: IngestReport) -> tuple[list[Article], list[Rejection]]:
    """Drop articles already stored, already in a batch not yet written, or repeated in this batch; an id
    repeated with different text is a conflict (E213), as in a single-process run (``_unseen``).

    The same rule as a single-process run, where every earlier batch is already written when a batch
    is checked: "stored or in flight" here is exactly "stored" there.
    """
    from petrel.ingest_service import _unseen

    return _unseen(articles, store, report, in_flight)


# -- the local backend ---------------------------------------------------------------------------

_WORKER_PIPELINE: Pipeline | None = None


def _init_worker(settings: Settings) -> None:
    """Runs once in each worker process: load the parser, knowledge base, gazetteer and stages."""
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = Pipeline(settings)


def _code_batch(articles: list[Article]) -> Coded:
    """Runs in a worker: the single-process code path on one batch."""
    assert _WORKER_PIPELINE is not None, "worker used before its initializer ran"
    processed, failures = _process(_WORKER_PIPELINE, articles)
    return Coded(processed, failures, peak_rss_mb(), os.getpid())


def peak_rss_mb() -> float:
    """This process's peak resident memory in MB (``ru_maxrss`` is KB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if os.uname().sysname == "Darwin" else peak / 1024


def _start_method() -> str:
    methods = multiprocessing.get_all_start_methods()
    return "forkserver" if "forkserver" in methods else "spawn"


@dataclass
class LocalWorkers:
    """A pool of ``workers`` processes on this machine, each with its own pipeline."""

    settings: Settings
    workers: int
    depth: int = 0
    pool: ProcessPoolExecutor | None = None
    broken: bool = False
    started: bool = False
    stale: bool = False  # a written batch's dedup refresh is still owed
    refresher: DeferredRefresh | None = None
    _pending: deque[Batch] = field(default_factory=deque)
    peaks: dict[int, float] = field(default_factory=dict)  # worker pid -> peak MB
    _main_pipeline: Pipeline | None = None

    def __post_init__(self) -> None:
        self.depth = self.depth or IN_FLIGHT_PER_WORKER * self.workers

    def dispatch(self, pending: deque[Batch], *, final: bool) -> None:
        self._pending = pending
        waiting = [b for b in pending if b.articles and b.handle is None]
        if not waiting or self.broken:
            return
        if self.pool is None:
            # one batch's worth of articles (the small first batch and the next, for a small corpus): coded in
            # this process when written, with no start-up cost
            if len(waiting) < 2 or sum(len(b.articles) for b in waiting) <= self.settings.batch_size:
                return
            self._start()
        for batch in waiting:
            try:
                batch.handle = self.pool.submit(_code_batch, batch.articles)
            except BrokenProcessPool:
                self._mark_broken()
                return

    def write(self, store: Store, batch: Batch, report: IngestReport) -> None:
        processed, failures = self._collect(batch)
        rejections = batch.rejections + failures
        report.rejected.extend(rejections)
        # when the writer lags (the next batch is already coded) the dedup refresh waits for a later batch:
        # one refresh over several batches leaves the same derived tables as one per batch
        # (and between the ``settings.dedup_refresh_batches`` the refresher asks for; it runs the last one)
        due = self.refresher.due() if self.refresher is not None else True
        defer = not due or self._next_is_ready()
        result = store.write_batch(processed, rejections, refresh=not defer)
        self.stale = defer
        if self.refresher is not None:
            self.refresher.owed = defer
        _account(report, processed, result.events, result.quotes)
        report.workers = self.workers if self.started else 1
        report.worker_peak_mb = max(self.peaks.values(), default=report.worker_peak_mb)

    def finish(self, store: Store, report: IngestReport) -> None:
        """Every batch is written; run the refresh the last one deferred, if it did."""
        if self.stale:
            store.refresh_derived()
            self.stale = False
            if self.refresher is not None:
                self.refresher.owed = False

    def _next_is_ready(self) -> bool:
        following = self._pending[0] if self._pending else None
        return bool(following is not None and following.handle is not None and following.handle.done())

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None

    def _collect(self, batch: Batch) -> tuple[list[ProcessedDocument], list[Rejection]]:
        if not batch.articles:
            return [], []
        future: Future[Coded] | None = batch.handle
        if future is not None:
            try:
                coded = future.result()
            except BrokenProcessPool:
                self._mark_broken()
            else:
                self.peaks[coded.pid] = coded.peak_mb
                return coded.processed, coded.failures
        return _process(self._pipeline_here(), batch.articles)

    def _start(self) -> None:
        context = multiprocessing.get_context(_start_method())
        log.info("starting %d ingest workers (%s)", self.workers, context.get_start_method())
        self.started = True
        self.pool = ProcessPoolExecutor(self.workers, mp_context=context, initializer=_init_worker,
                                        initargs=(self.settings,))

    def _mark_broken(self) -> None:
        if not self.broken:
            log.error("an ingest worker died; the remaining batches are coded in the main process")
        self.broken = True

    def _pipeline_here(self) -> Pipeline:
        if self._main_pipeline is None:
            self._main_pipeline = Pipeline(self.settings)
        return self._main_pipeline


def ingest_parallel(inputs: Iterable[RawDocument | Rejection], settings: Settings, workers: int,
                    on_batch: ProgressHook | None = None, *, defaults: IngestDefaults | None = None) -> IngestReport:
    """Ingest with ``workers`` local processes; the store ends up as a single-process run leaves it."""
    return run_ordered(inputs, settings, LocalWorkers(settings, workers), on_batch, defaults)


__all__ = ["Backend", "Batch", "Coded", "LocalWorkers", "available_cores", "ingest_parallel", "peak_rss_mb",
           "resolve_workers", "run_ordered"]
