"""Settings: environment variables work and every setting is documented."""

from __future__ import annotations

from pathlib import Path

import pytest

from petrel.config import Settings

DOC = Path(__file__).resolve().parents[1] / "docs" / "configuration.md"


def test_every_setting_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    for name in Settings.model_fields:
        assert f"`PETREL_{name.upper()}`" in text, name


def test_environment_overrides_defaults(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PETREL_BATCH_SIZE", "7")
    assert Settings().batch_size == 7


def test_two_configurations_live_side_by_side() -> None:
    a, b = Settings(batch_size=3), Settings(batch_size=5)
    assert (a.batch_size, b.batch_size) == (3, 5)
