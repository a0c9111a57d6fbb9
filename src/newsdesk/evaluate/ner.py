"""``newsdesk eval ner``: entity-level precision/recall/F1 computed exactly as conlleval does.

The data is a CoNLL-2003 style file (one token per line, the gold NER tag in the last column,
blank lines between sentences, ``-DOCSTART-`` lines between documents) or a folder of them.
IOB1 and IOB2 (and BIOES) tags are accepted; chunks are compared by (start, end, type).
"""

from __future__ import annotations

from pathlib import Path

from ..errors import EvalDataError

_VALID_PREFIX = ("B", "I", "E", "S")


def _split(tag: str) -> tuple[str, str]:
    """conlleval's split of a tag into (prefix, type); ``O`` has type ``""``."""
    if tag == "O":
        return "O", ""
    if len(tag) > 2 and tag[1] == "-" and tag[0] in _VALID_PREFIX:
        return tag[0], tag[2:]
    raise EvalDataError(f"not an IOB tag: {tag!r}")


def _start_of_chunk(prev_tag: str, tag: str, prev_type: str, typ: str) -> bool:
    if tag in ("B", "S"):
        return True
    if prev_tag in ("E", "S", "O") and tag in ("E", "I"):
        return True
    return tag != "O" and prev_type != typ


def _end_of_chunk(prev_tag: str, tag: str, prev_type: str, typ: str) -> bool:
    if prev_tag in ("E", "S"):
        return True
    if prev_tag in ("B", "I") and tag in ("B", "S", "O"):
        return True
    return prev_tag != "O" and prev_type != typ


def chunks(tags: list[str]) -> set[tuple[int, int, str]]:
    """Chunks (start, end exclusive, type) of one tag sequence, by conlleval's rules."""
    out: set[tuple[int, int, str]] = set()
    prev_tag, prev_type = "O", ""
    start = None
    for i, raw in enumerate(list(tags) + ["O"]):
        tag, typ = _split(raw)
        if start is not None and _end_of_chunk(prev_tag, tag, prev_type, typ):
            out.add((start, i, prev_type))
            start = None
        if _start_of_chunk(prev_tag, tag, prev_type, typ):
            start = i
        prev_tag, prev_type = tag, typ
    return out


def _prf(correct: int, found: int, gold: int) -> dict:
    p = correct / found if found else 0.0
    r = correct / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "gold": gold, "found": found, "correct": correct}


def score(gold: list[list[str]], guess: list[list[str]]) -> dict:
    """conlleval's overall and per-type scores of guessed tag sequences against gold ones."""
    if len(gold) != len(guess):
        raise EvalDataError("gold and guessed sentence counts differ")
    found = correct = n_gold = 0
    per: dict[str, list[int]] = {}
    for g, p in zip(gold, guess):
        if len(g) != len(p):
            raise EvalDataError("gold and guessed sentence lengths differ")
        gc, pc = chunks(g), chunks(p)
        hit = gc & pc
        n_gold += len(gc)
        found += len(pc)
        correct += len(hit)
        for src, k in ((gc, 0), (pc, 1), (hit, 2)):
            for _, _, typ in src:
                per.setdefault(typ, [0, 0, 0])[k] += 1
    overall = _prf(correct, found, n_gold)
    return {
        **overall,
        "per_type": {t: _prf(c[2], c[1], c[0]) for t, c in sorted(per.items())},
    }


def read_conll(path: Path) -> list[tuple[list[str], list[str]]]:
    """(tokens, gold tags) sentences of one CoNLL file; raises EvalDataError if malformed."""
    sentences: list[tuple[list[str], list[str]]] = []
    toks: list[str] = []
    tags: list[str] = []
    ncols = None
    try:
        with open(path, encoding="utf-8") as fh:
            lines = list(fh)
    except UnicodeDecodeError as exc:
        raise EvalDataError(f"{path} is not UTF-8 text: {exc}") from exc
    except OSError as exc:
        raise EvalDataError(f"cannot read {path}: {exc}") from exc
    for lineno, line in enumerate(lines, 1):
        parts = line.split()
        if not parts or parts[0] == "-DOCSTART-":
            if toks:
                sentences.append((toks, tags))
                toks, tags = [], []
            continue
        if len(parts) < 2:
            raise EvalDataError(f"{path}:{lineno}: expected a token and a tag, got {line!r}")
        if ncols is None:
            ncols = len(parts)
        elif len(parts) != ncols:
            raise EvalDataError(f"{path}:{lineno}: {len(parts)} columns, expected {ncols}")
        try:
            _split(parts[-1])
        except EvalDataError as exc:
            raise EvalDataError(f"{path}:{lineno}: {exc}") from exc
        toks.append(parts[0])
        tags.append(parts[-1])
    if toks:
        sentences.append((toks, tags))
    return sentences


def _files(path: Path) -> list[Path]:
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
        if not files:
            raise EvalDataError(f"no files in {path}")
        return files
    return [path]


def evaluate(task: str, path: str | Path, **options) -> dict:
    """Tag every sentence of the CoNLL file(s) at ``path`` and score it as conlleval does."""
    from ..models.ner import load

    if task != "ner":
        raise EvalDataError(f"newsdesk.evaluate.ner handles task 'ner', not {task!r}")
    path = Path(path)
    if not path.exists():
        raise EvalDataError(f"no such file or folder: {path}")
    sentences = [s for f in _files(path) for s in read_conll(f)]
    if not sentences:
        raise EvalDataError(f"no sentences in {path}")
    tagger = load()
    guess = [tagger.tag_tokens(toks) for toks, _ in sentences]
    result = score([tags for _, tags in sentences], guess)
    return {
        "task": "ner",
        "metric": "entity_f1",
        "score": result["f1"],
        "n": len(sentences),
        "tokens": sum(len(t) for t, _ in sentences),
        "precision": result["precision"],
        "recall": result["recall"],
        "per_type": {t: round(v["f1"], 4) for t, v in result["per_type"].items()},
        "per_type_detail": result["per_type"],
        "path": str(path),
    }
