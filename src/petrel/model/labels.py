"""The event model's label sets: PLOVER types plus ``NONE``, and PLOVER modes (``-`` for none).

Kept in code, not only in the shipped ``labels.json``, so training and inference agree by construction;
the loader checks the file against these tuples.
"""

from __future__ import annotations

from petrel.models import PLOVER_TYPES

NONE = "NONE"
NO_MODE = "-"
TYPE_LABELS: tuple[str, ...] = (NONE, *PLOVER_TYPES)
MODES: dict[str, tuple[str, ...]] = {
    "CONSULT": ("multilateral", "phone", "third-party", "visit"),
    "RETREAT": ("access", "ceasefire", "disarm", "release", "resign", "return", "withdraw"),
    "REQUEST": ("assist", "change", "meet", "yield"),
    "REJECT": ("assist", "change", "meet", "yield"),
    "ACCUSE": ("allege", "disapprove", "investigate"),
    "THREATEN": ("arrest", "ban", "expel", "relations", "restrict", "rights", "territory", "violence"),
    "PROTEST": ("boycott", "demo", "hunger", "obstruct", "riot", "strike"),
    "SANCTION": ("convict", "discontinue", "expel", "withdraw"),
    "MOBILIZE": ("militia", "police", "troops", "weapons"),
    "COERCE": ("arrest", "ban", "censor", "curfew", "cyber", "deport", "misinformation", "restrict", "seize",
               "withhold"),
    "ASSAULT": ("abduct", "aerial", "assassinate", "beat", "cleansing", "crowd-control", "destroy", "drone",
                "execute", "explosives", "firearms", "heavy-weapons", "massacre", "primitive", "sexual",
                "suicide-attack", "torture", "unconventional"),
}
#: one mode head over every (type, mode) pair; ``-`` means no mode
MODE_LABELS: tuple[str, ...] = (NO_MODE, *sorted({f"{t}:{m}" for t, ms in MODES.items() for m in ms}))


def mode_label(event_type: str, mode: str | None) -> str:
    """The mode head's label for a training row (``-`` when the type has no such mode)."""
    if mode and mode in MODES.get(event_type, ()):
        return f"{event_type}:{mode}"
    return NO_MODE
