"""``newsdesk eval stance`` and ``newsdesk eval verdict`` on JSONL in the Climate-FEVER format.

Each line: ``{"claim": str, "claim_label": SUPPORTS|REFUTES|NOT_ENOUGH_INFO|DISPUTED,
"evidences": [{"evidence": str, "evidence_label": SUPPORTS|REFUTES|NOT_ENOUGH_INFO,
"article": str}, ...]}``.

* stance: macro-F1 over SUPPORTS / REFUTES / NOT_ENOUGH_INFO of every evidence given its claim
  (the runtime judgement: model + alignment rules; contradicts = REFUTES, unrelated = NEI);
* verdict: macro-F1 over the four claim labels, DISPUTED read as mixed, each claim's verdict
  decided from its evidences by the runtime aggregation (``newsdesk.verify.verdict.decide``).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from ..errors import EvalDataError

STANCE_TO_LABEL = {"supports": "SUPPORTS", "contradicts": "REFUTES", "unrelated": "NOT_ENOUGH_INFO"}


def read_claims(path: Path) -> list[dict]:
    rows = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalDataError(f"cannot read {path}: {exc}") from exc
    from ..verify.verdict import CLAIM_LABELS, STANCE_LABELS

    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            claim = row["claim"]
            label = row["claim_label"]
            evidences = [(e["evidence"], e["evidence_label"], e.get("article") or "evidence")
                         for e in row["evidences"]]
        except (ValueError, KeyError, TypeError) as exc:
            raise EvalDataError(f"{path}:{number}: not a Climate-FEVER claim record ({exc})") from exc
        if label not in CLAIM_LABELS or any(e[1] not in STANCE_LABELS for e in evidences):
            raise EvalDataError(f"{path}:{number}: unknown label")
        rows.append({"claim": claim, "claim_label": label, "evidences": evidences})
    if not rows:
        raise EvalDataError(f"{path}: no claims")
    return rows


def macro_f1(gold: list[str], pred: list[str], labels: tuple[str, ...]) -> tuple[float, dict]:
    per = {}
    for lab in labels:
        tp = sum(g == lab and p == lab for g, p in zip(gold, pred))
        fp = sum(g != lab and p == lab for g, p in zip(gold, pred))
        fn = sum(g == lab and p != lab for g, p in zip(gold, pred))
        per[lab] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return float(np.mean(list(per.values()))), {k: round(v, 4) for k, v in per.items()}


def predict(rows: list[dict], model=None) -> tuple[list[list[str]], list[str]]:
    """(stance labels per claim's evidences, claim labels) through the runtime code."""
    from ..verify import stance as stance_mod
    from ..verify.sources import Passage
    from ..verify.verdict import LABEL_TO_VERDICT, Judged, decide

    model = model or stance_mod.load()
    verdict_to_label = {v: k for k, v in LABEL_TO_VERDICT.items()}
    stances, verdicts = [], []
    for row in rows:
        judged = [Judged(Passage(text=text, source=article), model.judge(row["claim"], text))
                  for text, _label, article in row["evidences"]]
        stances.append([STANCE_TO_LABEL[j.stance.label] for j in judged])
        verdict, _ = decide(judged, model.t_support, model.t_refute)
        verdicts.append(verdict_to_label[verdict])
    return stances, verdicts


def scores(rows: list[dict], model=None) -> dict:
    from ..verify.verdict import CLAIM_LABELS, STANCE_LABELS

    stances, verdicts = predict(rows, model)
    gold_s = [label for row in rows for _t, label, _a in row["evidences"]]
    pred_s = [label for labels in stances for label in labels]
    s_f1, s_per = macro_f1(gold_s, pred_s, STANCE_LABELS)
    v_f1, v_per = macro_f1([r["claim_label"] for r in rows], verdicts, CLAIM_LABELS)
    return {"stance": (s_f1, s_per, len(gold_s)), "verdict": (v_f1, v_per, len(rows))}


def evaluate(task: str, path: Path, **options) -> dict:
    if task not in ("stance", "verdict"):
        raise EvalDataError(f"unknown task {task!r} for this module")
    rows = read_claims(Path(path))
    score, per_class, n = scores(rows, options.get("model"))[task]
    return {
        "task": task,
        "metric": "macro-F1" + (" (DISPUTED read as mixed)" if task == "verdict" else ""),
        "score": round(score, 4),
        "n": n,
        "per_class": per_class,
    }
