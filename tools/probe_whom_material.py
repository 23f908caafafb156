"""The material-whom probe's figures for both halves; examples of misses for the ``fix`` half only.

Usage: python tools/probe_whom_material.py [--examples]

The ``check`` half is never printed item by item: its figure is the honest estimate of what a change
generalises to (tests/data/README.md).
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

log = logging.getLogger("probe_whom_material")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", action="store_true", help="print the fix half's misses")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s", stream=sys.stdout)
    from petrel.config import Settings
    from petrel.pipeline import Pipeline
    from tests.coding.whom_probe_scoring import COMPONENTS, by_half, load_probe, score_item

    pipeline = Pipeline(Settings())
    results = [score_item(pipeline, item) for item in load_probe()]
    if args.examples:
        for r in results:
            if r.item.half != "fix" or r.pair:
                continue
            g = r.item
            miss = next(c for c in COMPONENTS if not getattr(r, c))
            log.info("%s %s miss=%s\n  %s\n  gold %s %s[%s/%s] -> %s[%s/%s] (%s)\n  got  %s", g.id, g.family, miss,
                     g.text, g.types[0], g.source.text, g.source.country, "+".join(g.source.sectors),
                     g.target_text, g.target.country, "+".join(g.target.sectors), g.status, r.described)
    for half, figs in by_half(results).items():
        n = sum(r.item.half == half for r in results)
        log.info("%s (%d): %s", half, n, " ".join(f"{k}={v:.3f}" for k, v in figs.items()))


if __name__ == "__main__":
    main()
