"""The bundled sample corpus (``petrel/data/sample``) is well-formed and its gold file agrees with it.

The corpus is what ``petrel demo`` ingests, so these checks read the files with the standard library
and warcio only: they do not depend on petrel's own readers, which are tested elsewhere.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from warcio.archiveiterator import ArchiveIterator

import petrel
from petrel.models import PLOVER_TYPES

DATA = Path(petrel.__file__).parent / "data"
SAMPLE = DATA / "sample"
ARTICLES = SAMPLE / "articles"
KB_FILE = DATA / "kb" / "sample_corpus.yaml"
JSONL_FIELDS = {"id", "text", "title", "url", "published", "outlet"}
STATUSES = {"actual", "historical", "future", "hypothetical", "negated", "claimed"}


@dataclass(frozen=True)
class SampleDoc:
    key: str  # file name, JSONL/CSV id, or WARC target URI
    fmt: str
    text: str
    outlet: str | None
    published: str | None


class _PageParser(HTMLParser):
    """Collects <meta property> values, the <title> and the text of <p> inside <article>."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, str] = {}
        self.title = ""
        self.paragraphs: list[str] = []
        self._stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "meta" and found.get("property"):
            self.meta[found["property"] or ""] = found.get("content") or ""
        self._stack.append(tag)
        if tag == "p" and "article" in self._stack and found.get("class") != "byline":
            self.paragraphs.append("")

    def handle_endtag(self, tag: str) -> None:
        while self._stack and self._stack.pop() != tag:
            pass

    def handle_data(self, data: str) -> None:
        if self._stack and self._stack[-1] == "title":
            self.title += data
        elif self._stack and self._stack[-1] == "p" and "article" in self._stack and self.paragraphs:
            self.paragraphs[-1] += data


def _parse_page(markup: str) -> _PageParser:
    parser = _PageParser()
    parser.feed(markup)
    return parser


def _page_doc(key: str, fmt: str, markup: str) -> SampleDoc:
    page = _parse_page(markup)
    return SampleDoc(key, fmt, "\n\n".join(page.paragraphs), page.meta.get("og:site_name"),
                     page.meta.get("article:published_time"))


def _text_doc(path: Path) -> SampleDoc:
    raw = path.read_text(encoding="utf-8")
    lines = raw.splitlines()
    outlet = lines[1].split(" | ")[0] if len(lines) > 1 and " | " in lines[1] else None
    return SampleDoc(path.name, "txt", raw, outlet, None)


def _jsonl_docs(path: Path) -> list[SampleDoc]:
    docs = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        rec = json.loads(line)
        docs.append(SampleDoc(rec.get("id") or f"{path.name}:{n}", "jsonl", rec["text"], rec.get("outlet"),
                              rec.get("published")))
    return docs


def _csv_docs(path: Path) -> list[SampleDoc]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [SampleDoc(row["id"], "csv", row["text"], row["outlet"], row["published"])
                for row in csv.DictReader(handle)]


def _warc_docs(path: Path) -> list[SampleDoc]:
    docs = []
    with path.open("rb") as handle:
        for record in ArchiveIterator(handle):
            if record.rec_type == "response":
                uri = record.rec_headers.get_header("WARC-Target-URI")
                docs.append(_page_doc(uri, "warc", record.content_stream().read().decode("utf-8")))
    return docs


