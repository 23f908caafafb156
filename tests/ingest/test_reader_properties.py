"""Properties of the readers over generated and mangled input: they never raise, they yield only
documents and rejections, and what they yield is bounded by the input (issue 13).

The long run of the same idea (100k cases per reader) is ``bench/stress/fuzz_readers.py``.
"""

from __future__ import annotations

import gzip
import io
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from petrel.config import Settings
from petrel.ingest import iter_inputs
from petrel.models import RawDocument, Rejection

LIMITS = Settings(max_file_bytes=20_000, max_header_bytes=4_000, max_json_depth=8, max_json_number_digits=12)
RUN = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=12)
records = st.fixed_dictionaries({}, optional={"text": st.text(max_size=200) | json_values, "id": json_values,
                                              "title": json_values, "published": st.text(max_size=30) | json_values,
                                              "url": st.text(max_size=30), "outlet": json_values})
json_lines = st.one_of(records.map(json.dumps), json_values.map(json.dumps), st.text(max_size=80),
                       st.integers(1, 40).map(lambda n: "[" * n + "]" * n),
                       st.integers(1, 40).map(lambda n: '{"text": "x", "n": ' + "9" * n + "}"))


def read(name: str, data: bytes, limits: Settings = LIMITS) -> list[RawDocument | Rejection]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        out = list(iter_inputs([str(path)], limits))
    assert out, "every input yields at least one document or rejection"
    for item in out:
        assert isinstance(item, (RawDocument, Rejection))
        if isinstance(item, RawDocument):
            assert item.text.strip() and len(item.text) <= limits.max_file_bytes
            assert item.source.startswith(str(path))
        else:
            assert item.code.startswith("E2") and "\n" not in item.reason and len(item.reason) <= 300
    return out


@RUN
@given(st.lists(json_lines, max_size=8), st.sampled_from(["\n", "\r\n"]))
def test_jsonl_yields_one_item_per_nonblank_line(lines: list[str], newline: str) -> None:
    data = newline.join(lines).encode("utf-8")
    out = read("feed.jsonl", data)
    nonblank = [n for n, line in enumerate(data.split(b"\n"), start=1) if line.strip()]
    if nonblank and not (len(out) == 1 and ":" not in out[0].source.rsplit("/", 1)[-1]):
        assert [int(i.source.rsplit(":", 1)[1]) for i in out] == nonblank


@RUN
@given(st.binary(max_size=400))
def test_jsonl_survives_any_bytes(data: bytes) -> None:
    read("bytes.jsonl", data)


@RUN
@given(st.lists(json_lines, max_size=6))
def test_jsonl_on_stdin_yields_one_item_per_nonblank_line(lines: list[str]) -> None:
    text = "\n".join(lines)
    out = list(iter_inputs(["-"], LIMITS, stdin=io.StringIO(text)))
    assert all(isinstance(i, (RawDocument, Rejection)) for i in out)
    assert len(out) == sum(1 for line in text.split("\n") if line.strip())


cells = st.text(max_size=40) | st.sampled_from(['"', '""', '"a,b"', "\r", "\n", "\x00"])


@RUN
@given(st.lists(cells, min_size=1, max_size=4), st.lists(st.lists(cells, max_size=5), max_size=6),
       st.sampled_from([",", "\t"]))
def test_csv_and_tsv_never_raise(header: list[str], rows: list[list[str]], delimiter: str) -> None:
    if header and delimiter == "," and header[0] == "":
        header[0] = "text"
    lines = [delimiter.join(header)] + [delimiter.join(row) for row in rows]
    data = "\n".join(lines).encode("utf-8", "surrogatepass")
    out = read("rows.csv" if delimiter == "," else "rows.tsv", data)
    assert len(out) <= len(lines) + 1


@RUN
@given(st.binary(max_size=400))
def test_csv_survives_any_bytes(data: bytes) -> None:
    read("bytes.csv", b"text,title\n" + data)


def warc(bodies: list[bytes], uris: list[bytes | None]) -> bytes:
    out = b""
    for body, uri in zip(bodies, uris, strict=False):
        block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body
        head = b"WARC/1.0\r\nWARC-Type: response\r\n" + (b"WARC-Target-URI: " + uri + b"\r\n" if uri else b"")
        out += gzip.compress(head + b"Content-Length: " + str(len(block)).encode() + b"\r\n\r\n" + block + b"\r\n\r\n")
    return out


bodies = st.one_of(st.binary(max_size=300),
                   st.text(max_size=300).map(lambda t: f"<html><body><p>{t}</p></body></html>".encode()))
uris = st.one_of(st.none(), st.just(b"https://x.test/a"), st.binary(max_size=20).filter(lambda b: b"\n" not in b))


@RUN
@given(st.lists(bodies, min_size=1, max_size=3), st.lists(uris, min_size=3, max_size=3),
       st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)), max_size=4),
       st.integers(0, 10_000) | st.none(), st.booleans())
def test_warc_survives_mangling(page: list[bytes], targets: list[bytes | None], flips: list[tuple[int, int]],
                                cut: int | None, inflate: bool) -> None:
    data = bytearray(warc(page, targets))
    if inflate:
        data = bytearray(gzip.decompress(bytes(data)))
    for at, value in flips:
        if data:
            data[at % len(data)] = value
    if cut is not None:
        data = data[:cut]
    out = read("crawl.warc.gz", bytes(data))
    assert sum(isinstance(i, RawDocument) for i in out) <= len(page)


@RUN
@given(st.binary(max_size=400))
def test_text_and_html_survive_any_bytes(data: bytes) -> None:
    read("page.html", data)
    read("note.txt", data)
    read("noext", data)
