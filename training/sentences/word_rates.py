"""Word-rate cues for the bias model: how often annotators marked a word as biased.

BABE's ``biased_words`` say *which* words made a sentence biased. For each word-unigram bucket
(the same hashing as the word n-gram block), and with ``spec.rate_prefix`` also for each bucket
of words' first letters, the rate is ``marked / (sentences containing it + 2)``
over the rows a model is fitted on; :func:`newsdesk.models.features.rate_features` turns a
sentence's rates into three cues (max, sum, count >= 0.25). So that a training row's cues never
come from its own annotation, the rows a model is fitted on get their cues from a table built on
the other folds of those rows (5-fold, seeded); rows it is scored on use the table of all the
fitted rows. The shipped tables (all rows) go into ``bias.npz`` as ``rates`` and
``prefix_rates``.
"""

from __future__ import annotations

import numpy as np

from newsdesk.models import features as F
from newsdesk.models.features import FeatureSpec, Lexicon

FOLDS = 5
SMOOTH = 2.0


class _Keyed:
    """One kind of key (word bucket or prefix bucket): its tokens and each row's marked keys."""

    def __init__(self, buckets, tok_sent, marked, n, n_word):
        self.buckets, self.tok_sent, self.marked = buckets, tok_sent, marked
        pairs = np.unique(tok_sent * n_word + buckets)
        self.occ_sent = pairs // n_word
        self.occ_bucket = pairs % n_word
        self.n, self.n_word = n, n_word

    def table(self, rows: np.ndarray) -> np.ndarray:
        inside = np.zeros(self.n, dtype=bool)
        inside[rows] = True
        occ = np.bincount(self.occ_bucket[inside[self.occ_sent]], minlength=self.n_word)
        marked = [self.marked[i] for i in rows if len(self.marked[i])]
        mk = (np.bincount(np.concatenate(marked), minlength=self.n_word) if marked
              else np.zeros(self.n_word))
        return (mk / (occ + SMOOTH)).astype(np.float16).astype(np.float64)

    def cues(self, rows: np.ndarray, table: np.ndarray) -> np.ndarray:
        pos = np.full(self.n, -1, dtype=np.int64)
        pos[rows] = np.arange(len(rows))
        keep = pos[self.tok_sent] >= 0
        return F.rate_features(self.buckets[keep], pos[self.tok_sent[keep]], len(rows), table)


class RateData:
    """Rate keys of every token of ``texts`` and the marked keys of each sentence."""

    def __init__(self, texts: list[str], marked_words: list[list[str]], spec: FeatureSpec,
                 lex: Lexicon):
        b = F._batch(list(texts), lex)
        self.n = b.n
        marked_b = [F._batch([" ".join(words)], lex) if words else None
                    for words in marked_words]
        empty = np.zeros(0, dtype=np.int64)

        def keys_of(mb, fn):
            return np.unique(fn(mb)) if mb is not None else empty

        word = lambda bb: F.unigram_buckets(bb, spec)  # noqa: E731
        self.kinds = [_Keyed(word(b), b.tok_sent, [keys_of(mb, word) for mb in marked_b],
                             b.n, spec.n_word)]
        if spec.rate_prefix:
            prefix = lambda bb: F.prefix_buckets(bb, spec)[0]  # noqa: E731
            pb, ps = F.prefix_buckets(b, spec)
            self.kinds.append(_Keyed(pb, ps, [keys_of(mb, prefix) for mb in marked_b],
                                     b.n, spec.n_word))

    def table(self, rows: np.ndarray) -> list[np.ndarray]:
        """Per key kind, the rate of every bucket over sentences ``rows``."""
        return [k.table(rows) for k in self.kinds]

    def cues(self, rows: np.ndarray, tables: list[np.ndarray]) -> np.ndarray:
        """The rate-cue columns of sentences ``rows`` (in that order) under ``tables``."""
        return np.hstack([k.cues(rows, t) for k, t in zip(self.kinds, tables)])

    def fitted_cues(self, rows: np.ndarray, y: np.ndarray, seed: int) -> np.ndarray:
        """Cues of the rows a model is fitted on, each from tables over the other folds."""
        from sklearn.model_selection import StratifiedKFold

        out = np.zeros((len(rows), len(F.RATE_NAMES) * len(self.kinds)))
        skf = StratifiedKFold(FOLDS, shuffle=True, random_state=seed)
        for tr, te in skf.split(rows, y[rows]):
            out[te] = self.cues(rows[te], self.table(rows[tr]))
        return out
