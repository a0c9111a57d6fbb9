"""``newsdesk eval propaganda --data FOLDER``: PTC (SemEval-2020 Task 11) persuasion techniques.

FOLDER is laid out like ``propaganda/``: a folder of ``article<ID>.txt`` files (``train-articles/``,
``dev-articles/``, ``test-articles/``... found by glob) and, beside it, label folders holding
``article<ID>.task2-TC.labels`` (``<ID>\\t<technique>\\t<start>\\t<end>``) and/or
``article<ID>.task1-SI.labels`` (``<ID>\\t<start>\\t<end>``).

Scores:

* ``tc_micro_f1`` (the headline ``score``): technique classification given the gold spans,
  micro-F1 over all spans (with one label per span this equals accuracy, as in the task), plus
  per-technique F1. Like the task's scorer, the predictions of a span listed several times
  (one line per technique) are matched to its gold labels in the best order;
  ``tc_micro_f1_positional`` compares them line by line instead. Needs the TC labels.
* ``si_f1``: span identification, the task's character-overlap measure: precision sums, over
  predicted spans, the share of the span covered by overlapping gold spans, divided by the number
  of predicted spans; recall the same with roles swapped. Spans of one article are merged where
  they overlap first (as the task's scorer does). Needs TC or SI labels. Skip with ``si=False``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from ..errors import EvalDataError

_ARTICLE = re.compile(r"^article(\d+)\.txt$")


@dataclass
class PtcArticle:
    id: str
    text: str
    #: (start, end, technique); technique is "" when only SI labels exist
    spans: list[tuple[int, int, str]]
    has_tc: bool
    has_si: bool


def read_text(path: Path) -> str:
    try:
        with path.open("r", encoding="utf-8", newline="") as fh:
            return fh.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalDataError(f"cannot read {path}: {exc}") from exc


def _parse_labels(path: Path, art_id: str, with_technique: bool, text_len: int):
    rows = []
    for lineno, line in enumerate(read_text(path).splitlines(), 1):
        if not line.strip():
            continue
        parts = line.rstrip("\r\n").split("\t")
        want = 4 if with_technique else 3
        if len(parts) != want:
            raise EvalDataError(f"{path}:{lineno}: expected {want} tab-separated fields")
        if parts[0].strip() != art_id:
            raise EvalDataError(f"{path}:{lineno}: article id {parts[0]!r} != {art_id!r}")
        try:
            start, end = int(parts[-2]), int(parts[-1])
        except ValueError as exc:
            raise EvalDataError(f"{path}:{lineno}: offsets are not integers") from exc
        if not (0 <= start < end <= text_len):
            raise EvalDataError(f"{path}:{lineno}: span {start}-{end} outside the article")
        tech = parts[1].strip() if with_technique else ""
        if with_technique and not tech:
            raise EvalDataError(f"{path}:{lineno}: empty technique")
        rows.append((start, end, tech))
    return rows


def read_folder(path: str | Path, require_labels: bool = True) -> list[PtcArticle]:
    """All articles under ``path`` with their TC (else SI) spans, sorted by article id."""
    root = Path(path)
    if root.is_file():
        raise EvalDataError(f"{root} is a file; pass the folder that holds the articles")
    articles: dict[str, Path] = {}
    tc: dict[str, Path] = {}
    si: dict[str, Path] = {}
    for p in sorted(root.rglob("article*")):
        if not p.is_file():
            continue
        m = _ARTICLE.match(p.name)
        if m:
            if m.group(1) in articles:
                raise EvalDataError(f"article {m.group(1)} appears twice: {p}")
            articles[m.group(1)] = p
        elif p.name.endswith(".task2-TC.labels"):
            tc[p.name[len("article") : -len(".task2-TC.labels")]] = p
        elif p.name.endswith(".task1-SI.labels"):
            si[p.name[len("article") : -len(".task1-SI.labels")]] = p
    if not articles:
        raise EvalDataError(f"no article<ID>.txt files under {root}")
    if require_labels and not tc and not si:
        raise EvalDataError(f"no *.task2-TC.labels or *.task1-SI.labels files under {root}")
    out = []
    for art_id in sorted(articles):
        text = read_text(articles[art_id])
        if art_id in tc:
            spans = _parse_labels(tc[art_id], art_id, True, len(text))
        elif art_id in si:
            spans = _parse_labels(si[art_id], art_id, False, len(text))
        else:
            spans = []
        out.append(PtcArticle(art_id, text, spans, art_id in tc, art_id in si))
    return out


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def si_counts(pred: list[tuple[int, int]], gold: list[tuple[int, int]]) -> tuple[float, float]:
    """(sum of precision credits, sum of recall credits) for one article's merged spans."""
    p_credit = r_credit = 0.0
    for ps, pe in pred:
        for gs, ge in gold:
            ov = min(pe, ge) - max(ps, gs)
            if ov > 0:
                p_credit += ov / (pe - ps)
                r_credit += ov / (ge - gs)
    return p_credit, r_credit


def si_score(pairs) -> dict:
    """SemEval SI precision/recall/F1 over ``[(pred_spans, gold_spans), ...]`` (one per article)."""
    pc = rc = 0.0
    n_pred = n_gold = 0
    for pred, gold in pairs:
        pred, gold = merge_spans(pred), merge_spans(gold)
        a, b = si_counts(pred, gold)
        pc, rc = pc + a, rc + b
        n_pred, n_gold = n_pred + len(pred), n_gold + len(gold)
    p = pc / n_pred if n_pred else 0.0
    r = rc / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "n_pred": n_pred, "n_gold": n_gold}


