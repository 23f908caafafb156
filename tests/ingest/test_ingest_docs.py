"""docs/ingest.md stays complete: every extension, rejection code and public function is documented."""

from __future__ import annotations

from pathlib import Path

import petrel.clean
import petrel.ingest
from petrel.ingest._files import SUFFIXES

DOC = (Path(__file__).resolve().parents[2] / "docs" / "ingest.md").read_text(encoding="utf-8")


def test_every_extension_is_documented() -> None:
    for suffix, _ in SUFFIXES:
        assert f"`{suffix}`" in DOC, suffix


def test_every_rejection_code_is_documented() -> None:
    for code in ("E201", "E202", "E203", "E204", "E205", "E206", "E207", "E208", "E209",
                 "E210", "E211", "E212", "E213"):
        assert f"| {code} " in DOC, code


def test_every_public_function_is_documented() -> None:
    names = [n for n in petrel.clean.__all__ if n[0].islower()] + petrel.ingest.__all__
    for name in names:
        assert f"`{name}(" in DOC, name
    assert "`OutletTable." in DOC
