"""Word lexicons for the tagger, computed from unlabelled text and wordfreq.

* clusters: distributional word clusters (coarse-mid-fine path) from left/right neighbour
  counts in unlabelled text (PPMI, truncated SVD, k-means at three granularities);
* caps: how often a word is capitalised when it is not sentence-initial;
* zipf: the word's frequency band in general English (wordfreq), for frequent words only.

No labels are read here and no dev/test text is used.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path

import numpy as np

from newsdesk.models.ner_features import fold, normalize
from newsdesk.read.tokens import tokenize


def unlabelled_sentences(data: Path, conll_train: list[list[str]]) -> list[list[str]]:
    """Token lists of every unlabelled sentence we may use (train parts only)."""
    out: list[list[str]] = [list(s) for s in conll_train]
    for path in sorted((data / "basil" / "articles").glob("*/*.json")):
        art = json.loads(path.read_text(encoding="utf-8"))
        for para in art.get("body-paragraphs", []):
            for sent in para:
                out.append(tokenize(sent))
        if art.get("title"):
            out.append(tokenize(art["title"]))
    for path in sorted((data / "propaganda" / "train-articles").glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append(tokenize(line))
    for path in sorted((data / "gum" / "dep").glob("*.conllu")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# text = "):
                out.append(tokenize(line[9:]))
    babe = data / "bias" / "babe.csv"
    if babe.exists():
        with babe.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter=";"):
                out.append(tokenize(row["text"]))
    for name, col in (("checkworthy/train.tsv", "Text"), ("subjectivity/train.tsv", "sentence")):
        path = data / name
        if path.exists():
            with path.open(encoding="utf-8") as fh:
                for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                    if row.get(col):
                        out.append(tokenize(row[col]))
    cf = data / "verification" / "climate-fever.jsonl"
    if cf.exists():
        for line in cf.read_text(encoding="utf-8").splitlines():
            obj = json.loads(line)
            out.append(tokenize(obj["claim"]))
            for ev in obj.get("evidences", []):
                out.append(tokenize(ev["evidence"]))
    return out


def caps_bands(sentences: list[list[str]], min_count: int = 2) -> dict[str, str]:
    upper: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for toks in sentences:
        letters = [t for t in toks if t[:1].isalpha()]
        if letters and sum(t.isupper() for t in letters) > 0.5 * len(letters):
            continue  # headline in capitals says nothing about case
        for i, tok in enumerate(toks):
            if i == 0 or not tok[:1].isalpha():
                continue
            prev = toks[i - 1]
            if prev in {".", "!", "?", '"', "'", ":", "``", "-", "(", "“", "‘"}:
                continue
            f = fold(normalize(tok))
            total[f] += 1
            if tok[:1].isupper():
                upper[f] += 1
    bands = {}
    for word, n in total.items():
        if n < min_count:
            continue
        r = upper[word] / n
        if r >= 0.98:
            b = "C"
        elif r >= 0.7:
            b = "c"
        elif r >= 0.3:
            b = "m"
        elif r > 0.02:
            b = "l"
        else:
            b = "L"
        if n < 5:
            b += "r"
        bands[word] = b
    return bands


def zipf_bands(n_words: int = 60000) -> dict[str, str]:
    import wordfreq

    out = {}
    for word in wordfreq.top_n_list("en", n_words):
        z = wordfreq.zipf_frequency(word, "en")
        f = fold(word)
        if f not in out:
            out[f] = str(int(z * 2) / 2) if z < 6 else "6+"
    return out


def word_clusters(
    sentences: list[list[str]],
    seed: int,
    min_count: int = 3,
    n_context: int = 2000,
    dims: int = 100,
    sizes: tuple[int, int, int] = (16, 100, 600),
) -> dict[str, str]:
    from scipy.sparse import coo_matrix
    from scipy.sparse.linalg import svds
    from sklearn.cluster import KMeans

    counts: Counter[str] = Counter()
    folded = [[fold(normalize(t)) for t in toks] for toks in sentences]
    for toks in folded:
        counts.update(toks)
    vocab = [w for w, c in counts.most_common() if c >= min_count]
    index = {w: i for i, w in enumerate(vocab)}
    ctx = {w: i for i, w in enumerate(["<s>"] + vocab[: n_context - 1])}
    nc = len(ctx)
    rows, cols = [], []
    for toks in folded:
        padded = ["<s>"] + toks + ["<s>"]
        for i in range(1, len(padded) - 1):
            wi = index.get(padded[i])
            if wi is None:
                continue
            for off, base in ((-1, 0), (1, nc), (-2, 2 * nc), (2, 3 * nc)):
                j = i + off
                c = ctx.get(padded[j]) if 0 <= j < len(padded) else ctx["<s>"]
                if c is not None:
                    rows.append(wi)
                    cols.append(base + c)
    m = coo_matrix(
        (np.ones(len(rows)), (np.array(rows), np.array(cols))), shape=(len(vocab), 4 * nc)
    ).tocsr()
    m.sum_duplicates()
    total = m.sum()
    row_sum = np.asarray(m.sum(axis=1)).ravel()
    col_sum = np.asarray(m.sum(axis=0)).ravel() ** 0.75
    col_sum = col_sum / col_sum.sum() * total
    m = m.tocoo()
    pmi = np.log(m.data * total / (row_sum[m.row] * col_sum[m.col]))
    keep = pmi > 0
    ppmi = coo_matrix((pmi[keep], (m.row[keep], m.col[keep])), shape=m.shape).tocsr()
    rng = np.random.RandomState(seed)
    u, s, _ = svds(ppmi, k=dims, v0=rng.rand(min(ppmi.shape)))
    vec = u * np.sqrt(s)
    vec /= np.linalg.norm(vec, axis=1, keepdims=True) + 1e-9
    coarse_k, mid_k, fine_k = sizes
    fine = KMeans(fine_k, n_init=1, random_state=seed).fit(vec)
    mid = KMeans(mid_k, n_init=3, random_state=seed).fit(fine.cluster_centers_)
    coarse = KMeans(coarse_k, n_init=5, random_state=seed).fit(mid.cluster_centers_)
    out = {}
    for w, f in zip(vocab, fine.labels_):
        md = mid.labels_[f]
        out[w] = f"{coarse.labels_[md]}-{md}-{f}"
    return out
