"""Ingest on a Dask distributed cluster: ``petrel ingest --scheduler tcp://HOST:PORT``.

The main process (the one writer) reads and cleans the input as every ingest does, drops the articles
already stored or already in flight, and sends each batch of cleaned articles to the cluster. A worker
runs the single-process code path on it (``ingest_service._process``, with a pipeline it loads once and
keeps) and writes the coded batch as a Parquet shard (``petrel.store.shards``) under ``--shards``, a
folder every worker and the main process can reach; a worker that does not see that folder (another
machine, no shared filesystem) sends the batch's Arrow tables back through the scheduler instead. The main process merges the shards into the store
in batch order as they complete, at most two batches per worker thread in flight, and runs the dedup
refresh once at the end. The store ends up as a local run leaves it: same articles, events and ids.

Workers need petrel (the same version, checked at connect time) and ``petrel[dask]`` installed, plus any
``PETREL_KB_PATHS`` files at the same paths. Start them with ``--nthreads 1`` (one pipeline per process,
``--nworkers`` processes per machine): see ``docs/scale.md``.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import threading
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from petrel import __version__
from petrel.config import Settings
from petrel.errors import ClusterError
from petrel.ingest_service import IngestDefaults, IngestReport, ProgressHook, _process
from petrel.models import Article, RawDocument, Rejection
from petrel.parallel import IN_FLIGHT_PER_WORKER, Batch, peak_rss_mb, run_ordered
from petrel.pipeline import Pipeline
from petrel.store import Store

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 30
WORKERS_TIMEOUT_S = 120


@dataclass(slots=True)
class ShardDone:
    """What a worker reports for one batch it coded into a shard."""

    shard: str  # "" when the worker could not see the shard folder and sent the tables back instead
    articles: int
    words: int
    failures: list[Rejection]
    peak_mb: float
    worker: str
    tables: dict[str, Any] | None = None  # the batch's Arrow tables, when sent back


# -- on the workers ------------------------------------------------------------------------------

_PIPELINES: dict[str, Pipeline] = {}
_PIPELINE_LOCK = threading.Lock()


def _pipeline_for(settings: Settings) -> Pipeline:
    """This worker's pipeline for these settings, loaded on its first batch and kept."""
    key = settings.model_dump_json(exclude={"db_path"})
    if key not in _PIPELINES:
        _PIPELINES[key] = Pipeline(settings)
    return _PIPELINES[key]


def code_to_shard(articles: list[Article], rejections: list[Rejection], settings: Settings, folder: str,
                  index: int) -> ShardDone:
    """Runs on a Dask worker: parse and code one batch, write it as shard ``index`` under ``folder``."""
    import os

    from petrel.store.shards import batch_tables, write_shard

    with _PIPELINE_LOCK:  # one pipeline per process, used by one thread at a time
        pipeline = _pipeline_for(settings)
        processed, failures = _process(pipeline, articles)
    tables = batch_tables(processed, rejections + failures)
    done = ShardDone("", len(processed), sum(p.article.word_count for p in processed), failures, peak_rss_mb(),
                     f"{os.uname().nodename}:{os.getpid()}")
    if Path(folder).is_dir():  # the main process made it: a folder this worker shares with it
        done.shard = str(write_shard(tables, Path(folder), index))
    else:  # another machine without the shared folder: the tables go back through the scheduler
        done.tables = tables
    return done


def _worker_version() -> str:
    return __version__


# -- in the main process -------------------------------------------------------------------------

