"""ConfliBERT CAMEO sentences: PentaClass labels (``cameo_class/train.tsv``) and actor spans (``cameo_ner``).

``train.tsv`` is ``sentence<TAB>label`` with no header, labels 0-4. ``train.txt`` is CoNLL-style
``token label`` lines with a blank line between sentences; labels are ``B-``/``I-`` with ``S`` (source),
``T`` (target) and ``R`` (reciprocal: both sides), or ``O``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from petrel.evaluation.records import PentaSentence, SpanSentence

PENTA_FILE = Path("conflibert-cameo") / "cameo_class" / "train.tsv"
SPAN_FILE = Path("conflibert-cameo") / "cameo_ner" / "train.txt"


def read_pentaclass(eval_dir: Path) -> list[PentaSentence]:
    """Every labelled sentence, in file order (blank or malformed lines are skipped)."""
    out: list[PentaSentence] = []
    for line in (eval_dir / PENTA_FILE).read_text(encoding="utf-8").splitlines():
        text, _, label = line.rpartition("\t")
        if text.strip() and label.strip().isdigit():
            out.append(PentaSentence(len(out), " ".join(text.split()), int(label)))
    return out


def read_spans(eval_dir: Path) -> list[SpanSentence]:
    """Every CoNLL sentence with its tokens and BIO labels, in file order."""
    lines = (eval_dir / SPAN_FILE).read_text(encoding="utf-8").splitlines()
    return [SpanSentence(i, tuple(t for t, _ in rows), tuple(lab for _, lab in rows))
            for i, rows in enumerate(_blocks(lines))]


def _blocks(lines: list[str]) -> Iterator[list[tuple[str, str]]]:
    block: list[tuple[str, str]] = []
    for line in lines:
        token, _, label = line.strip().rpartition(" ")
        if token:
            block.append((token, label))
        elif block:
            yield block
            block = []
    if block:
        yield block