def align_duplicates(gold: list[str], pred: list[str], keys: list) -> list[str]:
    """``pred`` reordered within each group of spans that share a key (article, start, end) so
    that as many labels as possible match ``gold``, as the task's scorer does
    (``align_annotations``): a span listed twice with two techniques scores both whichever
    order the label file lists them in."""
    if len(keys) != len(gold):
        raise ValueError("keys and gold differ in length")
    groups: dict = defaultdict(list)
    for i, k in enumerate(keys):
        groups[k].append(i)
    out = list(pred)
    for idx in groups.values():
        if len(idx) < 2:
            continue
        free = [pred[i] for i in idx]
        placed: dict[int, str] = {}
        for i in idx:  # matches first (a maximum matching for equality), the rest in order
            if gold[i] in free:
                free.remove(gold[i])
                placed[i] = gold[i]
        for i in idx:
            if i not in placed:
                placed[i] = free.pop(0)
        for i in idx:
            out[i] = placed[i]
    return out


def tc_score(gold: list[str], pred: list[str], keys: list | None = None) -> dict:
    """Micro-F1 (= accuracy with one label per span) and per-technique P/R/F1.

    With ``keys`` (one (article, start, end) per span) predictions of identical spans are
    first aligned to the gold labels (:func:`align_duplicates`), as the task's scorer does;
    ``micro_f1_positional`` is the figure without that alignment.
    """
    if len(gold) != len(pred):
        raise ValueError("gold and pred differ in length")
    positional = sum(g == p for g, p in zip(gold, pred)) / len(gold) if gold else 0.0
    if keys is not None:
        pred = align_duplicates(gold, pred, keys)
    correct = sum(g == p for g, p in zip(gold, pred))
    tp: dict[str, int] = defaultdict(int)
    n_gold: dict[str, int] = defaultdict(int)
    n_pred: dict[str, int] = defaultdict(int)
    for g, p in zip(gold, pred):
        n_gold[g] += 1
        n_pred[p] += 1
        if g == p:
            tp[g] += 1
    per = {}
    f1s = []
    for label in sorted(set(n_gold) | set(n_pred)):
        pr = tp[label] / n_pred[label] if n_pred[label] else 0.0
        rc = tp[label] / n_gold[label] if n_gold[label] else 0.0
        if n_gold[label]:
            f1s.append(2 * pr * rc / (pr + rc) if pr + rc else 0.0)
        per[label] = {
            "precision": round(pr, 4),
            "recall": round(rc, 4),
            "f1": round(2 * pr * rc / (pr + rc), 4) if pr + rc else 0.0,
            "support": n_gold[label],
        }
    macro = sum(f1s) / len(f1s) if f1s else 0.0
    return {"micro_f1": correct / len(gold) if gold else 0.0, "micro_f1_positional": positional,
            "macro_f1": macro, "per_technique": per}


def evaluate(task: str, path: Path, *, si: bool = True, limit: int | None = None, **options) -> dict:
    """Score the shipped technique model on a PTC-style folder (see the module docstring)."""
    from ..models import techniques

    if options:
        raise EvalDataError(f"unknown option(s) for propaganda: {', '.join(sorted(options))}")
    articles = read_folder(path)
    if limit is not None:
        articles = articles[: int(limit)]
    model = techniques.load()
    gold_labels: list[str] = []
    pred_labels: list[str] = []
    keys: list[tuple[str, int, int]] = []
    si_pairs = []
    n_tc_articles = 0
    for art in articles:
        if art.has_tc and art.spans:
            n_tc_articles += 1
            preds = model.classify(art.text, [(s, e) for s, e, _ in art.spans])
            gold_labels.extend(t for _, _, t in art.spans)
            pred_labels.extend(t for t, _ in preds)
            keys.extend((art.id, s, e) for s, e, _ in art.spans)
        if si and (art.has_tc or art.has_si):
            found = model.find(art.text)
            si_pairs.append(([(s, e) for s, e, _, _ in found], [(s, e) for s, e, _ in art.spans]))
    n_spans = sum(len(a.spans) for a in articles)
    result: dict = {"task": task, "metric": "tc_micro_f1", "n": n_spans}
    if gold_labels:
        tc = tc_score(gold_labels, pred_labels, keys)
        result["score"] = round(tc["micro_f1"], 4)
        result["tc_micro_f1_positional"] = round(tc["micro_f1_positional"], 4)
        result["tc_macro_f1"] = round(tc["macro_f1"], 4)
        result["per_technique"] = tc["per_technique"]
    else:
        result["metric"] = "si_f1"
        result["score"] = None
    result["n_articles"] = len(articles)
    result["n_tc_articles"] = n_tc_articles
    if si_pairs:
        s = si_score(si_pairs)
        result["si_f1"] = round(s["f1"], 4)
        result["si_precision"] = round(s["precision"], 4)
        result["si_recall"] = round(s["recall"], 4)
        result["si_n_pred"] = s["n_pred"]
        result["si_n_gold"] = s["n_gold"]
        if result["score"] is None:
            result["score"] = result["si_f1"]
    if result["score"] is None:
        raise EvalDataError(f"no TC or SI labels found under {path}")
    return result
