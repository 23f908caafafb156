"""``python -m petrel.evaluation SET [--kind miss|wrong|spurious] [--limit N]``: list what a set got wrong.

A developer's tool for the coder: gold beside petrel's prediction for every miss of one labelled set
(``plover``, ``petr2``, ``conflibert``, ``seeds``). The scorecard itself is ``petrel eval``.
"""

from __future__ import annotations

import argparse

from rich.console import Console

from petrel.errors import PetrelError
from petrel.evaluation.runners import RUNNERS
from petrel.evaluation.scorecard import confusion, diagnose, format_misses


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m petrel.evaluation", description=__doc__.splitlines()[0])
    parser.add_argument("set_name", choices=[s for s in RUNNERS if s != "dedup"])
    parser.add_argument("--kind", action="append", choices=["miss", "wrong", "spurious"])
    parser.add_argument("--limit", type=int, default=0, help="show at most this many (0: all)")
    parser.add_argument("--confusion", action="store_true", help="count gold -> predicted label pairs instead")
    args = parser.parse_args(argv)
    console = Console(highlight=False, soft_wrap=True)
    try:
        misses = diagnose(args.set_name, kinds=args.kind)
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


if __name__ == "__main__":
    raise SystemExit(main())
