"""End to end through the command line: demo, ingest, listings, exports, exit codes, one-line errors."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from petrel.cli import app

runner = CliRunner()


def run(*args: str, input: str | None = None):
    return runner.invoke(app, list(args), input=input, catch_exceptions=False)


@pytest.fixture(scope="module")
def demo_db(sample_db: Path) -> Path:
    """The session's sample-corpus database, made by `petrel demo` (see tests/conftest.py)."""
    return sample_db


def test_demo_ingests_the_sample_corpus_in_every_format(demo_db: Path) -> None:
    con = duckdb.connect(str(demo_db), read_only=True)
    formats = {r[0] for r in con.execute("SELECT DISTINCT fmt FROM articles WHERE status = 'ok'").fetchall()}
    types = {r[0] for r in con.execute("SELECT DISTINCT type FROM events").fetchall()}
    n_articles = con.execute("SELECT count(*) FROM articles WHERE status = 'ok'").fetchone()[0]
    con.close()
    assert {"text", "jsonl", "csv", "html", "warc"} <= formats
    assert n_articles >= 30
    assert len(types) >= 14  # the corpus covers all 16 PLOVER types; the coder must find nearly all


def test_demo_twice_changes_nothing(demo_db: Path) -> None:
    con = duckdb.connect(str(demo_db), read_only=True)
    before = con.execute("SELECT count(*) FROM event_mentions").fetchone()[0]
    con.close()
    result = run("ingest", "--db", str(demo_db), str(Path(__file__).parents[2] / "src/petrel/data/sample/articles"))
    assert result.exit_code == 0
    con = duckdb.connect(str(demo_db), read_only=True)
    assert con.execute("SELECT count(*) FROM event_mentions").fetchone()[0] == before
    con.close()


