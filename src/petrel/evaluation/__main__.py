"""``python -m petrel.evaluation SET [--kind miss|wrong|spurious] [--limit N]``: list misses;
``python -m petrel.evaluation --ablate RULE_ID [--ablate ...]``: what each rule adds.

A developer's tool for the coder: gold beside petrel's prediction for every miss of one labelled set
(``plover``, ``petr2``, ``conflibert``, ``seeds``), or the scorecard delta on the sentence sets when one
rule is switched off (``--ablate all``: every registered rule; see :mod:`petrel.evaluation.ablation`).
Every labelled set is a test set: a miss tells which class of sentence fails, it is never the sentence a
rule is written from (see docs/evaluation.md). The scorecard itself is ``petrel eval``.
"""

from __future__ import annotations

import argparse

from rich.console import Console

from petrel.config import Settings
from petrel.errors import PetrelError
from petrel.evaluation.runners import RUNNERS
from petrel.evaluation.scorecard import confusion, diagnose, format_misses


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m petrel.evaluation", description=__doc__.splitlines()[0])
    parser.add_argument("set_name", nargs="?", choices=[s for s in RUNNERS if s != "dedup"])
    parser.add_argument("--kind", action="append", choices=["miss", "wrong", "spurious"])
    parser.add_argument("--limit", type=int, default=0, help="show at most this many (0: all)")
    parser.add_argument("--confusion", action="store_true", help="count gold -> predicted label pairs instead")
    parser.add_argument("--split", choices=["dev", "test"], help="realnews: code only this half (rules come from dev)")
    parser.add_argument("--ablate", action="append", metavar="RULE_ID",
                        help="switch this rule off and print the scorecard delta (repeatable; 'all': every rule)")
    args = parser.parse_args(argv)
    console = Console(highlight=False, soft_wrap=True, emoji=False)
    try:
        if args.ablate:
            console.print(ablation_report(Settings(), args.ablate, [args.set_name] if args.set_name else None),
                          markup=False)
            return 0
        if args.set_name is None:
            parser.error("a set name or --ablate is required")
        misses = diagnose(args.set_name, kinds=args.kind, realnews_split=args.split)
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


def ablation_report(settings: Settings, rule_ids: list[str], sets: list[str] | None = None) -> str:
    """The ablation of ``rule_ids`` (``all``: every registered rule) as text."""
    from petrel.coding.rules import RULES
    from petrel.evaluation.ablation import ABLATION_SETS, ablate, render_ablations

    ids = [r for r in rule_ids if r != "all"] + (list(RULES) if "all" in rule_ids else [])
    return render_ablations(ablate(settings, list(dict.fromkeys(ids)), sets=sets or ABLATION_SETS))


if __name__ == "__main__":
    raise SystemExit(main())
