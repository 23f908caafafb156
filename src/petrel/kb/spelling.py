"""Is a word a misspelling of a country name, or another name that looks like one?

Place names are often a country name with one letter more or changed: "Lagos" / "Laos", "Portland" /
"Poland", "Granada" / "Grenada", "Nakuru" / "Nauru". A short name therefore only counts as misspelt when a
letter is missing ("Ethopia") or two neighbours are swapped ("Lybia"); a letter added or changed is accepted
from eight letters on ("Phillippines"), two edits from twelve.
"""

from __future__ import annotations

LONG_NAME = 8
VERY_LONG_NAME = 12


def edit_distance(a: str, b: str) -> int:
    """Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            row[j] = min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], prev2[j - 2] + 1)
        prev2, prev = prev, row
    return prev[-1]


def is_misspelling(typed: str, name: str) -> bool:
    """True when ``typed`` is plausibly ``name`` mistyped rather than another name (both normalised)."""
    if typed == name or typed[:1] != name[:1]:
        return False
    distance = edit_distance(typed, name)
    if len(name) >= VERY_LONG_NAME:
        return distance <= 2
    if len(name) >= LONG_NAME:
        return distance <= 1
    return distance == 1 and (len(typed) == len(name) - 1 or _one_swap(typed, name))


def _one_swap(typed: str, name: str) -> bool:
    if len(typed) != len(name):
        return False
    diffs = [i for i, (x, y) in enumerate(zip(typed, name, strict=True)) if x != y]
    return len(diffs) == 2 and diffs[1] == diffs[0] + 1 and typed[diffs[0]] == name[diffs[1]]
