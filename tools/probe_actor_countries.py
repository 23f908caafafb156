"""Print the actor-country probe's figures for both halves, and the failures of the ``fix`` half only.

    .venv/bin/python tools/probe_actor_countries.py [--quiet]

The ``check`` half's failures are never printed: its figure is the honest estimate of a change's effect.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from petrel.config import Settings  # noqa: E402
from petrel.pipeline import Pipeline  # noqa: E402
from tests.actors.country_probe_scoring import figures, gold_text, load_probe, score_item  # noqa: E402

log = logging.getLogger("probe_actor_countries")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quiet", action="store_true", help="figures only")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    pipeline = Pipeline(Settings())
    results = [score_item(pipeline, item) for item in load_probe()]
    if not args.quiet:
        for r in results:
            if r.item.half == "fix" and not (r.both and r.phrase_both):
                log.info("%s %s %s\n  %s\n  gold %s\n  got  %s", r.item.id, r.item.family, r.item.region,
                         r.item.text, gold_text(r.item), r.described)
    for half in ("fix", "check"):
        f = figures([r for r in results if r.item.half == half])
        log.info("%s: %s", half, {k: round(v, 3) for k, v in f.items()})


if __name__ == "__main__":
    main()
