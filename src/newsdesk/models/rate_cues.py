"""Rate cues: per-sentence max / sum / count of a per-model table over word buckets (numpy only).

A model with ``FeatureSpec(rate_cues=True)`` ships a table with one rate per word-unigram bucket
(the same hashing as the word n-gram block of :mod:`newsdesk.models.features`), and with
``rate_prefix=N`` a second one over the buckets of words' first N letters. The bias model's
tables say how often BABE's annotators marked a word as biased (built by
``training/sentences/word_rates.py``). These columns come last in the feature layout.
"""

from __future__ import annotations

import zlib
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # pragma: no cover
    from .features import FeatureSpec, _Batch

#: Cues over a rate table (``FeatureSpec.rate_cues``), per table.
RATE_NAMES: tuple[str, ...] = ("rate_max", "rate_sum", "rate_count")
RATE_CUT = 0.25  # a word counts for ``rate_count`` at this rate or above


def unigram_buckets(b: "_Batch", spec: "FeatureSpec") -> np.ndarray:
    """The word-unigram bucket of every token position (the first block's columns)."""
    if not len(b.tok_ids):
        return np.zeros(0, dtype=np.int64)
    return (b.hashes[b.tok_ids] & np.uint64(spec.n_word - 1)).astype(np.int64)


def prefix_buckets(b: "_Batch", spec: "FeatureSpec") -> tuple[np.ndarray, np.ndarray]:
    """(bucket, sentence) of every token that starts with a letter, the bucket hashing the
    token's first ``spec.rate_prefix`` characters (so "radical", "radicals" and "radicalised"
    share a rate); other tokens are left out."""
    p, mask = spec.rate_prefix, spec.n_word - 1
    table = np.fromiter((zlib.crc32(t[:p].encode("utf-8")) & mask if t[0].isalpha() else -1
                         for t in b.vocab), dtype=np.int64, count=len(b.vocab))
    if not len(b.tok_ids):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    per_pos = table[b.tok_ids]
    keep = per_pos >= 0
    return per_pos[keep], b.tok_sent[keep]


def rate_cue_block(b: "_Batch", spec: "FeatureSpec", rates, prefix_rates) -> np.ndarray:
    """All rate-cue columns of a batch, shape (n, spec.n_rate_cues); missing tables count 0."""
    zeros = np.zeros(spec.n_word)
    out = [rate_features(unigram_buckets(b, spec), b.tok_sent, b.n,
                         zeros if rates is None else rates)]
    if spec.rate_prefix:
        pb, ps = prefix_buckets(b, spec)
        out.append(rate_features(pb, ps, b.n, zeros if prefix_rates is None else prefix_rates))
    return np.hstack(out)


def rate_features(buckets: np.ndarray, tok_sent: np.ndarray, n: int,
                  rates: np.ndarray) -> np.ndarray:
    """``RATE_NAMES`` per sentence: the largest rate of its words, their sum (capped at 3,
    over 3) and how many reach ``RATE_CUT`` (capped at 3, over 3); shape (n, 3)."""
    out = np.zeros((n, len(RATE_NAMES)))
    if n == 0 or not len(buckets):
        return out
    r = rates[buckets].astype(np.float64)
    np.maximum.at(out[:, 0], tok_sent, r)
    out[:, 1] = np.minimum(np.bincount(tok_sent, weights=r, minlength=n), 3.0) / 3.0
    out[:, 2] = np.minimum(np.bincount(tok_sent, weights=r >= RATE_CUT, minlength=n),
                           3.0) / 3.0
    return out
