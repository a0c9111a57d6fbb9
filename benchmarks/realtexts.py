"""Real article texts from ../shared/data for the corpus benchmarks (never copied into the repo).

- ``basil_records()``: the 141 BASIL articles (47 events x Fox/NYT/HuffPost) as JSONL-style dicts
  with their event (``triplet-uuid``) kept aside under ``"_event"``.
- ``unrelated_records()``: every other real news-like document in the shared data, one record each:
  CoNLL-2003 ``eng.train`` + ``eng.testa`` Reuters documents (split at ``-DOCSTART-``, first line
  as title, tokens re-joined), PTC ``train-articles`` (first line title, rest body) and GUM
  documents (``# text =`` sentences, ``# newpar`` paragraphs, ``# meta::title``). Each gets a date
  drawn (seeded) from the BASIL dates +/- 3 days, so the time window cannot separate them from
  BASIL events: only the text can.
- ``scale_records(n)``: ``n`` distinct records for the scale benchmark; see its docstring.
"""

from __future__ import annotations

import datetime as dt
import glob
import json
import random
import re
from functools import lru_cache
from pathlib import Path

from newsdesk.paths import shared_data_dir

OUTLETS = ("reuters", "wire", "daily", "gazette", "tribune", "herald", "post", "times")


def _detok(tokens: list[str]) -> str:
    text = " ".join(tokens)
    text = re.sub(r" ([,.;:!?%)\]}'])", r"\1", text)
    text = re.sub(r"([(\[{$]) ", r"\1", text)
    text = re.sub(r" (n't|'s|'re|'ve|'ll|'d|'m)\b", r"\1", text)
    text = re.sub(r'" (.*?) "', r'"\1"', text)
    return text


def basil_records() -> list[dict]:
    records = []
    for path in sorted(glob.glob(str(shared_data_dir() / "basil" / "articles" / "*" / "*.json"))):
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        text = "\n\n".join(" ".join(p) for p in data["body-paragraphs"] if p)
        records.append({
            "text": text, "title": data["title"], "url": data["url"],
            "outlet": data["source"].lower(), "published": data["date"][:10],
            "_event": data["triplet-uuid"],
        })
    return records


def _conll_docs() -> list[tuple[str, list[list[str]]]]:
    docs = []
    for name in ("eng.train", "eng.testa"):
        sentences: list[list[str]] = []
        current: list[str] = []
        for line in (shared_data_dir() / "ner" / "conll2003" / name).read_text(encoding="utf-8").splitlines():
            if line.startswith("-DOCSTART-"):
                if current:
                    sentences.append(current)
                if sentences:
                    docs.append(sentences)
                sentences, current = [], []
            elif not line.strip():
                if current:
                    sentences.append(current)
                current = []
            else:
                current.append(line.split(" ")[0])
        if current:
            sentences.append(current)
        if sentences:
            docs.append(sentences)
    out = []
    for sentences in docs:
        lines = [_detok(s) for s in sentences]
        title = lines[0].title() if lines[0].isupper() else lines[0]
        out.append((title, lines[1:]))
    return out


def _ptc_docs() -> list[tuple[str, list[str]]]:
    out = []
    for path in sorted(glob.glob(str(shared_data_dir() / "propaganda" / "train-articles" / "*.txt"))):
        lines = [l.strip() for l in Path(path).read_text(encoding="utf-8").splitlines()]
        lines = [l for l in lines if l]
        if len(lines) >= 3:
            out.append((lines[0], lines[1:]))
    return out


def _gum_docs() -> list[tuple[str, list[str]]]:
    out = []
    for path in sorted(glob.glob(str(shared_data_dir() / "gum" / "dep" / "*.conllu"))):
        title, paras, para = None, [], []
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.startswith("# meta::title = "):
                title = line.split("=", 1)[1].strip()
            elif line.startswith("# newpar"):
                if para:
                    paras.append(" ".join(para))
                para = []
            elif line.startswith("# text = "):
                para.append(line.split("=", 1)[1].strip())
        if para:
            paras.append(" ".join(para))
        if paras:
            out.append((title or paras[0][:80], paras))
    return out


@lru_cache(maxsize=1)
def real_documents() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """(corpus, title, paragraphs) for every non-BASIL document."""
    docs = [("conll", t, tuple(p)) for t, p in _conll_docs()]
    docs += [("ptc", t, tuple(p)) for t, p in _ptc_docs()]
    docs += [("gum", t, tuple(p)) for t, p in _gum_docs()]
    return tuple((c, t, p) for c, t, p in docs if sum(len(x) for x in p) >= 200)


def unrelated_records(seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    dates = [dt.date.fromisoformat(r["published"]) for r in basil_records()]
    records = []
    for i, (corpus, title, paras) in enumerate(real_documents()):
        day = rng.choice(dates) + dt.timedelta(days=rng.randint(-3, 3))
        records.append({
            "text": "\n\n".join(paras), "title": title,
            "url": f"https://unrelated.example/{corpus}/{i}",
            "outlet": f"{corpus}-{rng.choice(OUTLETS)}", "published": day.isoformat(),
        })
    return records


PER_DAY = 150  # records a day in the scale corpus: a larger corpus is a longer stream


def scale_records(n: int, seed: int = 11, span_days: int | None = None) -> list[dict]:
    """``n`` distinct article records built only from the real documents above.

    Record ``i`` (seeded RNG): the title of a real document A (round robin over the 1,503
    CoNLL/PTC/GUM and 141 BASIL documents), a contiguous run of 40-70% of A's paragraphs, then
    1-3 consecutive paragraphs of a random document B and one paragraph of a random document C.
    Dates advance one day every ``PER_DAY`` records (so a 10x larger corpus covers a 10x longer
    period at the same daily volume, as a growing archive does); outlets cycle over 8 names. Every
    20th record is instead a near-duplicate of one of the previous 200 (one paragraph dropped,
    headline prefixed "Syndicated: "), as wire copies are. ``span_days`` (the dense layout) instead
    spreads the ``n`` records evenly over that many days, so a larger corpus has more per day.
    """
    rng = random.Random(seed)
    docs = [(t, list(p)) for _c, t, p in real_documents()]
    docs += [(r["title"], r["text"].split("\n\n")) for r in basil_records()]
    start = dt.date(2024, 1, 1)
    out: list[dict] = []
    for i in range(n):
        offset = i * span_days // n if span_days else i // PER_DAY
        day = start + dt.timedelta(days=offset)
        if i % 20 == 19 and out:
            base = out[rng.randrange(max(0, len(out) - 200), len(out))]
            paras = base["text"].split("\n\n")
            if len(paras) > 2:
                del paras[rng.randrange(1, len(paras))]
            out.append({"text": "\n\n".join(paras), "title": "Syndicated: " + base["title"],
                        "url": f"https://scale.example/{i}", "outlet": OUTLETS[i % len(OUTLETS)],
                        "published": day.isoformat()})
            continue
        title, paras = docs[i % len(docs)]
        k = max(1, round(len(paras) * rng.uniform(0.4, 0.7)))
        s = rng.randrange(0, len(paras) - k + 1)
        _tb, pb = docs[rng.randrange(len(docs))]
        kb = min(len(pb), rng.randint(1, 3))
        sb = rng.randrange(0, len(pb) - kb + 1)
        _tc, pc = docs[rng.randrange(len(docs))]
        body = paras[s:s + k] + pb[sb:sb + kb] + [rng.choice(pc)]
        out.append({"text": "\n\n".join(body), "title": title, "url": f"https://scale.example/{i}",
                    "outlet": OUTLETS[i % len(OUTLETS)], "published": day.isoformat()})
    return out
