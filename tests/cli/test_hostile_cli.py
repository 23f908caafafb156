"""Issue 13 through the command line: hostile JSONL lines cost only themselves, a repeated id with other
text is a conflict, and a publication date at the calendar's end is coded, not a traceback."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from petrel.cli import app

runner = CliRunner()
TEXT = "Iraqi police arrested twelve Syrian activists in Baghdad last week, the Iraqi interior ministry said."


def test_hostile_jsonl_lines_through_the_cli(tmp_path: Path) -> None:
    lines = ["[" * 100_000 + "]" * 100_000,
             '{"text": "Envoys met.", "n": ' + "9" * 5_000 + "}",
             json.dumps({"id": "h-1", "text": TEXT, "published": "9999-12-31T23:00:00"}),
             json.dumps({"id": "h-1", "text": TEXT.replace("twelve", "nine")}),
             json.dumps({"id": "h-2", "text": TEXT.replace("Baghdad", "Basra"), "published": "0001-01-03"})]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "h.duckdb"
    result = runner.invoke(app, ["ingest", "--db", str(db), str(feed)], catch_exceptions=False)
    assert result.exit_code == 1  # some inputs were rejected
    docs = runner.invoke(app, ["docs", "--db", str(db), "--format", "jsonl"], catch_exceptions=False).output
    rows = {d["source"]: (d["status"], d["reason_code"]) for d in map(json.loads, docs.splitlines())}
    assert rows == {f"{feed}:1": ("rejected", "E205"), f"{feed}:2": ("rejected", "E205"),
                    f"{feed}:3": ("ok", None), f"{feed}:4": ("rejected", "E213"), f"{feed}:5": ("ok", None)}
