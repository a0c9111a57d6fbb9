"""Cross-validate technique classification by article: ``python -m training.techniques.tc_cv``."""

from __future__ import annotations

import argparse
import time

import numpy as np

from newsdesk.models.technique_features import ArticleContext, span_features
from newsdesk.evaluate.propaganda import tc_score

from .common import load_ptc, vader_lexicon, word_info


def build(articles, lexicon, words=None):
    """Span feature dicts, labels and article index of every gold span (``words``: the
    :class:`WordInfo` of the cluster and loaded-word features; None leaves them out)."""
    X, y, groups = [], [], []
    for gi, art in enumerate(articles):
        ctx = ArticleContext.build(art.text, [(s, e) for s, e, _ in art.spans])
        if words is not None:
            words.prefetch(ctx, [s for s, _, _ in art.spans])
        for s, e, t in art.spans:
            X.append(span_features(ctx, s, e, lexicon, words))
            y.append(t)
            groups.append(gi)
    return X, np.array(y), np.array(groups)


def span_keys(articles) -> list[tuple[str, int, int]]:
    """(article, start, end) of every gold span, in :func:`build`'s order."""
    return [(art.id, s, e) for art in articles for s, e, _ in art.spans]


def main(argv=None):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--C", type=float, nargs="+", default=[1.0])
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--min-df", type=int, default=2)
    ap.add_argument("--model", default="lr")
    ap.add_argument("--drop", nargs="*", default=[])
    ap.add_argument("--scale", nargs="*", default=[])
    ap.add_argument("--no-word-info", dest="word_info", action="store_false",
                    help="leave out the word-cluster and loaded-word features")
    args = ap.parse_args(argv)
    t0 = time.time()
    arts = load_ptc(args.data)
    lex = vader_lexicon()
    X, y, groups = build(arts, lex, word_info() if args.word_info else None)
    if args.drop:
        X = [{k: v for k, v in x.items() if not k.startswith(tuple(args.drop))} for x in X]
    for item in args.scale:
        pre, fac = item.split(":")
        for x in X:
            for k in x:
                if k.startswith(pre):
                    x[k] *= float(fac)
    print(f"{len(y)} spans, features built in {time.time()-t0:.1f}s")
    for C in args.C:
        pred = np.empty(len(y), dtype=object)
        for tr, te in GroupKFold(args.folds).split(X, y, groups):
            dv = DictVectorizer()
            Xtr = dv.fit_transform([X[i] for i in tr])
            df = np.asarray((Xtr != 0).sum(0)).ravel()
            keep = np.flatnonzero(df >= args.min_df)
            Xtr = Xtr[:, keep]
            Xte = dv.transform([X[i] for i in te])[:, keep]
            if args.model == "svc":
                from sklearn.svm import LinearSVC
                clf = LinearSVC(C=C, max_iter=5000)
            else:
                clf = LogisticRegression(C=C, max_iter=2000)
            clf.fit(Xtr, y[tr])
            pred[te] = clf.predict(Xte)
        sc = tc_score(list(y), list(pred), span_keys(arts))
        print(f"C={C} micro-F1={sc['micro_f1']:.4f} (positional {sc['micro_f1_positional']:.4f}) "
              f"macro-F1={sc['macro_f1']:.4f} ({time.time()-t0:.0f}s)")
        for k, v in sc["per_technique"].items():
            print(f"   {k:40s} f1={v['f1']:.3f} n={v['support']}")


if __name__ == "__main__":
    main()