def test_events_jsonl_follows_the_contract(demo_db: Path) -> None:
    result = run("events", "--db", str(demo_db), "--format", "jsonl", "--limit", "20")
    lines = [json.loads(line) for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 20
    for event in lines:
        assert {"event_id", "type", "mode", "context", "cameo", "status", "source", "target", "date",
                "date_precision", "place", "evidence", "mentions", "num_articles", "num_sources",
                "confidence"} <= set(event)
        assert {"name", "actor_id", "country", "sector"} <= set(event["source"])
        assert {"doc_id", "sentence", "start", "end", "trigger"} <= set(event["evidence"])
        for mention in event["mentions"]:  # each reporting document with what it said
            assert {"doc_id", "outlet", "published", "sentence", "start", "end", "trigger"} <= set(mention)
            assert mention["sentence"] and mention["trigger"]
        assert event["place"] is None or event["place"]["basis"] in ("sentence", "paragraph", "dateline", "document")


def test_events_table_counts_the_undated(demo_db: Path) -> None:
    result = run("events", "--db", str(demo_db), "--limit", "5")
    assert result.exit_code == 0
    summary = result.output.strip().splitlines()[-1]
    assert summary.startswith("5 of ") and summary.endswith(" undated")
    undated = int(summary.split(", ")[-1].split()[0])
    with duckdb.connect(str(demo_db), read_only=True) as con:
        assert undated == con.execute("SELECT count(*) FROM events WHERE date_start IS NULL").fetchone()[0]


def test_ingest_takes_a_publication_day_and_outlet_for_bare_files(tmp_path: Path) -> None:
    text = tmp_path / "note.txt"
    text.write_text("Fishermen protested in the harbour town against a new fuel tax.", encoding="utf-8")
    db = tmp_path / "bare.duckdb"
    result = run("ingest", str(text), "--db", str(db), "--published", "2025-02-10", "--outlet", "Harbour Daily", "-q")
    assert result.exit_code == 0, result.output
    with duckdb.connect(str(db), read_only=True) as con:
        row = con.execute("SELECT published::DATE::VARCHAR, outlet FROM articles").fetchone()
    assert row == ("2025-02-10", "Harbour Daily")
    bad = runner.invoke(app, ["ingest", str(text), "--db", str(db), "--published", "someday"])
    assert bad.exit_code != 0 and "publication date" in bad.output


def test_event_filters_and_formats(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "assault.csv"
    result = run("events", "--db", str(demo_db), "--type", "ASSAULT", "--format", "csv", "--output", str(out))
    assert result.exit_code == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows and {r["type"] for r in rows} == {"ASSAULT"}
    assert {"source_country", "target_country", "place_name", "evidence_sentence"} <= set(rows[0])
    parquet = tmp_path / "all.parquet"
    assert run("events", "--db", str(demo_db), "--format", "parquet", "--output", str(parquet)).exit_code == 0
    assert duckdb.sql(f"SELECT count(*) FROM '{parquet}'").fetchone()[0] > 50
    table = run("events", "--db", str(demo_db), "--status", "historical", "--limit", "5")
    assert table.exit_code == 0 and "historical" in table.output


def test_docs_lists_every_article(demo_db: Path) -> None:
    result = run("docs", "--db", str(demo_db), "--format", "jsonl")
    docs = [json.loads(line) for line in result.output.splitlines()]
    assert len(docs) >= 30 and all(d["status"] == "ok" for d in docs)
    assert sum(1 for d in docs if d["outlet"]) >= 30


def test_listings_run(demo_db: Path) -> None:
    for command in ("actors", "quotes", "stories"):
        result = run(command, "--db", str(demo_db), "--format", "jsonl")
        assert result.exit_code == 0, command
        assert result.output.strip(), command


def test_a_bad_filter_is_one_line_and_exit_1(demo_db: Path) -> None:
    result = runner.invoke(app, ["events", "--db", str(demo_db), "--type", "EXPLODE"])
    assert result.exit_code == 1
    assert result.output.strip().startswith("error[E400]") and len(result.output.strip().splitlines()) == 1


def test_a_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 1 and "error[E300]" in result.output


def test_ingest_reports_bad_inputs_keeps_the_rest_and_exits_1(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("Police in the capital of Norland arrested twelve opposition activists "
                                     "on Tuesday, the interior ministry said.\n")
    (folder / "empty.txt").write_text("")
    (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(500))
    db = tmp_path / "x.duckdb"
    result = run("ingest", "--db", str(db), str(folder))
    assert result.exit_code == 1
    assert "E201" in result.output and ("E206" in result.output or "E202" in result.output)
    docs = json.loads("[" + ",".join(run("docs", "--db", str(db), "--format", "jsonl").output.split("\n")[:-1]) + "]")
    assert sorted(d["status"] for d in docs) == ["ok", "rejected", "rejected"]


def test_ingest_reads_jsonl_from_stdin(tmp_path: Path) -> None:
    line = json.dumps({"id": "stdin-1", "text": "Protesters marched through the capital of Norland on Sunday "
                       "demanding the resignation of the prime minister.", "outlet": "Test Wire",
                       "published": "2024-05-06T08:00:00"})
    db = tmp_path / "s.duckdb"
    result = run("ingest", "--db", str(db), "-", input=line + "\n")
    assert result.exit_code == 0, result.output
    docs = [json.loads(x) for x in run("docs", "--db", str(db), "--format", "jsonl").output.splitlines()]
    assert [(d["doc_id"], d["outlet"]) for d in docs] == [("stdin-1", "Test Wire")]


def test_ingest_passes_workers_scheduler_and_shards_to_the_library(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from petrel.ingest_service import IngestReport

    calls = []

    def fake_ingest(paths, settings, **kwargs):
        calls.append((paths, settings.workers, kwargs.get("scheduler"), kwargs.get("shards")))
        return IngestReport(ingested=3, workers=2, worker_peak_mb=512.0)

    monkeypatch.setattr("petrel.cli.ingest.ingest_paths", fake_ingest)
    result = run("ingest", "--db", str(tmp_path / "w.duckdb"), "--workers", "2", "a.jsonl")
    assert result.exit_code == 0 and "on 2 workers (peak 512 MB each)" in result.output
    run("ingest", "--db", str(tmp_path / "w.duckdb"), "-q", "--scheduler", "tcp://10.0.0.1:8786",
        "--shards", str(tmp_path / "sh"), "b.jsonl")
    assert calls == [(["a.jsonl"], 2, None, None), (["b.jsonl"], 0, "tcp://10.0.0.1:8786", tmp_path / "sh")]


def test_dedup_full_rebuild_leaves_the_events_of_the_incremental_refreshes(demo_db: Path, tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "copy.duckdb"
    shutil.copy(demo_db, copy)
    query = "SELECT * EXCLUDE (story_id) FROM events ORDER BY event_id"
    with duckdb.connect(str(copy), read_only=True) as con:
        before = con.execute(query).fetchall()
    result = run("dedup", "--db", str(copy), "--full")
    assert result.exit_code == 0, result.output
    assert "full refresh" in result.output
    with duckdb.connect(str(copy), read_only=True) as con:
        assert con.execute(query).fetchall() == before
    assert run("dedup", "--db", str(copy)).exit_code == 0
