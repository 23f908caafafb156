"""Build ``src/petrel/data/clean/headline_words.json``: the casing table that sentence-cases shouted and
Title Case headlines (``petrel.clean._headline``).

Read from petrel's own training corpus (``training/corpus``, written for petrel; docs/model.md), skipping its
headline-form lines: per word, how often it is written in lower case and how often capitalised inside a
sentence. ``common``: words written in lower case at least as often as capitalised (a headline's "Kills",
"Village", "Over" are lowered); ``acronyms``: words written in capitals (``US``, ``RSF``, ``NATO``);
``phrases``: capitalised runs of two to four words that hold a common word (``Security Council``, ``Red
Sea``), kept as they are. Run by hand when the corpus changes::

    .venv/bin/python tools/make_headline_words.py
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "src" / "petrel" / "data" / "clean" / "headline_words.json"
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")
START = re.compile(r"(?:^|[.!?:;\"“”—–(]|\s-)\s*$")


def _texts(corpus: Path):  # noqa: ANN202
    for path in sorted(corpus.rglob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                if "headline" not in (row.get("form") or ""):
                    yield row["text"]


def build(corpus: Path) -> dict[str, list[str]]:
    lower: Counter[str] = Counter()
    cap: Counter[str] = Counter()
    caps: Counter[str] = Counter()
    runs: Counter[str] = Counter()
    for text in _texts(corpus):
        run: list[str] = []
        for m in WORD.finditer(text):
            w = m.group(0)
            initial = bool(START.search(text[: m.start()]))
            if w.islower():
                lower[w] += 1
            elif w.isupper() and len(w) > 1:
                caps[w] += 1
            elif w[0].isupper() and not initial:
                cap[w.lower()] += 1
            gap = text[run_end: m.start()] if run else ""
            if w[0].isupper() and not initial and (not run or gap == " "):
                run.append(w)
            else:
                if 2 <= len(run) <= 4:
                    runs[" ".join(run)] += 1
                run = [w] if w[0].isupper() and not initial else []
            run_end = m.end()
        if 2 <= len(run) <= 4:
            runs[" ".join(run)] += 1
    common = sorted(w for w, n in lower.items() if n >= 2 and n >= cap[w])
    common_set = set(common)
    # a word written in capitals that is also a capitalised name or a common word is a dateline or a shout
    acronyms = sorted(w for w, n in caps.items() if n >= 2 and len(w) <= 6 and not cap[w.lower()]
                      and n > lower[w.lower()])
    phrases = sorted(p for p, n in runs.items()
                     if n >= 2 and any(w.lower() in common_set for w in p.split()))
    return {"common": common, "acronyms": acronyms, "phrases": phrases}


def main(argv: list[str]) -> None:
    corpus = Path(argv[0]) if argv else REPO / "training" / "corpus"
    table = build(corpus)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(table, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print({k: len(v) for k, v in table.items()})


if __name__ == "__main__":
    main(sys.argv[1:])
