"""The training corpus: written sentences with a PLOVER type (or ``NONE``) and mode, read, checked,
deduplicated and split. No torch here, so the scorer can read the synthetic test split too."""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from petrel.model.labels import MODES, NONE, TYPE_LABELS, mode_label

_KEY = re.compile(r"[a-z0-9]+")
SEED = 13  # the split and the training run use it; `make model` reproduces the shipped weights with it


@dataclass(frozen=True, slots=True)
class Row:
    """One labelled sentence of the written corpus."""

    text: str
    type: str
    mode: str | None
    status: str
    source: str | None
    target: str | None
    near_miss: bool
    origin: str  # file it came from, relative to the corpus folder

    @property
    def mode_label(self) -> str:
        return mode_label(self.type, self.mode)


def text_key(text: str) -> str:
    """What two sentences must share to count as the same sentence (case, punctuation ignored)."""
    return " ".join(_KEY.findall(text.lower()))


#: CAMEO's convention, which PLOVER and petrel's rules follow: a promised or planned act of cooperation is
#: an agreement (CAMEO 03x "express intent to ..."), a promised or planned act of force a threat (13x). The
#: writers labelled the act itself with status future/hypothetical; the loader applies the convention.
INTENT_TYPES = frozenset({"AID", "COOPERATE", "RETREAT", "CONCEDE", "SUPPORT"})
HOSTILE_TYPES = frozenset({"ASSAULT", "COERCE", "SANCTION"})
ANNOUNCED = frozenset({"future", "hypothetical"})


def conventional(row: Row) -> Row:
    """``row`` with the intent convention applied (see :data:`INTENT_TYPES`)."""
    if row.status not in ANNOUNCED:
        return row
    if row.type in INTENT_TYPES:
        return Row(row.text, "AGREE", None, row.status, row.source, row.target, row.near_miss, row.origin)
    if row.type in HOSTILE_TYPES:
        mode = "violence" if row.type == "ASSAULT" else None
        return Row(row.text, "THREATEN", mode, row.status, row.source, row.target, row.near_miss, row.origin)
    return row


def read_rows(paths: list[Path], root: Path) -> tuple[list[Row], list[str]]:
    """Rows of every JSONL file, and one problem line per row that was dropped (bad label, bad JSON)."""
    rows: list[Row] = []
    problems: list[str] = []
    for path in sorted(paths):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path.relative_to(root)}:{n}"
            try:
                item = json.loads(line)
                row = Row(text=item["text"].strip(), type=item["type"], mode=item.get("mode"),
                          status=item.get("status") or "actual", source=item.get("source"),
                          target=item.get("target"), near_miss=bool(item.get("near_miss")),
                          origin=str(path.relative_to(root)))
            except (ValueError, KeyError, AttributeError, TypeError) as exc:
                problems.append(f"{where}: {exc}")
                continue
            if row.type not in TYPE_LABELS:
                problems.append(f"{where}: unknown type {row.type!r}")
                continue
            if row.mode and row.mode not in MODES.get(row.type, ()):
                row = Row(row.text, row.type, None, row.status, row.source, row.target, row.near_miss, row.origin)
            rows.append(conventional(row))
    return rows, problems


def dedupe(rows: list[Row], banned: set[str] = frozenset()) -> list[Row]:
    """First of each sentence (by :func:`text_key`), without any sentence whose key is in ``banned``."""
    seen = set(banned)
    out = []
    for row in rows:
        key = text_key(row.text)
        if key not in seen:
            seen.add(key)
            out.append(row)
    return out


def split(rows: list[Row], share: float, seed: int) -> tuple[list[Row], list[Row]]:
    """``(train, valid)``: ``share`` of each type goes to ``valid``, drawn with ``seed``."""
    by_type: dict[str, list[Row]] = defaultdict(list)
    for row in rows:
        by_type[row.type].append(row)
    rng = random.Random(seed)
    train, valid = [], []
    for label in sorted(by_type):
        group = by_type[label][:]
        rng.shuffle(group)
        cut = max(1, round(len(group) * share))
        valid += group[:cut]
        train += group[cut:]
    return train, valid


def corpus_digest(rows: list[Row]) -> str:
    """A hash of the texts and labels a model was trained on (recorded in its labels file)."""
    h = hashlib.sha256()
    for row in rows:
        h.update(f"{row.text}\t{row.type}\t{row.mode_label}\n".encode())
    return h.hexdigest()[:16]


def load_corpus(folder: Path) -> tuple[list[Row], list[Row], list[str]]:
    """``(train rows, test rows, problems)`` from ``folder``: ``test/*.jsonl`` is the synthetic test split
    (written first, never trained on); every other ``*.jsonl`` under ``corpus/`` is training data. A training
    sentence that repeats a test sentence is dropped."""
    test, problems = read_rows(list((folder / "test").glob("*.jsonl")), folder)
    test = dedupe(test)
    train, more = read_rows(list((folder / "corpus").rglob("*.jsonl")), folder)
    train = dedupe(train, banned={text_key(r.text) for r in test})
    return train, test, problems + more


def _find(text: str, part: str | None) -> tuple[int, int] | None:
    if not part:
        return None
    at = text.find(part)
    if at < 0:  # a register frame may have lower-cased a sentence-initial "The ..."
        at = text.lower().find(part.lower())
    return (at, at + len(part)) if at >= 0 else None


def side_spans(row: Row) -> tuple[tuple[int, int] | None, tuple[int, int] | None, bool]:
    """``(source span, target span, annotated)``: character spans of the row's ``source`` and ``target`` in
    its text (first occurrence), and whether the span head learns from the row at all.

    A sentence with no event (``NONE``) and an event whose writer recorded at least one side are annotated:
    a side left empty there is read as "the sentence names no such party" and its pieces are tagged O. An
    event with *both* sides empty (the ``lead`` and many ``other`` lines, written before sides were recorded)
    is not: its parties may well be named, so the span head ignores it (it still trains the type head)."""
    source, target = _find(row.text, row.source), _find(row.text, row.target)
    annotated = row.type == NONE or bool(row.source) or bool(row.target)
    return source, target, annotated
