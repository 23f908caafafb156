"""The two seed articles (read from ../shared at run time) give the expected metadata and a clean body."""

from __future__ import annotations

import json
import re
from pathlib import Path

from petrel.clean import clean_document
from petrel.config import Settings
from petrel.ingest import iter_inputs
from petrel.models import Article

GLUED = re.compile(r"[a-z][.!?][A-Z“\"]|[.!?,]”[A-Za-z]")
WORD = re.compile(r"[^\W\d_]+")


def seed_cases(seeds_dir: Path, eval_dir: Path) -> list[tuple[dict, Path]]:
    lines = (eval_dir / "seeds" / "metadata.jsonl").read_text(encoding="utf-8").splitlines()
    expected = [json.loads(line) for line in lines if line.strip()]
    return [(e, seeds_dir / f"{e['doc']}.txt") for e in expected]


def cleaned(path: Path) -> Article:
    settings = Settings()
    (raw,) = iter_inputs([str(path)], settings)
    return clean_document(raw, settings)


def test_seed_metadata_matches(seeds_dir: Path, eval_dir: Path) -> None:
    cases = seed_cases(seeds_dir, eval_dir)
    assert len(cases) == 2
    for expected, path in cases:
        article = cleaned(path)
        published = article.published.isoformat(timespec="minutes") if article.published else None
        got = {"outlet": article.outlet, "published": published, "title": article.title,
               "section": article.section, "wire_credit": article.wire_credit}
        assert got == {k: expected[k] for k in got}, path.name


def test_seed_bodies_start_with_the_first_sentence_and_have_no_glue(seeds_dir: Path, eval_dir: Path) -> None:
    for expected, path in seed_cases(seeds_dir, eval_dir):
        article = cleaned(path)
        raw = " ".join(path.read_text(encoding="utf-8").split())
        start = raw.index(" ".join(article.text[:40].split()))
        header_words = {w.casefold() for w in WORD.findall(raw[:start])}
        allowed = {w.casefold() for field in (expected["title"] or "", expected["section"] or "",
                                               expected["outlet"], "date") for w in WORD.findall(field)}
        allowed.add(expected["outlet"].replace(" ", "").casefold())
        assert header_words <= allowed, (path.name, header_words - allowed)
        assert article.text[0].isupper() and not GLUED.search(article.text), path.name
        assert article.text.rstrip("”\"").endswith((".", "!", "?")), path.name
        assert "Modified" not in article.text and "\n\n\n" not in article.text
