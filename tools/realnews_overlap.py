"""List the 7-word runs an article of the real-news set shares with the shared data and the training corpora.

Usage: python tools/realnews_overlap.py [--ids rn-041,rn-042] [--n 7] [FOLDER ...]

Every text file under the folders (default: ../shared, training/, /work/train) is read; JSON and JSON Lines
files contribute their string values, other files their raw text. Words are lower-cased runs of letters and
digits. For each article of eval/realnews/articles.jsonl (or only the ids given) the shared runs are printed
with the file they come from. Exit status 1 when any run is shared.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
from collections.abc import Iterator
from pathlib import Path

log = logging.getLogger("realnews_overlap")
WORD = re.compile(r"[a-z0-9]+")
REPO = Path(__file__).resolve().parents[1]
DEFAULT_FOLDERS = [REPO.parent / "shared", REPO / "training", Path("/work/train")]


def words(text: str) -> list[str]:
    return WORD.findall(text.lower())


def grams(tokens: list[str], n: int) -> Iterator[tuple[str, ...]]:
    return (tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)


def file_texts(path: Path) -> Iterator[str]:
    raw = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix == ".jsonl":
        for line in raw.splitlines():
            try:
                yield from strings(json.loads(line))
            except json.JSONDecodeError:
                yield line
    elif path.suffix == ".json":
        try:
            yield from strings(json.loads(raw))
        except json.JSONDecodeError:
            yield raw
    else:
        yield raw


def index(folders: list[Path], n: int, wanted: set[tuple[str, ...]]) -> dict[tuple[str, ...], str]:
    found: dict[tuple[str, ...], str] = {}
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            if ".git" in path.parts or path.stat().st_size > 50_000_000:
                continue
            for text in file_texts(path):
                for g in grams(words(text), n):
                    if g in wanted and g not in found:
                        found[g] = str(path)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=DEFAULT_FOLDERS)
    parser.add_argument("--ids", default="", help="comma-separated article ids (default: all)")
    parser.add_argument("--n", type=int, default=7)
    parser.add_argument("--articles", type=Path, default=REPO / "eval" / "realnews" / "articles.jsonl")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    ids = {i for i in args.ids.split(",") if i}
    articles = [json.loads(line) for line in args.articles.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = [a for a in articles if not ids or a["id"] in ids]
    per_article = {a["id"]: set(grams(words(a["title"] + "\n" + a["text"]), args.n)) for a in articles}
    wanted = set().union(*per_article.values()) if per_article else set()
    found = index(args.folders, args.n, wanted)
    hits = 0
    for article_id, own in per_article.items():
        for g in sorted(own & found.keys()):
            hits += 1
            log.info("%s\t%s\t%s", article_id, " ".join(g), found[g])
    log.info("%d shared %d-word runs in %d articles", hits, args.n, len(per_article))
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main())
