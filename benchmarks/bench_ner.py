"""NER speed and quality, one command:  python benchmarks/bench_ner.py [--data ../shared/data]

Prints: artifact size, cold load time (fresh interpreter, numpy already imported), tag_tokens
throughput (tokens/s) and dev F1 on CoNLL-2003 eng.testa, and entities() throughput on raw text
(BASIL article bodies: tokenize + tag + offsets).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from newsdesk.models.artifacts import artifact_path
from newsdesk.paths import shared_data_dir

_COLD = """
import time, numpy
t, c = time.perf_counter(), time.process_time()
from newsdesk.models.ner import load
load()
print((time.perf_counter() - t) * 1000, (time.process_time() - c) * 1000)
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=shared_data_dir())
    ap.add_argument("--repeat", type=int, default=3, help="cold loads to time (median)")
    args = ap.parse_args()

    size = sum(artifact_path(n).stat().st_size for n in ("ner.npz", "ner.json"))
    print(f"artifact size: {size / 1e6:.2f} MB (ner.npz + ner.json)")
    runs = [
        subprocess.run(
            [sys.executable, "-c", _COLD], capture_output=True, text=True, check=True
        ).stdout.split()
        for _ in range(args.repeat)
    ]
    wall = sorted(float(r[0]) for r in runs)
    cpu = sorted(float(r[1]) for r in runs)
    mid = len(runs) // 2
    print(
        f"cold load (import + load, numpy already imported): median {wall[mid]:.0f} ms wall, "
        f"{cpu[mid]:.0f} ms CPU (load average {os.getloadavg()[0]:.1f})"
    )

    from newsdesk.evaluate.ner import read_conll, score
    from newsdesk.models.ner import load

    tagger = load()
    dev = read_conll(args.data / "ner" / "conll2003" / "eng.testa")
    t, c = time.perf_counter(), time.process_time()
    guess = [tagger.tag_tokens(toks) for toks, _ in dev]
    dt, dc = time.perf_counter() - t, time.process_time() - c
    n_tok = sum(len(toks) for toks, _ in dev)
    res = score([tags for _, tags in dev], guess)
    print(
        f"tag_tokens: {n_tok} tokens in {dt:.2f} s wall = {n_tok / dt:,.0f} tokens/s "
        f"({n_tok / dc:,.0f} tokens per CPU second)"
    )
    print(
        f"eng.testa entity F1 {res['f1']:.4f} (P {res['precision']:.4f} R {res['recall']:.4f}); "
        + ", ".join(f"{k} {v['f1']:.4f}" for k, v in res["per_type"].items())
    )

    from newsdesk.read.tokens import token_spans

    texts = []
    for path in sorted((args.data / "basil" / "articles").glob("*/*.json"))[:60]:
        art = json.loads(path.read_text(encoding="utf-8"))
        texts.append([s for para in art.get("body-paragraphs", []) for s in para])
    n_tok = n_ent = 0
    t, c = time.perf_counter(), time.process_time()
    for sents in texts:
        text = " ".join(sents)
        spans, pos = [], 0
        for s in sents:
            spans.append((pos, pos + len(s)))
            pos += len(s) + 1
        n_tok += sum(len(token_spans(text, a, b)) for a, b in spans)
        n_ent += len(tagger.entities(text, spans))
    dt, dc = time.perf_counter() - t, time.process_time() - c
    print(
        f"entities(): {len(texts)} BASIL articles, {n_tok} tokens, {n_ent} entities in "
        f"{dt:.2f} s wall = {n_tok / dt:,.0f} tokens/s ({n_tok / dc:,.0f} tokens per CPU "
        "second; includes token counting)"
    )


if __name__ == "__main__":
    main()
