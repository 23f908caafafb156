"""MinHash signatures over word shingles and LSH banding, in NumPy.

Words are lower-cased ``\\w+`` runs; a shingle is ``SHINGLE_WORDS`` consecutive words. Each distinct word
gets a stable 32-bit id (CRC-32, the same on every run and machine), shingle hashes are combined from word
ids with 64-bit multiply-xor arithmetic, and the ``NUM_PERM`` permutations are multiply-shift hashes
``(a * x + b) >> 32`` with fixed odd multipliers drawn once from a seeded generator. The fraction of equal
signature slots estimates the Jaccard similarity of two shingle sets. LSH cuts the signature into
``BANDS`` bands of ``ROWS`` slots; two articles are candidates when one band is equal, which catches
pairs above roughly ``(1 / BANDS) ** (1 / ROWS)`` (about 0.42) with high probability.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

SHINGLE_WORDS = 3
NUM_PERM = 128
BANDS = 32
ROWS = NUM_PERM // BANDS
SEED = 20_110_218
_WORD = re.compile(r"\w+", re.UNICODE)
_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9], dtype=np.uint64)
_EMPTY = np.iinfo(np.uint32).max


@dataclass
class MinHasher:
    """Holds the permutation constants; build once and reuse (no module-level state)."""

    num_perm: int = NUM_PERM
    bands: int = BANDS
    shingle_words: int = SHINGLE_WORDS
    seed: int = SEED
    _a: np.ndarray = field(init=False, repr=False)
    _b: np.ndarray = field(init=False, repr=False)

    def __post_init__(self) -> None:
        rng = np.random.default_rng(self.seed)
        self._a = rng.integers(1, 2**63, size=self.num_perm, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
        self._b = rng.integers(0, 2**63, size=self.num_perm, dtype=np.uint64)

    def shingles(self, text: str) -> np.ndarray:
        """Distinct 64-bit shingle hashes of a text (short texts give one shingle of all their words)."""
        words = _WORD.findall(text.lower())
        if not words:
            return np.zeros(0, dtype=np.uint64)
        ids = np.fromiter((zlib.crc32(w.encode()) for w in words), dtype=np.uint64, count=len(words))
        k = min(self.shingle_words, len(ids))
        width = len(ids) - k + 1
        acc = np.zeros(width, dtype=np.uint64)
        with np.errstate(over="ignore"):
            for i in range(k):
                acc = (acc ^ ids[i:i + width]) * _MIX[i % len(_MIX)]
        return np.unique(acc)

    def signature(self, shingles: np.ndarray) -> np.ndarray:
        """``num_perm`` uint32 minima; an empty text gets all-max slots (similar to nothing)."""
        if len(shingles) == 0:
            return np.full(self.num_perm, _EMPTY, dtype=np.uint32)
        with np.errstate(over="ignore"):
            hashed = (shingles[:, None] * self._a[None, :] + self._b[None, :]) >> np.uint64(32)
        return hashed.min(axis=0).astype(np.uint32)

    def signatures(self, texts: Sequence[str]) -> np.ndarray:
        """Signature matrix, one row per text."""
        out = np.empty((len(texts), self.num_perm), dtype=np.uint32)
        for i, text in enumerate(texts):
            out[i] = self.signature(self.shingles(text))
        return out

    def band_keys(self, sigs: np.ndarray) -> np.ndarray:
        """One 64-bit key per (row, band); the band index is mixed in so bands never collide."""
        rows = self.num_perm // self.bands
        parts = sigs.reshape(len(sigs), self.bands, rows).astype(np.uint64)
        key = np.broadcast_to(np.arange(self.bands, dtype=np.uint64)[None, :], parts.shape[:2]).copy()
        with np.errstate(over="ignore"):
            for r in range(rows):
                key = (key ^ parts[:, :, r]) * _MIX[r % len(_MIX)]
        return key


def estimated_jaccard(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Row-wise share of equal slots between two signature matrices (or two signatures)."""
    return (np.asarray(a) == np.asarray(b)).mean(axis=-1)


def to_blob(sig: np.ndarray) -> bytes:
    return np.ascontiguousarray(sig, dtype="<u4").tobytes()


def from_blobs(blobs: Sequence[bytes], num_perm: int = NUM_PERM) -> np.ndarray:
    """Signature matrix from stored little-endian blobs."""
    if not blobs:
        return np.zeros((0, num_perm), dtype=np.uint32)
    return np.frombuffer(b"".join(blobs), dtype="<u4").reshape(len(blobs), num_perm).astype(np.uint32)
