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
