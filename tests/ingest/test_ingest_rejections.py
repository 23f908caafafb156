"""Bad input is rejected with its code and a one-line reason; the rest of the batch goes on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ARTICLE, PAGE, write_warc

from petrel.config import Settings
from petrel.errors import all_error_classes
from petrel.ingest import iter_inputs
from petrel.models import RawDocument, Rejection

INPUT_CODES = {c.code for c in all_error_classes()}


def run(paths: list[Path | str], settings: Settings) -> list[RawDocument | Rejection]:
    out = list(iter_inputs([str(p) for p in paths], settings))
    for item in out:
        if isinstance(item, Rejection):
            assert item.code in INPUT_CODES and "\n" not in item.reason and item.reason
    return out


def rejections(out: list) -> list[tuple[str, str]]:
    return [(Path(r.source.split("#")[0]).name + ("#" + r.source.split("#")[1] if "#" in r.source else ""), r.code)
            for r in out if isinstance(r, Rejection)]


@pytest.mark.parametrize(("name", "content", "code"), [
    ("empty.txt", b"", "E201"),
    ("blank.txt", b"  \n\n \t\n", "E201"),
    ("image.txt", bytes(range(256)) * 4, "E202"),
    ("noext", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, "E202"),
    ("latin1.txt", "Caf\u00e9 talks in Montr\u00e9al ended.".encode("latin-1"), "E203"),
    ("utf16.txt", "Talks ended.".encode("utf-16"), "E203"),
    ("page.pdf", b"%PDF-1.4 ...", "E206"),
    ("archive.gz", b"\x1f\x8b\x08\x00", "E206"),
    ("empty.html", b"", "E201"),
    ("cut.html", b"<!DOCTYPE html><html><head><title>Dam talks st", "E207"),
    ("bare.html", b"<html><head><title>Only a title</title></head><body><nav>Home</nav></body></html>", "E207"),
    ("empty.jsonl", b"\n\n", "E201"),
    ("nohead.csv", b"", "E201"),
    ("notext.csv", b"title,author\nA,B\n", "E204"),
    ("binary.jsonl", b"\x00\x01\x02" * 100, "E202"),
])
def test_bad_file_is_rejected_with_its_code(tmp_path: Path, settings: Settings, name: str, content: bytes,
                                            code: str) -> None:
    (tmp_path / name).write_bytes(content)
    (tmp_path / "zz_good.txt").write_text(ARTICLE, encoding="utf-8")
    out = run([tmp_path], settings)
    assert rejections(out) == [(name, code)]
    assert [d.source for d in out if isinstance(d, RawDocument)] == [str(tmp_path / "zz_good.txt")]


def test_missing_path_is_rejected_and_the_next_path_read(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = run([tmp_path / "nope.txt", tmp_path / "a.txt"], settings)
    assert isinstance(out[0], Rejection) and out[0].code == "E208" and out[0].source == str(tmp_path / "nope.txt")
    assert isinstance(out[1], RawDocument)


def test_malformed_jsonl_lines_are_rejected_one_by_one(tmp_path: Path, settings: Settings) -> None:
    lines = [json.dumps({"text": ARTICLE}), "{broken", "[1, 2]", json.dumps({"title": "no text"}),
             json.dumps({"text": "   "}), json.dumps({"text": ARTICLE, "id": ["x"]}),
             json.dumps({"text": "The last good line."})]
    path = tmp_path / "feed.jsonl"
    path.write_bytes("\n".join(lines).encode() + b"\n" + b'{"text": "caf\xe9"}\n')
    out = run([path], settings)
    codes = [(d.source.rsplit(":", 1)[1], getattr(d, "code", "ok")) for d in out]
    assert codes == [("1", "ok"), ("2", "E204"), ("3", "E204"), ("4", "E204"), ("5", "E201"), ("6", "E204"),
                     ("7", "ok"), ("8", "E203")]


def test_csv_bad_rows_are_rejected_one_by_one(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "rows.csv"
    path.write_text("text,title\nGood row one.,A\n,B\nToo,many,fields\nGood row two.,C\n", encoding="utf-8")
    out = run([path], settings)
    assert [(d.source.rsplit(":", 1)[1], getattr(d, "code", "ok")) for d in out] == [
        ("2", "ok"), ("3", "E201"), ("4", "E204"), ("5", "ok")]


def test_a_20_mb_text_or_html_file_is_rejected_without_reading_it(tmp_path: Path, settings: Settings,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("big.txt", "big.html", "big.csv"):
        with (tmp_path / name).open("wb") as f:
            f.truncate(20_000_000)
    real_open, real_read = Path.open, Path.read_bytes

    def refuse(reader):
        def guarded(self, *args, **kwargs):
            assert not self.name.startswith("big"), f"{self.name} was read"
            return reader(self, *args, **kwargs)
        return guarded

    monkeypatch.setattr(Path, "open", refuse(real_open))
    monkeypatch.setattr(Path, "read_bytes", refuse(real_read))
    out = run([tmp_path], settings)
    assert {r.code for r in out} == {"E205"} and len(out) == 3


def test_jsonl_and_warc_are_limited_per_record_not_per_file(tmp_path: Path, settings: Settings) -> None:
    small = settings.model_copy(update={"max_file_bytes": 400})
    lines = [json.dumps({"id": f"r{i}", "text": f"Record {i} says the council met on Monday."}) for i in range(20)]
    lines[7] = json.dumps({"id": "huge", "text": "word " * 200})
    jsonl = tmp_path / "dump.jsonl"
    jsonl.write_text("\n".join(lines) + "\n", encoding="utf-8")
    warc = write_warc(tmp_path / "crawl.warc.gz", [(f"https://x.test/{i}", "Short text record.", "text/plain",
                                                    "200 OK") for i in range(30)])
    assert jsonl.stat().st_size > 400 and warc.stat().st_size > 400
    out = run([jsonl, warc], small)
    assert [r.source.rsplit(":", 1)[1] for r in out if isinstance(r, Rejection)] == ["8"]
    assert [r.code for r in out if isinstance(r, Rejection)] == ["E205"]
    assert sum(isinstance(r, RawDocument) for r in out) == 19 + 30


def test_an_overlong_jsonl_line_is_skipped_and_the_next_line_read(tmp_path: Path, settings: Settings) -> None:
    small = settings.model_copy(update={"max_file_bytes": 100})
    path = tmp_path / "two.jsonl"
    path.write_bytes(b'{"text": "' + b"x" * 5000 + b'"}\r\n{"text": "The next record is fine."}')
    out = run([path], small)
    assert [getattr(r, "code", "ok") for r in out] == ["E205", "ok"]
    assert out[1].text == "The next record is fine."


def test_warc_record_without_text_and_corrupt_tail(tmp_path: Path, settings: Settings) -> None:
    path = write_warc(tmp_path / "crawl.warc.gz", [
        ("https://x.test/good", PAGE, "text/html", "200 OK"),
        ("https://x.test/empty", "<html><head><title>t</title></head><body></body></html>", "text/html", "200 OK"),
    ])
    with path.open("ab") as f:
        f.write(b"\x1f\x8b\x08\x00garbage that is not a gzip member")
    out = run([path], settings)
    assert isinstance(out[0], RawDocument)
    assert (out[1].source, out[1].code) == (f"{path}#https://x.test/empty", "E207")
    assert out[2].code == "E204" and out[2].source == str(path)


def test_warc_without_html_responses_is_rejected(tmp_path: Path, settings: Settings) -> None:
    path = write_warc(tmp_path / "crawl.warc.gz", [("https://x.test/i.png", "PNG", "image/png", "200 OK")])
    assert rejections(run([path], settings)) == [("crawl.warc.gz", "E207")]


def test_unreadable_warc_is_rejected(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "junk.warc").write_bytes(b"this is not a WARC file at all\n" * 10)
    assert rejections(run([tmp_path], settings)) == [("junk.warc", "E204")]


def test_a_reader_bug_rejects_that_input_only(tmp_path: Path, settings: Settings, monkeypatch) -> None:
    import petrel.ingest as ingest

    def broken(path: Path, settings: Settings):
        yield from ()
        raise RuntimeError("a reader bug")

    monkeypatch.setitem(ingest.READERS, "html", broken)
    (tmp_path / "a.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    out = run([tmp_path], settings)
    assert out[0].code == "E209" and "RuntimeError: a reader bug" in out[0].reason
    assert isinstance(out[1], RawDocument)
