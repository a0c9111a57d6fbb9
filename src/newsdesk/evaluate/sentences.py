"""Evaluate the sentence classifiers (check-worthiness, subjectivity, bias) on labelled files.

    checkworthy   TSV with columns Text and class_label (Yes/No)             -> F1 of Yes
    subjectivity  TSV with columns sentence and label (SUBJ/OBJ)             -> macro-F1
    bias          ';'-separated CSV with columns text and label_bias
                  (Biased/Non-biased; "No agreement" rows are skipped)       -> macro-F1

Extra columns are ignored. ``path`` may also be a folder: every ``.tsv``/``.csv`` file in it is
read (sorted by name) and the rows are pooled into one score.
"""

from __future__ import annotations

import csv
import io
import sys
from dataclasses import dataclass
from pathlib import Path

from ..errors import EvalDataError

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


@dataclass(frozen=True)
class TaskFormat:
    delimiter: str
    text_cols: tuple[str, ...]
    label_cols: tuple[str, ...]
    positive: str
    negative: str
    skip: tuple[str, ...]
    metric: str
    suffixes: tuple[str, ...]


FORMATS: dict[str, TaskFormat] = {
    "checkworthy": TaskFormat("\t", ("Text", "text", "sentence"), ("class_label", "label"),
                              "Yes", "No", (), "f1_yes", (".tsv",)),
    "subjectivity": TaskFormat("\t", ("sentence", "text", "Text"), ("label", "class_label"),
                               "SUBJ", "OBJ", (), "macro_f1", (".tsv",)),
    "bias": TaskFormat(";", ("text", "sentence", "Text"), ("label_bias", "label"),
                       "Biased", "Non-biased", ("No agreement",), "macro_f1", (".csv",)),
}


def _pick(header: list[str], names: tuple[str, ...], path: Path, what: str) -> str:
    for name in names:
        if name in header:
            return name
    raise EvalDataError(
        f"{path}: no {what} column (expected one of {', '.join(names)}; found {', '.join(header)})"
    )


def read_labelled(task: str, path: str | Path) -> tuple[list[str], list[int]]:
    """Sentences and 0/1 labels (1 = positive class) from one file or a folder of files."""
    fmt = _format(task)
    path = Path(path)
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in (".tsv", ".csv"))
        if not files:
            raise EvalDataError(f"{path}: folder has no .tsv or .csv files")
    elif path.is_file():
        files = [path]
    else:
        raise EvalDataError(f"no such file or folder: {path}")
    texts: list[str] = []
    labels: list[int] = []
    for file in files:
        t, y = _read_file(fmt, file)
        texts.extend(t)
        labels.extend(y)
    if not texts:
        raise EvalDataError(f"{path}: no labelled rows")
    return texts, labels


def _format(task: str) -> TaskFormat:
    try:
        return FORMATS[task]
    except KeyError:
        raise EvalDataError(
            f"unknown sentence task {task!r}; choose one of: {', '.join(FORMATS)}"
        ) from None


def _read_file(fmt: TaskFormat, path: Path) -> tuple[list[str], list[int]]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise EvalDataError(f"{path}: cannot read: {exc}") from exc
    if b"\x00" in raw[:4096]:
        raise EvalDataError(f"{path}: looks like a binary file, not a {fmt.delimiter!r}-separated table")
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise EvalDataError(f"{path}: not UTF-8 text: {exc}") from exc
    delimiter = fmt.delimiter
    first = content.split("\n", 1)[0]
    if delimiter not in first:
        for alt in ("\t", ";", ","):
            if alt in first:
                delimiter = alt
                break
    reader = csv.DictReader(io.StringIO(content, newline=""), delimiter=delimiter)
    header = [h.strip() for h in (reader.fieldnames or [])]
    if not header:
        raise EvalDataError(f"{path}: empty file (no header row)")
    reader.fieldnames = header
    text_col = _pick(header, fmt.text_cols, path, "sentence text")
    label_col = _pick(header, fmt.label_cols, path, "label")
    texts: list[str] = []
    labels: list[int] = []
    allowed = {fmt.positive, fmt.negative}
    try:
        for lineno, row in enumerate(reader, start=2):
            label = (row.get(label_col) or "").strip()
            if label in fmt.skip:
                continue
            if label not in allowed:
                raise EvalDataError(
                    f"{path}: row {lineno}: label {label!r} in column {label_col!r} is not "
                    f"{fmt.positive!r} or {fmt.negative!r}"
                )
            texts.append((row.get(text_col) or "").strip())
            labels.append(1 if label == fmt.positive else 0)
    except csv.Error as exc:
        raise EvalDataError(f"{path}: malformed table: {exc}") from exc
    return texts, labels


def binary_report(gold: list[int], pred: list[int], positive: str, negative: str) -> dict:
    """Precision, recall and F1 of both classes plus their macro average."""
    out: dict = {}
    for cls, name in ((1, positive), (0, negative)):
        tp = sum(1 for g, p in zip(gold, pred) if g == cls and p == cls)
        fp = sum(1 for g, p in zip(gold, pred) if g != cls and p == cls)
        fn = sum(1 for g, p in zip(gold, pred) if g == cls and p != cls)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[name] = {"precision": prec, "recall": rec, "f1": f1, "support": tp + fn}
    out["macro_f1"] = (out[positive]["f1"] + out[negative]["f1"]) / 2
    out["accuracy"] = sum(1 for g, p in zip(gold, pred) if g == p) / max(len(gold), 1)
    return out


def evaluate(task: str, path: str | Path, *, threshold: float | None = None, **_options) -> dict:
    """Score the shipped ``task`` model on the labelled file or folder at ``path``."""
    from ..models.sentence_classifier import load

    fmt = _format(task)
    texts, gold = read_labelled(task, path)
    model = load(task)
    thr = model.threshold if threshold is None else float(threshold)
    proba = model.predict_proba(texts)
    pred = [1 if p >= thr else 0 for p in proba]
    report = binary_report(gold, pred, fmt.positive, fmt.negative)
    if fmt.metric == "f1_yes":
        score = report[fmt.positive]["f1"]
        metric = f"F1({fmt.positive})"
    else:
        score = report["macro_f1"]
        metric = f"macro-F1({fmt.positive}/{fmt.negative})"
    return {
        "task": task,
        "metric": metric,
        "score": score,
        "n": len(gold),
        "threshold": thr,
        "precision": report[fmt.positive]["precision"],
        "recall": report[fmt.positive]["recall"],
        "per_class": {k: report[k] for k in (fmt.positive, fmt.negative)},
        "accuracy": report["accuracy"],
        "model_version": model.version,
    }
