"""Print the snippet probe's figures (tests/data/probe_snippets.jsonl) for both halves, per coder, and the
misses of the ``fix`` half only (the ``check`` half is read as a figure, never item by item).

    .venv/bin/python tools/probe_snippets.py [--coders rules,model,combined] [--examples N] [--forms]

Without ``--coders`` the coder is Settings().event_model (PETREL_EVENT_MODEL=rules|model|combined).
Examples and per-form figures are printed for the last coder listed.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.coding.snippet_probe_scoring import by_half, load_probe, missed, score_item  # noqa: E402

log = logging.getLogger("probe_snippets")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--coders", default="", help="comma-separated coders (rules, model, combined)")
    parser.add_argument("--examples", type=int, default=0, help="print up to N misses of the fix half")
    parser.add_argument("--forms", action="store_true", help="top-type share per snippet form (both halves)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)

    from petrel.config import Settings
    from petrel.pipeline import Pipeline

    base = Settings()
    coders = [c for c in args.coders.split(",") if c] or [base.event_model]
    items = load_probe()
    lines, results = [], []
    for coder in coders:
        pipeline = Pipeline(base.model_copy(update={"event_model": coder}))
        results = [score_item(pipeline, item) for item in items]
        for half, figs in by_half(results).items():
            n = sum(r.item.half == half for r in results)
            lines.append(f"{coder:8} {half:5} n={n} " + " ".join(f"{k}={v:.3f}" for k, v in figs.items()))
    shown = 0
    for r in results:
        if r.item.half != "fix" or shown >= args.examples or not missed(r):
            continue
        shown += 1
        g = r.item
        print(f"{g.id} {g.form} gold={g.type} src={g.source and g.source.country} "
              f"tgt={g.target and (g.target.text, g.target.country)} top={r.top} source={r.source} "
              f"filled={r.filled}\n  {g.text}\n  got {r.described}")
    if args.forms:
        total, hit = Counter(), Counter()
        for r in results:
            total[r.item.form] += 1
            hit[r.item.form] += r.top
        print("top per form:", {f: f"{hit[f]}/{total[f]}" for f in sorted(total)})
    print("\n".join(lines))


if __name__ == "__main__":
    main()
