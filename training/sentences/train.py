"""Train a sentence model and write its artifact + card into src/newsdesk/models/artifacts/.

    python -m training.sentences.train lexicon      --data ../shared/data
    python -m training.sentences.train checkworthy  --data ../shared/data
    python -m training.sentences.train subjectivity --data ../shared/data
    python -m training.sentences.train bias         --data ../shared/data
    python -m training.sentences.train loaded_words --data ../shared/data
    python -m training.sentences.train all          --data ../shared/data

Every run is deterministic (fixed seeds, liblinear, explicit hashing). ``lexicon`` must run
first (the others read the lexicon artifact). Thresholds come from 5-fold cross-validation on
the training data only; dev files are only measured, never used to pick the threshold.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import time
from pathlib import Path

import numpy as np

from newsdesk.evaluate.sentences import read_labelled
from newsdesk.models.artifacts import ARTIFACT_DIR
from newsdesk.models.features import FeatureSpec
from newsdesk.paths import shared_data_dir

from . import cards
from .common import METRICS, SEED, best_threshold, lexicon_from_artifact, matrix, save_linear
from .data import OPINION_MIXED, OPINION_OBJ, OPINION_SUBJ, read_babe

VERSION = "1.0.0"

#: Per task: feature spec, C of the logistic regression, metric, class weighting.
CONFIG = {
    "checkworthy": {"spec": FeatureSpec(word_bits=17, char_bits=17, char_ns=(2, 3, 4)),
                    "C": 2.0, "metric": "f1_yes", "class_weight": None},
    "subjectivity": {"spec": FeatureSpec(word_bits=17, char_bits=17, char_ns=(2, 3, 4, 5)),
                     "C": 0.1, "metric": "macro_f1", "class_weight": "balanced",
                     "babe_weight": 0.3, "idf": True},
    "bias": {"spec": FeatureSpec(word_bits=16, char_bits=16, char_ns=(2, 3, 4, 5),
                                 rate_cues=True, rate_prefix=4), "C": 10.0,
             "metric": "macro_f1", "class_weight": "balanced", "nb_beta": 1.0,
             "opinion_blend": 0.2},
}

DATA_FILES = {
    "checkworthy": ["checkworthy/train.tsv", "checkworthy/dev.tsv"],
    "subjectivity": ["subjectivity/train.tsv", "subjectivity/dev.tsv", "bias/babe.csv"],
    "bias": ["bias/babe.csv"],
    "loaded_words": ["bias/babe.csv", "basil/annotations", "basil/articles"],
    "lexicon": ["bias/bias_word_lexicon.xlsx"],
}

LICENCES = {
    "checkworthy": "ClaimBuster (CC-BY 4.0) as packaged by CheckThat! 2024 (research use)",
    "subjectivity": "CheckThat! subjectivity English (CC BY-NC-SA 4.0); BABE opinion labels "
                    "(AGPL-3.0 repository)",
    "bias": "BABE (AGPL-3.0 repository)",
    "loaded_words": "BABE (AGPL-3.0 repository); BASIL (no licence stated: research use)",
}


def _estimator(cfg: dict):
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=cfg["C"], solver="liblinear", dual=True, max_iter=5000,
                              class_weight=cfg["class_weight"], random_state=SEED)


def _babe_opinion(data_dir: Path) -> tuple[list[str], list[int]]:
    """BABE sentences as extra subjectivity examples: writer's opinion / somewhat opinionated
    -> SUBJ, entirely factual -> OBJ (rows without agreement are skipped)."""
    texts, labels = [], []
    for row in read_babe(data_dir / "bias" / "babe.csv"):
        if row.opinion in OPINION_SUBJ or row.opinion in OPINION_MIXED:
            texts.append(row.text)
            labels.append(1)
        elif row.opinion in OPINION_OBJ:
            texts.append(row.text)
            labels.append(0)
    return texts, labels


def _nb_scale(x, y, weights, beta: float, n_dense: int) -> np.ndarray:
    """NB-SVM style column scaling (Wang & Manning 2012): |log-count ratio|**beta of each
    binarised n-gram column between the classes; dense cue columns keep scale 1. Computed on
    the rows it is given only (inside each CV fold), and folded into the exported weights."""
    scale = np.ones(x.shape[1])
    if not beta:
        return scale
    b = (x > 0).astype(np.float64)
    pos = 1.0 + b[y == 1].T @ weights[y == 1]
    neg = 1.0 + b[y == 0].T @ weights[y == 0]
    r = np.log((pos / pos.sum()) / (neg / neg.sum()))
    scale = np.abs(r) ** beta
    scale[x.shape[1] - n_dense:] = 1.0
    return scale


def _idf_scale(x, n_dense: int) -> np.ndarray:
    """Smoothed idf of each hashed n-gram column (dense cue columns keep scale 1), computed on
    the rows it is given only (inside each CV fold) and folded into the exported weights."""
    df = np.asarray((x > 0).sum(axis=0)).ravel()
    idf = np.log((1.0 + x.shape[0]) / (1.0 + df)) + 1.0
    if n_dense:
        idf[x.shape[1] - n_dense:] = 1.0
    return idf


def _n_dense(spec: FeatureSpec) -> int:
    from newsdesk.models.features import DENSE_NAMES

    return (len(DENSE_NAMES) if spec.dense else 0) + spec.n_rate_cues


def _with_cues(x, cues):
    """``x`` (n-gram + dense columns) with the rate-cue columns appended, if any."""
    if cues is None:
        return x
    from scipy.sparse import csr_matrix, hstack

    return hstack([x, csr_matrix(cues)]).tocsr()


def _fit(cfg, x, y, weights) -> tuple[np.ndarray, float]:
    """Fit one model; returns weights over the unscaled features and the intercept."""
    from scipy.sparse import diags

    n_dense = _n_dense(cfg["spec"])
    scale = _nb_scale(x, y, weights, cfg.get("nb_beta", 0.0), n_dense)
    if cfg.get("idf"):
        scale = scale * _idf_scale(x, n_dense)
    clf = _estimator(cfg)
    clf.fit(x @ diags(scale), y, sample_weight=weights)
    return clf.coef_[0] * scale, float(clf.intercept_[0])


def _fit_blend(cfg, x, y, weights, aux_y=None) -> tuple[np.ndarray, float]:
    """``_fit`` on ``y``, plus ``cfg["opinion_blend"]`` times a second model fitted on the same
    rows and features with the auxiliary labels ``aux_y`` (-1 = unlabelled; bias: BABE's
    label_opinion). Both are linear in the same columns, so the blend is one weight vector."""
    w, b = _fit(cfg, x, y, weights)
    a = cfg.get("opinion_blend", 0.0)
    if a and aux_y is not None:
        m = aux_y >= 0
        w2, b2 = _fit(cfg, x[m], aux_y[m], weights[m])
        w, b = w + a * w2, b + a * b2
    return w, b


def _proba(x, w, b) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(x @ w + b)))


def _cv_oof(cfg, x, y, weights, folds: int = 5, main_mask=None, rates=None,
            aux_y=None) -> np.ndarray:
    """Out-of-fold probabilities (stratified, seeded); extra rows are always in training.
    With ``rates`` (a :class:`word_rates.RateData`) the rate cues are rebuilt per fold."""
    from sklearn.model_selection import StratifiedKFold

    main = np.flatnonzero(main_mask) if main_mask is not None else np.arange(len(y))
    extra = np.setdiff1d(np.arange(len(y)), main)
    oof = np.zeros(len(y))
    skf = StratifiedKFold(folds, shuffle=True, random_state=SEED)
    for tr, te in skf.split(main, y[main]):
        tr_idx = np.concatenate([main[tr], extra])
        te_idx = main[te]
        cues_tr = cues_te = None
        if rates is not None:
            cues_tr = rates.fitted_cues(tr_idx, y, SEED)
            cues_te = rates.cues(te_idx, rates.table(tr_idx))
        w, b = _fit_blend(cfg, _with_cues(x[tr_idx], cues_tr), y[tr_idx], weights[tr_idx],
                          None if aux_y is None else aux_y[tr_idx])
        oof[te_idx] = _proba(_with_cues(x[te_idx], cues_te), w, b)
    return oof[main]


def train_sentence_task(task: str, data_dir: Path) -> dict:
    cfg = CONFIG[task]
    metric = METRICS[cfg["metric"]]
    lex = lexicon_from_artifact()
    spec = cfg["spec"]
    t0 = time.time()
    rates = aux_y = None
    if task == "bias":
        rows = [r for r in read_babe(data_dir / "bias" / "babe.csv") if r.bias != "No agreement"]
        texts = [r.text for r in rows]
        aux_y = np.array([1 if r.opinion in OPINION_SUBJ or r.opinion in OPINION_MIXED
                          else 0 if r.opinion in OPINION_OBJ else -1 for r in rows])
        if spec.rate_cues:
            from .word_rates import RateData

            rates = RateData(texts, [r.biased_words for r in rows], spec, lex)
        y = np.array([1 if r.bias == "Biased" else 0 for r in rows])
        dev = None
    else:
        texts, labels = read_labelled(task, data_dir / task / "train.tsv")
        y = np.array(labels)
        dev = read_labelled(task, data_dir / task / "dev.tsv")
    n_main = len(texts)
    weights = np.ones(n_main)
    extra_note = ""
    if task == "subjectivity" and cfg.get("babe_weight"):
        bt, bl = _babe_opinion(data_dir)
        texts = texts + bt
        y = np.concatenate([y, np.array(bl)])
        weights = np.concatenate([weights, np.full(len(bt), cfg["babe_weight"])])
        extra_note = (f"plus {len(bt)} BABE sentences labelled from label_opinion "
                      f"(weight {cfg['babe_weight']})")
    x = matrix(texts, dataclasses.replace(spec, rate_cues=False, rate_prefix=0), lex).tocsr()
    main_mask = np.arange(len(y)) < n_main
    oof = _cv_oof(cfg, x, y, weights, main_mask=main_mask, rates=rates, aux_y=aux_y)
    threshold, cv_score = best_threshold(y[:n_main], oof, metric)
    cv_at_half = metric(y[:n_main], (oof >= 0.5).astype(int))
    all_rows = np.arange(len(y))
    cues = rates.fitted_cues(all_rows, y, SEED) if rates is not None else None
    w, b = _fit_blend(cfg, _with_cues(x, cues), y, weights, aux_y)
    tables = rates.table(all_rows) if rates is not None else None
    results = {"cv_score": round(cv_score, 4), "cv_score_at_0.5": round(cv_at_half, 4),
               "threshold": threshold, "n_train": n_main, "extra": extra_note,
               "train_seconds": round(time.time() - t0, 1)}
    files = save_linear(task, spec, w, b, threshold, VERSION,
                        {"trained": dt.date.today().isoformat(), "C": cfg["C"],
                         "cv": results["cv_score"]}, rates=tables)
    if dev is not None:
        from newsdesk.evaluate.sentences import evaluate
        from newsdesk.models import sentence_classifier

        sentence_classifier.load.cache_clear()
        results["dev"] = evaluate(task, data_dir / task / "dev.tsv")
    results["files"] = [str(f) for f in files]
    return results


def train_lexicon(data_dir: Path) -> dict:
    from .lexicon import build

    lex = build(data_dir)
    path = ARTIFACT_DIR / "loaded_words.lexicon.json"
    path.write_text(json.dumps(lex, separators=(",", ":"), sort_keys=True, ensure_ascii=False),
                    encoding="utf-8")
    return {"valence": len(lex["valence"]), "zipf": len(lex["zipf10"]),
            "biased": len(lex["biased"]), "files": [str(path)]}


def train_loaded_words(data_dir: Path) -> dict:
    from . import loaded_words as lw

    res = lw.train(data_dir, lexicon_from_artifact())
    weights = res.pop("weights")
    ARTIFACT_DIR.mkdir(parents=True, exist_ok=True)
    npz = ARTIFACT_DIR / "loaded_words.npz"
    np.savez_compressed(npz, weights=weights.astype(np.float16))
    meta = {"version": VERSION, "bits": lw.BITS, "bias": res["bias"],
            "threshold": res["threshold"], "trained": dt.date.today().isoformat()}
    js = ARTIFACT_DIR / "loaded_words.json"
    js.write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    res["files"] = [str(npz), str(js)]
    return res


def run(task: str, data_dir: Path) -> dict:
    if task == "lexicon":
        res = train_lexicon(data_dir)
    elif task == "loaded_words":
        res = train_loaded_words(data_dir)
    else:
        res = train_sentence_task(task, data_dir)
    cards.write(task, res, data_dir, DATA_FILES[task], LICENCES.get(task, ""), VERSION,
                CONFIG.get(task))
    return res


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m training.sentences.train",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("task", choices=["lexicon", "checkworthy", "subjectivity", "bias",
                                         "loaded_words", "all"])
    parser.add_argument("--data", type=Path, default=None,
                        help="shared data folder (default: newsdesk.paths.shared_data_dir())")
    args = parser.parse_args(argv)
    data_dir = args.data or shared_data_dir()
    tasks = (["lexicon", "checkworthy", "subjectivity", "bias", "loaded_words"]
             if args.task == "all" else [args.task])
    for task in tasks:
        res = run(task, data_dir)
        print(json.dumps({"task": task, **res}, indent=1, default=str))


if __name__ == "__main__":
    main()
