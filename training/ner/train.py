"""Train the named-entity tagger and write ``ner.npz`` + ``ner.json`` (+ print card numbers).

    python -m training.ner.train --data ../shared/data

Data: CoNLL-2003 ``ner/conll2003/eng.train`` (+ GUM ``gum/dep/*.conllu`` at a reduced update
weight); dev = ``eng.testa``. Fixed seed; one core; a few minutes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import time
from pathlib import Path

import numpy as np

from newsdesk.evaluate.ner import score
from newsdesk.models.artifacts import ARTIFACT_DIR
from newsdesk.models.ner import marginals
from newsdesk.models.ner_features import (
    TAGS,
    Lexicon,
    hash_features,
    pack_lexicon,
    sentence_features,
)

from .data import read_conll, read_gum
from .lexicon import caps_bands, unlabelled_sentences, word_clusters, zipf_bands
from .perceptron import Perceptron

VERSION = "1.0.0"
TAG_INDEX = {t: i for i, t in enumerate(TAGS)}


def featurize(sentences, lex: Lexicon, mask: int):
    out = []
    for toks, tags in sentences:
        feats = sentence_features(toks, lex)
        ids = np.fromiter((h for f in feats for h in hash_features(f, mask)), dtype=np.int64)
        starts = np.concatenate([[0], np.cumsum([len(f) for f in feats])[:-1]]).astype(np.int64)
        gold = np.array([TAG_INDEX[t] for t in tags], dtype=np.intp)
        out.append((ids, starts, gold))
    return out


def dev_score(model: Perceptron, dev_x, dev_gold, w, trans) -> dict:
    guess = [[TAGS[i] for i in model.decode(ids, st, w, trans)] for ids, st, _ in dev_x]
    return score(dev_gold, guess)


def fit_temperature(model: Perceptron, dev_x, w, trans) -> float:
    """Temperature of the tag marginals that minimises dev log-loss (calibrates scores)."""
    best = (float("inf"), 1.0)
    sample = dev_x[::3]
    for temp in (1.0, 2.0, 4.0, 6.0, 8.0, 12.0, 16.0, 24.0, 32.0, 48.0, 64.0, 96.0):
        nll = 0.0
        for ids, st, gold in sample:
            e = model.emissions(ids, st, w)
            m = marginals(e, trans[0] + model.mask_start, trans[1:] + model.mask, temp)
            nll -= np.log(np.maximum(m[np.arange(len(gold)), gold], 1e-12)).sum()
        best = min(best, (nll, temp))
    return best[1]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--data", type=Path, default=Path("../shared/data"))
    ap.add_argument("--epochs", type=int, default=12)
    ap.add_argument("--gum-weight", type=float, default=0.5)
    ap.add_argument("--bits", type=int, default=22)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--prune", type=float, default=0.0, help="drop rows with max |w| below this")
    ap.add_argument("--out", type=Path, default=ARTIFACT_DIR)
    ap.add_argument("--no-write", action="store_true")
    args = ap.parse_args(argv)

    t0 = time.time()
    random.seed(args.seed)
    np.random.seed(args.seed)
    data = args.data
    train_path = data / "ner" / "conll2003" / "eng.train"
    dev_path = data / "ner" / "conll2003" / "eng.testa"
    train_docs = read_conll(train_path)
    dev_docs = read_conll(dev_path)
    gum_docs = read_gum(data / "gum" / "dep") if args.gum_weight > 0 else []
    train = [s for d in train_docs for s in d]
    gum = [s for d in gum_docs for s in d]
    dev = [s for d in dev_docs for s in d]
    print(f"train {len(train)} sentences, gum {len(gum)}, dev {len(dev)}", flush=True)

    unl = unlabelled_sentences(data, [t for t, _ in train])
    lex = Lexicon(
        clusters=word_clusters(unl, args.seed), caps=caps_bands(unl), zipf=zipf_bands()
    )
    print(f"lexicons: {len(lex.clusters)} clusters, {len(lex.caps)} caps, {len(lex.zipf)} zipf "
          f"from {sum(map(len, unl))} unlabelled tokens ({time.time() - t0:.0f}s)", flush=True)

    mask = (1 << args.bits) - 1
    train_x = featurize(train, lex, mask) + featurize(gum, lex, mask)
    weights = [1.0] * len(train) + [args.gum_weight] * len(gum)
    dev_x = featurize(dev, lex, mask)
    dev_gold = [tags for _, tags in dev]
    print(f"features ready ({time.time() - t0:.0f}s)", flush=True)

    model = Perceptron(1 << args.bits, TAGS)
    order = list(range(len(train_x)))
    rng = random.Random(args.seed)
    history = []
    for epoch in range(1, args.epochs + 1):
        rng.shuffle(order)
        errors = 0
        for k in order:
            ids, st, gold = train_x[k]
            errors += model.update(ids, st, gold, weights[k])
        w, trans = model.averaged()
        res = dev_score(model, dev_x, dev_gold, w, trans)
        history.append({"epoch": epoch, "dev_f1": round(res["f1"], 4)})
        print(f"epoch {epoch}: {errors} sentence errors, dev F1 {res['f1']:.4f} "
              f"({time.time() - t0:.0f}s)", flush=True)

    w, trans = model.averaged()
    rows = np.nonzero(np.abs(w).max(axis=1) > max(args.prune, 1e-9))[0]
    kept = w[rows]
    scale = float(np.abs(kept).max() / 127.0)
    q = np.round(kept / scale).astype(np.int8)
    wq = np.zeros_like(w)
    wq[rows] = q * scale
    res = dev_score(model, dev_x, dev_gold, wq, trans)
    print(f"shipped (int8, {len(rows)} rows): dev F1 {res['f1']:.4f} P {res['precision']:.4f} "
          f"R {res['recall']:.4f}", flush=True)
    for typ, v in res["per_type"].items():
        print(f"  {typ}: F1 {v['f1']:.4f} P {v['precision']:.4f} R {v['recall']:.4f}")
    temperature = fit_temperature(model, dev_x, wq, trans)
    print(f"confidence temperature {temperature}")
    elapsed = time.time() - t0
    print(f"training time {elapsed:.0f}s")
    if args.no_write:
        return
    args.out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(
        args.out / "ner.npz",
        keys=rows.astype(np.uint32),
        weights=q,
        scale=np.array(scale, dtype=np.float64),
        transitions=trans.astype(np.float32),
    )
    files = [train_path, dev_path] + sorted((data / "gum" / "dep").glob("*.conllu"))
    meta = {
        "name": "ner",
        "version": VERSION,
        "tags": list(TAGS),
        "bits": args.bits,
        "training": {
            "command": "python -m training.ner.train --data ../shared/data",
            "args": {k: str(v) for k, v in vars(args).items()},
            "seconds": round(elapsed),
            "history": history,
            "data_sha256": {
                str(p.relative_to(data)): sha256(p) for p in files[:2]
            },
            "gum_sha256_concat": hashlib.sha256(
                b"".join(sha256(p).encode() for p in files[2:])
            ).hexdigest(),
        },
        "dev": {
            "f1": round(res["f1"], 4),
            "precision": round(res["precision"], 4),
            "recall": round(res["recall"], 4),
            "per_type": {t: round(v["f1"], 4) for t, v in res["per_type"].items()},
        },
        "temperature": temperature,
        "lexicon": pack_lexicon(lex),
    }
    with open(args.out / "ner.json", "w", encoding="utf-8") as fh:
        json.dump(meta, fh, ensure_ascii=False, separators=(",", ":"))
    print(f"wrote {args.out / 'ner.npz'} and {args.out / 'ner.json'}")


if __name__ == "__main__":
    main()
