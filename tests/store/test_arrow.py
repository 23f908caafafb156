"""Bulk Arrow writes through the C stream interface: the same rows and types, no pyarrow.compute import."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import duckdb
import pyarrow as pa

from petrel.store.arrow import registered


def test_a_registered_stream_inserts_every_type_and_null() -> None:
    con = duckdb.connect()
    con.execute("CREATE TABLE t (i INTEGER, b BIGINT, s VARCHAR, d DOUBLE, k TINYINT, ts TIMESTAMP, day DATE,"
                " ok BOOLEAN, tags VARCHAR[])")
    data = pa.table({
        "i": pa.array([1, None], pa.int32()), "b": pa.array([2**40, None], pa.int64()), "s": ["é", None],
        "d": [0.5, None], "k": pa.array([-3, None], pa.int8()),
        "ts": pa.array([datetime(2024, 3, 5, 10, 0, 1, 5), None], pa.timestamp("us")),
        "day": pa.array([date(2024, 3, 4), None], pa.date32()), "ok": [True, None],
        "tags": pa.array([["MIL", "GOV"], None], pa.list_(pa.string()))})
    with registered(con, "batch", data) as view:
        con.execute(f"INSERT INTO t SELECT * FROM {view}")
    assert con.execute("SELECT * FROM t ORDER BY i NULLS LAST").fetchall() == [
        (1, 2**40, "é", 0.5, -3, datetime(2024, 3, 5, 10, 0, 1, 5), date(2024, 3, 4), True, ["MIL", "GOV"]),
        (None,) * 9]
    assert "batch" not in {r[0] for r in con.execute("SELECT view_name FROM duckdb_views()").fetchall()}


def test_writing_and_refreshing_a_batch_does_not_import_pyarrow_compute(tmp_path) -> None:
    # in a fresh interpreter: this test process has imported it long ago
    script = (
        "import sys\n"
        "from tests.store.test_store import make_doc\n"
        "from petrel.store import Store\n"
        "with Store.open(sys.argv[1]) as store:\n"
        "    store.write_batch([make_doc('a', 2), make_doc('b')])\n"
        "    assert store.count('events') >= 1\n"
        "print('pyarrow.compute' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", script, str(tmp_path / "x.duckdb")], capture_output=True, text=True,
                         check=True, cwd=Path(__file__).resolve().parents[2])
    assert out.stdout.strip() == "False"
