"""Train the named-entity tagger and write ``ner.npz`` + ``ner.json`` (+ print card numbers).

    python -m training.ner.train --data ../shared/data

Data: CoNLL-2003 ``ner/conll2003/eng.train`` (+ GUM ``gum/dep/*.conllu`` at a reduced update
weight); dev = ``eng.testa``. Fixed seed; one core; a few minutes.
"""

from __future__ import annotations

import os

# One core, and the same k-means/SVD arithmetic on every machine: set before numpy loads.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

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
    ap.add_argument("--epochs", type=int, default=10)
    ap.add_argument("--gum-weight", type=float, default=0.5)
    ap.add_argument("--bits", type=int, default=22)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--prune", type=float, default=0.0, help="drop rows with max |w| below this")
    ap.add_argument("--out", type=Path, default=ARTIFACT_DIR)
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument(
        "--gum-heldout",
        default="",
        help="experiment: leave GUM files whose name contains this out of training and score "
        "the model on them (e.g. 'news' for modern-news generalisation); implies --no-write",
    )
    args = ap.parse_args(argv)

    t0 = time.time()
    random.seed(args.seed)
    np.random.seed(args.seed)
    data = args.data
    train_path = data / "ner" / "conll2003" / "eng.train"
    dev_path = data / "ner" / "conll2003" / "eng.testa"
    train_docs = read_conll(train_path)
    dev_docs = read_conll(dev_path)
    gum_all = read_gum(data / "gum" / "dep", with_names=True)
    held = [d for name, d in gum_all if args.gum_heldout and args.gum_heldout in name]
    gum_docs = [d for name, d in gum_all if not (args.gum_heldout and args.gum_heldout in name)]
    if args.gum_weight <= 0:
        gum_docs = []
    if args.gum_heldout:
        args.no_write = True
    train = [s for d in train_docs for s in d]
    gum = [s for d in gum_docs for s in d]
    dev = [s for d in dev_docs for s in d]
    print(f"train {len(train)} sentences, gum {len(gum)}, dev {len(dev)}", flush=True)

    unl = unlabelled_sentences(data, [t for t, _ in train])
    lex = Lexicon(clusters=word_clusters(unl, args.seed), caps=caps_bands(unl), zipf=zipf_bands())
    print(
        f"lexicons: {len(lex.clusters)} clusters, {len(lex.caps)} caps, {len(lex.zipf)} zipf "
        f"from {sum(map(len, unl))} unlabelled tokens ({time.time() - t0:.0f}s)",
        flush=True,
    )

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
        print(
            f"epoch {epoch}: {errors} sentence errors, dev F1 {res['f1']:.4f} "
            f"({time.time() - t0:.0f}s)",
            flush=True,
        )

    w, trans = model.averaged()
    rows = np.nonzero(np.abs(w).max(axis=1) > max(args.prune, 1e-9))[0]
    kept = w[rows]
    scale = float(np.abs(kept).max() / 127.0)
    q = np.round(kept / scale).astype(np.int8)
    wq = np.zeros_like(w)
    wq[rows] = q * scale
    res = dev_score(model, dev_x, dev_gold, wq, trans)
    print(
        f"shipped (int8, {len(rows)} rows): dev F1 {res['f1']:.4f} P {res['precision']:.4f} "
        f"R {res['recall']:.4f}",
        flush=True,
    )
    for typ, v in res["per_type"].items():
        print(f"  {typ}: F1 {v['f1']:.4f} P {v['precision']:.4f} R {v['recall']:.4f}")
    if held:
        held_s = [s for d in held for s in d]
        hx = featurize(held_s, lex, mask)
        hres = dev_score(model, hx, [t for _, t in held_s], wq, trans)
        print(
            f"held-out GUM '{args.gum_heldout}' ({len(held)} docs, {len(held_s)} sentences): "
            f"F1 {hres['f1']:.4f} P {hres['precision']:.4f} R {hres['recall']:.4f}; "
            + ", ".join(f"{k} {v['f1']:.4f}" for k, v in hres["per_type"].items())
        )
    temperature = fit_temperature(model, dev_x, wq, trans)
    print(f"confidence temperature {temperature}")
    elapsed = time.time() - t0
    print(f"training time {elapsed:.0f}s")
    if args.no_write:
        return
    args.out.mkdir(parents=True, exist_ok=True)
    np.savez(
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
            "data_sha256": {str(p.relative_to(data)): sha256(p) for p in files[:2]},
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
    (args.out / "ner.card.md").write_text(card(meta, files, data, len(rows)), encoding="utf-8")
    print(f"wrote {args.out / 'ner.npz'}, {args.out / 'ner.json'} and {args.out / 'ner.card.md'}")


def card(meta: dict, files: list[Path], data: Path, n_rows: int) -> str:
    dev = meta["dev"]
    tr = meta["training"]
    per = "\n".join(f"| {t} | {f:.4f} |" for t, f in dev["per_type"].items())
    hist = ", ".join(f"{h['epoch']}: {h['dev_f1']:.4f}" for h in tr["history"])
    sums = "\n".join(f"- `{p.relative_to(data)}`: `{sha256(p)}`" for p in files)
    return f"""# ner: named-entity tagger (version {meta["version"]})

Averaged structured perceptron (first-order Viterbi with IOB2 constraints) over crc32-hashed
features ({1 << meta["bits"]:,} buckets, {n_rows:,} non-zero rows shipped as int8 + one scale).
Features: word (lower-cased, accents folded, digits as 0), cased word, shape, prefixes and
suffixes (1-4), hyphen parts, neighbours +-2 and their shapes, word bigrams, distributional word
clusters (three granularities), a capitalisation band (how often the word is capitalised
mid-sentence in unlabelled text), a general-English frequency band (wordfreq), a headline
(all-capitals sentence) flag. No POS or chunk columns: only raw tokens are used.

Files: `ner.npz` (keys uint32 sorted buckets, weights int8 rows x 9 tags, scale, transitions
10 x 9 with row 0 = start), `ner.json` (tags, hash bits, confidence temperature, packed word
lexicons, training metadata). Inference: `newsdesk.models.ner.load()`, numpy only.

## Data and licences

- CoNLL-2003 English `eng.train` (Reuters RCV1; research use, text not shipped): weight 1.
- GUM `gum/dep/*.conllu` (annotations CC-BY 4.0; texts CC-BY 2.5 / 4.0 / CC-BY-SA 3.0), converted
  to CoNLL types at update weight {tr["args"]["gum_weight"]}: person -> PER, organization -> ORG,
  place -> LOC, event/abstract/object/substance/animal/plant -> MISC, only when the entity's head
  token is a proper noun (UPOS PROPN or XPOS NNP/NNPS); the name is the head plus the adjacent
  proper nouns syntactically linked to it (joined across "of", "and", "de"...), titles such as
  "Mr." or "President" left out; outermost wins (CoNLL does not nest); person
  groups with a plural proper-noun head ("Americans") -> MISC; time -> O; capitalised adjectives
  (XPOS JJ, e.g. "Spanish") -> MISC as the CoNLL guidelines say.
- Word clusters and capitalisation bands: unlabelled text of eng.train, BASIL, PTC train
  articles, GUM, BABE, ClaimBuster train, subjectivity train, Climate-FEVER (no dev/test text).
  Shipped only as word -> band/cluster tables.
- Frequency bands: wordfreq `top_n_list("en", 60000)` (wordfreq data: CC-BY-SA 4.0), bucketed.

## Dev metrics (CoNLL-2003 `eng.testa`, conlleval entity level, shipped int8 weights)

F1 **{dev["f1"]:.4f}** (precision {dev["precision"]:.4f}, recall {dev["recall"]:.4f})

| type | F1 |
|---|---|
{per}

Dev F1 by epoch (averaged weights): {hist}. Epoch count ({tr["args"]["epochs"]}) and GUM weight
chosen on dev (see "Choices" below).
The span score returned by `entities()` is the mean posterior tag probability
(forward-backward, temperature {meta["temperature"]} fitted on dev log-loss).

## Choices (measured with `--gum-heldout news`: GUM news documents left out of training and scored)

| GUM weight | eng.testa F1 | held-out GUM news F1 (converted labels) |
|---|---|---|
| 0 (CoNLL only) | 0.9119 | 0.5592 |
| 0.5 (shipped) | 0.9133 | 0.6058 |
| 1.0 | 0.9111 | 0.6112 |

    python -m training.ner.train --data ../shared/data --gum-weight 0.5 --gum-heldout news

The GUM news score is against automatically converted GUM annotations, whose conventions
differ from CoNLL's in places (e.g. GUM spans such as "Ambassador to the United States X"),
so it is a lower bound on quality on modern news, not a clean benchmark. (These rows were
trained without the GUM news documents; the shipped model is trained on all of GUM.)

At inference `entities()` re-cuts the shared tokenizer's tokens the way the CoNLL text is cut
("Mr." and initials keep their period, possessive "'s" stands apart) and maps curly quotes and
dashes to ASCII; accents are folded for the word lexicons only.

## Training

    {tr["command"]}

Seed {tr["args"]["seed"]}, one core, {tr["seconds"]} s on the shared 2-core machine.
Training data sha256:

{sums}

Reproduce the dev score: `newsdesk eval ner --data ../shared/data/ner/conll2003/eng.testa`.
"""


if __name__ == "__main__":
    main()
