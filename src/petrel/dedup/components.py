"""Connected components over integer edge lists, vectorised with NumPy.

Label propagation with pointer jumping: every round each edge pulls both of its ends to the smaller
label, then labels jump to their label's label until stable. Rounds grow with the log of the component
diameter, so the cost stays near linear in the number of edges. A constrained variant (cannot-link:
two groups of the same article that are not identical) is a small pure-Python union-find used only on
the rare clusters that need it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np


def connected_components(n: int, u: np.ndarray, v: np.ndarray) -> np.ndarray:
    """Label of each of ``n`` nodes: the smallest node index of its component."""
    labels = np.arange(n, dtype=np.int64)
    if len(u) == 0:
        return labels
    u = np.asarray(u, dtype=np.int64)
    v = np.asarray(v, dtype=np.int64)
    while True:
        lu, lv = labels[u], labels[v]
        low = np.minimum(lu, lv)
        before = labels.copy()
        np.minimum.at(labels, lu, low)
        np.minimum.at(labels, lv, low)
        labels = _compress(labels)
        if np.array_equal(labels, before):
            return labels


def _compress(labels: np.ndarray) -> np.ndarray:
    """Pointer jumping until every node points at a root."""
    while True:
        nxt = labels[labels]
        if np.array_equal(nxt, labels):
            return labels
        labels = nxt


def constrained_components(nodes: Sequence[int], edges: Iterable[tuple[int, int, float, int]],
                           cannot: Iterable[tuple[int, int]]) -> dict[int, int]:
    """Greedy union-find that never puts a cannot-link pair in one cluster.

    Edges are ``(a, b, score, weight)``, taken best score first, then heaviest (the better-attested pair),
    then smallest ids. Returns node -> root node.
    """
    parent = {n: n for n in nodes}
    members = {n: {n} for n in nodes}
    banned: dict[int, set[int]] = {n: set() for n in nodes}
    for a, b in cannot:
        banned[a].add(b)
        banned[b].add(a)

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b, _score, _weight in sorted(edges, key=lambda e: (-e[2], -e[3], e[0], e[1])):
        ra, rb = find(a), find(b)
        if ra == rb or banned[ra] & members[rb]:
            continue
        low, high = min(ra, rb), max(ra, rb)
        parent[high] = low
        members[low] |= members.pop(high)
        banned[low] |= banned.pop(high)
    return {n: find(n) for n in nodes}
