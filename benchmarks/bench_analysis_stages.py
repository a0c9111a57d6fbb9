"""Where ingest time goes: CPU time per article of each stage of the ``brief`` pipeline, plus the
corpus's own work (loading, term vector, MinHash), over real articles (BASIL + unrelated mix).

    python benchmarks/bench_analysis_stages.py [--n 200]

A stage that raises is reported with its error and skipped (the rest still run on the partial
document), so the table stays useful while models are being replaced.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import realtexts  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=200)
    args = parser.parse_args()
    from newsdesk.api import default_pipeline, to_brief
    from newsdesk.corpus import encode_analysis
    from newsdesk.pipeline import Doc
    from newsdesk.sources.records import article_from_record
    from newsdesk.stories import minhash
    from newsdesk.stories.features import article_terms

    records = (realtexts.basil_records() + realtexts.unrelated_records())[: args.n]
    pipeline = default_pipeline()
    cpu: dict[str, float] = defaultdict(float)
    errors: dict[str, str] = {}
    # warm up: lazy model loading is a once-per-process cost, reported apart
    started = time.process_time()
    for component in pipeline.components:
        try:
            component(Doc(article=article_from_record(records[0])))
        except Exception as exc:  # noqa: BLE001
            errors[type(component).__name__] = f"{type(exc).__name__}: {exc}"[:160]
    warmup = time.process_time() - started
    chars = 0
    for record in records:
        t = time.process_time()
        article = article_from_record(record)
        cpu["load (article_from_text)"] += time.process_time() - t
        chars += len(article.text)
        doc = Doc(article=article)
        for component in pipeline.components:
            name = type(component).__name__
            t = time.process_time()
            try:
                doc = component(doc)
            except Exception as exc:  # noqa: BLE001
                errors.setdefault(name, f"{type(exc).__name__}: {exc}"[:160])
            cpu[name] += time.process_time() - t
        t = time.process_time()
        try:
            encode_analysis(to_brief(doc))
        except Exception as exc:  # noqa: BLE001
            errors.setdefault("to_brief", f"{type(exc).__name__}: {exc}"[:160])
        cpu["to_brief + store encoding"] += time.process_time() - t
        t = time.process_time()
        article_terms(article.text, article.title)
        article_terms(article.text[:400], article.title)
        cpu["story terms"] += time.process_time() - t
        t = time.process_time()
        minhash.signature(article.text)
        cpu["minhash"] += time.process_time() - t
    total = sum(cpu.values())
    n = len(records)
    rows = sorted(cpu.items(), key=lambda kv: -kv[1])
    print(json.dumps({
        "articles": n, "mean_chars": round(chars / n), "warmup_cpu_s": round(warmup, 2),
        "cpu_ms_per_article": round(1000 * total / n, 1),
        "articles_per_cpu_second": round(n / total, 1),
        "stages_ms_per_article": {k: round(1000 * v / n, 2) for k, v in rows},
        "errors": errors,
    }, indent=1))


if __name__ == "__main__":
    main()
