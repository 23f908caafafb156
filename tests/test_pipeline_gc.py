"""The garbage collector is paused only while a pipeline loads, and always turned back on."""

from __future__ import annotations

import gc

import pytest

from petrel.pipeline import collector_paused


def test_the_collector_is_paused_inside_and_back_on_after() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_the_collector_comes_back_when_loading_fails() -> None:
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("a broken model")
    assert gc.isenabled()


def test_a_collector_turned_off_by_the_caller_stays_off() -> None:
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_what_loads_is_frozen_only_once_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    import petrel.pipeline as pipeline

    gc.unfreeze()
    try:
        with collector_paused():
            kept = [[i] for i in range(100)]
        assert gc.get_freeze_count() == 0  # a library user's pipelines stay collectable
        monkeypatch.setattr(pipeline, "_freeze_loaded", False)
        pipeline.freeze_loaded_objects()
        with collector_paused():
            kept = [[i] for i in range(100)]
        assert gc.get_freeze_count() >= len(kept)
        assert gc.isenabled()
    finally:
        gc.unfreeze()


def test_the_command_line_freezes_what_it_loaded(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    import petrel.cli
    import petrel.pipeline as pipeline

    monkeypatch.setattr(pipeline, "_freeze_loaded", False)
    monkeypatch.setattr(sys, "argv", ["petrel", "--help"])
    gc.unfreeze()
    try:
        with pytest.raises(SystemExit):
            petrel.cli.main()
        assert gc.get_freeze_count() > 0
        assert pipeline._freeze_loaded
    finally:
        gc.unfreeze()


def test_a_library_turning_the_collector_back_on_does_not_start_collections() -> None:
    """srsly's msgpack reader (spaCy's model files) calls ``gc.enable()`` whatever the state was before."""
    before = gc.get_threshold()
    runs: list[int] = []

    def count(phase: str, info: dict) -> None:
        if phase == "start":
            runs.append(info["generation"])

    gc.callbacks.append(count)
    try:
        with collector_paused():
            gc.enable()  # what the library does
            kept = [[i] for i in range(50_000)]  # far more than a young generation's threshold
            inside = list(runs)
        assert inside == []
        assert len(kept) == 50_000
    finally:
        gc.callbacks.remove(count)
    assert gc.get_threshold() == before
    assert gc.isenabled()
