"""MinHash signatures of word 5-shingles, in numpy, for near-duplicate detection.

Syndicated copies and republished pieces share almost all their word 5-grams even under a new
headline or with a paragraph cut. ``signature(text)`` is the minimum, over the text's shingles, of
``PERMUTATIONS`` multiply-shift hashes; the share of equal positions in two signatures estimates
the Jaccard similarity of their shingle sets. ``band_keys`` cuts a signature into ``BANDS`` bands
of ``ROWS`` rows for locality-sensitive lookup: two texts with Jaccard 0.6 share a band with
probability 1 - (1 - 0.6**4)**32 = 0.99, with Jaccard 0.2 with probability 0.05.
"""

from __future__ import annotations

import re
import zlib
from functools import lru_cache

import numpy as np

SHINGLE = 5
BANDS = 32
ROWS = 4
PERMUTATIONS = BANDS * ROWS
_WORD = re.compile(r"\w+")
_MASK32 = np.uint64(0xFFFFFFFF)


@lru_cache(maxsize=1)
def _params() -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(20260203)  # fixed: signatures must be comparable across runs
    a = rng.integers(1, 2**63, size=PERMUTATIONS, dtype=np.uint64) | np.uint64(1)
    b = rng.integers(0, 2**63, size=PERMUTATIONS, dtype=np.uint64)
    return a, b


def shingles(text: str) -> np.ndarray:
    """Stable 32-bit hashes of the text's lower-cased word 5-grams (unique, uint64)."""
    words = _WORD.findall(text.lower())
    if not words:
        return np.zeros(0, dtype=np.uint64)
    hashes = np.fromiter((zlib.crc32(w.encode("utf-8")) for w in words), dtype=np.uint64,
                         count=len(words))
    k = min(SHINGLE, len(hashes))
    n = len(hashes) - k + 1
    acc = np.zeros(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for i in range(k):
            acc = acc * np.uint64(1_000_003) + hashes[i:i + n]
    return np.unique(acc & _MASK32)


def signature(text: str) -> np.ndarray:
    """The MinHash signature (uint32, ``PERMUTATIONS`` long) of ``text``."""
    values = shingles(text)
    if values.size == 0:
        return np.full(PERMUTATIONS, 0xFFFFFFFF, dtype=np.uint32)
    a, b = _params()
    out = np.empty(PERMUTATIONS, dtype=np.uint32)
    with np.errstate(over="ignore"):
        for start in range(0, PERMUTATIONS, 32):  # bounded memory for long texts
            block = (values[:, None] * a[None, start:start + 32] + b[None, start:start + 32]) >> np.uint64(32)
            out[start:start + 32] = block.min(axis=0).astype(np.uint32)
    return out


def band_keys(sig: np.ndarray) -> list[int]:
    """One signed 63-bit key per band (band number mixed in), for the band index."""
    rows = sig.reshape(BANDS, ROWS)
    keys = []
    for band, row in enumerate(rows):
        digest = zlib.crc32(row.tobytes(), band) | (zlib.adler32(row.tobytes(), band) << 32)
        keys.append(digest & 0x3FFFFFFFFFFFFFFF)
    return keys


def to_bytes(sig: np.ndarray) -> bytes:
    return sig.astype("<u4").tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    return np.frombuffer(data, dtype="<u4")


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the two texts' shingle sets."""
    return float(np.mean(a == b))


def similarities(sig: np.ndarray, others: list[bytes]) -> list[float]:
    """``similarity(sig, from_bytes(o))`` for every ``o`` in ``others``, in one numpy pass."""
    matrix = np.frombuffer(b"".join(others), dtype="<u4").reshape(len(others), -1)
    return [float(v) for v in (matrix == sig).mean(axis=1)]
