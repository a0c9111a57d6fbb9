"""Speed and memory of `newsdesk brief` on the bundled samples, against spaCy's tokenizer.

    python benchmarks/bench_brief.py [--repeat 3] [--stages]

Briefs every bundled sample (warm, in process) and, in the same run, tokenizes the same texts
with spaCy's blank English pipeline plus its sentencizer (needs `pip install -e ".[bench]"`).
Prints ms/article for both (wall time, and CPU time: the figure to trust on a loaded machine),
their ratios, peak RSS, and the wall and CPU (user + sys) time of a cold `newsdesk brief` of
one article in a fresh process. ``--stages`` prints instead the warm CPU ms/article of each
pipeline component (and of building the brief), in process, over the same repeats.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bench_newsdesk(articles, repeat: int) -> tuple[float, float]:
    """(wall, CPU) ms per article of warm briefs."""
    from newsdesk.api import brief_article

    brief_article(articles[0])  # load models once: warm timing, as in a batch
    start, cpu = time.perf_counter(), time.process_time()
    for _ in range(repeat):
        for article in articles:
            brief_article(article)
    n = repeat * len(articles)
    return (time.perf_counter() - start) * 1000 / n, (time.process_time() - cpu) * 1000 / n


def bench_stages(articles, repeat: int) -> dict[str, float]:
    """Warm CPU ms per article spent in each pipeline component, then in ``to_brief``."""
    from newsdesk.api import brief_article, default_pipeline, to_brief
    from newsdesk.pipeline import Doc
    from newsdesk.verify.unverified import unverified

    pipeline = default_pipeline()
    brief_article(articles[0])
    spent: dict[str, float] = {}
    clock = time.process_time
    start = clock()
    for _ in range(repeat):
        for article in articles:
            doc = Doc(article=article)
            for component in pipeline.components:
                t = clock()
                doc = component(doc)
                name = type(component).__name__
                spent[name] = spent.get(name, 0.0) + clock() - t
            t = clock()
            unverified(to_brief(doc))
            spent["to_brief"] = spent.get("to_brief", 0.0) + clock() - t
    n = repeat * len(articles)
    out = {name: round(sec * 1000 / n, 2) for name, sec in spent.items()}
    out["whole"] = round((clock() - start) * 1000 / n, 2)
    return out


def bench_spacy(texts, repeat: int) -> tuple[float, float] | None:
    """(wall, CPU) ms per text of spaCy's blank English pipeline plus sentencizer."""
    try:
        import spacy
    except ImportError:
        return None
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    list(nlp.pipe(texts[:1]))
    start, cpu = time.perf_counter(), time.process_time()
    for _ in range(repeat):
        for doc in nlp.pipe(texts):
            len(list(doc.sents))
    n = repeat * len(texts)
    return (time.perf_counter() - start) * 1000 / n, (time.process_time() - cpu) * 1000 / n


def cold_start(text: str, runs: int = 3) -> tuple[float, float]:
    """Least wall seconds and least user + sys CPU seconds of a cold ``newsdesk brief`` of
    ``text``, each in a fresh process."""
    exe = [sys.executable, "-m", "newsdesk.cli", "brief"]
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as fh:
        fh.write(text)
    walls, cpus = [], []
    try:
        for _ in range(runs):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            subprocess.run([*exe, fh.name, "--format", "json"], check=True,
                           stdout=subprocess.DEVNULL)
            walls.append(time.perf_counter() - start)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    finally:
        os.unlink(fh.name)
    return min(walls), min(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--stages", action="store_true",
                        help="CPU ms/article of each pipeline component instead")
    args = parser.parse_args()
    from newsdesk.samples import load_samples

    articles = load_samples()
    if args.stages:
        print(json.dumps({"cpu_ms_per_article": bench_stages(articles, args.repeat)}, indent=2))
        return
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts) / len(texts)
    spacy = bench_spacy(texts, args.repeat)
    (newsdesk_ms, newsdesk_cpu_ms) = bench_newsdesk(articles, args.repeat)
    spacy_ms, spacy_cpu_ms = spacy if spacy else (None, None)
    cold_wall, cold_cpu = cold_start(texts[0])
    result = {
        "articles": len(articles),
        "mean_words_per_article": round(words),
        "newsdesk_ms_per_article": round(newsdesk_ms, 2),
        "spacy_blank_sentencizer_ms_per_article": round(spacy_ms, 2) if spacy_ms else None,
        "ratio_newsdesk_to_spacy": round(newsdesk_ms / spacy_ms, 2) if spacy_ms else None,
        "newsdesk_cpu_ms_per_article": round(newsdesk_cpu_ms, 2),
        "spacy_cpu_ms_per_article": round(spacy_cpu_ms, 2) if spacy_cpu_ms else None,
        "cpu_ratio_newsdesk_to_spacy": (
            round(newsdesk_cpu_ms / spacy_cpu_ms, 2) if spacy_cpu_ms else None
        ),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "cold_brief_one_article_s": round(cold_wall, 3),
        "cold_brief_one_article_cpu_s": round(cold_cpu, 3),
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
