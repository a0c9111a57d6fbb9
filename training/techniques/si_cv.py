"""Token-tagger features/data for span identification and its by-article CV.

``python -m training.techniques.si_cv --data ../shared/data``
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from newsdesk.evaluate.propaganda import si_score
from newsdesk.models.technique_features import ArticleContext, line_features, token_features
from newsdesk.models.techniques import body_lines, decode_spans
from newsdesk.read.tokens import token_spans

from .common import load_ptc, vader_lexicon


def article_tokens(art, lexicon):
    """(features per token, token spans, labels) for one article's lines."""
    ctx = ArticleContext.build(art.text)
    gold = sorted((s, e) for s, e, _ in art.spans)
    X, spans, y = [], [], []
    for ls, le in body_lines(art.text):
        toks = token_spans(art.text, ls, le)
        if not toks:
            continue
        lf = line_features(ctx, ls, le, lexicon)
        for i, (s, e) in enumerate(toks):
            X.append(token_features(ctx, toks, i, lexicon, lf))
            spans.append((s, e))
            y.append(any(gs < e and s < ge for gs, ge in gold))
    return X, spans, y


def main(argv=None):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--C", type=float, default=0.3)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--min-df", type=int, default=2)
    ap.add_argument("--thresholds", type=float, nargs="+", default=[0.3, 0.35, 0.4, 0.45, 0.5])
    args = ap.parse_args(argv)
    t0 = time.time()
    arts = load_ptc(args.data)
    lex = vader_lexicon()
    per = [article_tokens(a, lex) for a in arts]
    X = [x for p in per for x in p[0]]
    y = np.array([v for p in per for v in p[2]])
    groups = np.array([i for i, p in enumerate(per) for _ in p[2]])
    print(f"{len(y)} tokens ({y.mean():.3f} positive) in {time.time()-t0:.0f}s")
    prob = np.zeros(len(y))
    for tr, te in GroupKFold(args.folds).split(X, y, groups):
        dv = DictVectorizer()
        Xtr = dv.fit_transform([X[i] for i in tr])
        keep = np.flatnonzero(np.asarray((Xtr != 0).sum(0)).ravel() >= args.min_df)
        clf = LogisticRegression(C=args.C, solver="liblinear")
        clf.fit(Xtr[:, keep], y[tr])
        prob[te] = clf.predict_proba(dv.transform([X[i] for i in te])[:, keep])[:, 1]
        print(f"  fold done {time.time()-t0:.0f}s")
    offs = np.cumsum([0] + [len(p[2]) for p in per])
    for th in args.thresholds:
        pairs = []
        for a, p, o in zip(arts, per, offs):
            pred = decode_spans(a.text, p[1], prob[o : o + len(p[1])], th)
            pairs.append(([(s, e) for s, e, _ in pred], [(s, e) for s, e, _ in a.spans]))
        sc = si_score(pairs)
        print(f"th={th} SI P={sc['precision']:.3f} R={sc['recall']:.3f} F1={sc['f1']:.4f} n_pred={sc['n_pred']}")


if __name__ == "__main__":
    main()
