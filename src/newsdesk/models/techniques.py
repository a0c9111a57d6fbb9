"""Persuasion techniques (the 14 of PTC / SemEval-2020 Task 11): classify given spans, find spans.

Two linear models trained by ``python -m training.techniques.train --data ../shared/data`` and
shipped as ``artifacts/techniques.npz`` (weights) + ``artifacts/techniques.json`` (feature names,
labels, the VADER valences the features use, settings); see ``techniques.card.md``.

* technique classification (TC): a one-vs-rest linear SVM over :func:`span_features`; its scores
  are turned into probabilities with a softmax whose temperature was fitted on cross-validated
  scores. The features include word clusters (shipped in the JSON) and the shipped
  ``loaded_words`` model's word scores (:mod:`.technique_words`).
* span identification (SI): a logistic-regression token tagger over :func:`token_features`; runs
  of tokens whose probability passes a threshold become spans, which TC then labels.

Inference is plain Python + numpy. Nothing is loaded at import time; :func:`load` caches.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import pairwise

import numpy as np

from ..errors import InputError, ModelError
from ..read.tokens import token_spans
from .artifacts import cached, load_json, load_npz
from .technique_features import ArticleContext, line_features, span_features, token_own_features
from .technique_scores import TokenScorer
from .technique_words import WordInfo, unpack_clusters

ARTIFACT = "techniques"
_PUNCT_EDGE = re.compile(r"^[\W_]+$")


def body_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line of ``text`` (PTC articles hold one sentence a line)."""
    out = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            out.append((pos, end))
        pos = end + 1
    return out


def decode_spans(
    text: str, toks: list[tuple[int, int]], probs, threshold: float
) -> list[tuple[int, int, float]]:
    """Runs of consecutive tokens with probability >= threshold -> (start, end, mean prob).

    A run never crosses a line break, and punctuation tokens at either edge are trimmed.
    """
    out = []
    run: list[int] = []

    def close():
        idx = list(run)
        while idx and _PUNCT_EDGE.match(text[toks[idx[0]][0] : toks[idx[0]][1]]):
            idx.pop(0)
        while idx and _PUNCT_EDGE.match(text[toks[idx[-1]][0] : toks[idx[-1]][1]]):
            idx.pop()
        if idx:
            score = float(np.mean([probs[i] for i in idx]))
            out.append((toks[idx[0]][0], toks[idx[-1]][1], score))
        run.clear()

    for i, p in enumerate(probs):
        if p >= threshold:
            if run and "\n" in text[toks[run[-1]][1] : toks[i][0]]:
                close()
            run.append(i)
        elif run:
            close()
    if run:
        close()
    return out


class _Linear:
    """A linear map from sparse {name: value} features to scores, weights held in numpy."""

    def __init__(self, names: list[str], weights: np.ndarray, bias: np.ndarray):
        if weights.shape[0] != len(names):
            raise ModelError("technique model: feature names and weights disagree")
        self.index = dict(zip(names, range(len(names))))  # as {name: i for i, name in ...}
        self.weights = np.asarray(weights, dtype=np.float32)
        self.bias = np.asarray(bias, dtype=np.float32)

    def scores(self, feats: dict[str, float]) -> np.ndarray:
        idx: list[int] = []
        vals: list[float] = []
        _known(feats, self.index, idx, vals)
        if not idx:
            return self.bias.copy()
        return np.asarray(vals, dtype=np.float32) @ self.weights[idx] + self.bias

    def scores_many(self, rows: list[dict[str, float]]) -> np.ndarray:
        return np.vstack([self.scores(f) for f in rows]) if rows else np.zeros((0,) + self.bias.shape)

    def scores_batch(self, rows: list[dict[str, float]]) -> np.ndarray:
        """:meth:`scores_many` in one gather and one segmented sum (faster; the float32 sums
        may round differently from the row-by-row products, by ~1e-6)."""
        out = np.tile(self.bias, (len(rows), 1))
        idx: list[int] = []
        vals: list[float] = []
        bounds = [0]
        for feats in rows:
            _known(feats, self.index, idx, vals)
            bounds.append(len(idx))
        if idx:
            contrib = self.weights[idx] * np.asarray(vals, dtype=np.float32)[:, None]
            b = np.asarray(bounds, dtype=np.intp)
            full = b[1:] > b[:-1]
            out[full] += np.add.reduceat(contrib, b[:-1][full], axis=0)
        return out

    def score_column_lines(
        self, lines: list[tuple[dict[str, float], list[dict[str, float]]]]
    ) -> np.ndarray:
        """The one-output scores of the rows ``{**line, **own}`` for each line and each of its
        tokens' ``own`` features (the two never share a name), looking the line's names up
        once per line instead of once per token."""
        index = self.index
        bias = self.bias[0]
        flat_idx: list[int] = []
        flat_vals: list[float] = []
        bounds = [0]
        for line, owns in lines:
            line_idx: list[int] = []
            line_vals: list[float] = []
            _known(line, index, line_idx, line_vals)
            for own in owns:
                flat_idx += line_idx
                flat_vals += line_vals
                _known(own, index, flat_idx, flat_vals)
                bounds.append(len(flat_idx))
        return _row_dots(flat_vals, self.weights[flat_idx, 0], bounds) + bias


