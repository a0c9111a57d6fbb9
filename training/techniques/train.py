"""Train the shipped technique model: ``python -m training.techniques.train --data ../shared/data``.

Writes ``src/newsdesk/models/artifacts/techniques.{npz,json,card.md}``. With ``--cv`` (default on)
it first measures both models by 5-fold cross-validation grouped by article and puts the figures
in the card (TC micro-F1 given gold spans; SI F1 with the task's overlap measure).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from pathlib import Path

import numpy as np

from newsdesk.evaluate.propaganda import si_score, tc_score
from newsdesk.models.artifacts import ARTIFACT_DIR
from newsdesk.models.technique_features import CHAR_WEIGHT
from newsdesk.models.techniques import ARTIFACT, decode_spans

from newsdesk.models.technique_words import loaded_words_sha256, pack_clusters

from .common import load_ptc, ner_clusters, ptc_files, sha256_files, vader_lexicon, word_info
from .si_cv import article_tokens
from .tc_cv import build, span_keys

VERSION = "1.0.0"
TC_C = 0.1
SI_C = 0.3
SI_MIN_DF = 5
TC_MIN_DF = 2


def _fit_tc(X, y, labels):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.svm import LinearSVC

    dv = DictVectorizer()
    M = dv.fit_transform(X)
    keep = np.flatnonzero(np.asarray((M != 0).sum(0)).ravel() >= TC_MIN_DF)
    clf = LinearSVC(C=TC_C, max_iter=5000).fit(M[:, keep], y)
    assert list(clf.classes_) == labels
    names = [dv.feature_names_[i] for i in keep]
    return names, clf.coef_.T.astype(np.float32), clf.intercept_.astype(np.float32)


def _scores(names, W, b, X):
    index = {n: i for i, n in enumerate(names)}
    out = np.zeros((len(X), W.shape[1]), dtype=np.float64)
    for r, feats in enumerate(X):
        idx = [index[k] for k in feats if k in index]
        vals = np.array([feats[k] for k in feats if k in index])
        out[r] = (vals @ W[idx] if idx else 0) + b
    return out


def _fit_temperature(scores, y_idx):
    best = (1e9, 1.0)
    for t in np.exp(np.linspace(np.log(0.05), np.log(5), 60)):
        z = scores / t
        z = z - z.max(1, keepdims=True)
        logp = z - np.log(np.exp(z).sum(1, keepdims=True))
        nll = -logp[np.arange(len(y_idx)), y_idx].mean()
        best = min(best, (nll, float(t)))
    return best[1], best[0]


def _predict_like_classify(arts, scores, labels):
    """Argmax per span, except that the k-th copy of a repeated span takes the k-th best label
    (what ``TechniqueModel.classify`` does)."""
    pred, r = [], 0
    for art in arts:
        seen: dict = {}
        for s, e, _ in art.spans:
            k = seen.get((s, e), 0)
            seen[(s, e)] = k + 1
            order = np.argsort(-scores[r])
            pred.append(labels[int(order[min(k, len(order) - 1)])])
            r += 1
    return pred


def _fit_si(X, y):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    dv = DictVectorizer()
    M = dv.fit_transform(X)
    keep = np.flatnonzero(np.asarray((M != 0).sum(0)).ravel() >= SI_MIN_DF)
    clf = LogisticRegression(C=SI_C, solver="liblinear").fit(M[:, keep], y)
    names = [dv.feature_names_[i] for i in keep]
    w = clf.coef_[0].astype(np.float32)
    nz = np.flatnonzero(np.abs(w) > 1e-4)
    return [names[i] for i in nz], w[nz], clf.intercept_.astype(np.float32)


def main(argv=None):
    from sklearn.model_selection import GroupKFold

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--out", default=str(ARTIFACT_DIR))
    ap.add_argument("--si-threshold", type=float, default=0.2)
    ap.add_argument("--no-cv", dest="cv", action="store_false")
    args = ap.parse_args(argv)
    t0 = time.time()
    arts = load_ptc(args.data)
    lex = vader_lexicon()
    words = word_info()
    X, y, groups = build(arts, lex, words)
    labels = sorted(set(y))
    y_idx = np.array([labels.index(t) for t in y])
    metrics: dict = {"n_articles": len(arts), "n_spans": len(y)}

    # ---- TC: CV scores (for the card and the softmax temperature), then the full fit
    cv_scores = np.zeros((len(y), len(labels)))
    if args.cv:
        for tr, te in GroupKFold(5).split(X, y, groups):
            names, W, b = _fit_tc([X[i] for i in tr], y[tr], labels)
            cv_scores[te] = _scores(names, W, b, [X[i] for i in te])
        pred = _predict_like_classify(arts, cv_scores, labels)
        tc = tc_score(list(y), pred, span_keys(arts))
        metrics["tc_cv_micro_f1"] = round(tc["micro_f1"], 4)
        metrics["tc_cv_micro_f1_positional"] = round(tc["micro_f1_positional"], 4)
        plain = tc_score(list(y), [labels[i] for i in cv_scores.argmax(1)])
        metrics["tc_cv_micro_f1_argmax_positional"] = round(plain["micro_f1"], 4)
        metrics["tc_cv_macro_f1"] = round(tc["macro_f1"], 4)
        metrics["tc_cv_per_technique"] = {k: v["f1"] for k, v in tc["per_technique"].items()}
        temperature, nll = _fit_temperature(cv_scores, y_idx)
        metrics["tc_cv_nll"] = round(nll, 4)
        print(f"TC CV micro-F1 {tc['micro_f1']:.4f} (positional {tc['micro_f1_positional']:.4f}, argmax positional {plain['micro_f1']:.4f}) macro {tc['macro_f1']:.4f} T={temperature:.3f} ({time.time()-t0:.0f}s)")
    else:
        temperature = 0.3
    tc_names, tc_W, tc_b = _fit_tc(X, y, labels)

    # ---- SI: token tagger
    per = [article_tokens(a, lex) for a in arts]
    TX = [x for p in per for x in p[0]]
    Ty = np.array([v for p in per for v in p[2]])
    tgroups = np.array([i for i, p in enumerate(per) for _ in p[2]])
    if args.cv:
        prob = np.zeros(len(Ty))
        for tr, te in GroupKFold(5).split(TX, Ty, tgroups):
            names, w, b = _fit_si([TX[i] for i in tr], Ty[tr])
            z = _scores(names, w[:, None], b, [TX[i] for i in te])[:, 0]
            prob[te] = 1 / (1 + np.exp(-z))
        offs = np.cumsum([0] + [len(p[2]) for p in per])
        pairs = []
        for a, p, o in zip(arts, per, offs):
            pred = decode_spans(a.text, p[1], prob[o : o + len(p[1])], args.si_threshold)
            pairs.append(([(s, e) for s, e, _ in pred], [(s, e) for s, e, _ in a.spans]))
        si = si_score(pairs)
        metrics.update({f"si_cv_{k}": round(v, 4) if isinstance(v, float) else v for k, v in si.items()})
        print(f"SI CV F1 {si['f1']:.4f} P {si['precision']:.4f} R {si['recall']:.4f} ({time.time()-t0:.0f}s)")
    si_names, si_w, si_b = _fit_si(TX, Ty)

    out = Path(args.out)
    meta = {
        "version": VERSION,
        "labels": labels,
        "tc_features": tc_names,
        "si_features": si_names,
        "tc_temperature": round(temperature, 4),
        "si_threshold": args.si_threshold,
        "char_weight": CHAR_WEIGHT,
        "lexicon": lex,
        "clusters": pack_clusters(ner_clusters()),
        "loaded_words_sha256": loaded_words_sha256(),
    }
    with (out / f"{ARTIFACT}.json").open("w", encoding="utf-8") as fh:
        json.dump(meta, fh, ensure_ascii=False, separators=(",", ":"))
    # float16 weights halve the artifact; the scores move by < 1e-3 (checked in the card's numbers)
    np.savez_compressed(
        out / f"{ARTIFACT}.npz", tc_W=tc_W.astype(np.float16), tc_b=tc_b, si_w=si_w.astype(np.float16), si_b=si_b
    )
    sha = sha256_files(ptc_files(args.data))
    (out / f"{ARTIFACT}.metrics.json").write_text(json.dumps(metrics, indent=1) + "\n")
    print(json.dumps({k: v for k, v in metrics.items() if "per_technique" not in k}, indent=1))
    print(f"features: TC {len(tc_names)}, SI {len(si_names)}; data sha256 {sha}; {time.time()-t0:.0f}s")
    from .card import write_card

    print(f"trained {dt.date.today()}; card: {write_card(args.data, out)}")


if __name__ == "__main__":
    main()
