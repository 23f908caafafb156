"""Parallel ingest bench (called by bench/run.py, or alone): articles/s with 1 and 2 workers, same run.

Each round ingests the same JSONL corpus into a fresh database with ``workers=1`` (one process: the
single-process code path) and ``workers=2`` (two worker processes, the main process writing). The rate
is the steady state: articles written between the first full batch and the last, over the time between
them (a run's first batch holds a single article: ingest_service.FIRST_BATCH_ARTICLES), so loading spaCy
(once in the main process, once per worker) is left out; the wall time with start-up is printed too. The figures are the best of ``rounds`` interleaved rounds, so a burst of load elsewhere
hits both alike. Peak memory per worker is the largest ``ru_maxrss`` a worker reported.
Usage: python bench/workers.py [--copies N] [--rounds N] [--batch-size N]
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from petrel.config import Settings
from petrel.ingest_service import IngestReport, ingest_paths


@dataclass
class WorkerRun:
    workers: int
    articles: int
    steady_articles_per_s: float
    steady_words_per_s: float
    wall_s: float
    worker_peak_mb: float
    load: tuple[float, float]  # 1-minute load average before and after the run


def run_once(jsonl: Path, db: Path, workers: int, batch_size: int) -> WorkerRun:
    settings = Settings(db_path=db, batch_size=batch_size)
    marks: list[tuple[float, int, int]] = []  # (time, articles so far, words so far) after each batch

    def on_batch(report: IngestReport) -> None:
        marks.append((time.perf_counter(), report.ingested, report.words))

    load_before = os.getloadavg()[0]
    start = time.perf_counter()
    report = ingest_paths([str(jsonl)], settings, workers=workers, on_batch=on_batch)
    wall = time.perf_counter() - start
    # from the first full batch written (a run's first batch holds one article, coded as the workers start)
    (t0, a0, w0), (t1, a1, w1) = marks[1 if len(marks) > 2 else 0], marks[-1]
    span = max(t1 - t0, 1e-9)
    return WorkerRun(workers, report.ingested, (a1 - a0) / span, (w1 - w0) / span, wall, report.worker_peak_mb,
                     (load_before, os.getloadavg()[0]))


def bench_workers(jsonl: Path, tmp: Path, *, rounds: int = 2, batch_size: int = 64) -> dict[str, object]:
    """Best-of-``rounds`` steady rates with 1 and 2 workers on ``jsonl``; returns the figures."""
    best: dict[int, WorkerRun] = {}
    loads: list[float] = []
    for k in range(rounds):
        for workers in (1, 2):
            run = run_once(jsonl, tmp / f"workers{workers}-{k}.duckdb", workers, batch_size)
            loads.extend(run.load)
            if workers not in best or run.steady_articles_per_s > best[workers].steady_articles_per_s:
                best[workers] = run
    one, two = best[1], best[2]
    return {
        "articles": one.articles, "batch_size": batch_size, "rounds": rounds,
        "one_worker_articles_per_s": one.steady_articles_per_s, "two_workers_articles_per_s": two.steady_articles_per_s,
        "one_worker_words_per_s": one.steady_words_per_s, "two_workers_words_per_s": two.steady_words_per_s,
        "ratio": two.steady_articles_per_s / one.steady_articles_per_s,
        "one_worker_wall_s": one.wall_s, "two_workers_wall_s": two.wall_s,
        "worker_peak_mb": two.worker_peak_mb, "load_average": [min(loads), max(loads)], "cores": os.cpu_count(),
    }


def print_workers(figures: dict[str, object]) -> None:
    f = figures
    print()
    print(f"-- parallel ingest: 1 vs 2 workers ({f['articles']} articles, batches of {f['batch_size']}, "
          f"best of {f['rounds']} rounds) --")
    print(f"{'workers':8} {'articles/s':>11} {'words/s':>9} {'wall s (with start-up)':>24}")
    print(f"{1:<8} {f['one_worker_articles_per_s']:11.2f} {f['one_worker_words_per_s']:9.0f} {f['one_worker_wall_s']:24.1f}")
    print(f"{2:<8} {f['two_workers_articles_per_s']:11.2f} {f['two_workers_words_per_s']:9.0f} {f['two_workers_wall_s']:24.1f}")
    load = "{:.1f} to {:.1f}".format(*f["load_average"])
    print(f"2 workers / 1 worker: {f['ratio']:.2f}x articles/s (target >= 1.7 on 2 quiet cores); "
          f"peak memory per worker {f['worker_peak_mb']:.0f} MB (target <= 1200); 1-minute load average {load} during the runs on {f['cores']} cores (a ratio means little above ~1)")


def save_workers(figures: dict[str, object]) -> None:
    out = Path(__file__).parent / "results"
    out.mkdir(exist_ok=True)
    (out / "workers.json").write_text(json.dumps(figures, indent=2))


def main() -> None:
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from run import replicate, sample_articles, write_jsonl

    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=12)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=64)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(db_path=Path(tmp) / "unused.duckdb")
        jsonl = Path(tmp) / "corpus.jsonl"
        write_jsonl(replicate(sample_articles(settings), args.copies), jsonl)
        figures = bench_workers(jsonl, Path(tmp), rounds=args.rounds, batch_size=args.batch_size)
    print_workers(figures)
    save_workers(figures)


if __name__ == "__main__":
    main()
