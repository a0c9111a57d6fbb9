"""Word-stem vectors for the stance model's soft-overlap features, learned from the training
texts themselves (no pretrained weights): positive PMI over a +-5 content-stem window, reduced by
truncated SVD to ``DIM`` dimensions and L2-normalised.

Unsupervised (no labels): like the IDF table, it is computed over every claim and evidence of the
training file. In CV by claim on Climate-FEVER the four features it feeds lifted runtime-path
stance macro-F1 on three different fold splits (+0.003, +0.010, +0.013; see training/README.md).
"""

from __future__ import annotations

import collections

import numpy as np
import scipy.sparse as sp
from scipy.sparse.linalg import svds

from newsdesk.verify.text import analyse

DIM = 64
WINDOW = 5
MIN_COUNT = 2


def stem_vectors(texts: list[str]) -> tuple[list[str], np.ndarray]:
    """(vocabulary of stems, (len(vocab), DIM) unit vectors) from ``texts``."""
    toks = [analyse(t).content for t in texts]
    counts = collections.Counter(w for t in toks for w in t)
    vocab = sorted(w for w, c in counts.items() if c >= MIN_COUNT)
    index = {w: i for i, w in enumerate(vocab)}
    rows, cols = [], []
    for t in toks:
        ids = [index[w] for w in t if w in index]
        for a in range(len(ids)):
            for b in range(max(0, a - WINDOW), min(len(ids), a + WINDOW + 1)):
                if a != b:
                    rows.append(ids[a])
                    cols.append(ids[b])
    m = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(vocab), len(vocab))).tocoo()
    total = m.sum()
    row_sum = np.asarray(m.sum(1)).ravel()
    ctx = row_sum ** 0.75
    ctx = ctx / ctx.sum() * total  # context distribution smoothing
    pmi = np.log(m.data * total / (row_sum[m.row] * ctx[m.col]))
    keep = pmi > 0
    ppmi = sp.csr_matrix((pmi[keep], (m.row[keep], m.col[keep])), shape=m.shape)
    u, s, _vt = svds(ppmi, k=DIM, random_state=0)
    vectors = u * np.sqrt(s)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    return vocab, vectors.astype(np.float32)
