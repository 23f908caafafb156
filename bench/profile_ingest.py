"""Where an ingest spends its time: the bench corpus under py-spy, summed per function (not a test).

    pip install -e '.[profile]'                      # py-spy, pinned
    py-spy record -r 100 -f raw -o /tmp/ingest.raw -- python bench/profile_ingest.py [--prefilter] [--copies N]
    python bench/profile_ingest.py --report /tmp/ingest.raw [--top 40]

The run loads the pipeline, warms it (lazy indexes), parses the corpus once with the installed spaCy
pipeline (the bare reference) and ingests it end to end (JSONL -> store, as ``make bench`` does).
``--report`` reads py-spy's raw (collapsed) stacks and prints, for the samples under ``ingest_paths`` and
under the bare parse, each function's inclusive and self share: what docs/benchmarks.md quotes.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT_FUNCTIONS = ("ingest_paths", "bare_parse")


def run(prefilter: bool, copies: int) -> None:
    from petrel.config import Settings
    from petrel.ingest_service import ingest_paths
    from petrel.pipeline import Pipeline
    from prefilter import stock_nlp  # bench/prefilter.py, beside this file
    from run import replicate, sample_articles, warm, write_jsonl  # bench/run.py

    tmp = Path(tempfile.mkdtemp(prefix="petrel-profile-"))
    settings = Settings(db_path=tmp / "warm.duckdb", prefilter=prefilter)
    pipeline = Pipeline(settings)
    bare = stock_nlp(settings)
    articles = replicate(sample_articles(settings), copies)
    warm(pipeline)
    list(pipeline.process_articles(articles[:20]))
    write_jsonl(articles, tmp / "corpus.jsonl")
    texts = [a.text for a in articles]

    def bare_parse() -> None:
        list(bare.pipe(texts, batch_size=32))

    start = time.perf_counter()
    bare_parse()
    bare_s = time.perf_counter() - start
    start = time.perf_counter()
    ingest_paths([str(tmp / "corpus.jsonl")], settings.model_copy(update={"db_path": tmp / "run.duckdb"}),
                 pipeline=pipeline)
    e2e_s = time.perf_counter() - start
    words = sum(a.word_count for a in articles)
    print(f"{words} words: bare spaCy {bare_s:.2f} s, end to end {e2e_s:.2f} s ({bare_s / e2e_s:.2f}x)")


def report(path: Path, top: int) -> None:
    """Inclusive and self shares per function under each root function of the run."""
    for root in ROOT_FUNCTIONS:
        inclusive: Counter[str] = Counter()
        own: Counter[str] = Counter()
        total = 0
        for line in path.read_text().splitlines():
            stack, _, count = line.rpartition(" ")
            frames = [_name(f) for f in stack.split(";")]
            at = next((i for i, f in enumerate(frames) if f.split(" (")[0].split(".")[-1] == root), None)
            if at is None or not count.isdigit():
                continue
            n = int(count)
            total += n
            for frame in set(frames[at:]):
                inclusive[frame] += n
            own[frames[-1]] += n
        print(f"== {root}: {total} samples")
        for label, counts in (("inclusive", inclusive), ("self", own)):
            print(f"-- {label}")
            for frame, n in counts.most_common(top):
                print(f"{100 * n / max(1, total):5.1f}%  {frame}")


def _name(frame: str) -> str:
    """``func (path/to/site-packages/pkg/mod.py:12)`` -> ``func (pkg/mod.py)``."""
    return re.sub(r" \((.*?)(?::\d+)?\)$", lambda m: f" ({m.group(1).split('site-packages/')[-1].split('src/')[-1]})",
                  frame)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--prefilter", action="store_true", help="ingest with the parse pre-filter on")
    parser.add_argument("--copies", type=int, default=4, help="copies of the sample corpus (make bench: 4)")
    parser.add_argument("--report", type=Path, help="summarise a py-spy raw file instead of running")
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()
    if args.report:
        report(args.report, args.top)
    else:
        sys.path.insert(0, str(Path(__file__).resolve().parent))
        run(args.prefilter, args.copies)


if __name__ == "__main__":
    main()
