"""re3d (Dstl): 98 documents on the Syria/Iraq conflicts with entity spans (``re3d/*/documents.json`` and
``entities.json``, one JSON object per line). Each entity carries character offsets into its document's
text, a type and an annotator ``confidence`` (0-1, from crowd validation); a span is often listed twice,
once per candidate type, with the rejected type at confidence 0.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from petrel.evaluation.records import Re3dDocument, Re3dEntity

RE3D_DIR = Path("re3d")


def read_re3d(eval_dir: Path) -> list[Re3dDocument]:
    """Every document with its entities, ordered by source folder then document id."""
    folders = sorted(p for p in (eval_dir / RE3D_DIR).iterdir() if (p / "documents.json").is_file())
    if not folders:
        raise FileNotFoundError(str(eval_dir / RE3D_DIR / "*" / "documents.json"))
    out: list[Re3dDocument] = []
    for folder in folders:
        entities = _entities(folder / "entities.json")
        for doc in sorted(_json_lines(folder / "documents.json"), key=lambda d: d["_id"]):
            out.append(Re3dDocument(doc["_id"], folder.name, doc["text"], tuple(entities.get(doc["_id"], ()))))
    return out


def _entities(path: Path) -> dict[str, list[Re3dEntity]]:
    by_doc: dict[str, list[Re3dEntity]] = defaultdict(list)
    for row in _json_lines(path):
        by_doc[row["documentId"]].append(Re3dEntity(int(row["begin"]), int(row["end"]), row["type"],
                                                    row.get("value", ""), float(row.get("confidence", 1.0))))
    return by_doc


def _json_lines(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]
