"""The committed baseline (``eval/baseline.json``): a floor per gated metric, checked and only ever raised.

Format::

    {"about": "...", "floors": {"plover.type_accuracy": 0.412, ...}}

A floor is the measured value minus :data:`MARGIN`, rounded down to three decimals. The pipeline is
deterministic, so the margin only absorbs a one-item change on the larger sets.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

from petrel.errors import ConfigError
from petrel.evaluation.records import Regression, Scorecard

MARGIN = 0.005
ABOUT = ("Accuracy floors checked by tests/evaluation/test_quality_gate.py and `petrel eval --check`. "
         "Raised with `petrel eval --update-baseline` (never lowered by it); lower one only by hand, "
         "in a commit that says why. See docs/evaluation.md.")


def floor_of(value: float, *, margin: float = MARGIN) -> float:
    return max(0.0, math.floor((value - margin) * 1000 + 1e-9) / 1000)


def load_floors(path: Path) -> dict[str, float]:
    """The floors of a baseline file (empty when the file does not exist)."""
    if not path.exists():
        return {}
    try:
        floors = json.loads(path.read_text(encoding="utf-8")).get("floors", {})
        return {str(k): float(v) for k, v in floors.items()}
    except (ValueError, AttributeError) as exc:
        raise ConfigError(f"the baseline {path} is not a valid baseline file: {exc}", path=str(path)) from exc


def check_against_baseline(scorecard: Scorecard, baseline_path: Path) -> list[Regression]:
    """Every floor of a set that was scored whose metric is below it, or no longer measured."""
    ran = set(scorecard.sets)
    out: list[Regression] = []
    for name, floor in sorted(load_floors(Path(baseline_path)).items()):
        if name.split(".", 1)[0] not in ran:
            continue
        value = scorecard.value(name)
        if value is None or value < floor - 1e-9:
            out.append(Regression(name, floor, value))
    return out


def proposed_floors(scorecard: Scorecard, *, margin: float = MARGIN) -> dict[str, float]:
    return {m.name: floor_of(m.value, margin=margin) for m in scorecard.metrics if m.gated and m.value is not None}


def write_baseline(scorecard: Scorecard, path: Path, *, margin: float = MARGIN,
                   allow_lower: bool = False) -> dict[str, float]:
    """Write floors for the measured gated metrics: a floor is only raised, unless ``allow_lower``.

    Floors of metrics not measured in this run are kept. Returns the floors written.
    """
    path = Path(path)
    floors = load_floors(path)
    for name, new in proposed_floors(scorecard, margin=margin).items():
        floors[name] = new if allow_lower or name not in floors else max(floors[name], new)
    path.parent.mkdir(parents=True, exist_ok=True)
    body = {"about": ABOUT, "floors": dict(sorted(floors.items()))}
    path.write_text(json.dumps(body, indent=2) + "\n", encoding="utf-8")
    return floors
