"""MinHash signatures, LSH band keys and connected components."""

from __future__ import annotations

import pytest

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from petrel.dedup.components import connected_components, constrained_components
from petrel.dedup.minhash import MinHasher, estimated_jaccard, from_blobs, to_blob

TEXT = ("The army said on Monday that gunmen attacked a base near the northern town and were repelled after "
        "a two hour battle in which six soldiers died and several were wounded, officials told reporters.")


def test_identical_texts_have_identical_signatures_and_bands() -> None:
    hasher = MinHasher()
    sigs = hasher.signatures([TEXT, TEXT.upper()])
    assert estimated_jaccard(sigs[0], sigs[1]) == 1.0
    assert (hasher.band_keys(sigs)[0] == hasher.band_keys(sigs)[1]).all()


def test_signatures_are_the_same_in_every_run() -> None:
    assert (MinHasher().signatures([TEXT]) == MinHasher().signatures([TEXT])).all()


def test_unrelated_texts_are_not_similar() -> None:
    other = "Protesters marched through the capital demanding the resignation of the finance minister today."
    sigs = MinHasher().signatures([TEXT, other])
    assert estimated_jaccard(sigs[0], sigs[1]) < 0.1


def test_empty_text_is_similar_to_nothing() -> None:
    sigs = MinHasher().signatures(["", TEXT])
    assert estimated_jaccard(sigs[0], sigs[1]) == 0.0


def test_blobs_round_trip() -> None:
    sigs = MinHasher().signatures([TEXT, "other words here"])
    assert (from_blobs([to_blob(s) for s in sigs]) == sigs).all()


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 60), st.integers(0, 60), st.integers(0, 60))
def test_estimate_is_close_to_the_true_jaccard(shared: int, only_a: int, only_b: int) -> None:
    hasher = MinHasher(shingle_words=1)
    words = [f"w{i}" for i in range(shared + only_a + only_b)]
    a = " ".join(words[: shared + only_a])
    b = " ".join(words[:shared] + words[shared + only_a:])
    union = shared + only_a + only_b
    if not a or not b or union == 0:
        return
    truth = shared / union
    sigs = hasher.signatures([a, b])
    assert abs(estimated_jaccard(sigs[0], sigs[1]) - truth) < 0.2


def _reference(n: int, edges: list[tuple[int, int]]) -> list[int]:
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            x = parent[x]
        return x

    for a, b in edges:
        ra, rb = find(a), find(b)
        parent[max(ra, rb)] = min(ra, rb)
    return [find(x) for x in range(n)]


@settings(max_examples=50, deadline=None)
@given(st.integers(1, 40).flatmap(lambda n: st.tuples(
    st.just(n), st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=60))))
def test_components_match_a_reference_union_find(case: tuple[int, list[tuple[int, int]]]) -> None:
    n, edges = case
    u = np.array([a for a, _ in edges], dtype=np.int64)
    v = np.array([b for _, b in edges], dtype=np.int64)
    assert connected_components(n, u, v).tolist() == _reference(n, edges)


def test_constrained_components_never_join_a_cannot_link_pair() -> None:
    # 0-1-2 chain where 0 and 2 cannot be together: the better edge (1, 0) wins
    roots = constrained_components([0, 1, 2], [(0, 1, 0.9, 2), (1, 2, 0.8, 2)], [(0, 2)])
    assert roots[0] == roots[1] != roots[2]


def test_constrained_ties_go_to_the_better_attested_pair() -> None:
    roots = constrained_components([0, 1, 2], [(0, 1, 0.8, 2), (1, 2, 0.8, 5)], [(0, 2)])
    assert roots[1] == roots[2] != roots[0]


@pytest.mark.parametrize("months", [False, True])
def test_blocking_finds_every_pair_the_pair_test_accepts(con, months: bool) -> None:
    """Candidate generation (keys, NumPy expansion, cheap filters) loses no compatible pair.

    With ``months``, a tenth of the day dates become their month (a day may match the month holding it).
    """
    import importlib.util
    import sys
    from pathlib import Path

    from petrel.config import Settings
    from petrel.dedup import compat, merge

    bench = Path(__file__).resolve().parents[2] / "bench" / "dedup_scale.py"
    spec = importlib.util.spec_from_file_location("dedup_scale", bench)
    module = importlib.util.module_from_spec(spec)
    sys.modules["dedup_scale"] = module
    spec.loader.exec_module(module)
    module.load(con, *module.synthetic(3000, seed=5))
    if months:
        con.execute("""UPDATE event_mentions SET date_start = date_trunc('month', date_start),
                       date_end = last_day(date_start), date_precision = 'month'
                       WHERE date_start = date_end AND hash(mention_id) % 10 = 0""")
    cfg = Settings()
    merge._seed(con, cfg, True)
    merge._affected(con, cfg, True)
    merge._nodes(con)
    original = merge._keep_best_links_of_vague_nodes
    try:
        merge._keep_best_links_of_vague_nodes = lambda _con: None
        merge._pairs(con, cfg)
    finally:
        merge._keep_best_links_of_vague_nodes = original
    found = set(con.execute("SELECT na, nb FROM dd_pairs").fetchall())
    every = set(con.execute(f"""SELECT a.node_id, b.node_id FROM dd_slim a JOIN dd_slim b ON a.node_id < b.node_id
                                WHERE {compat.pair_predicate(3, 14)}""").fetchall())
    assert every and found == every
