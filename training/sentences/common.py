"""Shared training helpers: feature matrices, cross-validation, thresholds, artifact export."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np

from newsdesk.models.artifacts import ARTIFACT_DIR
from newsdesk.models.features import FeatureSpec, Lexicon, featurize

SEED = 13


def lexicon_from_artifact() -> Lexicon:
    path = ARTIFACT_DIR / "loaded_words.lexicon.json"
    if not path.exists():
        raise SystemExit(f"{path} missing: run `python -m training.sentences.train lexicon` first")
    return Lexicon.from_json(json.loads(path.read_text(encoding="utf-8")))


def matrix(texts: list[str], spec: FeatureSpec, lex: Lexicon):
    from scipy.sparse import csr_matrix

    rows, cols, vals, n = featurize(texts, spec, lex)
    x = csr_matrix((vals, (rows, cols)), shape=(n, spec.n_features))
    x.sum_duplicates()
    return x


def f1_pos(y, pred) -> float:
    y = np.asarray(y)
    pred = np.asarray(pred)
    tp = float(np.sum((y == 1) & (pred == 1)))
    fp = float(np.sum((y == 0) & (pred == 1)))
    fn = float(np.sum((y == 1) & (pred == 0)))
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def macro_f1(y, pred) -> float:
    y = np.asarray(y)
    pred = np.asarray(pred)
    return (f1_pos(y, pred) + f1_pos(1 - y, 1 - pred)) / 2


METRICS = {"f1_yes": f1_pos, "macro_f1": macro_f1}


def best_threshold(y, proba, metric) -> tuple[float, float]:
    """The threshold (on a 0.01 grid) that maximises ``metric`` on out-of-fold probabilities."""
    best = (0.5, -1.0)
    for t in np.arange(0.05, 0.951, 0.01):
        score = metric(y, (proba >= t).astype(int))
        if score > best[1] + 1e-12:
            best = (float(round(t, 2)), score)
    return best


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def save_linear(task: str, spec: FeatureSpec, weights: np.ndarray, bias: float,
                threshold: float, version: str, extra: dict,
                rates: list[np.ndarray] | None = None) -> list[Path]:
    ARTIFACT_DIR.mkdir(parents=True, exist_ok=True)
    npz = ARTIFACT_DIR / f"{task}.npz"
    arrays = {"weights": weights.astype(np.float16)}
    for name, table in zip(("rates", "prefix_rates"), rates or ()):
        arrays[name] = table.astype(np.float16)
    np.savez_compressed(npz, **arrays)
    meta = {"task": task, "version": version, "spec": spec.to_json(), "bias": float(bias),
            "threshold": float(threshold), **extra}
    js = ARTIFACT_DIR / f"{task}.json"
    js.write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return [npz, js]
