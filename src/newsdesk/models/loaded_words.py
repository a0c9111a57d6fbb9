"""Loaded-word spotting: which words of a sentence carry loaded / biased wording (numpy only).

    >>> from newsdesk.models.loaded_words import load
    >>> text = "The senator's reckless scheme was slammed by critics."
    >>> load().spans(text)
    [(14, 22, 0.6...), (34, 41, 0.4...)]

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
import threading
import zlib
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from ..errors import ModelError
from ..read.tokens import token_spans
from .artifacts import load_json, load_npz
from .features import Lexicon
from .ner_ids import shift
from .sentence_classifier import load_lexicon

_ALPHA = re.compile(r"[A-Za-z]")
N_DENSE = 16
# distinct tokens as written in the token table (so at most as many words, each a row of 42
# floats and 4 small ints in the word table: under 20 MB at most)
_CACHE_MAX = 50_000


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


# A word's row in _WordTable.values is laid out as the row of token_features' terms that
# _token_probabilities sums (one column per term, in token_features' order, then the bias):
# the word's own weighted hashed features w stem suf3 suf2 pre4 (columns 0-4) and v vz len
# (11-13), its N_DENSE weighted dense cues (16-31; the position-dependent 8 and 9 left 0) and
# the bias (32); the columns a token's neighbours or position fill (5-10, 14, 15) are 0.
# _WordTable.side holds the rest: the word's four z=... variants (index cap * 2 + first) and
# its weighted features as a neighbour (p, n, p2, pv, nv).
_OWN = (0, 1, 2, 3, 4, 11, 12, 13)  # columns of w stem suf3 suf2 pre4 v vz len
_DENSE0 = 16
_WIDTH = _DENSE0 + N_DENSE + 1
_NB = 4  # first neighbour column of side
_SIDE = _NB + 5


class _WordTable:
    """Per-model cache: an id per distinct lower-cased word and its weighted feature values, and
    an id per distinct token as written (its word's id, capital initial, whether it is a word)."""

    def __init__(self, model: LoadedWordModel):
        self.model = model
        self.w25 = 0.25 * model.weights[:1 << model.bits]  # token_features' 0.25 * weight
        self.dense_w = model.weights[1 << model.bits:]
        self.lock = threading.Lock()
        self._reset()

    def _reset(self) -> None:
        self.index: dict[str, int] = {}
        self.values = np.zeros((1024, _WIDTH))
        self.side = np.zeros((1024, _SIDE))
        # per word: crc32 of the word, of "pw=word|" and of "wn=word|"; the word's byte length
        self.crcs = np.zeros((1024, 3), dtype=np.uint32)
        self.nbytes = np.zeros(1024, dtype=np.intp)
        self.n_words = 0
        self.raw: dict[str, int] = {}
        self.raw_word = np.zeros(1024, dtype=np.intp)
        self.raw_cap = np.zeros(1024, dtype=bool)
        self.raw_isword = np.zeros(1024, dtype=bool)
        self.bos = self._add("<s>")
        self.eos = self._add("</s>")

    def ids(self, tokens: list[str]):
        """(word id, capital initial, is-word flag) arrays of ``tokens``, then values, side,
        crcs and nbytes: a consistent snapshot, adding the tokens not seen yet (all forgotten first once
        the token table would pass _CACHE_MAX)."""
        with self.lock:
            raw = self.raw
            if len(raw) + len(tokens) > _CACHE_MAX and not all(t in raw for t in tokens):
                self._reset()
                raw = self.raw
            rid = list(map(raw.get, tokens))
            if None in rid:
                rid = [r if r is not None else raw[t] if t in raw else self._add_raw(t)
                       for r, t in zip(rid, tokens)]
            r = np.array(rid, dtype=np.intp)
            return (self.raw_word[r], self.raw_cap[r], self.raw_isword[r],
                    self.values, self.side, self.crcs, self.nbytes)

    def _add_raw(self, tok: str) -> int:
        i = len(self.raw)
        if i == len(self.raw_word):
            self.raw_word, self.raw_cap, self.raw_isword = (
                _grown(a, _room(i)) for a in (self.raw_word, self.raw_cap, self.raw_isword))
        w = tok.lower().replace("\u2019", "'")
        self.raw_word[i] = self.index[w] if w in self.index else self._add(w)
        self.raw_cap[i] = tok[:1].isupper()
        self.raw_isword[i] = is_word(tok)
        self.raw[tok] = i
        return i

    def _col(self, f: str) -> int:
        return zlib.crc32(f.encode("utf-8")) & ((1 << self.model.bits) - 1)

    def _add(self, w: str) -> int:
        i = self.n_words
        if i == len(self.values):
            self.values, self.side, self.crcs, self.nbytes = (
                _grown(a, _room(i)) for a in (self.values, self.side, self.crcs, self.nbytes))
        lex = self.model.lexicon
        wq, c = self.w25, self._col
        val = lex.valence.get(w, 0.0)
        z = _zipf(lex, w)
        zb = int(min(z, 7.9))
        vb = int(round(val))
        stem = w[:-1] if w.endswith("s") and len(w) > 4 else w
        hashed = [wq[c(f)] for f in (
            "w=" + w, "stem=" + stem[:6], "suf3=" + w[-3:], "suf2=" + w[-2:], "pre4=" + w[:4],
            "v=%d" % vb, "vz=%d|%d" % (vb, zb), "len=%d" % min(len(w), 12))]
        dense = (
            abs(val) / 4.0, max(val, 0.0) / 4.0, max(-val, 0.0) / 4.0, z / 8.0,
            1.0 if z < 3.0 else 0.0, 1.0 if z > 5.5 else 0.0,
            1.0 if w in lex.biased else 0.0, 1.0 if stem in lex.biased else 0.0,
            0.0, 0.0,
            1.0 if w.endswith("ly") else 0.0, 1.0 if w.endswith("ing") else 0.0,
            1.0 if w.endswith("ed") else 0.0, math.log1p(len(w)) / 3.0,
            1.0 if "-" in w else 0.0, 1.0,
        )
        dw = self.dense_w
        dvals = [v * dw[j] if v else 0.0 for j, v in enumerate(dense)]
        zvars = [wq[c("z=%d%s%s" % (zb, cap, first))] for cap in ("l", "C") for first in ("-", "F")]
        vr = round(val)
        nb = [wq[c("p=" + w)], wq[c("n=" + w)], wq[c("p2=" + w)],
              wq[c("pv=%d" % vr)], wq[c("nv=%d" % vr)]]
        row = self.values[i]
        row[list(_OWN)] = hashed
        row[_DENSE0:_DENSE0 + N_DENSE] = dvals
        row[-1] = self.model.bias
        self.side[i] = zvars + nb
        wb = w.encode("utf-8")
        self.crcs[i] = (zlib.crc32(wb), zlib.crc32(("pw=" + w + "|").encode("utf-8")),
                        zlib.crc32(("wn=" + w + "|").encode("utf-8")))
        self.nbytes[i] = len(wb)
        self.index[w] = i
        self.n_words = i + 1
        return i


def _room(i: int) -> int:
    """Rows for a table that has ``i`` full ones: double, but not past what _CACHE_MAX needs."""
    return max(i + 1, min(2 * i, _CACHE_MAX + 2))


def _grown(a: np.ndarray, n: int) -> np.ndarray:
    """``a`` with its first axis grown to ``n`` rows (zeros after the old ones)."""
    out = np.zeros((n, *a.shape[1:]), dtype=a.dtype)
    out[:len(a)] = a
    return out


@dataclass(frozen=True)
class LoadedWordModel:
    """Scores each word of a text span; ``spans`` keeps those at or above ``threshold``."""

    weights: np.ndarray
    bias: float
    bits: int
    threshold: float
    version: str
    lexicon: Lexicon
    _table: _WordTable = field(default=None, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_table", _WordTable(self))

    def word_scores(self, text: str, start: int = 0, end: int | None = None
                    ) -> list[tuple[int, int, float]]:
        """Every word token of ``text[start:end]`` with its probability of being loaded."""
        return self.word_scores_many(text, [(start, end)])[0]

    def word_scores_many(self, text: str, spans: list[tuple[int, int | None]]
                         ) -> list[list[tuple[int, int, float]]]:
        """:meth:`word_scores` of each ``(start, end)`` span of ``text``, scored in one pass.

        Each word's hashed features (own and as a neighbour) are cached on the model and the
        per-token sums run column by column in the order :func:`token_features` lists them, so
        every score is bit-identical to the per-sentence sparse sum.
        """
        return self._scored(text, spans, None)

    def _scored(self, text: str, spans: list[tuple[int, int | None]], threshold: float | None
                ) -> list[list[tuple[int, int, float]]]:
        """Per span, its word tokens scoring at least ``threshold`` (all of them if None)."""
        flat: list[tuple[int, int]] = []
        lengths = []
        for start, end in spans:
            end = len(text) if end is None else end
            if not 0 <= start <= end <= len(text):
                raise ValueError(f"bad span [{start}, {end}) for a text of length {len(text)}")
            toks = token_spans(text, start, end)
            flat += toks
            lengths.append(len(toks))
        if not flat:
            return [[] for _ in lengths]
        p, isword = self._token_probabilities([text[s:e] for s, e in flat], lengths)
        keep = isword if threshold is None else isword & (p >= threshold)
        kept = np.flatnonzero(keep)
        cuts = np.searchsorted(kept, np.cumsum(lengths)).tolist()
        found = [(*flat[k], pk) for k, pk in zip(kept.tolist(), p[kept].tolist())]
        out, lo = [], 0
        for hi in cuts:
            out.append(found[lo:hi])
            lo = hi
        return out

    def _token_probabilities(self, tokens: list[str], lengths: list[int]
                             ) -> tuple[np.ndarray, np.ndarray]:
        """P(loaded) of each token and whether it is a word; ``lengths`` splits ``tokens`` into
        sentences (may be 0)."""
        table = self._table
        n = len(tokens)
        ids, capital, isword, t, side, crcs, nbytes = table.ids(tokens)
        lens = np.array(lengths, dtype=np.intp)
        ends = np.cumsum(lens)
        full = lens > 0
        first = np.zeros(n, dtype=bool)
        first[(ends - lens)[full]] = True
        last = np.zeros(n, dtype=bool)
        last[ends[full] - 1] = True
        bos, eos = table.bos, table.eos
        # neighbour words (sentence boundaries give <s> / </s>)
        prev = np.empty(n, dtype=np.intp)
        prev[0] = bos
        prev[1:] = ids[:-1]
        prev[first] = bos
        prev2 = np.empty(n, dtype=np.intp)  # the previous token's prev, <s> at a start
        prev2[0] = bos
        prev2[1:] = prev[:-1]
        prev2[first] = bos
        nxt = np.empty(n, dtype=np.intp)
        nxt[-1] = eos
        nxt[:-1] = ids[1:]
        nxt[last] = eos
        # hashed features of word pairs, by crc32 linearity (ner_ids.shift):
        # crc("pw=" + prev + "|" + w) = crc(w) ^ shift(crc("pw=" + prev + "|"), len(w))
        mask = np.uint32((1 << self.bits) - 1)
        wq = table.w25
        # pw (first n) and wn (last n) in one pass: crc(second word) ^ shift(prefix crc, its length)
        second = np.concatenate((ids, nxt))
        pair = (crcs[second, 0] ^ shift(np.concatenate((crcs[prev, 1], crcs[ids, 2])),
                                        nbytes[second])) & mask
        pw, wn = pair[:n], pair[n:]
        # one column per term of token_features' sum, in its order (16 hashed, N_DENSE dense),
        # then the bias; a running sum along each row adds them one at a time in that order,
        # so every score is bit-identical to the sparse sum (np.bincount) over token_features
        m = t[ids]                      # w stem suf3 suf2 pre4, v vz len, dense, bias
        m[:, 5] = side[prev, _NB]       # p
        m[:, 6] = side[nxt, _NB + 1]    # n
        m[:, 7] = wq[pw]                # pw
        m[:, 8] = wq[wn]                # wn
        m[:, 9] = side[prev2, _NB + 2]  # p2
        m[:, 10] = side[ids, capital.astype(np.intp) * 2 + first]  # z
        m[:, 14] = side[prev, _NB + 3]  # pv
        m[:, 15] = side[nxt, _NB + 4]   # nv
        m[:, _DENSE0 + 8] = np.where(capital & ~first, table.dense_w[8], 0.0)
        m[:, _DENSE0 + 9] = np.where(first, table.dense_w[9], 0.0)
        z = np.add.accumulate(m, axis=1)[:, -1]
        return 1.0 / (1.0 + np.exp(-np.clip(z, -40.0, 40.0))), isword

    def spans(self, text: str, start: int = 0, end: int | None = None
              ) -> list[tuple[int, int, float]]:
        """(start, end, score) offsets into ``text`` of the loaded words in ``text[start:end]``."""
        return [x for x in self.word_scores(text, start, end) if x[2] >= self.threshold]

    def spans_many(self, text: str, spans: list[tuple[int, int | None]]
                   ) -> list[list[tuple[int, int, float]]]:
        """:meth:`spans` of each ``(start, end)`` span of ``text`` (e.g. every sentence of an
        article), scored in one pass: the same results, less per-call overhead."""
        return self._scored(text, spans, self.threshold)


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
