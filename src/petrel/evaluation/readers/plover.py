"""PLOVER gold-standard records (``plover-gsr/PLOVER_GSR_CAMEO.json``).

One JSON array; the first record (event ``DOCUMENT``) is the file's header and is skipped. Event names are
PLOVER 0.5b1; :data:`PLOVER_RENAMES` maps the ones current PLOVER renamed or merged. ``source``/``target``
are lists of ``{actorText, code, sector}`` (``target`` may be ``""`` or absent: a reciprocal record lists
both parties as sources). Three country codes of the file are not ISO 3166 alpha-3 (older CAMEO
spellings); :data:`CODE_FIXES` reads them as the ISO codes petrel writes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from petrel.evaluation.records import GoldActor, PloverRecord

PLOVER_FILE = Path("plover-gsr") / "PLOVER_GSR_CAMEO.json"
PLOVER_RENAMES: dict[str, str] = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}
#: non-ISO country codes in the file (Japan, Italy, Vietnam) -> ISO 3166 alpha-3
CODE_FIXES: dict[str, str] = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
HEADER_EVENT = "DOCUMENT"


def read_plover(eval_dir: Path) -> list[PloverRecord]:
    """Every coded sentence of the PLOVER GSR, in file order."""
    raw = json.loads((eval_dir / PLOVER_FILE).read_text(encoding="utf-8"))
    return [_record(r) for r in raw if r.get("event") != HEADER_EVENT]


def _record(raw: dict[str, Any]) -> PloverRecord:
    original = str(raw["event"]).strip().upper()
    return PloverRecord(
        record_id=str(raw["id"]),
        text=" ".join(str(raw["text"]).split()),
        type=PLOVER_RENAMES.get(original, original),
        original_type=original,
        sources=_actors(raw.get("source")),
        targets=_actors(raw.get("target")),
        mode=raw.get("mode") or None,
    )


def _actors(value: Any) -> tuple[GoldActor, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(GoldActor(code=_country(a.get("code")), sector=_code(a.get("sector")), text=a.get("actorText"))
                 for a in value if isinstance(a, dict))


def _country(value: Any) -> str | None:
    code = _code(value)
    return CODE_FIXES.get(code, code) if code else None


def _code(value: Any) -> str | None:
    text = str(value).strip().upper() if value else ""
    return text or None
