"""The span-identification model's (row, value) lists without building feature dicts.

:meth:`_TokenRows.add_line` appends, for each token of a line, the model rows and values that
``_known(line) + _known(token_own_features(...))`` would give, in the same order (so the float32
dot products round identically), looking each word's features up once per model instead of
building and hashing a dozen feature strings per token.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right

from .technique_features import (
    FEAR_WORDS,
    FLAG_WORDS,
    SUPERLATIVE_WORDS,
    ArticleContext,
    _NEIGHBOURS,
    _bin,
)

_POS_EDGES = (0.1, 0.3, 0.6, 0.9)
_MEMO_MAX = 100_000


def _split(pairs) -> tuple[tuple[int, ...], tuple[float, ...]]:
    kept = [(i, v) for i, v in pairs if i is not None and v]
    return tuple(i for i, _ in kept), tuple(v for _, v in kept)


class _TokenRows:
    def __init__(self, index: dict[str, int], lexicon: dict[str, float]):
        self.index = index
        self.lexicon = lexicon
        self._own: dict[str, tuple] = {}
        self._nb: dict[tuple[int, str | None], tuple] = {}
        self._nbw: dict[str | None, tuple] = {}
        g = index.get
        self._cap = (g("cap"), g("allcaps"))
        self._pos = [g(f"pos_bin={k}") for k in range(len(_POS_EDGES) + 1)]
        self._quote = g("in_quote")
        self._occ = g("occ_log")

    def _word(self, w: str) -> tuple:
        """(rows/values of w= and suf3=, of the valence cues, of the lex_ cues) of word ``w``."""
        got = self._own.get(w)
        if got is None:
            g = self.index.get
            head = [(g("w=" + w), 1.0), (g("suf3=" + w[-3:]), 1.0)]
            val = []
            lex = self.lexicon
            if w in lex:
                val = [(g("vader_abs"), abs(lex[w]) / 4.0),
                       (g("vader_neg" if lex[w] < 0 else "vader_pos"), 1.0)]
            cues = []
            if w in SUPERLATIVE_WORDS:
                cues.append((g("lex_sup"), 1.0))
            if w in FLAG_WORDS:
                cues.append((g("lex_flag"), 1.0))
            if w in FEAR_WORDS:
                cues.append((g("lex_fear"), 1.0))
            got = tuple(_split(part) for part in (head, val, cues))
            if len(self._own) >= _MEMO_MAX:
                self._own.clear()
            self._own[w] = got
        return got

    def _neighbours(self, w: str | None) -> tuple:
        """:meth:`_neighbour` of ``w`` for every neighbour position, memoised."""
        got = self._nbw.get(w)
        if got is None:
            got = tuple(self._neighbour(k, w) for k in range(len(_NEIGHBOURS)))
            if len(self._nbw) >= _MEMO_MAX:
                self._nbw.clear()
            self._nbw[w] = got
        return got

    def _neighbour(self, k: int, w: str | None) -> tuple:
        """Rows/values of the k-th neighbour feature (``_NEIGHBOURS[k]``) being word ``w``."""
        key = (k, w)
        got = self._nb.get(key)
        if got is None:
            _off, word_key, vader_key = _NEIGHBOURS[k]
            g = self.index.get
            if w is None:
                pairs = [(g(word_key + "<pad>"), 1.0)]
            else:
                pairs = [(g(word_key + w), 1.0)]
                if vader_key is not None and w in self.lexicon:
                    pairs.append((g(vader_key), abs(self.lexicon[w]) / 4.0))
            got = _split(pairs)
            if len(self._nb) >= _MEMO_MAX:
                self._nb.clear()
            self._nb[key] = got
        return got

    def add_line(self, ctx: ArticleContext, toks: list[tuple[int, int]], line_idx: list[int],
                 line_vals: list[float], flat_idx: list[int], flat_vals: list[float],
                 bounds: list[int]) -> None:
        lower, text = ctx.lower, ctx.text
        index = self.index
        words = [lower[s:e] for s, e in toks]
        n = len(toks)
        cap_i, allcaps_i = self._cap
        quote_i, occ_i = self._quote, self._occ
        quote_pos, line_starts = ctx.quote_pos, ctx.line_starts
        nbs = [(k, off) for k, (off, _w, _v) in enumerate(_NEIGHBOURS)]
        nb = [self._neighbours(w) for w in words]
        pads = self._neighbours(None)
        for i, (s, e) in enumerate(toks):
            w = words[i]
            flat_idx += line_idx
            flat_vals += line_vals
            (hi, hv), (vi, vv), cues = self._word(w)
            flat_idx += hi
            flat_vals += hv
            raw = text[s:e]
            if raw[:1].isupper() and cap_i is not None:
                flat_idx.append(cap_i)
                flat_vals.append(1.0 if i > 0 else 0.5)
            if allcaps_i is not None and len(raw) > 1 and raw.isupper():
                flat_idx.append(allcaps_i)
                flat_vals.append(1.0)
            flat_idx += vi
            flat_vals += vv
            for k, off in nbs:
                j = i + off
                ni, nv = nb[j][k] if 0 <= j < n else pads[k]
                flat_idx += ni
                flat_vals += nv
            if i + 1 < n:
                r = index.get("bi+=" + w + "_" + words[i + 1])
                if r is not None:
                    flat_idx.append(r)
                    flat_vals.append(1.0)
            if i > 0:
                r = index.get("bi-=" + words[i - 1] + "_" + w)
                if r is not None:
                    flat_idx.append(r)
                    flat_vals.append(1.0)
            r = self._pos[_bin(i / n, _POS_EDGES)]
            if r is not None:
                flat_idx.append(r)
                flat_vals.append(1.0)
            flat_idx += cues[0]
            flat_vals += cues[1]
            if quote_i is not None:
                ls = line_starts[max(bisect_right(line_starts, s) - 1, 0)]
                if (bisect_left(quote_pos, s) - bisect_left(quote_pos, ls)) % 2 == 1:
                    flat_idx.append(quote_i)
                    flat_vals.append(1.0)
            if occ_i is not None and len(w) >= 4:
                v = math.log1p(ctx.count(w) - 1) / 3.0
                if v:
                    flat_idx.append(occ_i)
                    flat_vals.append(v)
            bounds.append(len(flat_idx))
