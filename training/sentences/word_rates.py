"""Word-rate cues for the bias model: how often annotators marked a word as biased.

BABE's ``biased_words`` say *which* words made a sentence biased. For each word-unigram bucket
(the same hashing as the word n-gram block) the rate is ``marked / (sentences containing it + 2)``
over the rows a model is fitted on; :func:`newsdesk.models.features.rate_features` turns a
sentence's rates into three cues (max, sum, count >= 0.25). So that a training row's cues never
come from its own annotation, the rows a model is fitted on get their cues from a table built on
the other folds of those rows (5-fold, seeded); rows it is scored on use the table of all the
fitted rows. The shipped table (all rows) goes into ``bias.npz`` as ``rates``.
"""

from __future__ import annotations

import numpy as np

from newsdesk.models import features as F
from newsdesk.models.features import FeatureSpec, Lexicon

FOLDS = 5
SMOOTH = 2.0


class RateData:
    """Unigram buckets per token of ``texts`` and the marked buckets of each sentence."""

    def __init__(self, texts: list[str], marked_words: list[list[str]], spec: FeatureSpec,
                 lex: Lexicon):
        b = F._batch(list(texts), lex)
        self.n = b.n
        self.n_word = spec.n_word
        self.buckets = F.unigram_buckets(b, spec)
        self.tok_sent = b.tok_sent
        self.marked = []
        for words in marked_words:
            mb = F._batch([" ".join(words)], lex) if words else None
            self.marked.append(np.unique(F.unigram_buckets(mb, spec)) if mb else
                               np.zeros(0, dtype=np.int64))
        pairs = np.unique(self.tok_sent * self.n_word + self.buckets)
        self.occ_sent = pairs // self.n_word
        self.occ_bucket = pairs % self.n_word

    def table(self, rows: np.ndarray) -> np.ndarray:
        """The rate of every bucket over sentences ``rows``."""
        inside = np.zeros(self.n, dtype=bool)
        inside[rows] = True
        occ = np.bincount(self.occ_bucket[inside[self.occ_sent]], minlength=self.n_word)
        marked = [self.marked[i] for i in rows if len(self.marked[i])]
        mk = (np.bincount(np.concatenate(marked), minlength=self.n_word) if marked
              else np.zeros(self.n_word))
        return (mk / (occ + SMOOTH)).astype(np.float16).astype(np.float64)

    def cues(self, rows: np.ndarray, table: np.ndarray) -> np.ndarray:
        """``RATE_NAMES`` cues of sentences ``rows`` (in that order) under ``table``."""
        pos = np.full(self.n, -1, dtype=np.int64)
        pos[rows] = np.arange(len(rows))
        keep = pos[self.tok_sent] >= 0
        return F.rate_features(self.buckets[keep], pos[self.tok_sent[keep]], len(rows), table)

    def fitted_cues(self, rows: np.ndarray, y: np.ndarray, seed: int) -> np.ndarray:
        """Cues of the rows a model is fitted on, each from a table over the other folds."""
        from sklearn.model_selection import StratifiedKFold

        out = np.zeros((len(rows), len(F.RATE_NAMES)))
        skf = StratifiedKFold(FOLDS, shuffle=True, random_state=seed)
        for tr, te in skf.split(rows, y[rows]):
            out[te] = self.cues(rows[te], self.table(rows[tr]))
        return out
