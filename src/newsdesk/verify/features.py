"""Features of a (claim, evidence) pair for the stance model, shared by training and inference.

Two parts, both numpy-only:

* dense signals (``DENSE_NAMES``): word overlap, TF-IDF cosine, number/year/name mismatches,
  negation mismatch, WordNet antonyms, hedging, lengths, and soft overlap through stem vectors
  learned from the training texts (``training/stance/embeddings.py``; shipped in ``stance.npz``);
* hashed sparse indicators: claim words, evidence words and bigrams, shared stems, and
  claim-word x evidence-word pairs (the classic lexical NLI cross features), hashed with CRC32
  into ``2**HASH_BITS`` columns.
"""

from __future__ import annotations

import itertools
import math
import zlib

import numpy as np

from .align import align
from .text import NEGATIONS, TextInfo, analyse

HASH_BITS = 17
N_HASH = 1 << HASH_BITS

DENSE_NAMES = (
    "bias",
    "overlap_claim",  # share of claim content stems found in the evidence
    "overlap_evidence",
    "jaccard",
    "tfidf_cosine",
    "bigram_overlap",
    "number_match",
    "number_mismatch",
    "year_match",
    "year_mismatch",
    "names_missing",
    "claim_negated",
    "evidence_negated",
    "negation_mismatch",
    "antonyms",
    "evidence_hedged",
    "log_claim_len",
    "log_evidence_len",
    "evidence_is_title",  # a quoted headline/citation rather than a statement
    "embed_max_sim",  # idf-weighted mean over claim stems of the best cosine to an evidence stem
    "embed_unmatched_sim",  # the same over the claim stems the evidence lacks
    "embed_centroid_cos",  # cosine of the two mean stem vectors
    "embed_mean_sim",  # mean cosine over all claim x evidence stem pairs
)
#: Number of trailing ``DENSE_NAMES`` that come from the stem vectors.
N_EMBED = 4


class StemVectors:
    """Unit vectors of word stems (rows of ``vectors``, one per ``vocab`` entry)."""

    def __init__(self, vocab, vectors: np.ndarray):
        self.index = {str(w): i for i, w in enumerate(vocab)}
        self.vectors = np.asarray(vectors, dtype=np.float32)


def embed_features(claim: TextInfo, evidence: TextInfo, vectors: StemVectors | None,
                   idf: dict[str, float] | None, default_idf: float) -> list[float]:
    if vectors is None:
        return [0.0] * N_EMBED
    index = vectors.index
    cw = [w for w in dict.fromkeys(claim.content) if w in index]
    ew = [w for w in dict.fromkeys(evidence.content) if w in index]
    if not cw or not ew:
        return [0.0] * N_EMBED
    cv = vectors.vectors[[index[w] for w in cw]]
    ev = vectors.vectors[[index[w] for w in ew]]
    sim = cv @ ev.T
    wts = np.asarray([(idf or {}).get(w, default_idf) for w in cw], dtype=np.float32)
    best = sim.max(axis=1)
    present = set(evidence.content)
    missing = np.asarray([w not in present for w in cw])
    unmatched = float((best * wts)[missing].sum() / wts[missing].sum()) if missing.any() else 1.0
    cm, em = cv.mean(axis=0), ev.mean(axis=0)
    centroid = float(cm @ em / (np.linalg.norm(cm) * np.linalg.norm(em) + 1e-9))
    return [float((best * wts).sum() / wts.sum()), unmatched, centroid, float(sim.mean())]


def _h(key: str) -> int:
    return zlib.crc32(key.encode("utf-8")) & (N_HASH - 1)


def _bigrams(words: list[str]) -> set[tuple[str, str]]:
    return set(itertools.pairwise(words))


def dense_features(claim: TextInfo, evidence: TextInfo, idf: dict[str, float] | None,
                   default_idf: float) -> list[float]:
    c, e = set(claim.content), set(evidence.content)
    shared = c & e
    a = align(claim, evidence)
    if idf is not None:
        def vec(words: list[str]) -> dict[str, float]:
            out: dict[str, float] = {}
            for w in words:
                out[w] = out.get(w, 0.0) + idf.get(w, default_idf)
            return out

        vc, ve = vec(claim.content), vec(evidence.content)
        dot = sum(vc[w] * ve[w] for w in shared)
        norm = math.sqrt(sum(v * v for v in vc.values())) * math.sqrt(sum(v * v for v in ve.values()))
        cosine = dot / norm if norm else 0.0
    else:
        cosine = 0.0
    cb, eb = _bigrams(claim.content), _bigrams(evidence.content)
    text = evidence.text.strip()
    return [
        1.0,
        len(shared) / len(c) if c else 0.0,
        len(shared) / len(e) if e else 0.0,
        len(shared) / len(c | e) if c | e else 0.0,
        cosine,
        len(cb & eb) / len(cb) if cb else 0.0,
        float(min(a.number_match, 2)),
        float(min(a.number_mismatch, 2)),
        float(min(a.year_match, 2)),
        float(min(a.year_mismatch, 2)),
        a.names_missing,
        float(claim.negated),
        float(evidence.negated),
        float(a.negation_mismatch),
        float(min(a.antonyms, 2)),
        float(evidence.hedged),
        math.log1p(len(claim.words)) / 4,
        math.log1p(len(evidence.words)) / 4,
        float(text[:1] in "\"“" and len(evidence.words) < 25),
    ]


def hashed_features(claim: TextInfo, evidence: TextInfo) -> list[int]:
    """Column indices (with repeats) of the sparse indicator features."""
    keys: list[str] = []
    c_set, e_set = set(claim.content), set(evidence.content)
    neg_c = [w for w in claim.words if w in NEGATIONS]
    neg_e = [w for w in evidence.words if w in NEGATIONS]
    keys += [f"c:{w}" for w in c_set] + [f"cn:{w}" for w in neg_c]
    keys += [f"e:{w}" for w in e_set] + [f"en:{w}" for w in neg_e]
    keys += [f"eb:{a}_{b}" for a, b in _bigrams(evidence.content)]
    keys += [f"s:{w}" for w in c_set & e_set]
    only_c = sorted(c_set - e_set)[:12]
    only_e = sorted(e_set - c_set)[:30]
    keys += [f"x:{a}|{b}" for a in only_c for b in only_e]
    return [_h(k) for k in keys]


def pair_features(claim: str, evidence: str, idf: dict[str, float] | None = None,
                  default_idf: float = 1.0, vectors: StemVectors | None = None
                  ) -> tuple[np.ndarray, np.ndarray]:
    """(dense vector, hashed column indices) for one pair."""
    c, e = analyse(claim), analyse(evidence)
    dense = np.asarray(dense_features(c, e, idf, default_idf)
                       + embed_features(c, e, vectors, idf, default_idf), dtype=np.float32)
    cols = np.unique(np.asarray(hashed_features(c, e), dtype=np.int64))
    return dense, cols
