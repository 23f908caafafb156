"""The exception tree: every code is unique, documented, and shaped the same way."""

from __future__ import annotations

from pathlib import Path

from petrel.errors import NotFound, PetrelError, all_error_classes

DOC = Path(__file__).resolve().parents[1] / "docs" / "errors.md"


def test_codes_are_unique() -> None:
    codes = [cls.code for cls in all_error_classes()]
    assert len(codes) == len(set(codes))


def test_every_code_and_class_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    for cls in all_error_classes():
        assert f"| {cls.code} | {cls.__name__} | {cls.status} |" in text, cls.__name__


def test_one_json_error_shape() -> None:
    err = NotFound("no event with id x", event_id="x")
    assert err.to_dict() == {"error": {"code": "E404", "message": "no event with id x", "detail": {"event_id": "x"}}}
    assert err.one_line() == "error[E404]: no event with id x"
    assert isinstance(err, PetrelError) and err.status == 404