def _load_docs() -> dict[str, SampleDoc]:
    docs: list[SampleDoc] = []
    for path in sorted(ARTICLES.iterdir()):
        if path.suffix == ".txt":
            docs.append(_text_doc(path))
        elif path.suffix == ".html":
            docs.append(_page_doc(path.name, "html", path.read_text(encoding="utf-8")))
        elif path.suffix == ".jsonl":
            docs.extend(_jsonl_docs(path))
        elif path.suffix == ".csv":
            docs.extend(_csv_docs(path))
        elif path.name.endswith(".warc.gz"):
            docs.extend(_warc_docs(path))
    return {doc.key: doc for doc in docs}


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _load_expected() -> list[dict]:
    lines = (SAMPLE / "expected.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _readme_types() -> dict[str, set[str]]:
    """Doc key -> PLOVER types, from the README's per-article table (rows starting with ``| `doc` |``)."""
    table: dict[str, set[str]] = {}
    for line in (SAMPLE / "README.md").read_text(encoding="utf-8").splitlines():
        match = re.match(r"\|\s*`([^`]+)`\s*\|.*\|\s*([A-Z, ]+)\s*\|\s*$", line)
        if match:
            table[match.group(1)] = {t.strip() for t in match.group(2).split(",") if t.strip()}
    return table


@pytest.fixture(scope="module")
def docs() -> dict[str, SampleDoc]:
    return _load_docs()


@pytest.fixture(scope="module")
def expected() -> list[dict]:
    return _load_expected()


# --- the corpus --------------------------------------------------------------------------------

def test_the_input_formats_are_all_present() -> None:
    names = [p.name for p in ARTICLES.iterdir()]
    for ending in (".txt", ".jsonl", ".csv", ".html", ".warc.gz"):
        assert any(name.endswith(ending) for name in names), ending


def test_there_are_at_least_30_distinct_articles(docs: dict[str, SampleDoc]) -> None:
    distinct = {_squash(doc.text) for doc in docs.values()}
    assert len(distinct) >= 30


def test_articles_are_short_news_items(docs: dict[str, SampleDoc]) -> None:
    for doc in docs.values():
        assert 100 <= len(doc.text.split()) <= 340, doc.key


def test_corpus_stays_small() -> None:
    size = sum(p.stat().st_size for p in SAMPLE.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    assert size < 300_000


def test_jsonl_lines_follow_the_input_contract() -> None:
    for line in (ARTICLES / "sample_wire.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        assert set(rec) <= JSONL_FIELDS and isinstance(rec["text"], str) and rec["text"].strip()
        assert datetime.fromisoformat(rec["published"]).tzinfo is not None


def test_jsonl_has_a_record_without_id() -> None:
    records = [json.loads(line) for line in (ARTICLES / "sample_wire.jsonl").read_text(encoding="utf-8").splitlines()]
    assert any("id" not in rec for rec in records)
    ids = [rec["id"] for rec in records if "id" in rec]
    assert len(ids) == len(set(ids))


def test_csv_rows_have_text_and_metadata_columns() -> None:
    with (ARTICLES / "sample_feed.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows and {"id", "text", "title", "outlet", "published", "url"} <= set(rows[0])
    for row in rows:
        assert row["text"].strip() and datetime.fromisoformat(row["published"]).tzinfo is not None


@pytest.mark.parametrize("path", sorted(ARTICLES.glob("*.html")), ids=lambda p: p.name)
def test_html_pages_carry_title_outlet_date_and_article(path: Path) -> None:
    page = _parse_page(path.read_text(encoding="utf-8"))
    assert page.title.strip() and page.meta["og:site_name"]
    assert datetime.fromisoformat(page.meta["article:published_time"])
    assert len(page.paragraphs) >= 3


def test_warc_holds_html_responses(docs: dict[str, SampleDoc]) -> None:
    warc = [doc for doc in docs.values() if doc.fmt == "warc"]
    assert len(warc) >= 2
    assert all(doc.outlet and doc.published for doc in warc)


def test_make_warc_rebuilds_the_committed_archive(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("petrel_sample_make_warc", SAMPLE / "make_warc.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    try:
        spec.loader.exec_module(module)
        built = module.write_warc(tmp_path / module.WARC_NAME)
    finally:
        del sys.modules[spec.name]
    assert built.read_bytes() == (ARTICLES / module.WARC_NAME).read_bytes()


def test_one_article_is_syndicated_verbatim_under_two_outlets(docs: dict[str, SampleDoc]) -> None:
    outlets: dict[str, set[str]] = defaultdict(set)
    for doc in docs.values():
        outlets[_squash(doc.text)].add(doc.outlet or "")
    assert any(len(names) >= 2 for names in outlets.values())


def test_messy_text_files_keep_their_scraped_headers() -> None:
    raws = [p.read_text(encoding="utf-8") for p in ARTICLES.glob("*.txt")]
    assert sum("Last Modified:" in raw for raw in raws) >= 3
    assert any(re.search(r"^\S.{40,75}\n\S", raw, re.M) for raw in raws)  # hard-wrapped lines


# --- the gold file -----------------------------------------------------------------------------

def test_expected_rows_are_well_formed(expected: list[dict]) -> None:
    assert len(expected) >= 40
    for row in expected:
        assert row["type"] in PLOVER_TYPES and row["status"] in STATUSES, row
        for side in ("source", "target"):
            assert row[side] is None or re.fullmatch(r"[A-Z]{3}", row[side]), row


def test_expected_docs_exist_and_cues_are_in_their_text(docs: dict[str, SampleDoc], expected: list[dict]) -> None:
    for row in expected:
        assert row["doc"] in docs, row["doc"]
        assert _squash(row["cue"]) in _squash(docs[row["doc"]].text), row


def test_every_plover_type_is_in_the_gold_file_at_least_twice(expected: list[dict]) -> None:
    counts = Counter(row["type"] for row in expected)
    assert {t: counts[t] for t in PLOVER_TYPES if counts[t] < 2} == {}


def test_at_least_four_events_are_told_by_two_outlets(docs: dict[str, SampleDoc], expected: list[dict]) -> None:
    outlets: dict[str, set[str]] = defaultdict(set)
    for row in expected:
        if row.get("story"):
            outlets[row["story"]].add(docs[row["doc"]].outlet or row["doc"])
    assert sum(len(names) >= 2 for names in outlets.values()) >= 4


def test_every_status_is_in_the_gold_file(expected: list[dict]) -> None:
    assert {row["status"] for row in expected} == STATUSES


# --- the README --------------------------------------------------------------------------------

def test_readme_table_lists_every_article_and_every_plover_type(docs: dict[str, SampleDoc]) -> None:
    table = _readme_types()
    assert set(docs) <= set(table)
    assert set(PLOVER_TYPES) <= set().union(*table.values())
    assert set().union(*table.values()) <= set(PLOVER_TYPES)


def test_readme_rows_include_the_gold_types_of_their_doc(expected: list[dict]) -> None:
    table = _readme_types()
    for row in expected:
        assert row["type"] in table[row["doc"]], row


# --- the knowledge-base entries ----------------------------------------------------------------

def _kb_actors(path: Path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8")).get("actors") or []


def test_sample_kb_entries_are_well_formed() -> None:
    actors = _kb_actors(KB_FILE)
    ids = [actor["id"] for actor in actors]
    assert len(ids) == len(set(ids))
    for actor in actors:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", actor["id"]) and actor["name"], actor
        assert actor["kind"] in {"organisation", "person", "igo"} and re.fullmatch(r"[A-Z]{3}", actor["country"])
        for role in actor.get("roles") or []:
            assert role["title"] and role["start"] and (role["end"] is None or role["end"] >= role["start"])
        if actor["kind"] == "person":
            assert actor.get("roles"), actor["id"]


def test_gold_actor_ids_are_in_the_knowledge_base(expected: list[dict]) -> None:
    known = {actor["id"] for path in (DATA / "kb").rglob("*.yaml") for actor in _kb_actors(path)
             if isinstance(actor, dict) and "id" in actor}
    used = {row[k] for row in expected for k in ("source_actor", "target_actor") if row.get(k)}
    assert used - known == set()


def test_sample_kb_agrees_with_the_rest_of_the_kb_on_shared_ids() -> None:
    mine = {actor["id"]: actor for actor in _kb_actors(KB_FILE)}
    for path in (DATA / "kb").rglob("*.yaml"):
        if path == KB_FILE or path.name == "places.yaml":
            continue
        for actor in _kb_actors(path):
            if isinstance(actor, dict) and actor.get("id") in mine:
                assert actor.get("country") == mine[actor["id"]]["country"], (path.name, actor["id"])
