"""Why the reports of one event were merged, in words a reader can follow.

``merge_log`` holds ids (``mention_id`` joined ``merged_with``) and a terse reason. :func:`event_merges`
adds, for both mentions, the outlet, the article title, the publication day and the document id, a
``kind`` (``first``, ``identical``, ``similar``) and a one-line ``summary``, e.g.::

    Northern Wire ("Truce talk", 2024-01-05) joined the report of Harbor Times ("Shelling in Kyiv",
    2024-01-04): similarity 0.94; same type ASSAULT; actors RUS/GOV->UKR/MIL; ...
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import duckdb

Row = dict[str, Any]

FIRST_REPORT = "first report"
IDENTICAL_PREFIX = "identical coding"


def event_merges(con: duckdb.DuckDBPyConnection, event_id: str) -> list[Row]:
    """The ``merge_log`` rows of one event with readable fields (see the module docstring)."""
    cur = con.cursor().execute(
        "SELECT l.mention_id, l.merged_with, l.reason, l.score, "
        "m.doc_id, m.outlet, m.published, a.title, "
        "w.doc_id AS merged_with_doc_id, w.outlet AS merged_with_outlet, w.published AS merged_with_published, "
        "wa.title AS merged_with_title "
        "FROM merge_log l LEFT JOIN event_mentions m ON m.mention_id = l.mention_id "
        "LEFT JOIN articles a ON a.doc_id = m.doc_id "
        "LEFT JOIN event_mentions w ON w.mention_id = l.merged_with "
        "LEFT JOIN articles wa ON wa.doc_id = w.doc_id "
        "WHERE l.event_id = ? ORDER BY l.merged_with IS NOT NULL, m.published NULLS LAST, l.mention_id",
        [event_id])
    names = [d[0] for d in cur.description]
    return [_readable(dict(zip(names, row, strict=True))) for row in cur.fetchall()]


def _readable(row: Row) -> Row:
    for key in ("published", "merged_with_published"):
        row[key] = _day(row[key])
    reason = row.get("reason") or ""
    if row.get("merged_with") is None:
        row["kind"] = "first"
        row["summary"] = f"first reported by {_report(row, '')}"
    elif reason.startswith(IDENTICAL_PREFIX):
        row["kind"] = "identical"
        row["summary"] = (f"{_report(row, '')} coded it exactly as {_report(row, 'merged_with_')} did "
                          "(same type, actors, date, place and status)")
    else:
        row["kind"] = "similar"
        score = f"similarity {row['score']:.2f}; " if isinstance(row.get("score"), float) else ""
        earlier = ("another sentence of the same article" if row.get("doc_id") == row.get("merged_with_doc_id")
                   else f"the report of {_report(row, 'merged_with_')}")
        row["summary"] = f"{_report(row, '')} joined {earlier}: {score}{reason}"
    return row


def _report(row: Row, prefix: str) -> str:
    """``Outlet ("Title", 2024-01-05)``, with words for what is missing."""
    outlet = row.get(f"{prefix}outlet") or "an unnamed outlet"
    details = [f'"{row[f"{prefix}title"]}"' if row.get(f"{prefix}title") else "untitled article"]
    if row.get(f"{prefix}published"):
        details.append(str(row[f"{prefix}published"]))
    return f"{outlet} ({', '.join(details)})"


def _day(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


__all__ = ["event_merges"]
