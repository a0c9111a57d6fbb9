"""Long inputs: CPU time and peak RSS of one brief as the text grows, and the scaling exponent.

The text is the PTC training articles (../shared/data/propaganda/train-articles, 371 real news
and opinion pieces, 1.6 MB) joined in file-name order with blank lines and cut to each size at a
line end; each size is briefed (JSON) in a fresh process, so peak RSS is that one brief's.

    python benchmarks/bench_long_input.py [--sizes 200000,400000,800000,1600000]
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import subprocess
import sys
import time
from pathlib import Path


def _text(size: int) -> str:
    from newsdesk.paths import shared_data_dir

    folder = shared_data_dir() / "propaganda" / "train-articles"
    files = sorted(folder.glob("*.txt"))
    text = "\n\n".join(f.read_text(encoding="utf-8") for f in files)
    if len(text) < size:
        raise SystemExit(f"only {len(text)} characters of PTC text, asked for {size}")
    cut = text.rfind("\n", 0, size)
    return "A long input\n\n" + text[: cut if cut > 0 else size]


def _one(size: int) -> None:
    import newsdesk
    from newsdesk.render.json import render_json

    text = _text(size)
    started = time.process_time()
    brief = newsdesk.brief(text, published="2018-01-01")
    out = render_json(brief)
    cpu = time.process_time() - started
    print(json.dumps({
        "chars": len(text), "cpu_s": round(cpu, 2), "sentences": len(brief.sentences),
        "claims": len(brief.claims), "json_bytes": len(out),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="200000,400000,800000,1600000")
    parser.add_argument("--one", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one is not None:
        _one(args.one)
        return
    rows = []
    for size in (int(s) for s in args.sizes.split(",")):
        done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--one", str(size)],
                              check=True, capture_output=True, text=True)
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
        print(json.dumps(rows[-1]), flush=True)
    if len(rows) >= 2:
        a, b = rows[0], rows[-1]
        exponent = math.log(b["cpu_s"] / a["cpu_s"]) / math.log(b["chars"] / a["chars"])
        print(json.dumps({"cpu_exponent": round(exponent, 3)}))


if __name__ == "__main__":
    main()
