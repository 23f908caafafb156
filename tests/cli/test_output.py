"""The CLI's record writer: the terminal table keeps every column readable."""

from __future__ import annotations

import pytest

from petrel.cli._output import Format, write_records

COLUMNS = [(name, lambda r, name=name: r[name]) for name in ("date", "type", "source", "target", "evidence")]


def test_a_long_actor_name_wraps_instead_of_squeezing_the_other_columns(capsys: pytest.CaptureFixture) -> None:
    record = {"date": "2025-03-14", "type": "CONSULT", "source": "Ethiopia",
              "target": "envoys from " + ", ".join(f"country number {i}" for i in range(12)),
              "evidence": "The envoys met the foreign minister in the capital on Thursday to discuss the border."}
    write_records([record], Format.table, None, COLUMNS)
    out = capsys.readouterr().out
    assert max(len(line) for line in out.splitlines()) <= 200
    for header in ("date", "type", "source", "target", "evidence"):
        assert f" {header} " in out, f"the {header} header was folded"
    assert "2025-03-14" in out and "Ethiopia" in out
