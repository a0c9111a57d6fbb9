"""Averaged structured perceptron over hashed features with constrained first-order Viterbi."""

from __future__ import annotations

import numpy as np

from newsdesk.models.ner import allowed_transitions, viterbi


class Perceptron:
    def __init__(self, n_buckets: int, tags: tuple[str, ...]):
        self.tags = tags
        t = len(tags)
        self.w = np.zeros((n_buckets, t))
        self.u = np.zeros((n_buckets, t))  # sum of c * update, for averaging
        self.trans = np.zeros((t + 1, t))  # row 0: start
        self.trans_u = np.zeros((t + 1, t))
        self.c = 1
        self.mask_start, self.mask = allowed_transitions(tags)

    def emissions(self, ids: np.ndarray, starts: np.ndarray, w: np.ndarray) -> np.ndarray:
        return np.add.reduceat(w[ids], starts, axis=0)

    def decode(self, ids, starts, w=None, trans=None) -> np.ndarray:
        w = self.w if w is None else w
        trans = self.trans if trans is None else trans
        e = self.emissions(ids, starts, w)
        return viterbi(e, trans[0] + self.mask_start, trans[1:] + self.mask)

    def update(self, ids, starts, gold: np.ndarray, weight: float) -> bool:
        pred = self.decode(ids, starts)
        diff = np.nonzero(pred != gold)[0]
        if len(diff):
            ends = np.append(starts[1:], len(ids))
            for t in diff:
                row = ids[starts[t] : ends[t]]
                np.add.at(self.w, (row, gold[t]), weight)
                np.add.at(self.w, (row, pred[t]), -weight)
                np.add.at(self.u, (row, gold[t]), self.c * weight)
                np.add.at(self.u, (row, pred[t]), -self.c * weight)
            gp = np.concatenate([[-1], gold[:-1]]) + 1
            pp = np.concatenate([[-1], pred[:-1]]) + 1
            np.add.at(self.trans, (gp, gold), weight)
            np.add.at(self.trans, (pp, pred), -weight)
            np.add.at(self.trans_u, (gp, gold), self.c * weight)
            np.add.at(self.trans_u, (pp, pred), -self.c * weight)
        self.c += 1
        return bool(len(diff))

    def averaged(self) -> tuple[np.ndarray, np.ndarray]:
        return self.w - self.u / self.c, self.trans - self.trans_u / self.c
