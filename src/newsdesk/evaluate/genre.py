"""``newsdesk eval genre --data FOLDER``: article genre, macro-F1.

FOLDER holds ``articles/article<ID>.txt`` (the title, a blank line, then the body) and
``labels.txt`` with one ``<ID>\\t<opinion|reporting|satire>`` per line. The score is the macro-F1
over the labels present in ``labels.txt`` (a label the gold never uses does not count, but
predicting it still costs precision elsewhere). Per-label P/R/F1 and the confusion counts come
with it.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from ..errors import EvalDataError, InputError

LABELS = ("opinion", "reporting", "satire")


def read_labels(path: Path) -> dict[str, str]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalDataError(f"cannot read {path}: {exc}") from exc
    out: dict[str, str] = {}
    for lineno, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.strip().split("\t")
        if len(parts) != 2 or parts[1].strip() not in LABELS:
            raise EvalDataError(
                f"{path}:{lineno}: expected '<ID>\\t<{'|'.join(LABELS)}>', got {line!r}"
            )
        art_id = parts[0].strip()
        if art_id in out:
            raise EvalDataError(f"{path}:{lineno}: article {art_id} labelled twice")
        out[art_id] = parts[1].strip()
    if not out:
        raise EvalDataError(f"{path} has no labels")
    return out


def read_article(path: Path) -> tuple[str, str]:
    """(title, body) of an ``article<ID>.txt``: the first line, then what follows it."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise EvalDataError(f"labelled article missing: {path}") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalDataError(f"cannot read {path}: {exc}") from exc
    title, _, body = text.partition("\n")
    if not body.strip():
        raise EvalDataError(f"{path}: no body after the title line")
    return title.strip(), body.strip()


def macro_f1(gold: list[str], pred: list[str]) -> dict:
    present = sorted(set(gold))
    per = {}
    f1s = []
    for lab in present:
        tp = sum(g == p == lab for g, p in zip(gold, pred))
        npred = sum(p == lab for p in pred)
        ngold = sum(g == lab for g in gold)
        pr = tp / npred if npred else 0.0
        rc = tp / ngold if ngold else 0.0
        f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        f1s.append(f1)
        per[lab] = {"precision": round(pr, 4), "recall": round(rc, 4), "f1": round(f1, 4), "support": ngold}
    score = sum(f1s) / len(f1s)
    return {"macro_f1": score, "per_label": per}


def evaluate(task: str, path: Path, **options) -> dict:
    from ..models import genre

    if options:
        raise EvalDataError(f"unknown option(s) for genre: {', '.join(sorted(options))}")
    path = Path(path)
    labels_file = path / "labels.txt"
    art_dir = path / "articles"
    if not labels_file.is_file() or not art_dir.is_dir():
        raise EvalDataError(f"{path} must hold labels.txt and an articles/ folder")
    gold_map = read_labels(labels_file)
    model = genre.load()
    gold, pred = [], []
    for art_id, lab in gold_map.items():
        title, body = read_article(art_dir / f"article{art_id}.txt")
        try:
            pred.append(model.label(title, body))
        except InputError as exc:
            raise EvalDataError(f"article {art_id}: {exc}") from exc
        gold.append(lab)
    res = macro_f1(gold, pred)
    confusion = Counter(f"{g}->{p}" for g, p in zip(gold, pred))
    return {
        "task": task,
        "metric": "macro_f1",
        "score": round(res["macro_f1"], 4),
        "n": len(gold),
        "accuracy": round(sum(g == p for g, p in zip(gold, pred)) / len(gold), 4),
        "per_label": res["per_label"],
        "confusion": dict(sorted(confusion.items())),
    }
