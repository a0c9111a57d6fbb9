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
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from ..errors import ModelError
from ..read.tokens import token_spans
from .artifacts import load_json, load_npz
from .features import Lexicon
from .sentence_classifier import load_lexicon

_ALPHA = re.compile(r"[A-Za-z]")
N_DENSE = 16
_CACHE_MAX = 100_000  # distinct words kept per cache


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
    _caches: dict = field(default_factory=lambda: {"own": {}, "nb": {}}, repr=False,
                          compare=False, hash=False)
    _derived: dict = field(default_factory=dict, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        # the products token_features' sparse sum would form: 0.25 * w for hashed buckets
        self._derived["w25"] = 0.25 * self.weights[:1 << self.bits]
        self._derived["dense"] = self.weights[1 << self.bits:]

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
        pieces = []
        for start, end in spans:
            end = len(text) if end is None else end
            if not 0 <= start <= end <= len(text):
                raise ValueError(f"bad span [{start}, {end}) for a text of length {len(text)}")
            pieces.append(list(token_spans(text, start, end)))
        tokens = [text[s:e] for toks in pieces for s, e in toks]
        if not tokens:
            return [[] for _ in pieces]
        p = self._token_probabilities(tokens, [len(t) for t in pieces])
        out, k = [], 0
        for toks in pieces:
            out.append([(s, e, float(p[k + j])) for j, (s, e) in enumerate(toks)
                        if is_word(text[s:e])])
            k += len(toks)
        return out

    def _token_probabilities(self, tokens: list[str], lengths: list[int]) -> np.ndarray:
        """P(loaded) of each token; ``lengths`` splits ``tokens`` into sentences."""
        caches = self._caches
        if len(caches["own"]) > _CACHE_MAX or len(caches["nb"]) > _CACHE_MAX:
            for c in caches.values():
                c.clear()
        own_c, nb_c = caches["own"], caches["nb"]
        low = [t.lower().replace("’", "'") for t in tokens]
        n = len(tokens)
        first = np.zeros(n, dtype=bool)
        cap_after = np.zeros(n, dtype=bool)
        # neighbour words per position (sentence boundaries give <s> / </s>)
        prev: list[str] = []
        prev2: list[str] = []
        nxt: list[str] = []
        k = 0
        for m in lengths:
            if not m:
                continue
            sl = low[k:k + m]
            first[k] = True
            prev += ["<s>"] + sl[:-1]
            prev2 += (["<s>", "<s>"] + sl[:-2])[:m]
            nxt += sl[1:] + ["</s>"]
            k += m
        own_rows = []
        for w in low:
            r = own_c.get(w)
            if r is None:
                r = own_c[w] = self._own(w)
            own_rows.append(r)
        for w in set(prev) | set(nxt) | set(prev2):
            if w not in nb_c:
                nb_c[w] = self._neighbour(w)
        crc = zlib.crc32
        mask = (1 << self.bits) - 1
        wq = self._w25
        capital = np.fromiter((t[:1].isupper() for t in tokens), dtype=bool, count=n)
        cap_after[:] = capital & ~first
        # hashed features of word pairs: crc32 continued from the cached prefix state
        pw = wq[np.fromiter((crc(own_rows[i][2], nb_c[prev[i]][5]) & mask for i in range(n)),
                            dtype=np.int64, count=n)]
        wn = wq[np.fromiter((crc(nb_c[nxt[i]][6], own_rows[i][3]) & mask for i in range(n)),
                            dtype=np.int64, count=n)]
        own = np.array([r[0] for r in own_rows])            # (n, 8 hashed + 16 dense)
        zvar = np.array([r[1] for r in own_rows])           # (n, 4) z=... variants
        pnb = np.array([nb_c[w][:5] for w in prev])
        nnb = np.array([nb_c[w][:5] for w in nxt])
        p2nb = np.array([nb_c[w][:5] for w in prev2])
        zsel = zvar[np.arange(n), capital.astype(np.int64) * 2 + first]
        d8 = np.where(cap_after, self._dense_w[8], 0.0)
        d9 = np.where(first, self._dense_w[9], 0.0)
        columns = (
            own[:, 0], own[:, 1], own[:, 2], own[:, 3], own[:, 4],      # w stem suf3 suf2 pre4
            pnb[:, 0], nnb[:, 1], pw, wn, p2nb[:, 2],                   # p n pw wn p2
            zsel, own[:, 5], own[:, 6], own[:, 7],                      # z v vz len
            pnb[:, 3], nnb[:, 4],                                       # pv nv
        )
        z = columns[0].copy()
        for c in columns[1:]:
            z += c
        for j in range(N_DENSE):
            z += d8 if j == 8 else d9 if j == 9 else own[:, 8 + j]
        z += self.bias
        return 1.0 / (1.0 + np.exp(-np.clip(z, -40.0, 40.0)))

    def _col(self, f: str) -> int:
        return zlib.crc32(f.encode("utf-8")) & ((1 << self.bits) - 1)

    def _own(self, w: str):
        """(own weighted values, z=... variants [lC-, lCF.. by cap*2+first], pw tail, wn prefix)."""
        lex = self.lexicon
        wq = self._w25
        c = self._col
        val = lex.valence.get(w, 0.0)
        z = _zipf(lex, w)
        zb = int(min(z, 7.9))
        vb = int(round(val))
        stem = w[:-1] if w.endswith("s") and len(w) > 4 else w
        hashed = [wq[c(f)] for f in (
            "w=" + w, "stem=" + stem[:6], "suf3=" + w[-3:], "suf2=" + w[-2:], "pre4=" + w[:4],
            "v=%d" % vb, "vz=%d|%d" % (vb, zb), "len=%d" % min(len(w), 12))]
        zvars = [wq[c("z=%d%s%s" % (zb, cap, first))]
                 for cap in ("l", "C") for first in ("-", "F")]
        dense = (
            abs(val) / 4.0, max(val, 0.0) / 4.0, max(-val, 0.0) / 4.0, z / 8.0,
            1.0 if z < 3.0 else 0.0, 1.0 if z > 5.5 else 0.0,
            1.0 if w in lex.biased else 0.0, 1.0 if stem in lex.biased else 0.0,
            0.0, 0.0,
            1.0 if w.endswith("ly") else 0.0, 1.0 if w.endswith("ing") else 0.0,
            1.0 if w.endswith("ed") else 0.0, math.log1p(len(w)) / 3.0,
            1.0 if "-" in w else 0.0, 1.0,
        )
        dw = self._dense_w
        dvals = [v * dw[j] if v else 0.0 for j, v in enumerate(dense)]
        return (hashed + dvals, zvars, w.encode("utf-8"),
                zlib.crc32(("wn=" + w + "|").encode("utf-8")))

    def _neighbour(self, w: str):
        """(p=, n=, p2=, pv=, nv= weighted values, crc32 state of ``pw=<w>|``, bytes of w)."""
        lex = self.lexicon
        wq = self._w25
        c = self._col
        vr = round(lex.valence.get(w, 0.0))
        return (wq[c("p=" + w)], wq[c("n=" + w)], wq[c("p2=" + w)],
                wq[c("pv=%d" % vr)], wq[c("nv=%d" % vr)],
                zlib.crc32(("pw=" + w + "|").encode("utf-8")), w.encode("utf-8"))

    @property
    def _w25(self) -> np.ndarray:
        return self._derived["w25"]

    @property
    def _dense_w(self) -> np.ndarray:
        return self._derived["dense"]

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
