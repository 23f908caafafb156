"""Print the conflict trigger probe's figures for both halves; failures of the ``fix`` half only.

Usage: ``.venv/bin/python tools/probe_triggers_conflict.py [--coder combined|rules|model] [--examples N]``.
The ``check`` half's failures are never printed: its figure is the honest estimate of a change.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.coding.trigger_probe_scoring import by_half, by_type, load_probe, score_item  # noqa: E402

log = logging.getLogger("probe_triggers_conflict")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--coder", choices=("combined", "rules", "model"), default="combined")
    parser.add_argument("--examples", type=int, default=60, help="fix-half failures to show")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")

    from petrel.config import Settings
    from petrel.pipeline import Pipeline

    pipeline = Pipeline(Settings(event_model=args.coder))
    results = [score_item(pipeline, item) for item in load_probe()]
    shown = 0
    for r in results:
        if r.item.half != "fix" or (r.found and r.top) or shown >= args.examples:
            continue
        shown += 1
        log.info("%s %s gold %s/%s found=%s top=%s\n  %s\n  got %s", r.item.id, r.item.family, r.item.type,
                 r.item.mode or "-", r.found, r.top, r.item.text, r.described)
    log.info("fix by type: %s", {t: round(v, 2) for t, v in by_type(results, "fix").items()})
    for half, figs in by_half(results).items():
        log.info("%s [%s]: %s", half, args.coder, {k: round(v, 3) for k, v in figs.items()})


if __name__ == "__main__":
    main()
