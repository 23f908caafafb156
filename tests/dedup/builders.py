"""Builders of hand-built articles and event mentions in a petrel database."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import duckdb
import pyarrow as pa

from petrel.dedup._sql import insert_arrow
from petrel.dedup.evaluate import _bounds, _precision, _schema


def add_article(con: duckdb.DuckDBPyConnection, doc_id: str, *, outlet: str | None = "Outlet A",
                published: datetime | None = datetime(2026, 3, 2, 12), text: str | None = None,
                title: str | None = None) -> None:
    row = {"doc_id": doc_id, "status": "ok", "outlet": outlet, "published": published, "title": title,
           "text": text, "source": f"{doc_id}.txt", "fmt": "text"}
    insert_arrow(con, "articles", pa.Table.from_pylist([row], schema=_schema(con, "articles", row.keys())))


def mention(mention_id: str, doc_id: str, **fields: Any) -> dict[str, Any]:
    """An event_mentions row: ASSAULT NGA/REB -> NGA/MIL at Monguno on 2026-03-02, unless overridden."""
    row: dict[str, Any] = {
        "mention_id": mention_id, "event_id": mention_id, "doc_id": doc_id, "type": "ASSAULT", "status": "actual",
        "source_name": "militants", "source_actor_id": None, "source_country": "NGA", "source_sector": ["REB"],
        "target_name": "army", "target_actor_id": None, "target_country": "NGA", "target_sector": ["MIL"],
        "date": "2026-03-02", "place_name": "Monguno", "place_country": "NGA", "place_admin1": "Borno",
        "lat": 12.67, "lon": 13.61, "place_precision": "city", "confidence": 0.7,
        "sentence": f"sentence of {mention_id}", "sent_start": 0,
    }
    row.update(fields)
    if "published" not in row:
        row["published"] = None
    row["date_precision"] = _precision(row["date"])
    row["date_start"], row["date_end"] = _bounds(row["date"])
    return row


def add_mentions(con: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]]) -> None:
    keys = list(rows[0].keys())
    insert_arrow(con, "event_mentions", pa.Table.from_pylist(rows, schema=_schema(con, "event_mentions", keys)))


def event_of(con: duckdb.DuckDBPyConnection, mention_id: str) -> str:
    return con.execute("SELECT event_id FROM event_mentions WHERE mention_id = ?", [mention_id]).fetchone()[0]


def day(d: int) -> datetime:
    return datetime(2026, 3, d, 12)

