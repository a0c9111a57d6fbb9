"""Word knowledge for the technique-classification features, from outside the span's own text.

* word clusters (``"3-17-402"``, coarse to fine) learnt from unlabelled news text; training
  copies them from the NER artifact's lexicon into ``techniques.json``, so the technique model
  does not change when the NER model is retrained;
* the loaded-word model's per-word probabilities (``models.loaded_words``, trained on BABE and
  BASIL, not on PTC), scored on the span's line so a word sees the same neighbours as in
  training. ``techniques.json`` records the sha256 of the loaded-word artifacts the model was
  trained with (a test fails when they change: retrain the technique model then).

:meth:`WordInfo.add_features` adds ``cl1=``/``cl2=``/``cl3=`` cluster features and
``lw_max``/``lw_mean``/``lw_n_bin`` to a span's feature dict.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable
from itertools import repeat

from .artifacts import artifact_path

#: the loaded-word artifacts whose scores the technique features use
LOADED_WORD_FILES = ("loaded_words.json", "loaded_words.npz", "loaded_words.lexicon.json")
_LEVELS = (1, 2, 3)
#: the loaded-word model's own threshold when the technique model was trained
LOADED_THRESHOLD = 0.33

ScoreMany = Callable[[str, list[tuple[int, int]]], list[list[tuple[int, int, float]]]]


def loaded_words_sha256() -> str:
    """sha256 over the loaded-word artifact files (names + bytes)."""
    h = hashlib.sha256()
    for name in LOADED_WORD_FILES:
        h.update(name.encode())
        h.update(artifact_path(name).read_bytes())
    return h.hexdigest()


def pack_clusters(clusters: dict[str, str]) -> dict[str, str]:
    """cluster -> space-separated words (compact JSON)."""
    groups: dict[str, list[str]] = {}
    for word, cl in clusters.items():
        if word and not any(ch.isspace() for ch in word):
            groups.setdefault(cl, []).append(word)
    return {cl: " ".join(sorted(ws)) for cl, ws in sorted(groups.items())}


def unpack_clusters(packed: dict[str, str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for cl, words in packed.items():
        out.update(zip(words.split(" "), repeat(cl)))
    return out


class WordInfo:
    """Word clusters and a loaded-word scorer (``LoadedWordModel.word_scores_many``)."""

    def __init__(self, clusters: dict[str, str], score_many: ScoreMany | None):
        self.clusters = clusters
        self.score_many = score_many
        self._prefixes: dict[str, tuple[str, ...]] = {}

    def _cluster_keys(self, word: str) -> tuple[str, ...]:
        got = self._prefixes.get(word)
        if got is None:
            cl = self.clusters.get(word)
            if cl is None:
                got = ()
            else:
                parts = cl.split("-")
                got = tuple(f"cl{k}=" + "-".join(parts[:k]) for k in _LEVELS)
            if len(self._prefixes) > 100_000:
                self._prefixes.clear()
            self._prefixes[word] = got
        return got

    def prefetch(self, ctx, starts: list[int]) -> None:
        """Score, in one call, the lines holding ``starts`` not scored yet for ``ctx``."""
        if self.score_many is None:
            return
        memo = ctx.loaded_memo
        lines = sorted({ctx.line_of(s) for s in starts} - memo.keys())
        if lines:
            for line, scores in zip(lines, self.score_many(ctx.text, lines)):
                memo[line] = scores

    def add_features(self, ctx, start: int, end: int, toks: list[str], feats: dict) -> None:
        """Cluster and loaded-word features of the span ``[start, end)`` (``toks``: its
        lower-cased tokens)."""
        keys: set[str] = set()
        for w in toks:
            if w[:1].isalpha():
                keys.update(self._cluster_keys(w))
        if keys:
            norm = 1.0 / math.sqrt(len(keys))
            for k in sorted(keys):
                feats[k] = norm
        if self.score_many is None:
            return
        line = ctx.line_of(start)
        scores = ctx.loaded_memo.get(line)
        if scores is None:
            self.prefetch(ctx, [start])
            scores = ctx.loaded_memo[line]
        inside = [p for s, e, p in scores if s >= start and e <= end]
        if inside:
            feats["lw_max"] = max(inside)
            feats["lw_mean"] = sum(inside) / len(inside)
            n = sum(1 for p in inside if p >= LOADED_THRESHOLD)
            if n:
                feats["lw_n_bin=" + ("0" if n <= 1 else "1" if n <= 2 else "2")] = 1.0
