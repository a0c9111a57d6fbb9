"""BASIL story clustering through the CLI: adjusted Rand index of the stories against the events.

The 141 public BASIL articles (47 events x Fox/NYT/HuffPost) are mixed, in a seeded random order,
with the 1,503 unrelated real documents of benchmarks/realtexts.py (CoNLL-2003 Reuters, PTC,
GUM; each dated like a random BASIL article +/- 3 days), written to one JSONL file, ingested with
``newsdesk ingest`` and read back with ``newsdesk stories --format json``. The ARI is computed
over the BASIL articles (event = ``triplet-uuid``, prediction = the story holding the url).

    python benchmarks/bench_basil_stories.py [--seed 1] [--no-analysis] [--workers 2]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections import Counter
from math import comb
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import realtexts  # noqa: E402


def adjusted_rand_index(truth: list, predicted: list) -> float:
    pairs = Counter(zip(truth, predicted))
    a, b = Counter(truth), Counter(predicted)
    index = sum(comb(n, 2) for n in pairs.values())
    sum_a = sum(comb(n, 2) for n in a.values())
    sum_b = sum(comb(n, 2) for n in b.values())
    expected = sum_a * sum_b / comb(len(truth), 2)
    maximum = (sum_a + sum_b) / 2
    return 1.0 if maximum == expected else (index - expected) / (maximum - expected)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-analysis", action="store_true")
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--db", default=None, help="default: a temporary SQLite file")
    args = parser.parse_args()
    basil = realtexts.basil_records()
    records = basil + realtexts.unrelated_records()
    random.Random(args.seed).shuffle(records)
    truth = {r["url"]: r["_event"] for r in basil}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "mixed.jsonl"
        with corpus.open("w", encoding="utf-8") as out:
            for r in records:
                out.write(json.dumps({k: v for k, v in r.items() if k != "_event"}) + "\n")
        db = args.db or str(Path(tmp) / "corpus.db")
        cmd = [sys.executable, "-m", "newsdesk.cli", "ingest", str(corpus), "--db", db, "-q"]
        if args.no_analysis:
            cmd.append("--no-analysis")
        if args.workers is not None:
            cmd += ["--workers", str(args.workers)]
        started = time.perf_counter()
        subprocess.run(cmd, check=True)
        seconds = time.perf_counter() - started
        listing = subprocess.run(
            [sys.executable, "-m", "newsdesk.cli", "stories", "--format", "json", "--db", db],
            check=True, capture_output=True, text=True).stdout
    predicted = {}
    stories = json.loads(listing)
    for story in stories:
        for article in story["articles"]:
            predicted[article["url"]] = story["id"]
    urls = sorted(truth)
    missing = [u for u in urls if u not in predicted]
    labels = [predicted.get(u, f"missing:{u}") for u in urls]
    ari = adjusted_rand_index([truth[u] for u in urls], labels)
    print(json.dumps({
        "ari": round(ari, 4), "basil_articles": len(urls), "unrelated_articles": len(records) - len(urls),
        "stories": len(stories), "missing": len(missing), "seed": args.seed,
        "analysis": not args.no_analysis, "ingest_seconds": round(seconds, 1),
        "articles_per_second": round(len(records) / seconds, 1),
    }))


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
