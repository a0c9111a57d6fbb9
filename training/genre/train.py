"""Train the shipped genre model: ``python -m training.genre.train --data ../shared/data``.

Sentence opinion scorer: BABE ``label_opinion`` ("Expresses writer's opinion" = 1, "Somewhat
factual but also opinionated" = 1 at half weight, "Entirely factual" = 0, "No agreement" left
out) plus CheckThat! subjectivity ``train.tsv`` (SUBJ = 1, OBJ = 0); measured on the
subjectivity ``dev.tsv``. Article classifier: the ``train`` split of :mod:`training.genre.data`;
measured on its ``dev`` split (written to a temporary folder and scored with
``newsdesk.evaluate.genre``, the same code as ``newsdesk eval genre``).
Writes ``src/newsdesk/models/artifacts/genre.{npz,json}`` and ``genre.metrics.json``.
"""

from __future__ import annotations

import argparse
import csv
import json
import tempfile
import time
from pathlib import Path

import numpy as np

from newsdesk.models.artifacts import ARTIFACT_DIR
from newsdesk.models.genre import ARTICLE_FEATURES, ARTIFACT, CLIP, article_features, sentence_features, split_sentences

from ..techniques.common import sha256_files, vader_lexicon
from .data import all_docs, source_files, write_eval_folder

VERSION = "1.0.0"
SENT_C = 1.0
ART_C = 0.3


def sentence_data(root: Path):
    X, y, w = [], [], []
    with (root / "bias" / "babe.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter=";"):
            lab = row["label_opinion"]
            if lab.startswith("Expresses"):
                X.append(row["text"]); y.append(1); w.append(1.0)
            elif lab.startswith("Somewhat"):
                X.append(row["text"]); y.append(1); w.append(0.5)
            elif lab.startswith("Entirely"):
                X.append(row["text"]); y.append(0); w.append(1.0)
    def tsv(name):
        with (root / "subjectivity" / name).open(encoding="utf-8") as fh:
            return [(r["sentence"], 1 if r["label"] == "SUBJ" else 0) for r in csv.DictReader(fh, delimiter="\t")]
    for s, lab in tsv("train.tsv"):
        X.append(s); y.append(lab); w.append(1.0)
    return X, np.array(y), np.array(w), tsv("dev.tsv")


def main(argv=None):
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score
    from sklearn.model_selection import GroupKFold

    from newsdesk.evaluate import genre as genre_eval
    from newsdesk.models import genre as genre_mod

    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--out", default=str(ARTIFACT_DIR))
    args = ap.parse_args(argv)
    t0 = time.time()
    root = Path(args.data)
    lex = vader_lexicon()
    metrics: dict = {}

    # ---- sentence opinion scorer
    S, sy, sw, dev = sentence_data(root)
    SX = [sentence_features(s, lex) for s in S]
    dv = DictVectorizer()
    M = dv.fit_transform(SX)
    keep = np.flatnonzero(np.asarray((M != 0).sum(0)).ravel() >= 2)
    sclf = LogisticRegression(C=SENT_C, max_iter=3000).fit(M[:, keep], sy, sample_weight=sw)
    names = [dv.feature_names_[i] for i in keep]
    sent_w = sclf.coef_[0].astype(np.float32)
    nz = np.flatnonzero(np.abs(sent_w) > 1e-4)
    names, sent_w = [names[i] for i in nz], sent_w[nz]
    sent_b = sclf.intercept_.astype(np.float32)
    dX = dv.transform([sentence_features(s, lex) for s, _ in dev])[:, keep]
    dpred = sclf.predict(dX)
    metrics["sentence_opinion_subjectivity_dev_macro_f1"] = round(
        float(f1_score([lab for _, lab in dev], dpred, average="macro")), 4
    )
    metrics["sentence_train_n"] = len(sy)
    print(f"sentence scorer: {len(names)} features, subjectivity dev macro-F1 "
          f"{metrics['sentence_opinion_subjectivity_dev_macro_f1']} ({time.time()-t0:.0f}s)")
    sindex = {n: i for i, n in enumerate(names)}

    def sent_probs(sentences):
        out = np.zeros(len(sentences))
        for k, s in enumerate(sentences):
            z = float(sent_b[0])
            for n, v in sentence_features(s, lex).items():
                i = sindex.get(n)
                if i is not None:
                    z += v * float(sent_w[i])
            out[k] = 1 / (1 + np.exp(-z))
        return out

    # ---- article classifier
    docs = all_docs(root)
    train = [d for d in docs if d.split == "train"]
    devd = [d for d in docs if d.split == "dev"]

    def feats(d):
        sents = split_sentences(d.body)
        return article_features(d.title, sents, sent_probs(sents), lex)

    A = np.vstack([feats(d) for d in train])
    ay = np.array([d.label for d in train])
    mean, scale = A.mean(0), A.std(0) + 1e-6
    Z = np.clip((A - mean) / scale, -CLIP, CLIP)
    groups = np.array([d.group for d in train])
    cvp = np.empty(len(ay), dtype=object)
    for tr, te in GroupKFold(5).split(Z, ay, groups):
        c = LogisticRegression(C=ART_C, class_weight="balanced", max_iter=2000).fit(Z[tr], ay[tr])
        cvp[te] = c.predict(Z[te])
    metrics["article_train_cv_macro_f1"] = round(float(f1_score(ay, list(cvp), average="macro")), 4)
    aclf = LogisticRegression(C=ART_C, class_weight="balanced", max_iter=2000).fit(Z, ay)
    classes = list(aclf.classes_)
    metrics["article_train_n"] = {c: int((ay == c).sum()) for c in classes}
    metrics["article_weights"] = {n: round(float(w), 3) for n, w in zip(ARTICLE_FEATURES, aclf.coef_[0])}
    print(f"article CV (train split) macro-F1 {metrics['article_train_cv_macro_f1']} ({time.time()-t0:.0f}s)")

    out = Path(args.out)
    meta = {"version": VERSION, "classes": classes, "sentence_features": names,
            "article_features": ARTICLE_FEATURES, "lexicon": lex,
            "note": "satire is never predicted: no satire data"}
    (out / f"{ARTIFACT}.json").write_text(json.dumps(meta, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    np.savez_compressed(out / f"{ARTIFACT}.npz", sent_w=sent_w, sent_b=sent_b,
                        art_mean=mean.astype(np.float32), art_scale=scale.astype(np.float32),
                        art_w=aclf.coef_[0].astype(np.float32), art_b=aclf.intercept_.astype(np.float32))

    # ---- dev split through the eval code path (the shipped artifact, freshly loaded)
    genre_mod.load.cache_clear()
    with tempfile.TemporaryDirectory() as tmp:
        write_eval_folder(devd, Path(tmp))
        res = genre_eval.evaluate("genre", Path(tmp))
    metrics["article_dev"] = res
    metrics["data_sha256"] = sha256_files(source_files(root) + [root / "bias" / "babe.csv",
                                          root / "subjectivity" / "train.tsv", root / "subjectivity" / "dev.tsv"])
    (out / f"{ARTIFACT}.metrics.json").write_text(json.dumps(metrics, indent=1) + "\n")
    print(json.dumps(res, indent=1))
    from .card import write_card

    print(f"done in {time.time()-t0:.0f}s; card: {write_card(out)}")


if __name__ == "__main__":
    main()
