"""The span-identification model's token scores as sums of memoised per-word parts.

The model is linear with one output, so a token's score is the bias plus the weight times value
of each of its features: the line's features (shared by every token of the line), the word's
own (``w=``, ``suf3=``, valence and lexicon cues), its neighbours' (``w-3=`` ... ``w+3=``), its
two bigrams, capitalisation, position in the line, being inside a quote and the word's count in
the article. Each part that depends on a word only is computed once per word and kept, so a
token costs a few float additions instead of a dozen feature strings and a gather.

The sums are in float64 over the float32 weights; the reference path
(:meth:`TechniqueModel.token_probabilities_reference`) sums in float32, so the two agree to
~1e-6 in probability, not bit for bit.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right

import numpy as np

from .technique_features import (
    _NEIGHBOURS,
    FEAR_WORDS,
    FLAG_WORDS,
    SUPERLATIVE_WORDS,
    ArticleContext,
    _bin,
)

_POS_EDGES = (0.1, 0.3, 0.6, 0.9)
_MEMO_MAX = 100_000


class TokenScorer:
    def __init__(self, index: dict[str, int], weights: np.ndarray, bias: float,
                 lexicon: dict[str, float]):
        self.index = index
        self.lexicon = lexicon
        self.bias = float(bias)
        # float32 weights as Python floats (exact), read one at a time below
        self._column: list[float] = np.asarray(weights, dtype=np.float32).tolist()
        self._word_memo: dict[str, float] = {}
        self._nb_memo: dict[str | None, tuple[float, ...]] = {}
        w = self._weight
        self._cap, self._allcaps = w("cap"), w("allcaps")
        self._pos = [w(f"pos_bin={k}") for k in range(len(_POS_EDGES) + 1)]
        self._quote, self._occ = w("in_quote"), w("occ_log")
        self._pads = self._neighbours(None)

    def _weight(self, name: str) -> float:
        i = self.index.get(name)
        return 0.0 if i is None else self._column[i]

    def line_score(self, feats: dict[str, float]) -> float:
        w = self._weight
        return math.fsum(w(name) * value for name, value in feats.items() if value)

    def _word(self, word: str) -> float:
        """The ``w=``, ``suf3=``, valence and lexicon-cue part of a token that is ``word``."""
        got = self._word_memo.get(word)
        if got is None:
            w = self._weight
            parts = [w("w=" + word), w("suf3=" + word[-3:])]
            lex = self.lexicon
            if word in lex:
                parts.append(w("vader_abs") * (abs(lex[word]) / 4.0))
                parts.append(w("vader_neg" if lex[word] < 0 else "vader_pos"))
            if word in SUPERLATIVE_WORDS:
                parts.append(w("lex_sup"))
            if word in FLAG_WORDS:
                parts.append(w("lex_flag"))
            if word in FEAR_WORDS:
                parts.append(w("lex_fear"))
            got = math.fsum(parts)
            if len(self._word_memo) >= _MEMO_MAX:
                self._word_memo.clear()
            self._word_memo[word] = got
        return got

    def _neighbours(self, word: str | None) -> tuple[float, ...]:
        """The part ``word`` (None: past the line's edge) adds as the k-th neighbour, for
        each k of ``_NEIGHBOURS``."""
        got = self._nb_memo.get(word)
        if got is None:
            w = self._weight
            parts = []
            for _off, word_key, vader_key in _NEIGHBOURS:
                if word is None:
                    parts.append(w(word_key + "<pad>"))
                    continue
                score = w(word_key + word)
                if vader_key is not None and word in self.lexicon:
                    score += w(vader_key) * (abs(self.lexicon[word]) / 4.0)
                parts.append(score)
            got = tuple(parts)
            if len(self._nb_memo) >= _MEMO_MAX:
                self._nb_memo.clear()
            self._nb_memo[word] = got
        return got

    def add_line(self, ctx: ArticleContext, toks: list[tuple[int, int]], line: float,
                 out: list[float]) -> None:
        """Append the score (before the sigmoid) of each token of one line to ``out``;
        ``line`` is :meth:`line_score` of the line's features."""
        lower, text = ctx.lower, ctx.text
        words = [lower[s:e] for s, e in toks]
        n = len(toks)
        offsets = [off for off, _w, _v in _NEIGHBOURS]
        nb = [self._neighbours(w) for w in words]
        pads = self._pads
        cap, allcaps, pos, quote, occ = self._cap, self._allcaps, self._pos, self._quote, self._occ
        quote_pos, line_starts = ctx.quote_pos, ctx.line_starts
        get, column = self.index.get, self._column
        base = self.bias + line
        for i, (s, e) in enumerate(toks):
            w = words[i]
            z = base + self._word(w)
            raw = text[s:e]
            if cap and raw[:1].isupper():
                z += cap if i > 0 else cap * 0.5
            if allcaps and len(raw) > 1 and raw.isupper():
                z += allcaps
            for k, off in enumerate(offsets):
                j = i + off
                z += nb[j][k] if 0 <= j < n else pads[k]
            if i + 1 < n:
                r = get("bi+=" + w + "_" + words[i + 1])
                if r is not None:
                    z += column[r]
            if i > 0:
                r = get("bi-=" + words[i - 1] + "_" + w)
                if r is not None:
                    z += column[r]
            z += pos[_bin(i / n, _POS_EDGES)]
            if quote:
                ls = line_starts[max(bisect_right(line_starts, s) - 1, 0)]
                if (bisect_left(quote_pos, s) - bisect_left(quote_pos, ls)) % 2 == 1:
                    z += quote
            if occ and len(w) >= 4:
                z += occ * (math.log1p(ctx.count(w) - 1) / 3.0)
            out.append(z)
