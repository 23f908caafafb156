from __future__ import annotations

import json

import pytest

from petrel.errors import ConfigError
from petrel.evaluation import (
    Metric,
    Scorecard,
    SetResult,
    check_against_baseline,
    floor_of,
    load_floors,
    write_baseline,
)


def card(**values: float | None) -> Scorecard:
    results: dict[str, SetResult] = {}
    for key, value in values.items():
        set_name, metric = key.split("__")
        results.setdefault(set_name, SetResult(set_name)).metrics.append(Metric(f"{set_name}.{metric}", value, 10))
    return Scorecard(list(results.values()))


def test_floor_rounds_down_below_the_measure():
    assert floor_of(0.5) == 0.495
    assert floor_of(0.4077) == 0.402
    assert floor_of(0.001) == 0.0
    assert floor_of(1.0, margin=0.0) == 1.0


def test_write_then_check_passes(tmp_path):
    path = tmp_path / "eval" / "baseline.json"
    scores = card(a__x=0.5, a__y=0.25, b__z=None)
    floors = write_baseline(scores, path)
    assert floors == {"a.x": 0.495, "a.y": 0.245}
    assert check_against_baseline(scores, path) == []
    assert "about" in json.loads(path.read_text())


def test_write_only_raises_floors_and_keeps_unmeasured(tmp_path):
    path = tmp_path / "baseline.json"
    write_baseline(card(a__x=0.8, b__z=0.3), path)
    write_baseline(card(a__x=0.5, a__y=0.9), path)
    assert load_floors(path) == {"a.x": 0.795, "a.y": 0.895, "b.z": 0.295}
    write_baseline(card(a__x=0.5), path, allow_lower=True)
    assert load_floors(path)["a.x"] == 0.495


def test_check_lists_every_regression_of_sets_that_ran(tmp_path):
    path = tmp_path / "baseline.json"
    path.write_text(json.dumps({"floors": {"a.x": 0.6, "a.y": 0.1, "a.gone": 0.2, "b.z": 0.9}}))
    found = check_against_baseline(card(a__x=0.5, a__y=0.1), path)
    assert [(r.name, r.value) for r in found] == [("a.gone", None), ("a.x", 0.5)]
    assert str(found[1]) == "a.x: 0.500 < floor 0.600"
    assert str(found[0]) == "a.gone: not measured < floor 0.200"


def test_bad_baseline_is_a_config_error(tmp_path):
    path = tmp_path / "baseline.json"
    path.write_text("[1, 2]")
    with pytest.raises(ConfigError):
        load_floors(path)
    assert load_floors(tmp_path / "absent.json") == {}
