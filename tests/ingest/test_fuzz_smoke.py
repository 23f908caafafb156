"""A few cases of bench/stress/fuzz_readers.py in the default suite: the stress script keeps working and
its generators keep finding nothing (the 100k-case run is ``make stress``)."""

from __future__ import annotations

import importlib.util
import signal
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "stress" / "fuzz_readers.py"


@pytest.fixture(scope="module")
def fuzz_readers():
    spec = importlib.util.spec_from_file_location("fuzz_readers", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("reader", ["jsonl", "csv", "warc", "text"])
def test_a_short_fuzz_run_finds_no_failure(fuzz_readers, reader: str, tmp_path: Path) -> None:
    def on_alarm(signum: int, frame: object) -> None:
        raise fuzz_readers.Hung

    previous = signal.signal(signal.SIGALRM, on_alarm)
    try:
        result = fuzz_readers.fuzz(reader, 60, seed=7, folder=tmp_path)
    finally:
        signal.signal(signal.SIGALRM, previous)
    assert result["cases"] == 60
    assert result["failures"] == 0, result["failure_samples"]
    assert sum(result["yielded"].values()) >= 60  # every case yields at least one document or rejection
