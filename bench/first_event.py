"""Time to first event (bench, not a test): a fresh ``petrel ingest`` of a small corpus folder, from the start of
the process until its first event mention is committed to the store, split into its parts, against loading the
spaCy model alone in the same run.

The command runs as a user runs it (``petrel -v ingest FOLDER --db NEW``, default workers), with ``-v`` so it logs
its steps at debug level; each line is timed here as it arrives on the pipe (no timing code in petrel). The
moments are petrel's own debug lines, in order (docs/benchmarks.md, "Time to first event"):

- ``ingest started``: the interpreter, the CLI's imports and the settings are done;
- ``pipeline: loading``: the store is open and the first batch's inputs are read and cleaned;
- ``pipeline: modules imported`` (spaCy's import among them), ``pipeline: knowledge base ready``,
  ``pipeline: gazetteer ready``, ``pipeline: spaCy model ready``, ``pipeline: stages ready``: the loading steps;
- ``batch parsed``, ``batch coded``: spaCy, then the stages, on the batch that holds the first event;
- ``batch committed: N articles, E event mentions`` with E > 0: the transaction is committed (durable): the
  first event is in the store. The process's CPU time is read (``/proc``) when this line arrives.

``spacy.load`` is ``python -c "import spacy; spacy.load(MODEL)"`` in a fresh process, run alternately with the
ingest; the ratios are medians over the runs of one invocation. Part of ``make bench`` (called by
bench/fast_start.py); alone: ``python bench/first_event.py [--repeat 5] [--corpus DIR]``. Results in
``bench/results/first_event.json``.
"""

from __future__ import annotations

import json
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

BIN = Path(sys.executable).parent

# (moment, the debug line that marks it), in the order a run passes them
MOMENTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("ingest_started", re.compile(r"ingest started: \d+ inputs")),
    ("pipeline_loading", re.compile(r"pipeline: loading")),
    ("imported", re.compile(r"pipeline: modules imported")),
    ("kb_ready", re.compile(r"pipeline: knowledge base ready")),
    ("gazetteer_ready", re.compile(r"pipeline: gazetteer ready")),
    ("spacy_ready", re.compile(r"pipeline: spaCy model ready")),
    ("stages_ready", re.compile(r"pipeline: stages ready")),
    ("parsed", re.compile(r"batch parsed: \d+ documents")),
    ("coded", re.compile(r"batch coded: \d+ documents")),
)
COMMITTED = re.compile(r"batch committed: (?P<articles>\d+) articles, (?P<events>\d+) event mentions")

# the parts of the time to first event: (name, from moment, to moment)
PARTS: tuple[tuple[str, str, str], ...] = (
    ("process start, imports, CLI", "start", "ingest_started"),
    ("store open, first inputs read and cleaned", "ingest_started", "pipeline_loading"),
    ("pipeline modules imported (spaCy's import)", "pipeline_loading", "imported"),
    ("knowledge base", "imported", "kb_ready"),
    ("gazetteer", "kb_ready", "gazetteer_ready"),
    ("spaCy model and rulers", "gazetteer_ready", "spacy_ready"),
    ("stages built", "spacy_ready", "stages_ready"),
    ("parse of the first batch", "stages_ready", "parsed"),
    ("stages on the first batch", "parsed", "coded"),
    ("rows, write and commit", "coded", "first_event"),
)


class NoFirstEvent(RuntimeError):
    """The run never reported a committed batch with an event mention."""


@dataclass
class Timeline:
    """Seconds from the process's start to each moment (NaN: not reported, e.g. coded in a worker process)."""

    moments: dict[str, float]
    first_event_s: float
    articles_in_first_batch: int
    events_in_first_batch: int
    batches_before: int  # committed batches without an event before the first one with

    def parts(self) -> dict[str, float]:
        at = {"start": 0.0, **self.moments, "first_event": self.first_event_s}
        return {name: at.get(end, float("nan")) - at.get(begin, float("nan")) for name, begin, end in PARTS}


def timeline(lines: list[tuple[float, str]]) -> Timeline:
    """The moments of one run from its stderr lines ``(seconds since start, text)``; :class:`NoFirstEvent`
    when no committed batch held an event mention. The parse and stage moments are those of the batch
    that held it (the last ones before its commit)."""
    moments: dict[str, float] = {}
    empty = 0
    for at, text in lines:
        committed = COMMITTED.search(text)
        if committed:
            if int(committed["events"]):
                return Timeline(moments, at, int(committed["articles"]), int(committed["events"]), empty)
            empty += 1
            continue
        for name, pattern in MOMENTS:
            if pattern.search(text) and (name in ("parsed", "coded") or name not in moments):
                moments[name] = at
                break
    raise NoFirstEvent("no 'batch committed: ... N event mentions' line with N > 0: was the run started with -v, "
                       "and does the corpus hold an event?")


