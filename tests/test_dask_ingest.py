"""Ingest on a real Dask cluster (a scheduler and two workers on 127.0.0.1) stores what a local run stores."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from scale_helpers import store_snapshot

from petrel.config import Settings
from petrel.errors import ClusterError
from petrel.ingest_service import ingest_paths

pytest.importorskip("distributed")
pytestmark = pytest.mark.cluster

DASK = Path(sys.executable).with_name("dask")
START_TIMEOUT_S = 120


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def stop(process: subprocess.Popen) -> None:
    """Ask, then insist: the process and anything it started (its own session) are gone afterwards."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=20)


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A scheduler and two single-threaded workers, torn down whatever happens."""
    from distributed import Client

    if not DASK.exists():
        pytest.skip("the dask command is not installed beside this Python")
    logs = tmp_path_factory.mktemp("dask")
    address = f"tcp://127.0.0.1:{free_port()}"
    common = {"start_new_session": True, "stdin": subprocess.DEVNULL}
    procs = [subprocess.Popen([str(DASK), "scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1],
                               "--no-dashboard"], stdout=(logs / "scheduler.log").open("w"),
                              stderr=subprocess.STDOUT, **common)]
    try:
        for k in range(2):
            procs.append(subprocess.Popen(
                [str(DASK), "worker", address, "--nthreads", "1", "--no-nanny", "--no-dashboard",
                 "--host", "127.0.0.1", "--local-directory", str(logs / f"w{k}"), "--memory-limit", "0"],
                stdout=(logs / f"worker{k}.log").open("w"), stderr=subprocess.STDOUT, **common))
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:  # the scheduler may not listen yet: retry until the deadline
            try:
                with Client(address, timeout="5s", set_as_default=False) as client:
                    client.wait_for_workers(2, timeout=max(1.0, deadline - time.monotonic()))
                break
            except (OSError, TimeoutError):
                if time.monotonic() > deadline or any(p.poll() is not None for p in procs):
                    pytest.fail("the Dask cluster did not start: " + (logs / "scheduler.log").read_text()[-2000:])
                time.sleep(1)
        yield address
    finally:
        for process in reversed(procs):
            stop(process)


def test_cluster_ingest_stores_what_a_local_run_stores(scheduler: str, scale_corpus: Path, tmp_path: Path,
                                                       pipeline) -> None:
    local = Settings(db_path=tmp_path / "local.duckdb", batch_size=4)
    on_cluster = local.model_copy(update={"db_path": tmp_path / "cluster.duckdb"})
    shards = tmp_path / "shards"

    expected = ingest_paths([str(scale_corpus)], local, pipeline=pipeline)
    report = ingest_paths([str(scale_corpus)], on_cluster, scheduler=scheduler, shards=shards)

    assert (report.ingested, report.skipped, report.events, report.quotes, report.words) == \
        (expected.ingested, expected.skipped, expected.events, expected.quotes, expected.words)
    assert sorted(r.source for r in report.rejected) == sorted(r.source for r in expected.rejected)
    assert expected.events > 0 and report.worker_peak_mb > 0
    assert store_snapshot(on_cluster.db_path) == store_snapshot(local.db_path)
    # the shards stay where --shards put them, readable by any Parquet engine
    assert len(list(shards.glob("batch-*/event_mentions.parquet"))) >= 3


def test_a_temporary_shard_folder_is_removed_after_the_merge(scheduler: str, scale_corpus: Path,
                                                             tmp_path: Path) -> None:
    settings = Settings(db_path=tmp_path / "db" / "c.duckdb")
    report = ingest_paths([str(scale_corpus / "sample_feed.csv")], settings, scheduler=scheduler)
    assert report.ingested > 0
    assert [p.name for p in settings.db_path.parent.iterdir() if "shards" in p.name] == []


def test_an_unreachable_scheduler_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("petrel.dask_ingest.CONNECT_TIMEOUT_S", 2)
    settings = Settings(db_path=tmp_path / "x.duckdb")
    with pytest.raises(ClusterError, match="cannot reach"):
        ingest_paths(["-"], settings, scheduler=f"tcp://127.0.0.1:{free_port()}")


def test_a_worker_without_the_shard_folder_sends_the_batch_back(pipeline, tmp_path: Path) -> None:
    """What a worker on another machine (no shared filesystem) does; run here without a cluster."""
    from petrel import dask_ingest
    from petrel.clean import article_from_text
    from petrel.ingest_service import IngestReport
    from petrel.models import Rejection
    from petrel.parallel import Batch
    from petrel.store import Store

    settings = Settings(db_path=tmp_path / "r.duckdb")
    dask_ingest._PIPELINES[settings.model_dump_json(exclude={"db_path"})] = pipeline
    article = article_from_text("Northland troops shelled the border town of Vell on Monday.", doc_id="r1")
    missing = tmp_path / "not-on-this-machine"
    done = dask_ingest.code_to_shard([article], [Rejection("x.txt", "E201", "empty", "text")], settings,
                                     str(missing), 0)
    assert done.shard == "" and not missing.exists() and done.tables is not None

    class Ready:
        def result(self):
            return done

    class OneWorker:
        def nthreads(self):
            return {"w": 1}

    backend = dask_ingest.DaskWorkers(OneWorker(), settings, missing)
    report = IngestReport()
    with Store.open(settings.db_path) as store:
        backend.write(store, Batch(0, [article], [Rejection("x.txt", "E201", "empty", "text")], Ready()), report)
        assert (store.count("articles"), report.ingested, len(report.rejected)) == (2, 1, 1)
