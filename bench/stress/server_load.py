"""`make stress`: the server under 200 clients for 60 s, without and with writes (issue 13).

Runs ``bench/load.py`` with the issue's profile and passes its exit status on (1 when a phase had an
error, a job failed, the CLI ingest was not refused cleanly, or the p95 reached 1 s). Extra arguments go
to ``bench/load.py`` (e.g. ``--seconds 10`` for a quick look, ``--db FILE`` to keep the built store).
Environment: ``STRESS_LOAD_ARGS`` adds arguments too (``make stress STRESS_LOAD_ARGS='--seconds 10'``).
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

LOAD = Path(__file__).resolve().parents[1] / "load.py"
PROFILE = ["--clients", "200", "--seconds", "60", "--phases", "reads,writes"]


def main() -> int:
    extra = shlex.split(os.environ.get("STRESS_LOAD_ARGS", "")) + sys.argv[1:]
    return subprocess.call([sys.executable, str(LOAD), *PROFILE, *extra], timeout=60 * 30)


if __name__ == "__main__":
    sys.exit(main())
