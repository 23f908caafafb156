"""The scorecard: run the chosen sets, collect their metrics, render them as a table."""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path

from rich.table import Table

from petrel.config import Settings
from petrel.errors import EvalDataMissing, PetrelError, QueryError
from petrel.evaluation.records import Miss, Scorecard, SetResult
from petrel.evaluation.runners import RUNNERS, EvalContext
from petrel.pipeline import Pipeline

log = logging.getLogger(__name__)


def check_eval_dir(settings: Settings) -> Path:
    """The evaluation folder, or :class:`EvalDataMissing` saying where it was looked for."""
    eval_dir = Path(settings.eval_dir)
    if not eval_dir.is_dir():
        raise EvalDataMissing(f"no evaluation data at {eval_dir.resolve()}: put ../shared/eval beside the "
                              "checkout or set PETREL_EVAL_DIR", eval_dir=str(eval_dir))
    return eval_dir


def _chosen(sets: Sequence[str] | None) -> list[str]:
    if not sets:
        return list(RUNNERS)
    unknown = [s for s in sets if s not in RUNNERS]
    if unknown:
        raise QueryError(f"unknown evaluation set {', '.join(unknown)}: choose from {', '.join(RUNNERS)}",
                         sets=list(unknown))
    return [s for s in RUNNERS if s in sets]


def run_scorecard(settings: Settings, *, sets: Sequence[str] | None = None, pipeline: Pipeline | None = None,
                  merge_check: bool = True, realnews_split: str | None = None) -> Scorecard:
    """Score petrel on the labelled sets in ``settings.eval_dir`` (all of them, or ``sets``).

    ``pipeline`` is reused when given (tests pass their session pipeline), else built once. A set whose
    files are missing, whose optional part of petrel is not importable, or on which petrel raised a
    :class:`PetrelError`, is reported as skipped with the reason (the gate fails on skipped sets).
    ``merge_check`` runs the seeds' full ingest into a scratch store (a few seconds).
    """
    check_eval_dir(settings)
    ctx = EvalContext(settings, pipeline, merge_check=merge_check, realnews_split=realnews_split)
    return Scorecard([run_set(name, ctx) for name in _chosen(sets)])


CODERS = ("rules", "model", "combined")
SENTENCE_SETS = ("plover", "petr2", "conflibert", "synthetic", "seeds")


def compare_coders(settings: Settings, *, sets: Sequence[str] | None = None,
                   coders: Sequence[str] = CODERS) -> dict[str, Scorecard]:
    """One scorecard per coder (``rules`` alone, the event ``model`` alone, ``combined``) on the same
    sets (default: the sentence sets and the seeds), sharing one loaded spaCy, knowledge base and model."""
    from petrel.pipeline import Resources

    check_eval_dir(settings)
    resources = Resources.load(settings.model_copy(update={"event_model": "combined"}))
    out: dict[str, Scorecard] = {}
    for coder in coders:
        chosen = settings.model_copy(update={"event_model": coder})
        out[coder] = run_scorecard(chosen, sets=list(sets or SENTENCE_SETS), merge_check=False,
                                   pipeline=Pipeline(chosen, resources=resources))
    return out


def render_comparison(cards: Mapping[str, Scorecard]) -> Table:
    """Metric rows, one column per coder."""
    table = Table(title="rules alone / model alone / combined")
    table.add_column("metric")
    for coder in cards:
        table.add_column(coder, justify="right")
    names: list[str] = []
    values: dict[tuple[str, str], str] = {}
    for coder, card in cards.items():
        for result in card.results:
            for metric in result.metrics:
                if metric.name not in names:
                    names.append(metric.name)
                values[(coder, metric.name)] = "-" if metric.value is None else f"{metric.value:.3f}"
    for name in names:
        table.add_row(name, *(values.get((coder, name), "") for coder in cards))
    return table


def run_set(name: str, ctx: EvalContext) -> SetResult:
    started = time.perf_counter()
    try:
        result = RUNNERS[name](ctx)
    except FileNotFoundError as exc:
        result = SetResult(name, skipped=f"data missing: {exc.filename or exc}")
    except ImportError as exc:
        result = SetResult(name, skipped=f"not available: {exc}")
    except PetrelError as exc:  # a stage or the store failed on this set: report it, score the others
        result = SetResult(name, skipped=f"failed: {exc.one_line()}")
    result.seconds = time.perf_counter() - started
    if result.skipped:
        log.warning("evaluation set %s skipped: %s", name, result.skipped)
    return result


def diagnose(set_name: str, *, settings: Settings | None = None, pipeline: Pipeline | None = None,
             kinds: Sequence[str] | None = None, realnews_split: str | None = None) -> list[Miss]:
    """What one set got wrong, gold beside prediction (``kinds``: ``miss``, ``wrong``, ``spurious``;
    ``realnews_split``: only the ``dev`` half of the real-news set, the one rules may be written from).
    Every set is a test set: misses are for understanding a failure class, never for writing a rule from
    one sentence (see docs/evaluation.md)."""
    settings = settings or Settings()
    check_eval_dir(settings)
    _chosen([set_name])
    result = run_set(set_name, EvalContext(settings, pipeline, merge_check=False, realnews_split=realnews_split))
    return [m for m in result.misses if not kinds or m.kind in kinds]


def confusion(misses: Sequence[Miss]) -> list[tuple[str, str, int]]:
    """``(gold label, predicted label, count)`` over labelled misses, most frequent first."""
    counts = Counter(m.labels for m in misses if m.labels is not None and m.labels[0] != m.labels[1])
    return [(gold, pred, n) for (gold, pred), n in counts.most_common()]


def format_misses(misses: Sequence[Miss]) -> str:
    """Plain-text listing of :func:`diagnose` output, one block per miss."""
    blocks = [f"[{m.kind}] {m.set_name} {m.item}\n  text: {m.text}\n  gold: {m.gold}\n  got:  {m.predicted}"
              for m in misses]
    return "\n".join(blocks)


def scorecard_markdown(scorecard: Scorecard) -> str:
    """The scorecard as a Markdown table (for docs and reports)."""
    lines = ["| metric | value | n | what |", "|---|---:|---:|---|"]
    for result in scorecard.results:
        if result.skipped:
            lines.append(f"| {result.name} | skipped | | {result.skipped} |")
        lines += [f"| `{m.name}` | {_shown(m.value)} | {m.n} | {m.description}{'' if m.gated else ' (info)'} |"
                  for m in result.metrics]
    return "\n".join(lines)


def _shown(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def render_scorecard(scorecard: Scorecard, *, floors: Mapping[str, float] | None = None) -> Table:
    """A rich table: one row per metric (with its floor when ``floors`` are given), skipped sets noted."""
    table = Table(title="petrel scorecard")
    for column in ("metric", "value", "n", *(("floor",) if floors is not None else ()), "what"):
        table.add_column(column, justify="right" if column in ("value", "n", "floor") else "left")
    for result in scorecard.results:
        if result.skipped:
            table.add_row(result.name, "skipped", "", *(("",) if floors is not None else ()), result.skipped)
        for m in result.metrics:
            floor = (floors or {}).get(m.name)
            value = _shown(m.value)
            if floor is not None and (m.value is None or m.value < floor):
                value = f"[red]{value}[/]"
            extra = (_shown(floor),) if floors is not None else ()
            table.add_row(m.name, value, str(m.n), *extra, m.description if m.gated else f"{m.description} (info)")
    table.caption = ", ".join(f"{r.name} {r.seconds:.1f} s" for r in scorecard.results)
    return table