@dataclass
class DaskWorkers:
    """The ``run_ordered`` backend that codes batches on a Dask cluster and merges their shards."""

    client: Any  # distributed.Client
    settings: Settings
    folder: Path
    depth: int = 0
    peaks: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        threads = sum(self.client.nthreads().values())
        self.depth = self.depth or IN_FLIGHT_PER_WORKER * max(1, threads)

    def dispatch(self, pending: deque[Batch], *, final: bool) -> None:
        for batch in pending:
            if batch.handle is None and (batch.articles or batch.rejections):
                batch.handle = self.client.submit(code_to_shard, batch.articles, batch.rejections, self.settings,
                                                  str(self.folder), batch.index, pure=False)

    def write(self, store: Store, batch: Batch, report: IngestReport) -> None:
        from petrel.store.shards import read_shard

        if batch.handle is None:
            return
        try:
            done: ShardDone = batch.handle.result()
        except Exception as exc:  # a worker-side failure: the message names it
            raise ClusterError(f"batch {batch.index} failed on the cluster: {type(exc).__name__}: {exc}",
                               batch=batch.index) from exc
        if done.tables is not None:
            tables = done.tables
        elif Path(done.shard).is_dir():
            tables = read_shard(Path(done.shard))
        else:
            raise ClusterError(f"shard {done.shard} is not visible here: --shards must be a folder every worker "
                               "and this machine share at the same path", shard=done.shard)
        result = store.write_tables(tables, refresh=False)
        report.rejected.extend(batch.rejections + done.failures)
        report.ingested += done.articles
        report.words += done.words
        report.events += result.events
        report.quotes += result.quotes
        self.peaks[done.worker] = done.peak_mb
        report.workers = len(self.peaks)
        report.worker_peak_mb = max(self.peaks.values())

    def finish(self, store: Store, report: IngestReport) -> None:
        """The one merge step's end: rebuild events, near-duplicates and stories over everything merged."""
        store.refresh_derived()

    def close(self) -> None:
        """Futures still pending are released with the client."""


def ingest_on_cluster(inputs: Iterable[RawDocument | Rejection], settings: Settings, scheduler: str, *,
                      shards: Path | None = None, on_batch: ProgressHook | None = None,
                      defaults: IngestDefaults | None = None) -> IngestReport:
    """Ingest ``inputs`` with the workers of the Dask scheduler at ``scheduler`` (``tcp://HOST:PORT``)."""
    client = connect(scheduler)
    folder, temporary = _shard_folder(shards, settings)
    try:
        return run_ordered(inputs, settings, DaskWorkers(client, settings, folder), on_batch, defaults)
    except BaseException:
        _refresh_after_failure(settings)
        raise
    finally:
        client.close()
        if temporary:
            shutil.rmtree(folder, ignore_errors=True)


def connect(scheduler: str) -> Any:
    """A client of the scheduler, with at least one worker, every worker running this petrel version."""
    try:
        from distributed import Client
    except ImportError as exc:
        raise ClusterError("Dask is not installed: pip install 'petrel[dask]'") from exc
    try:
        client = Client(scheduler, timeout=f"{CONNECT_TIMEOUT_S}s", set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise ClusterError(f"cannot reach the Dask scheduler at {scheduler}: {exc}", scheduler=scheduler) from exc
    try:
        client.wait_for_workers(1, timeout=WORKERS_TIMEOUT_S)
        versions = client.run(_worker_version)
    except Exception as exc:
        client.close()
        raise ClusterError(f"no usable worker joined the scheduler at {scheduler}: {exc}", scheduler=scheduler) from exc
    wrong = {worker: v for worker, v in versions.items() if v != __version__}
    if wrong:
        client.close()
        raise ClusterError(f"workers run another petrel version than {__version__}: {wrong}", workers=wrong)
    log.info("connected to %s: %d workers", scheduler, len(versions))
    return client


def _shard_folder(shards: Path | None, settings: Settings) -> tuple[Path, bool]:
    """``shards`` (created if needed, kept), or a temporary folder beside the database (removed)."""
    if shards is not None:
        shards.mkdir(parents=True, exist_ok=True)
        return shards.resolve(), False
    db = Path(settings.db_path).resolve()
    db.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{db.name}.shards-", dir=db.parent)), True


def _refresh_after_failure(settings: Settings) -> None:
    """Batches merged before a failure stay; bring the derived tables up to date over them."""
    try:
        with Store.open(settings.db_path, settings=settings) as store:
            store.refresh_derived()
    except Exception:  # the original failure is the one to report
        log.exception("refreshing the derived tables after a failed cluster ingest failed too")


__all__ = ["ClusterError", "DaskWorkers", "ShardDone", "code_to_shard", "connect", "ingest_on_cluster"]
