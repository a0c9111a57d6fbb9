"""``newsdesk eval TASK --data PATH``: one code path shared by the CLI and the CI quality gate.

Each task lives in its own module ``newsdesk.evaluate.<task>`` exposing
``evaluate(path: Path, **options) -> dict`` that returns at least
``{"task", "metric", "score", "n"}`` and raises ``EvalDataError`` on bad data.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from ..errors import EvalDataError

#: task name -> (module, one-line description of the data it takes)
TASKS: dict[str, tuple[str, str]] = {
    "checkworthy": ("sentences", "TSV like checkworthy/dev.tsv; F1 of class Yes"),
    "subjectivity": ("sentences", "TSV like subjectivity/dev.tsv; macro-F1 SUBJ/OBJ"),
    "bias": ("sentences", "';'-separated CSV like bias/babe.csv; macro-F1 Biased/Non-biased"),
    "ner": ("ner", "CoNLL-2003 file like eng.testa; conlleval entity F1"),
    "propaganda": ("propaganda", "folder laid out like propaganda/; TC micro-F1 (+ SI F1)"),
    "genre": ("genre", "folder with articles/article<ID>.txt + labels.txt; macro-F1"),
    "claims": ("claims", "folder of gold claim files (training/gold format); P/R"),
    "stance": ("stance", "Climate-FEVER JSONL; macro-F1 SUPPORTS/REFUTES/NOT_ENOUGH_INFO per evidence"),
    "verdict": ("stance", "Climate-FEVER JSONL; macro-F1 over claim labels, DISPUTED read as mixed"),
}


def evaluate(task: str, path: str | Path, **options) -> dict:
    if task not in TASKS:
        raise EvalDataError(f"unknown task {task!r}; choose one of: {', '.join(sorted(TASKS))}")
    path = Path(path)
    if not path.exists():
        raise EvalDataError(f"no such file or folder: {path}")
    module = importlib.import_module(f"{__name__}.{TASKS[task][0]}")
    return module.evaluate(task, path, **options)
