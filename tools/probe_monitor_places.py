"""Print the monitor-places probe's figures for both halves, and the misses of the fix half only.

Usage: ``.venv/bin/python tools/probe_monitor_places.py [--figures-only]``
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.geo.monitor_places_scoring import report  # noqa: E402

if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    logging.getLogger("probe_monitor_places").setLevel(logging.INFO)
    report(show_fix_misses="--figures-only" not in sys.argv)
