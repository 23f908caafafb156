"""Invented fixtures for the ingest readers (no text from ../shared)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from petrel.config import Settings

ARTICLE = ("Envoys from the two river states met in Lakeport on Tuesday to discuss the shared dam.\n"
           "The talks ended without an agreement, officials said.")

PAGE = """<!DOCTYPE html><html><head><title>Dam talks stall in Lakeport | Example Herald</title>
<meta property="og:site_name" content="Example Herald">
<meta property="og:url" content="https://www.exampleherald.test/world/dam-talks">
<meta name="date" content="2021-03-04T10:15:00"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Dam talks stall in Lakeport</h1>
<p>Envoys from the two river states met in Lakeport on Tuesday to discuss the shared dam, but the
talks ended without an agreement, officials from both delegations said.</p>
<p>The northern delegation accused its neighbour of filling the reservoir too quickly during the dry
season, a charge the southern government rejected in a statement on Wednesday.</p>
</article><footer>Copyright Example Herald</footer></body></html>"""


@pytest.fixture()
def settings(tmp_path: Path) -> Settings:
    return Settings(db_path=tmp_path / "t.duckdb")


def write_warc(path: Path, records: list[tuple[str, str, str, str]], *, gz: bool = True) -> Path:
    """records: (uri, body, content type, HTTP status line)."""
    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=gz)
        for uri, body, ctype, status in records:
            http = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body.encode("utf-8")),
                                               http_headers=http)
            writer.write_record(record)
    return path