def _known(feats: dict[str, float], index: dict[str, int], idx: list[int],
           vals: list[float]) -> None:
    """Append the model rows and values of the non-zero features the model knows, in order."""
    for name, value in feats.items():
        if value:
            i = index.get(name)
            if i is not None:
                idx.append(i)
                vals.append(value)


def _row_dots(flat_vals: list[float], weights: np.ndarray, bounds: list[int]) -> np.ndarray:
    """float32 dot product of each row ``[bounds[r], bounds[r + 1])`` of ``flat_vals`` with the
    same stretch of ``weights``, rounded exactly as ``vals @ W[idx]`` rounds it row by row:
    rows of equal length go through one stacked ``(g, 1, k) @ (g, k, 1)`` product, which makes
    the same per-row product as the row alone (an empty row scores 0)."""
    vals = np.array(flat_vals, dtype=np.float32)
    starts = np.asarray(bounds[:-1], dtype=np.intp)
    lengths = np.diff(np.asarray(bounds, dtype=np.intp))
    out = np.zeros(len(lengths), dtype=np.float32)
    for k in np.unique(lengths).tolist():
        if k == 0:
            continue
        rows = np.flatnonzero(lengths == k)
        at = starts[rows][:, None] + np.arange(k)
        out[rows] = (vals[at][:, None, :] @ weights[at][:, :, None])[:, 0, 0]
    return out


