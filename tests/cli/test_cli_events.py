"""`petrel events` on the sample corpus: exports with fixed columns, forgiving filters, flags in errors, order;
the lock error and `petrel serve` on a taken port."""

from __future__ import annotations

import csv
import json
import socket
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from petrel.cli import app
from petrel.export import EVENT_COLUMNS, EVENT_SCHEMA

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, list(args), catch_exceptions=False)


def events(db: Path, *args: str):
    return run("events", "--db", str(db), *args)


def jsonl(db: Path, *args: str) -> list[dict]:
    result = events(db, "--format", "jsonl", *args)
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()]


# -- exports --------------------------------------------------------------------------------------


def test_csv_export_has_the_fixed_columns_and_says_what_it_wrote(sample_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "sudan.csv"
    result = events(sample_db, "--country", "Sudan", "--format", "csv", "--output", str(out))
    assert result.exit_code == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows and out.read_text(encoding="utf-8").splitlines()[0].split(",") == list(EVENT_COLUMNS)
    assert all("SDN" in (r["source_country"], r["target_country"]) for r in rows)
    assert result.stderr.strip() == f"wrote {len(rows)} events to {out}"
    assert result.stdout == ""


@pytest.mark.parametrize("fmt", ["csv", "parquet", "jsonl"])
def test_an_empty_export_still_writes_its_header(sample_db: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"none.{fmt}"
    result = events(sample_db, "--from", "1900", "--to", "1900", "--format", fmt, "--output", str(out))
    assert result.exit_code == 0, result.output
    assert result.stderr.strip() == f"wrote 0 events to {out}"
    if fmt == "csv":
        assert out.read_text(encoding="utf-8").splitlines() == [",".join(EVENT_COLUMNS)]
    elif fmt == "parquet":
        table = pq.read_table(out)
        assert table.num_rows == 0 and table.schema.equals(EVENT_SCHEMA)
    else:
        assert out.read_text(encoding="utf-8") == ""


def test_parquet_has_the_same_columns_and_rows_as_csv(sample_db: Path, tmp_path: Path) -> None:
    events(sample_db, "--format", "parquet", "--output", str(tmp_path / "all.parquet"))
    events(sample_db, "--format", "csv", "--output", str(tmp_path / "all.csv"))
    table = pq.read_table(tmp_path / "all.parquet")
    rows = list(csv.DictReader((tmp_path / "all.csv").open(encoding="utf-8")))
    assert table.schema.equals(EVENT_SCHEMA) and table.num_rows == len(rows) > 50
    assert table.column("event_id").to_pylist() == [r["event_id"] for r in rows]


def test_a_failed_query_leaves_no_file(sample_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.csv"
    result = events(sample_db, "--actor", "Mozambik", "--format", "csv", "--output", str(out))
    assert result.exit_code == 1 and not out.exists()


def test_limit_is_a_top_n_with_no_page_cap(sample_db: Path) -> None:
    everything = jsonl(sample_db)
    assert [e["event_id"] for e in jsonl(sample_db, "--limit", "7")] == [e["event_id"] for e in everything[:7]]
    assert len(jsonl(sample_db, "--limit", "200000")) == len(everything)


# -- forgiving filters and flags in errors --------------------------------------------------------


@pytest.mark.parametrize("args, same_as", [
    (("--actor", "RSF"), ("--actor", "Rapid Support Forces")),
    (("--country", "Sudan"), ("--country", "SDN")),
    (("--country", "sudanese"), ("--country", "SD")),
    (("--actor", "iraq"), ("--actor", "IRQ")),
])
def test_names_aliases_and_codes_find_the_same_events(sample_db: Path, args, same_as) -> None:
    got = {e["event_id"] for e in jsonl(sample_db, *args)}
    assert got and got == {e["event_id"] for e in jsonl(sample_db, *same_as)}


@pytest.mark.parametrize("args, message", [
    (("--from", "yesterday"), "error[E400]: --from must be a date (YYYY-MM-DD, YYYY-MM or YYYY), not 'yesterday'"),
    (("--from", "2025", "--to", "2024"), "error[E400]: --from is after --to"),
    (("--actor", "Mozambik"), "error[E400]: no actor matches 'Mozambik' (--actor); did you mean MOZ (Mozambique)?"),
    (("--country", "Sudna"), "error[E400]: no country matches 'Sudna' (--country); did you mean SDN (Sudan)?"),
    (("--type", "EXPLODE"), "error[E400]: unknown event type 'EXPLODE' (--type): use a PLOVER type"),
    (("--sort", "age"), "error[E400]: unknown --sort 'age'"),
    (("--order", "up"), "error[E400]: --order must be asc or desc, not 'up'"),
])
def test_errors_name_the_flag_that_was_typed(sample_db: Path, args, message: str) -> None:
    result = events(sample_db, *args)
    assert result.exit_code == 1
    assert result.stderr.strip() == message


def test_from_takes_a_year_or_a_month(sample_db: Path) -> None:
    year = jsonl(sample_db, "--from", "2024", "--to", "2024")
    assert year and all(e["date"] and e["date"][:4] <= "2024" for e in year)
    month = jsonl(sample_db, "--from", "2024-11", "--to", "2024-11")
    assert month and {e["event_id"] for e in month} <= {e["event_id"] for e in year}


# -- order ----------------------------------------------------------------------------------------


def _start(event: dict) -> str:
    return event["date"].split("/")[0]


def test_events_are_newest_first_by_default(sample_db: Path) -> None:
    starts = [_start(e) for e in jsonl(sample_db) if e["date"]]
    assert len(starts) > 50
    days = [date.fromisoformat((s + "-01-01")[:10] if len(s) == 4 else (s + "-01")[:10]) for s in starts]
    assert days == sorted(days, reverse=True)


@pytest.mark.parametrize("args, field, descending", [
    (("--sort", "num_sources", "--order", "desc"), "num_sources", True),
    (("--sort", "-num_sources"), "num_sources", True),
    (("--sort", "goldstein"), "goldstein", False),
    (("--sort", "-goldstein", "--order", "asc"), "goldstein", False),
])
def test_sort_and_order(sample_db: Path, args, field: str, descending: bool) -> None:
    values = [e[field] for e in jsonl(sample_db, *args) if e[field] is not None]
    assert len(set(values)) > 1 and values == sorted(values, reverse=descending)


# -- the database in use, the port taken ----------------------------------------------------------


def test_a_locked_database_names_the_cause(sample_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "locked.duckdb"
    db.write_bytes(sample_db.read_bytes())
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys; c = duckdb.connect(sys.argv[1]); "
                               "print('ready', flush=True); sys.stdin.read()", str(db)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        result = events(db, "--limit", "1")
    finally:
        holder.communicate("")
    assert result.exit_code == 1
    line = result.stderr.strip()
    assert line.startswith(f"error[E301]: {db} is open in process {holder.pid}")  # DatabaseLocked
    assert "stop `petrel serve` or use --db OTHER" in line
    assert duckdb.connect(str(db), read_only=True).execute("SELECT count(*) FROM events").fetchone()[0] > 0


def test_serve_on_a_taken_port_prints_one_line(sample_db: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run("serve", "--db", str(sample_db), "--port", str(port))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"error[E100]: port {port} on 127.0.0.1 is in use (another `petrel serve`?): stop it or use --port N"]
