"""End-to-end throughput benchmark (`make bench`): not a test, a measurement.

Ingests the sample corpus (replicated so the run is long enough to measure) into a fresh database
and, in the same process and run, parses the same texts with bare ``nlp.pipe``. Prints articles/s and
words/s for both, their ratio, the share of time spent outside spaCy, and peak memory; the pipeline and the
ingest run twice, with the parse pre-filter (``--prefilter``) and with a full parse (the default). Separate
blocks: bench/workers.py ingests a larger replica with 1 and 2 worker processes and prints their ratio;
bench/prefilter.py measures the pre-filter's speed and recall on four corpora.
Usage: python bench/run.py [--copies N] [--worker-copies N] [--prefilter-rounds N]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from petrel.clean import clean_document
from petrel.config import Settings
from petrel.demo import sample_corpus_path
from petrel.ingest import iter_inputs
from petrel.ingest_service import ingest_paths
from petrel.models import Article, RawDocument
from petrel.pipeline import Pipeline
from prefilter import bench_prefilter, print_prefilter, save_prefilter, stock_nlp  # bench/prefilter.py, beside this file
from workers import bench_workers, print_workers, save_workers  # bench/workers.py, beside this file


def sample_articles(settings: Settings) -> list[Article]:
    items = iter_inputs([str(sample_corpus_path())], settings)
    return [clean_document(i, settings) for i in items if isinstance(i, RawDocument)]


def replicate(articles: list[Article], copies: int) -> list[Article]:
    return [replace(a, doc_id=f"{a.doc_id}-{k}") for k in range(copies) for a in articles]


def write_jsonl(articles: list[Article], path: Path) -> None:
    with path.open("w", encoding="utf-8") as f:
        for a in articles:
            f.write(json.dumps({"id": a.doc_id, "text": a.text, "title": a.title, "outlet": a.outlet,
                                "published": a.published.isoformat() if a.published else None}) + "\n")


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=4)
    parser.add_argument("--rounds", type=int, default=3, help="each figure is the fastest of this many rounds")
    parser.add_argument("--worker-copies", type=int, default=12, help="copies of the sample for the 1 vs 2 workers "
                        "block (0 skips it)")
    parser.add_argument("--prefilter-rounds", type=int, default=2, help="rounds of the pre-filter block (0 skips it)")
    args = parser.parse_args()
    # compiled resources in a folder of this run's own, filled by the warm-up below: the checkouts sharing
    # ~/.cache/petrel evict each other's entries (four kept per kind), and a cold village index costs each
    # process ~13 s and ~300 MB of peak memory the first time a document needs it (docs/benchmarks.md)
    cache = tempfile.mkdtemp(prefix="petrel-bench-cache-")
    os.environ["PETREL_CACHE_DIR"] = cache  # the worker processes' settings read it too
    try:
        run(args)
    finally:
        shutil.rmtree(cache, ignore_errors=True)


def warm(pipeline: Pipeline) -> None:
    """Build the lazily built indexes now (the village index: on the first lookup a country vote allows)."""
    pipeline.resources.gazetteer.village("Xqzvillette", {"USA": 1.0})


def run(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(db_path=Path(tmp) / "bench.duckdb")
        assert settings.cache_dir is not None and str(settings.cache_dir) == os.environ["PETREL_CACHE_DIR"]
        pipeline = Pipeline(settings.model_copy(update={"prefilter": True}))  # with the parse pre-filter
        full = Pipeline(settings.model_copy(update={"prefilter": False}), resources=pipeline.resources)
        articles = replicate(sample_articles(settings), args.copies)
        words = sum(a.word_count for a in articles)
        texts = [a.text for a in articles]
        bare_nlp = stock_nlp(settings)  # spaCy as installed: the reference of every ratio
        list(bare_nlp.pipe(texts[:20]))
        warm(pipeline)
        list(pipeline.process_articles(articles[:20]))  # warm-up: lazy indexes (gazetteer) are built here
        list(full.process_articles(articles[:20]))
        jsonl = Path(tmp) / "corpus.jsonl"
        write_jsonl(articles, jsonl)
        per_stage = time_stages(pipeline)
        bare, stages, e2e, stages_full, e2e_full = [], [], [], [], []
        for k in range(args.rounds):  # interleaved rounds, so a burst of load elsewhere hits all three alike
            bare.append(timed(lambda: list(bare_nlp.pipe(texts, batch_size=32))))
            per_stage.clear()
            stages.append(timed(lambda: list(pipeline.process_articles(articles))))
            stage_times = dict(per_stage)
            round_settings = settings.model_copy(update={"db_path": Path(tmp) / f"bench{k}.duckdb", "prefilter": True})
            e2e.append(timed(lambda: ingest_paths([str(jsonl)], round_settings, pipeline=pipeline)))
            stages_full.append(timed(lambda: list(full.process_articles(articles))))
            full_settings = round_settings.model_copy(update={"db_path": Path(tmp) / f"full{k}.duckdb",
                                                              "prefilter": False})
            e2e_full.append(timed(lambda: ingest_paths([str(jsonl)], full_settings, pipeline=full)))
    report(len(articles), words, min(bare), min(stages), min(e2e), stage_times,
           full=(min(stages_full), min(e2e_full)),
           kept=pipeline.prefilter.stats.share_kept if pipeline.prefilter else 1.0)
    report_model(pipeline, texts, min(bare))
    report_parse(pipeline, bare_nlp, texts)
    if args.prefilter_rounds:  # the pre-filter's speed and recall on other corpora: its own block and results file
        figures = bench_prefilter(rounds=args.prefilter_rounds)
        print_prefilter(figures)
        save_prefilter(figures)
    if args.worker_copies:  # parallel ingest: its own block of output and results file, after the peak above
        run_workers_block(args.worker_copies)


def run_workers_block(copies: int) -> None:
    """1 vs 2 worker processes on the sample replicated ``copies`` times (see bench/workers.py)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "workers-corpus.jsonl"
        write_jsonl(replicate(sample_articles(Settings(db_path=path.with_suffix(".duckdb"))), copies), path)
        figures = bench_workers(path, Path(tmp))
    print_workers(figures)
    save_workers(figures)


