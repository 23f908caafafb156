"""Each input format yields the right documents, sources and metadata."""

from __future__ import annotations

import io
import json
from pathlib import Path

from conftest import ARTICLE, PAGE, write_warc

from hypothesis import example, given
from hypothesis import strategies as st

from petrel.config import Settings
from petrel.ingest import iter_inputs
from petrel.models import RawDocument, Rejection


def docs(paths: list[Path | str], settings: Settings, **kw) -> list[RawDocument | Rejection]:
    return list(iter_inputs([str(p) for p in paths], settings, **kw))


def test_text_file_is_one_document(tmp_path: Path, settings: Settings) -> None:
    for name in ("a.txt", "b.text", "NOTES"):
        (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    out = docs([tmp_path], settings)
    assert [d.source for d in out] == [str(tmp_path / n) for n in ("NOTES", "a.txt", "b.text")]
    assert all(isinstance(d, RawDocument) and d.fmt == "text" and d.text == ARTICLE for d in out)


def test_folders_are_walked_recursively_sorted_and_hidden_entries_skipped(tmp_path: Path, settings: Settings) -> None:
    for rel in ("b/2.txt", "b/1.txt", "a.txt", "c/d/e.txt", ".git/x.txt", "b/.hidden.txt"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(f"{ARTICLE} {rel}", encoding="utf-8")
    sources = [d.source for d in docs([tmp_path], settings)]
    assert sources == [str(tmp_path / r) for r in ("a.txt", "b/1.txt", "b/2.txt", "c/d/e.txt")]
    assert sources == [d.source for d in docs([tmp_path], settings)]


def test_a_file_named_twice_is_read_once(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert len(docs([tmp_path / "a.txt", tmp_path], settings)) == 1


def test_jsonl_fields_and_line_sources(tmp_path: Path, settings: Settings) -> None:
    rows = [{"id": "x-1", "text": ARTICLE, "title": "Dam talks", "url": "https://exampleherald.test/a",
             "published": "2021-03-04T10:15:00Z", "outlet": "Example Herald", "extra": [1]},
            {"text": "A second invented article about a harbour strike in Portmouth."}]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    first, second = docs([path], settings)
    assert first == RawDocument(f"{path}:1", ARTICLE, "jsonl", "x-1", "Dam talks", "https://exampleherald.test/a",
                                "2021-03-04T10:15:00Z", "Example Herald")
    assert (second.source, second.doc_id, second.title) == (f"{path}:2", None, None)


def test_ndjson_extension_and_numeric_id(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "feed.ndjson"
    path.write_text(json.dumps({"id": 42, "text": ARTICLE}), encoding="utf-8")
    (doc,) = docs([path], settings)
    assert doc.doc_id == "42" and doc.fmt == "jsonl"


def test_stdin_dash_reads_jsonl_from_the_given_stream(settings: Settings) -> None:
    stream = io.StringIO(json.dumps({"text": ARTICLE}) + "\n{oops\n" + json.dumps({"text": "Second one."}))
    out = docs(["-"], settings, stdin=stream)
    assert [type(d).__name__ for d in out] == ["RawDocument", "Rejection", "RawDocument"]
    assert [d.source for d in out] == ["-:1", "-:2", "-:3"]


def test_stdin_bytes_with_bad_utf8_rejects_only_that_line(settings: Settings) -> None:
    raw = json.dumps({"text": ARTICLE}).encode() + b"\n" + b'{"text": "caf\xe9"}\n'
    stream = io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8")
    out = docs(["-"], settings, stdin=stream)
    assert isinstance(out[0], RawDocument)
    assert (out[1].source, out[1].code) == ("-:2", "E203")


def test_csv_text_column_metadata_and_row_lines(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "rows.csv"
    path.write_text('Headline,Body,Source,Date,Link\n'
                    '"Dam talks","Envoys met in Lakeport.\nThey disagreed.",Example Herald,2021-03-04,'
                    'https://x.test/1\n'
                    '\n'
                    'Strike,"Dock workers in Portmouth stopped work.",Harbour Daily,,\n', encoding="utf-8")
    first, second = docs([path], settings)
    assert first.source == f"{path}:2" and first.fmt == "csv"
    assert (first.title, first.outlet, first.published, first.url) == ("Dam talks", "Example Herald",
                                                                       "2021-03-04", "https://x.test/1")
    assert first.text == "Envoys met in Lakeport.\nThey disagreed."
    assert second.source == f"{path}:5" and second.published is None


def test_tsv_and_each_text_column_name(tmp_path: Path, settings: Settings) -> None:
    for column in ("text", "body", "content", "article"):
        path = tmp_path / f"{column}.tsv"
        path.write_text(f"id\t{column.upper()}\nk1\t{ARTICLE.splitlines()[0]}\n", encoding="utf-8")
        (doc,) = docs([path], settings)
        assert doc.doc_id == "k1" and doc.text.startswith("Envoys") and doc.fmt == "csv"


def test_html_text_and_metadata(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    (doc,) = docs([path], settings)
    assert doc.fmt == "html" and doc.source == str(path)
    assert doc.title == "Dam talks stall in Lakeport"
    assert doc.published == "2021-03-04T10:15:00" and doc.outlet == "Example Herald"
    assert doc.url == "https://www.exampleherald.test/world/dam-talks"
    assert "reservoir too quickly" in doc.text and "Home" not in doc.text
    assert "\n\n" in doc.text  # one paragraph per extracted block


def test_html_publication_time_from_meta_or_json_ld(tmp_path: Path, settings: Settings) -> None:
    page = PAGE.replace('<meta name="date" content="2021-03-04T10:15:00">',
                        "<meta content='2021-03-05T07:45:00+01:00' property='article:published_time'>")
    (tmp_path / "a.html").write_text(page, encoding="utf-8")
    ld = PAGE.replace('<meta name="date" content="2021-03-04T10:15:00">',
                      '<script type="application/ld+json">{"@type": "NewsArticle", '
                      '"datePublished": "2021-03-06T18:00:00Z"}</script>')
    (tmp_path / "b.html").write_text(ld, encoding="utf-8")
    a, b = docs([tmp_path], settings)
    assert (a.published, b.published) == ("2021-03-05T07:45:00+01:00", "2021-03-06T18:00:00Z")


def test_warc_gz_one_document_per_html_response(tmp_path: Path, settings: Settings) -> None:
    path = write_warc(tmp_path / "crawl.warc.gz", [
        ("https://exampleherald.test/a", PAGE, "text/html; charset=utf-8", "200 OK"),
        ("https://exampleherald.test/logo.png", "PNG", "image/png", "200 OK"),
        ("https://exampleherald.test/gone", PAGE, "text/html", "404 Not Found"),
        ("https://exampleherald.test/b", PAGE.replace("Lakeport", "Hillview"), "text/html", "200 OK"),
        ("https://exampleherald.test/c.txt", ARTICLE, "text/plain", "200 OK"),
    ])
    out = docs([path], settings)
    assert [d.source for d in out] == [f"{path}#https://exampleherald.test/{p}" for p in ("a", "b", "c.txt")]
    assert all(isinstance(d, RawDocument) and d.fmt == "warc" for d in out)
    assert "Hillview" in out[1].text and out[2].text == ARTICLE


def test_plain_warc(tmp_path: Path, settings: Settings) -> None:
    path = write_warc(tmp_path / "crawl.warc", [("https://x.test/a", PAGE, "text/html", "200 OK")], gz=False)
    (doc,) = docs([path], settings)
    assert doc.url and doc.title == "Dam talks stall in Lakeport"


def test_extensionless_html_is_sniffed(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "page").write_text(PAGE, encoding="utf-8")
    (doc,) = docs([tmp_path / "page"], settings)
    assert doc.fmt == "html"


@given(st.lists(st.binary(max_size=60).map(lambda b: b.replace(b"\n", b"")), max_size=12),
       st.integers(min_value=1, max_value=40))
@example([b"\x00\r\x00"], 1)  # cut right after a "\r": still one overlong line
@example([b"ab\r", b"c"], 2)  # a "\r\n" line at the limit is not overlong
def test_bounded_lines_keeps_short_lines_and_flags_long_ones(lines: list[bytes], limit: int) -> None:
    from petrel.ingest._jsonl import bounded_lines

    got = list(bounded_lines(io.BytesIO(b"\n".join(lines)), limit))
    expected = [None if len(x[:-1] if x.endswith(b"\r") else x) > limit else x for x in lines]
    if lines and lines[-1] == b"":
        expected = expected[:-1]  # a final empty line after the last newline is no line
    assert got == expected