class TechniqueModel:
    """Classifies given spans into techniques and proposes technique spans in a text."""

    def __init__(self, meta: dict, arrays: dict[str, np.ndarray]):
        try:
            self.labels: list[str] = list(meta["labels"])
            self.lexicon: dict[str, float] = dict(meta["lexicon"])
            self.temperature = float(meta["tc_temperature"])
            self.si_threshold = float(meta["si_threshold"])
            self.version = str(meta.get("version", "?"))
            self._tc = _Linear(meta["tc_features"], arrays["tc_W"], arrays["tc_b"])
            self._si = _Linear(meta["si_features"], arrays["si_w"][:, None], arrays["si_b"])
            clusters = unpack_clusters(meta["clusters"]) if "clusters" in meta else None
        except (KeyError, TypeError, ValueError) as exc:
            raise ModelError(f"technique model artifact is malformed: {exc}") from exc
        self._si_scores = TokenScorer(
            self._si.index, self._si.weights[:, 0], self._si.bias[0], self.lexicon
        )
        #: cluster and loaded-word cues (artifacts trained before them have no "clusters")
        self._words = None if clusters is None else WordInfo(clusters, _loaded_scores)
        if arrays["tc_W"].shape[1] != len(self.labels):
            raise ModelError("technique model: label count and weights disagree")

    # ---- technique classification -------------------------------------------------------
    def probabilities(self, text: str, spans: list[tuple[int, int]]) -> np.ndarray:
        """(len(spans), len(labels)) probabilities for each given span."""
        _check_spans(text, spans)
        return self._probabilities(ArticleContext.build(text, list(spans)), spans)

    def _probabilities(self, ctx: ArticleContext, spans: list[tuple[int, int]]) -> np.ndarray:
        words = self._words
        if words is not None:
            words.prefetch(ctx, [s for s, _ in spans])
        rows = [span_features(ctx, s, e, self.lexicon, words) for s, e in spans]
        z = self._tc.scores_batch(rows) / self.temperature
        z = z - z.max(axis=1, keepdims=True)
        p = np.exp(z)
        return p / p.sum(axis=1, keepdims=True)

    def classify(self, text: str, spans: list[tuple[int, int]]) -> list[tuple[str, float]]:
        """The most likely technique and its probability for each span (offsets into ``text``).

        When the same span is given several times (PTC does this for spans with two
        techniques), its k-th copy gets the k-th most likely technique.
        """
        if not spans:
            return []
        return self._classify(spans, self.probabilities(text, spans))

    def _classify(self, spans, probs) -> list[tuple[str, float]]:
        seen: dict[tuple[int, int], int] = {}
        out = []
        for (s, e), p in zip(spans, probs):
            k = seen.get((s, e), 0)
            seen[(s, e)] = k + 1
            order = np.argsort(-p)
            j = int(order[min(k, len(order) - 1)])
            out.append((self.labels[j], float(p[j])))
        return out

    # ---- span identification ------------------------------------------------------------
    def token_probabilities(
        self, text: str, sentences: list[tuple[int, int]] | None = None
    ) -> tuple[list[tuple[int, int]], np.ndarray]:
        """Token spans of the text's sentences and each token's probability of being in a span."""
        toks, probs, _ctx = self._token_probabilities(text, sentences)
        return toks, probs

    def _token_probabilities(self, text: str, sentences) -> tuple[list, np.ndarray, ArticleContext]:
        if not isinstance(text, str):
            raise InputError("text must be a string")
        lines = body_lines(text) if sentences is None else list(sentences)
        _check_spans(text, lines)
        ctx = ArticleContext.build(text)
        all_toks: list[tuple[int, int]] = []
        scores: list[float] = []
        scorer = self._si_scores
        for ls, le in lines:
            toks = token_spans(text, ls, le)
            if not toks:
                continue
            line = scorer.line_score(line_features(ctx, ls, le, self.lexicon))
            scorer.add_line(ctx, toks, line, scores)
            all_toks.extend(toks)
        if not all_toks:
            return [], np.zeros(0), ctx
        z = np.asarray(scores, dtype=np.float32)  # the dtype of the reference path
        return all_toks, 1.0 / (1.0 + np.exp(-z)), ctx

    def token_probabilities_reference(
        self, text: str, sentences: list[tuple[int, int]] | None = None
    ) -> tuple[list[tuple[int, int]], np.ndarray]:
        """:meth:`token_probabilities` through the plain feature dicts (the reference the
        fast path is tested against)."""
        lines = body_lines(text) if sentences is None else list(sentences)
        _check_spans(text, lines)
        ctx = ArticleContext.build(text)
        all_toks: list[tuple[int, int]] = []
        lines_rows = []  # per line: its features and each token's own (token_features = both)
        for ls, le in lines:
            toks = token_spans(text, ls, le)
            if not toks:
                continue
            lf = line_features(ctx, ls, le, self.lexicon)
            own = [token_own_features(ctx, toks, i, self.lexicon) for i in range(len(toks))]
            lines_rows.append((lf, own))
            all_toks.extend(toks)
        if not lines_rows:
            return [], np.zeros(0)
        z = self._si.score_column_lines(lines_rows)
        return all_toks, 1.0 / (1.0 + np.exp(-z))

    def find(
        self,
        text: str,
        sentences: list[tuple[int, int]] | None = None,
        *,
        min_score: float = 0.0,
    ) -> list[tuple[int, int, str, float]]:
        """Proposed technique spans: (start, end, technique, score) with offsets into ``text``.

        ``sentences`` are (start, end) offsets to search in (default: the non-blank lines).
        The score is the span's mean token probability times the technique's probability.
        The default token threshold maximises the task's SI F1, which favours recall (dozens
        of short spans in a long article); pass ``min_score`` (e.g. 0.3) to keep only the
        confident ones for display.
        """
        toks, probs, ctx = self._token_probabilities(text, sentences)
        found = []
        starts = [s for s, _ in toks]
        ends = [e for _, e in toks]
        ordered = all(a <= b for a, b in pairwise(starts)) and all(
            a <= b for a, b in pairwise(ends)
        )
        for ls, le in sorted(set(sentences)) if sentences is not None else [(0, len(text))]:
            if ordered:  # tokens in text order: those inside [ls, le) are one slice
                lo, hi = bisect_left(starts, ls), bisect_right(ends, le)
                sel = list(range(lo, max(lo, hi)))
            else:
                sel = [i for i, (s, e) in enumerate(toks) if s >= ls and e <= le]
            found.extend(decode_spans(text, [toks[i] for i in sel], probs[sel], self.si_threshold))
        found = sorted(set(found))
        if not found:
            return []
        spans = [(s, e) for s, e, _ in found]
        labels = self._classify(spans, self._probabilities(ctx.with_spans(spans), spans))
        out = [(s, e, lab, round(sc * p, 4)) for (s, e, sc), (lab, p) in zip(found, labels)]
        return [span for span in out if span[3] >= min_score]


def _loaded_scores(text: str, lines: list[tuple[int, int]]) -> list[list[tuple[int, int, float]]]:
    """The shipped loaded-word model's word scores for each line (loaded on first use)."""
    from . import loaded_words

    return loaded_words.load().word_scores_many(text, lines)


def _check_spans(text: str, spans) -> None:
    n = len(text)
    for span in spans:
        try:
            s, e = span
            ok = isinstance(s, (int, np.integer)) and isinstance(e, (int, np.integer)) and 0 <= s < e <= n
        except (TypeError, ValueError):
            ok = False
        if not ok:
            raise InputError(f"span {span!r} is not a (start, end) inside a text of {n} characters")


@cached
def load() -> TechniqueModel:
    """The shipped technique model (loaded once per process)."""
    return TechniqueModel(load_json(ARTIFACT + ".json"), load_npz(ARTIFACT + ".npz"))
