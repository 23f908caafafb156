"""PETRARCH-2 validation records (``petrarch-validation/petr2-gsr/PETR2_GSR_validation.xml``).

The file is not well-formed XML (a self-closed ``<Sentence .../>`` followed by a stray ``</Sentence>``), so
it is read the way the upstream tools read it: split on ``<Sentence `` and pick each record's attributes,
``<Text>`` and ``<EventCoding .../>`` lines with regular expressions. ``noevents="True"`` codings and
sentences without codings expect no event. A record with an empty ``<Text>`` (there is one) gets its
text back from its CoNLL-U ``<Parse>`` (word forms, honouring ``SpaceAfter=No``).
"""

from __future__ import annotations

import re
from pathlib import Path

from petrel.evaluation.records import PetrCoding, PetrSentence

PETR2_FILE = Path("petrarch-validation") / "petr2-gsr" / "PETR2_GSR_validation.xml"

_RECORD_SPLIT = re.compile(r"<Sentence\s")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)
_CODING = re.compile(r"<EventCoding\s([^>]*?)/?>")
_PARSE = re.compile(r"<Parse>(.*?)</Parse>", re.S)


def read_petr2(eval_dir: Path) -> list[PetrSentence]:
    """Every sentence record of the PETR-2 GSR, in file order (the header before the first is skipped)."""
    content = (eval_dir / PETR2_FILE).read_text(encoding="utf-8")
    chunks = _RECORD_SPLIT.split(content)[1:]
    return [s for s in (_sentence(c) for c in chunks) if s is not None]


def _sentence(chunk: str) -> PetrSentence | None:
    head = chunk.split(">", 1)[0]
    attrs = dict(_ATTR.findall(head))
    found = _TEXT.search(chunk)
    if found is None or "id" not in attrs:
        return None
    text = " ".join(found.group(1).split()) or _text_from_parse(chunk)
    return PetrSentence(
        sentence_id=attrs["id"],
        category=attrs.get("category", ""),
        date=attrs.get("date"),
        text=text,
        codings=tuple(c for c in (_coding(m) for m in _CODING.findall(chunk)) if c is not None),
    )


def _coding(attr_text: str) -> PetrCoding | None:
    attrs = dict(_ATTR.findall(attr_text))
    if attrs.get("noevents", "").lower() == "true" or "eventcode" not in attrs:
        return None
    return PetrCoding(attrs["eventcode"].strip(), attrs.get("sourcecode", "").strip().upper(),
                      attrs.get("targetcode", "").strip().upper())


def _text_from_parse(chunk: str) -> str:
    parse = _PARSE.search(chunk)
    pieces: list[str] = []
    for line in (parse.group(1).splitlines() if parse else []):
        cols = line.split("\t")
        if len(cols) >= 10 and cols[0].isdigit():
            pieces.append(cols[1] + ("" if "SpaceAfter=No" in cols[9] else " "))
    return "".join(pieces).strip()
