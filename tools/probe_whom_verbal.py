"""Print the whom probe's figures for both halves, and the misses of the fix half only.

Usage: ``.venv/bin/python tools/probe_whom_verbal.py [--figures-only]``
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.coding.verbal_whom_scoring import report  # noqa: E402

if __name__ == "__main__":
    report(show_fix_misses="--figures-only" not in sys.argv)
