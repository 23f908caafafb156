"""``python -m petrel.evaluation SET [--half dev|held] [--kind miss|wrong|spurious] [--limit N]``: list misses.

A developer's tool for the coder: gold beside petrel's prediction for every miss of one labelled set
(``plover``, ``petr2``, ``conflibert``, ``seeds``). The scorecard itself is ``petrel eval``.
Read only the ``dev`` half's misses when writing rules; ``--halves`` prints the set's metrics on each
half side by side, so a rule fitted to the dev sentences shows as a gap (see ``petrel.evaluation.halves``).
"""

from __future__ import annotations

import argparse

from rich.console import Console

from petrel.config import Settings
from petrel.errors import PetrelError
from petrel.evaluation.halves import HALVES
from petrel.evaluation.runners import RUNNERS
from petrel.evaluation.scorecard import confusion, diagnose, format_misses


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m petrel.evaluation", description=__doc__.splitlines()[0])
    parser.add_argument("set_name", choices=[s for s in RUNNERS if s != "dedup"])
    parser.add_argument("--kind", action="append", choices=["miss", "wrong", "spurious"])
    parser.add_argument("--limit", type=int, default=0, help="show at most this many (0: all)")
    parser.add_argument("--confusion", action="store_true", help="count gold -> predicted label pairs instead")
    parser.add_argument("--half", choices=HALVES, help="only this half of the set (write rules from dev)")
    parser.add_argument("--halves", action="store_true", help="print the set's metrics on each half instead")
    args = parser.parse_args(argv)
    console = Console(highlight=False, soft_wrap=True)
    if args.halves:
        console.print(halves_table(args.set_name), markup=False)
        return 0
    try:
        misses = diagnose(args.set_name, kinds=args.kind, half=args.half)
    except PetrelError as exc:
        console.print(exc.one_line(), markup=False)
        return 1
    shown = misses[: args.limit] if args.limit else misses
    if args.confusion:
        pairs = confusion(misses)[: args.limit or None]
        console.print("\n".join(f"{n:4d}  {gold} -> {pred}" for gold, pred, n in pairs), markup=False)
    else:
        console.print(format_misses(shown), markup=False)
    console.print(f"{len(misses)} listed", markup=False)
    return 0


def halves_table(set_name: str) -> str:
    """``metric  dev  held  all`` for one set (the pipeline is built once and shared)."""
    from petrel.evaluation.scorecard import run_scorecard
    from petrel.pipeline import Pipeline

    settings = Settings()
    pipeline = Pipeline(settings)
    cards = {h: run_scorecard(settings, sets=[set_name], pipeline=pipeline, merge_check=False, half=h)
             for h in (*HALVES, None)}
    values = {h: {m.name: m for m in card.metrics} for h, card in cards.items()}
    lines = [f"{'metric':36s} {'dev':>12s} {'held':>12s} {'all':>12s}"]
    for name in values[None]:
        cells = [values[h].get(name) for h in (*HALVES, None)]
        lines.append(f"{name:36s} " + " ".join(_cell(c) for c in cells))
    return "\n".join(lines)


def _cell(metric: object) -> str:
    value, n = getattr(metric, "value", None), getattr(metric, "n", 0)
    return f"{'-' if value is None else f'{value:.3f}':>6s} ({n:4d})"


if __name__ == "__main__":
    raise SystemExit(main())