def _cpu_seconds(pid: int) -> float:
    """user + system CPU of a running process so far (Linux ``/proc``; NaN elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return float("nan")


@dataclass
class Run:
    timeline: Timeline
    first_event_cpu_s: float  # CPU of the process when the first event's line arrived
    exit_s: float  # the process's whole wall time
    exit_cpu_s: float
    lines: int = 0


def run_once(cmd: list[str], env: dict[str, str]) -> Run:
    """Run ``cmd`` (a ``petrel -v ingest``) and time its lines as they arrive on stderr."""
    lines: list[tuple[float, str]] = []
    cpu_at: dict[str, float] = {}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, env={**env, "COLUMNS": "400"}, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, errors="replace")
    assert proc.stderr is not None
    for text in proc.stderr:  # each line as it arrives (rich flushes every log record); EOF when the process ends
        lines.append((time.perf_counter() - started, text))
        found = COMMITTED.search(text)
        if found and int(found["events"]) and "first_event" not in cpu_at:
            cpu_at["first_event"] = _cpu_seconds(proc.pid)  # not yet reaped: /proc still has it
    code = proc.wait()
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if code != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {code}: {''.join(t for _, t in lines[-5:])}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(timeline(lines), cpu_at.get("first_event", float("nan")), wall, cpu, len(lines))


def spacy_load(env: dict[str, str]) -> tuple[float, float]:
    """(wall, CPU) seconds of loading the spaCy model alone in a fresh process."""
    from petrel.config import Settings

    return timed([sys.executable, "-c", f"import spacy; spacy.load({Settings().spacy_model!r})"], env)


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, child CPU seconds) of one run of ``cmd`` (also used by bench/fast_start.py)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def ingest_command(corpus: Path, db: Path) -> list[str]:
    return [str(BIN / "petrel"), "-v", "ingest", str(corpus), "--db", str(db)]


def bench_first_event(corpus: Path, work: Path, env: dict[str, str], *, repeat: int = 5) -> dict[str, object]:
    """``repeat`` fresh ingests of ``corpus`` into new stores, alternating with ``spacy.load``; a first ingest
    fills the cache folder of ``env`` (``PETREL_CACHE_DIR``) and is not counted."""
    subprocess.run(ingest_command(corpus, work / "first-event-warm.duckdb"), env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    loads: list[tuple[float, float]] = []
    runs: list[Run] = []
    load_avg = [os.getloadavg()[0]]
    for i in range(repeat):
        loads.append(spacy_load(env))
        runs.append(run_once(ingest_command(corpus, work / f"first-event-{i}.duckdb"), env))
        load_avg.append(os.getloadavg()[0])
    load_wall = statistics.median(w for w, _ in loads)
    load_cpu = statistics.median(c for _, c in loads)
    first = statistics.median(r.timeline.first_event_s for r in runs)
    first_cpu = statistics.median(r.first_event_cpu_s for r in runs)
    parts = {name: statistics.median(r.timeline.parts()[name] for r in runs) for name, _, _ in PARTS}
    return {
        "corpus": str(corpus), "repeat": repeat,
        "spacy_load_wall_s": load_wall, "spacy_load_cpu_s": load_cpu,
        "first_event_wall_s": first, "first_event_cpu_s": first_cpu,
        "first_event_wall_ratio": first / load_wall, "first_event_cpu_ratio": first_cpu / load_cpu,
        "exit_wall_s": statistics.median(r.exit_s for r in runs),
        "exit_cpu_s": statistics.median(r.exit_cpu_s for r in runs),
        "parts_s": parts,
        "first_batch": {"articles": runs[0].timeline.articles_in_first_batch,
                        "event_mentions": runs[0].timeline.events_in_first_batch,
                        "batches_before_without_events": runs[0].timeline.batches_before},
        "spacy_load_runs": loads, "runs": [asdict(r) for r in runs],
        "load_average": [min(load_avg), max(load_avg)], "cores": os.cpu_count(),
    }


def print_first_event(f: dict[str, object]) -> None:
    print()
    print(f"-- time to first event: a fresh `petrel ingest` of {f['corpus']} (median of {f['repeat']} runs) --")
    print(f"spacy.load alone          wall {f['spacy_load_wall_s']:6.2f}s          cpu {f['spacy_load_cpu_s']:6.2f}s")
    print(f"first event committed     wall {f['first_event_wall_s']:6.2f}s ({f['first_event_wall_ratio']:4.2f}x)  "
          f"cpu {f['first_event_cpu_s']:6.2f}s ({f['first_event_cpu_ratio']:4.2f}x)")
    print(f"whole ingest (to exit)    wall {f['exit_wall_s']:6.2f}s          cpu {f['exit_cpu_s']:6.2f}s")
    batch = f["first_batch"]
    print(f"first committed batch with events: {batch['articles']} articles, {batch['event_mentions']} event mentions "
          f"({batch['batches_before_without_events']} batches without events before it)")
    for name, seconds in f["parts_s"].items():  # type: ignore[union-attr]
        print(f"  {name:42s} {seconds:6.2f}s")
    print("load average {:.1f} to {:.1f} on {} cores".format(*f["load_average"], f["cores"]))


def save_first_event(figures: dict[str, object]) -> None:
    out = Path(__file__).parent / "results"
    out.mkdir(exist_ok=True)
    (out / "first_event.json").write_text(json.dumps(figures, indent=2))


def main() -> None:
    import argparse
    import shutil

    from fast_start import compile_bytecode  # bench/fast_start.py, beside this file

    from petrel.demo import sample_corpus_path

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--corpus", type=Path, default=None, help="a folder (default: the bundled sample corpus)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="petrel-first-event-"))
    env = {**os.environ, "PETREL_CACHE_DIR": str(work / "cache")}
    env.pop("PETREL_API_TOKEN", None)
    compile_bytecode()
    try:
        figures = bench_first_event(args.corpus or sample_corpus_path(), work, env, repeat=args.repeat)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print_first_event(figures)
    save_first_event(figures)


if __name__ == "__main__":
    main()
