"""Print the cooperative trigger probe's figures (tests/data/probe_triggers_coop.jsonl) for both halves, and the
misses of the ``fix`` half only (the ``check`` half is read as a figure, never item by item).

    .venv/bin/python tools/probe_triggers_coop.py [--examples N] [--types] [--families]

PETREL_EVENT_MODEL=rules|model|combined picks the coder, as everywhere.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.coding.coop_probe_scoring import by_half, load_probe, score_item  # noqa: E402

log = logging.getLogger("probe_triggers_coop")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=0, help="print up to N misses of the fix half")
    parser.add_argument("--types", action="store_true", help="per gold type found counts (both halves)")
    parser.add_argument("--families", action="store_true", help="per construction family found counts (both halves)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)

    from petrel.config import Settings
    from petrel.pipeline import Pipeline

    settings = Settings()
    pipeline = Pipeline(settings)
    results = [score_item(pipeline, item) for item in load_probe()]
    shown = 0
    for r in results:
        if r.item.half != "fix" or shown >= args.examples:
            continue
        wrong = r.any_event if r.item.type == "NONE" else not (r.found and r.top and r.mode is not False)
        if wrong:
            shown += 1
            g = r.item
            print(f"{g.id} {g.family} gold={g.type}/{g.mode or '-'} found={r.found} top={r.top} mode={r.mode}\n"
                  f"  {g.text}\n  got {r.described}")
    if args.types:
        total, hit = Counter(), Counter()
        for r in results:
            total[r.item.type] += 1
            hit[r.item.type] += r.found if r.item.type != "NONE" else r.any_event
        print("found per type (NONE: items with a false event):",
              {t: f"{hit[t]}/{total[t]}" for t in sorted(total)})
    if args.families:
        total, hit = Counter(), Counter()
        for r in results:
            if r.item.type != "NONE":
                total[r.item.family] += 1
                hit[r.item.family] += r.found
        print("found per family:", {f: f"{hit[f]}/{total[f]}" for f in sorted(total)})
    print(f"coder={settings.event_model}")
    for half, figs in by_half(results).items():
        n = sum(r.item.half == half for r in results)
        print(f"{half:5} n={n} " + " ".join(f"{k}={v:.3f}" for k, v in figs.items()))


if __name__ == "__main__":
    main()
