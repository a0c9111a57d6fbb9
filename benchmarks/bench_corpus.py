"""Scale benchmark: ingest (store, near-duplicates, stories; analysis optional) 10k/30k/100k records.

Records come from benchmarks/realtexts.py ``scale_records(n)`` (real sentences only; see its
docstring). Each size is ingested into a fresh SQLite file by ``newsdesk ingest`` in a child
process; we report wall time, CPU time (ingest and its workers: the machine is shared, so CPU
time is the steadier measure), rate, peak RSS of the largest process (the ingest or a worker:
``getrusage(RUSAGE_CHILDREN).ru_maxrss`` from a fresh wrapper per size), the database size, and
the scaling exponent ``log(t_big / t_small) / log(n_big / n_small)``.

    python benchmarks/bench_corpus.py --sizes 10000,30000,100000 --no-analysis --workers 2
    python benchmarks/bench_corpus.py --sizes 1000 --workers 2        # with the brief analysis
    python benchmarks/bench_corpus.py --sizes 600 --workers 2 --wire-copies 0.2   # syndication
    python benchmarks/bench_corpus.py --sizes 10000,30000 --span-days 730 --phases  # CPU per phase

``--wire-copies F``: each record after the first is, with probability F (seeded), replaced by a
verbatim copy (same text, title and date) of one of the previous 50 records printed by another
outlet, as a wire story is; such copies take their original's analysis instead of a new one.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import realtexts  # noqa: E402

_WRAPPER = """
import json, resource, subprocess, sys, time
started = time.perf_counter()
proc = subprocess.run(sys.argv[1:], capture_output=True, text=True)
seconds = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"seconds": seconds, "peak_rss_mb": usage.ru_maxrss / 1024, "rc": proc.returncode,
                  "cpu_seconds": usage.ru_utime + usage.ru_stime,
                  "summary": proc.stderr.strip().splitlines()[-1:] }))
"""


def wire_copies(records: list[dict], share: float, seed: int = 5) -> list[dict]:
    """A seeded ``share`` of the records replaced by another outlet's verbatim copy of a recent
    one."""
    import random

    rng = random.Random(seed)
    out: list[dict] = []
    for i, record in enumerate(records):
        if out and rng.random() < share:
            original = out[rng.randrange(max(0, len(out) - 50), len(out))]
            outlet = realtexts.OUTLETS[(realtexts.OUTLETS.index(original["outlet"]) + 1)
                                       % len(realtexts.OUTLETS)]
            record = {**original, "outlet": outlet, "url": f"https://copy.example/{i}"}
        out.append(record)
    return out


def run(n: int, workdir: Path, analysis: bool, workers: int, span_days: int | None = None,
        copies: float = 0.0) -> dict:
    corpus = workdir / f"scale_{n}.jsonl"
    records = realtexts.scale_records(n, span_days=span_days)
    if copies:
        records = wire_copies(records, copies)
    with corpus.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record) + "\n")
    db = workdir / f"scale_{n}.db"
    cmd = [sys.executable, "-m", "newsdesk.cli", "ingest", str(corpus), "--db", str(db), "-q",
           "--workers", str(workers)]
    if not analysis:
        cmd.append("--no-analysis")
    result = json.loads(subprocess.run([sys.executable, "-c", _WRAPPER, *cmd], check=True,
                                       capture_output=True, text=True).stdout)
    size = sum(p.stat().st_size for p in workdir.glob(f"scale_{n}.db*"))
    return {"n": n, "seconds": round(result["seconds"], 1),
            "per_second": round(n / result["seconds"], 1),
            "cpu_seconds": round(result["cpu_seconds"], 1),
            "per_cpu_second": round(n / result["cpu_seconds"], 1),
            "peak_rss_mb": round(result["peak_rss_mb"], 1), "db_mb": round(size / 2**20, 1),
            "rc": result["rc"], "summary": result["summary"]}


def phases(n: int, workdir: Path, span_days: int | None) -> dict:
    """CPU seconds per phase of an in-process ingest (``--workers 0``, no analysis): the store
    methods, story placement and the per-item preparation, each wrapped with a CPU timer."""
    import time
    from collections import defaultdict

    import newsdesk.corpus as corpus
    import newsdesk.stories.cluster as cluster
    from newsdesk.store import open_store
    from newsdesk.store.base import Store

    spent: dict = defaultdict(float)
    calls: dict = defaultdict(int)

    def wrap(owner, name):
        real = getattr(owner, name)

        def timed(*args, **kwargs):
            started = time.process_time()
            try:
                return real(*args, **kwargs)
            finally:
                spent[name] += time.process_time() - started
                calls[name] += 1
        setattr(owner, name, timed)

    for name in ("first_copy", "band_candidates", "term_candidates", "story_outlets", "story",
                 "put_story", "add_article", "commit"):
        wrap(Store, name)
    wrap(corpus, "prepare")
    wrap(cluster, "place")
    corpus_path = workdir / f"phases_{n}.jsonl"
    with corpus_path.open("w", encoding="utf-8") as out:
        for record in realtexts.scale_records(n, span_days=span_days):
            out.write(json.dumps(record) + "\n")
    started = time.process_time()
    with open_store(workdir / f"phases_{n}.db") as store:
        corpus.ingest([str(corpus_path)], store, analyze=False, workers=0)
    total = time.process_time() - started
    return {"n": n, "cpu_seconds": round(total, 2),
            "phases": {k: [round(v, 2), calls[k]] for k, v in sorted(spent.items(),
                                                                 key=lambda kv: -kv[1])}}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10000,30000,100000")
    parser.add_argument("--no-analysis", action="store_true")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--workdir", default=None)
    parser.add_argument("--span-days", type=int, default=None,
                        help="dense layout: spread every size over this many days (e.g. 730)")
    parser.add_argument("--phases", action="store_true",
                        help="in-process (--workers 0, no analysis) CPU seconds per phase")
    parser.add_argument("--wire-copies", type=float, default=0.0,
                        help="share of records replaced by another outlet's verbatim copy")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory(dir=args.workdir) as tmp:
        rows = []
        for n in sizes:
            if args.phases:
                print(json.dumps(phases(n, Path(tmp), args.span_days)), flush=True)
                continue
            rows.append(run(n, Path(tmp), not args.no_analysis, args.workers, args.span_days,
                            args.wire_copies))
            print(json.dumps(rows[-1]), flush=True)
    if len(rows) > 1 and not args.phases:
        a, b = rows[0], rows[-1]
        exponent = math.log(b["seconds"] / a["seconds"]) / math.log(b["n"] / a["n"])
        cpu_exponent = math.log(b["cpu_seconds"] / a["cpu_seconds"]) / math.log(b["n"] / a["n"])
        print(json.dumps({"scaling_exponent_wall": round(exponent, 3),
                          "scaling_exponent_cpu": round(cpu_exponent, 3), "from": a["n"], "to": b["n"],
                          "analysis": not args.no_analysis, "workers": args.workers}))


if __name__ == "__main__":
    main()
