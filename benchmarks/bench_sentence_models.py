"""Speed of the sentence models and the loaded-word model (one process, one core).

    python benchmarks/bench_sentence_models.py [--n 20000] [--data ../shared/data]

Scores ``n`` sentences (dev sentences of all three tasks, repeated) with each shipped model and
prints cold load time, sentences/second and artifact sizes as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def main() -> None:
    from newsdesk.evaluate.sentences import read_labelled
    from newsdesk.models import loaded_words, sentence_classifier
    from newsdesk.models.artifacts import ARTIFACT_DIR
    from newsdesk.paths import shared_data_dir

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=20000)
    parser.add_argument("--data", type=Path, default=None)
    args = parser.parse_args()
    data = args.data or shared_data_dir()
    pool: list[str] = []
    for task, rel in (("checkworthy", "checkworthy/dev.tsv"),
                      ("subjectivity", "subjectivity/dev.tsv"), ("bias", "bias/babe.csv")):
        pool.extend(read_labelled(task, data / rel)[0])
    sentences = (pool * (args.n // len(pool) + 1))[: args.n]
    out: dict = {"n_sentences": len(sentences),
                 "mean_chars": round(sum(map(len, sentences)) / len(sentences), 1)}
    t = time.perf_counter()
    sentence_classifier.load_lexicon()
    out["lexicon_load_ms"] = round((time.perf_counter() - t) * 1000, 1)
    for task in ("checkworthy", "subjectivity", "bias"):
        t = time.perf_counter()
        model = sentence_classifier.load(task)
        load_ms = (time.perf_counter() - t) * 1000
        model.predict_proba(sentences[:100])
        best = float("inf")
        for _ in range(3):
            t = time.perf_counter()
            model.predict_proba(sentences)
            best = min(best, time.perf_counter() - t)
        out[task] = {"load_ms": round(load_ms, 1),
                     "sentences_per_s": round(len(sentences) / best),
                     "npz_bytes": (ARTIFACT_DIR / f"{task}.npz").stat().st_size}
    t = time.perf_counter()
    lw = loaded_words.load()
    load_ms = (time.perf_counter() - t) * 1000
    sample = sentences[:2000]
    t = time.perf_counter()
    for s in sample:
        lw.spans(s)
    dt = time.perf_counter() - t
    out["loaded_words"] = {"load_ms": round(load_ms, 1),
                           "sentences_per_s": round(len(sample) / dt),
                           "npz_bytes": (ARTIFACT_DIR / "loaded_words.npz").stat().st_size}
    out["lexicon_bytes"] = (ARTIFACT_DIR / "loaded_words.lexicon.json").stat().st_size
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
