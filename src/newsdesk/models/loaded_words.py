"""Loaded-word spotting: which words of a sentence carry loaded / biased wording (numpy only).

    >>> from newsdesk.models.loaded_words import load
    >>> text = "The senator's reckless scheme was slammed by critics."
    >>> load().spans(text)
    [(14, 22, 0.8...), (30, 37, 0.6...)]

A token-level logistic regression over hashed features of each word and its neighbours plus
lexicon cues (VADER valence, wordfreq rarity, BABE's bias-word lexicon). Trained by
``python -m training.sentences.train loaded_words`` on BABE ``biased_words`` and BASIL's
lexical-bias (``bias == "lex"``) phrase spans; shipped as ``artifacts/loaded_words.npz`` +
``loaded_words.json`` + ``loaded_words.card.md`` (and the shared ``loaded_words.lexicon.json``).
Spans are single words; the score is the model's probability that the word is loaded.
"""

from __future__ import annotations

import math
import re
import zlib
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ..errors import ModelError
from ..read.tokens import token_spans
from .artifacts import load_json, load_npz
from .features import Lexicon
from .sentence_classifier import load_lexicon

_ALPHA = re.compile(r"[A-Za-z]")
N_DENSE = 16


def is_word(tok: str) -> bool:
    """Only tokens with a letter can be loaded words."""
    return bool(_ALPHA.search(tok))


def _zipf(lex: Lexicon, w: str) -> float:
    return lex.zipf.get(w, 1.0)


def token_features(tokens: list[str], lex: Lexicon, bits: int):
    """Sparse triples (rows, cols, vals) for every token of one sentence.

    Columns: ``2**bits`` hashed buckets (word, lemma-ish stem, suffix, neighbours, shape,
    valence/frequency bins crossed with the word's shape) then ``N_DENSE`` dense cues.
    """
    mask = (1 << bits) - 1
    low = [t.lower().replace("’", "'") for t in tokens]
    n = len(tokens)
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    crc = zlib.crc32
    dense_base = 1 << bits
    for i, (tok, w) in enumerate(zip(tokens, low)):
        prev = low[i - 1] if i > 0 else "<s>"
        prev2 = low[i - 2] if i > 1 else "<s>"
        nxt = low[i + 1] if i + 1 < n else "</s>"
        val = lex.valence.get(w, 0.0)
        z = _zipf(lex, w)
        zb = int(min(z, 7.9))
        vb = int(round(val))
        cap = "C" if tok[:1].isupper() else "l"
        first = "F" if i == 0 else "-"
        stem = w[:-1] if w.endswith("s") and len(w) > 4 else w
        feats = (
            "w=" + w, "stem=" + stem[:6], "suf3=" + w[-3:], "suf2=" + w[-2:], "pre4=" + w[:4],
            "p=" + prev, "n=" + nxt, "pw=" + prev + "|" + w, "wn=" + w + "|" + nxt,
            "p2=" + prev2, "z=%d%s%s" % (zb, cap, first), "v=%d" % vb,
            "vz=%d|%d" % (vb, zb), "len=%d" % min(len(w), 12),
            "pv=%d" % round(lex.valence.get(prev, 0.0)), "nv=%d" % round(lex.valence.get(nxt, 0.0)),
        )
        for f in feats:
            rows.append(i)
            cols.append(crc(f.encode("utf-8")) & mask)
            vals.append(0.25)
        dense = (
            abs(val) / 4.0, max(val, 0.0) / 4.0, max(-val, 0.0) / 4.0, z / 8.0,
            1.0 if z < 3.0 else 0.0, 1.0 if z > 5.5 else 0.0,
            1.0 if w in lex.biased else 0.0, 1.0 if stem in lex.biased else 0.0,
            1.0 if cap == "C" and i > 0 else 0.0, 1.0 if i == 0 else 0.0,
            1.0 if w.endswith("ly") else 0.0, 1.0 if w.endswith("ing") else 0.0,
            1.0 if w.endswith("ed") else 0.0, math.log1p(len(w)) / 3.0,
            1.0 if "-" in w else 0.0, 1.0,
        )
        for j, v in enumerate(dense):
            if v:
                rows.append(i)
                cols.append(dense_base + j)
                vals.append(v)
    return rows, cols, vals


@dataclass(frozen=True)
class LoadedWordModel:
    """Scores each word of a text span; ``spans`` keeps those at or above ``threshold``."""

    weights: np.ndarray
    bias: float
    bits: int
    threshold: float
    version: str
    lexicon: Lexicon

    def word_scores(self, text: str, start: int = 0, end: int | None = None
                    ) -> list[tuple[int, int, float]]:
        """Every word token of ``text[start:end]`` with its probability of being loaded."""
        end = len(text) if end is None else end
        if not 0 <= start <= end <= len(text):
            raise ValueError(f"bad span [{start}, {end}) for a text of length {len(text)}")
        spans = [(s, e) for s, e in token_spans(text, start, end)]
        if not spans:
            return []
        tokens = [text[s:e] for s, e in spans]
        rows, cols, vals = token_features(tokens, self.lexicon, self.bits)
        z = np.bincount(np.asarray(rows, dtype=np.int64),
                        weights=np.asarray(vals) * self.weights[np.asarray(cols, dtype=np.int64)],
                        minlength=len(tokens)) + self.bias
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -40.0, 40.0)))
        return [(s, e, float(pi)) for (s, e), tok, pi in zip(spans, tokens, p) if is_word(tok)]

    def spans(self, text: str, start: int = 0, end: int | None = None
              ) -> list[tuple[int, int, float]]:
        """(start, end, score) offsets into ``text`` of the loaded words in ``text[start:end]``."""
        return [x for x in self.word_scores(text, start, end) if x[2] >= self.threshold]


@lru_cache(maxsize=1)
def load() -> LoadedWordModel:
    """The shipped loaded-word model; cached per process."""
    meta = load_json("loaded_words.json")
    arrays = load_npz("loaded_words.npz")
    try:
        bits = int(meta["bits"])
        weights = arrays["weights"].astype(np.float64)
        model = LoadedWordModel(weights, float(meta["bias"]), bits, float(meta["threshold"]),
                                str(meta["version"]), load_lexicon())
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelError(f"model artifact loaded_words.json/.npz is malformed: {exc}") from exc
    if weights.shape != ((1 << bits) + N_DENSE,):
        raise ModelError(f"model artifact loaded_words.npz has {weights.shape} weights")
    return model