def time_stages(pipeline: Pipeline) -> dict[str, float]:
    """Wrap each stage with a timer; returns the dict the timers fill."""
    spent: dict[str, float] = {}

    def timed_stage(stage):
        def run(state):
            start = time.perf_counter()
            stage(state)
            spent[stage.name] = spent.get(stage.name, 0.0) + time.perf_counter() - start

        def run_batch(states):
            start = time.perf_counter()
            stage.run_batch(states)
            spent[stage.name] = spent.get(stage.name, 0.0) + time.perf_counter() - start
        run.name = stage.name
        if hasattr(stage, "run_batch"):
            run.run_batch = run_batch
        return run

    pipeline.stages = [timed_stage(s) for s in pipeline.stages]
    return spent


def report(n: int, words: int, bare: float, stages: float, e2e: float, per_stage: dict[str, float], *,
           full: tuple[float, float], kept: float) -> None:
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    rows = [("bare nlp.pipe", bare), ("stages, pre-filter", stages), ("end to end, pre-filter", e2e),
            ("stages, full parse", full[0]), ("end to end, full parse", full[1])]
    print(f"corpus: {n} articles, {words} words")
    print(f"{'run':32} {'seconds':>8} {'articles/s':>11} {'words/s':>9} {'vs bare':>8}")
    for name, secs in rows:
        print(f"{name:32} {secs:8.2f} {n / secs:11.1f} {words / secs:9.0f} {bare / secs:8.2f}")
    print(f"the pre-filter parsed {100 * kept:.1f}% of the sentences; end to end it is {full[1] / e2e:.2f}x "
          "the full parse's words/s")
    print(f"end-to-end words/s is {bare / e2e:.2f}x bare spaCy's with the pre-filter, {bare / full[1]:.2f}x with "
          f"the full parse (the default); peak memory {peak_mb:.0f} MB")
    print("time per stage (pre-filter run), as a share of bare parsing: " +
          ", ".join(f"{k} {100 * v / bare:.1f}%" for k, v in per_stage.items()))
    coder = per_stage.get("quotes", 0.0) + per_stage.get("events", 0.0)
    print(f"the event coder (quotes + events stages) costs {100 * coder / bare:.1f}% on top of parsing")
    out = Path(__file__).parent / "results"
    out.mkdir(exist_ok=True)
    (out / "latest.json").write_text(json.dumps({
        "articles": n, "words": words, "bare_s": bare, "stages_s": stages, "e2e_s": e2e,
        "e2e_words_per_s": words / e2e, "per_stage_s": per_stage, "stages_full_parse_s": full[0],
        "e2e_full_parse_s": full[1], "ratio_e2e_full_parse_to_bare": bare / full[1], "share_sentences_parsed": kept,
        "ratio_e2e_to_bare": bare / e2e, "peak_mb": peak_mb}, indent=2))


def report_parse(pipeline: Pipeline, bare_nlp, texts: list[str]) -> None:  # noqa: ANN001
    """Each spaCy component's share of petrel's parse and of the stock pipeline's, same texts (one pass each,
    component by component, so the shares are comparable within the run, not the seconds with nlp.pipe)."""
    for label, nlp in (("stock spaCy", bare_nlp), ("petrel's nlp", pipeline.nlp)):
        spent: dict[str, float] = {}
        start = time.perf_counter()
        docs = [nlp.make_doc(t) for t in texts]
        spent["tokenizer"] = time.perf_counter() - start
        for name, proc in nlp.pipeline:
            start = time.perf_counter()
            docs = list(proc.pipe(docs, batch_size=32)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
            spent[name] = time.perf_counter() - start
        total = sum(spent.values())
        print(f"{label} component by component: {total:.2f} s; " +
              ", ".join(f"{k} {100 * v / total:.1f}%" for k, v in spent.items()))


def report_model(pipeline: Pipeline, texts: list[str], bare: float) -> None:
    """The event model alone on every sentence of the corpus: seconds per 1,000 sentences."""
    clf = pipeline.resources.classifier
    if clf is None:
        print("event model: off (PETREL_EVENT_MODEL=rules)")
        return
    sentences = [s.text for doc in pipeline.nlp.pipe(texts, batch_size=32) for s in doc.sents]
    secs = min(timed(lambda: clf.predict(sentences)) for _ in range(2))
    print(f"event model: {len(sentences)} sentences in {secs:.2f} s = {secs / len(sentences) * 1000:.2f} s per "
          f"1,000 sentences on one thread ({100 * secs / bare:.1f}% of bare parsing if run on every sentence; "
          "the pipeline runs it only on sentences that name an actor)")


if __name__ == "__main__":
    main()
