"""Reading the claims gold set (``training/gold/`` format, see its README).

A gold file names its article either by dataset path under ``shared_data_dir()`` or inline
(``text``). The article is rebuilt deterministically as a list of sentence units, so the gold's
``sentence`` indices and the ``first`` cut mean the same thing on every machine:

    gum     GUM ``dep/*.conllu``: ``# text =`` lines of the ``p`` (and ``list``) blocks; the
            headline (``head``), a dateline block that is only a date, figures and captions are
            dropped. Paragraphs (``# newpar``) are joined by a blank line, sentences by a space.
    basil   BASIL ``articles/<year>/<uuid>_<n>.json``: ``body-paragraphs`` (lists of sentences);
            the title becomes ``Article.title``, ``date`` the publication date.
    ptc     PTC ``train-articles/article<ID>.txt``: line 1 is the title, then one sentence a line
            (kept one a line: some lack closing punctuation).
    text    an inline ``text`` field: split into sentences by newsdesk's own segmenter.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import EvalDataError

DATASETS = ("gum", "basil", "ptc", "text")
_DATELINE = re.compile(
    r"^(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+)?"
    r"[A-Z][a-z]+\s+\d{1,2},\s+\d{4}$"
)


@dataclass
class GoldClaim:
    text: str
    sentence: int
    kind: str | None = None


@dataclass
class GoldNotVerifiable:
    sentence: int
    reason: str
    text: str | None = None


@dataclass
class GoldArticle:
    """One gold file, with its article rebuilt: ``units`` are (start, end) offsets in ``text``."""

    id: str
    path: Path
    text: str
    units: list[tuple[int, int]]
    title: str | None
    published: dt.date | None
    split: str
    genre: str | None
    claims: list[GoldClaim] = field(default_factory=list)
    not_verifiable: list[GoldNotVerifiable] = field(default_factory=list)


def _join(paragraphs: list[list[str]], sep: str = " ") -> tuple[str, list[tuple[int, int]]]:
    text, units = "", []
    for p, sentences in enumerate(paragraphs):
        if p:
            text += "\n\n"
        for s, sentence in enumerate(sentences):
            if s:
                text += sep
            units.append((len(text), len(text) + len(sentence)))
            text += sentence
    return text, units


def read_gum(path: Path) -> tuple[str | None, list[list[str]]]:
    title, paragraphs, block = None, [], ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# meta::title = "):
            title = line.split("=", 1)[1].strip()
        elif line.startswith("# newpar_block"):
            block = line.split("=", 1)[1].strip().split()[0]
            paragraphs.append([])
        elif line.startswith("# text = "):
            sentence = line[len("# text = ") :].strip()
            if block not in ("p", "list", "quote"):
                continue
            if _DATELINE.match(sentence):
                continue
            if not paragraphs:
                paragraphs.append([])
            paragraphs[-1].append(sentence)
    return title, [p for p in paragraphs if p]


def read_basil(path: Path) -> tuple[str | None, list[list[str]], dt.date | None]:
    data = json.loads(path.read_text(encoding="utf-8"))
    paragraphs = [[s.strip() for s in p if s.strip()] for p in data.get("body-paragraphs", [])]
    date = None
    if data.get("date"):
        try:
            date = dt.date.fromisoformat(str(data["date"])[:10])
        except ValueError:
            date = None
    return data.get("title"), [p for p in paragraphs if p], date


def read_ptc(path: Path) -> tuple[str | None, list[list[str]]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    title = lines[0].strip() if lines else None
    paragraphs: list[list[str]] = [[]]
    for line in lines[1:]:
        if line.strip():
            paragraphs[-1].append(line.strip())
        elif paragraphs[-1]:
            paragraphs.append([])
    return title, [p for p in paragraphs if p]


def _inline_units(text: str) -> list[tuple[int, int]]:
    from ..read.sentences import split_sentences

    return [(s.start, s.end) for s in split_sentences(text)]


def rebuild(
    source: dict, data_dir: Path, where: Path
) -> tuple[str, list[tuple[int, int]], str | None, dt.date | None]:
    """The article's text, sentence units, title and date from a gold file's ``source``."""
    dataset = source.get("dataset")
    if dataset not in DATASETS:
        raise EvalDataError(f"{where}: source.dataset must be one of {', '.join(DATASETS)}")
    if dataset == "text":
        text = source.get("text")
        if not isinstance(text, str) or not text.strip():
            raise EvalDataError(f"{where}: source.dataset 'text' needs a non-empty source.text")
        return text, _inline_units(text), source.get("title"), None
    rel = source.get("path")
    if not isinstance(rel, str):
        raise EvalDataError(f"{where}: source.path (a path under the data folder) is missing")
    path = data_dir / rel
    if not path.is_file():
        raise EvalDataError(f"{where}: article file not found: {path} (set $NEWSDESK_DATA?)")
    date = None
    if dataset == "gum":
        title, paragraphs = read_gum(path)
    elif dataset == "basil":
        title, paragraphs, date = read_basil(path)
    else:
        title, paragraphs = read_ptc(path)
    # PTC has one sentence a line (some without closing punctuation): keep the line breaks
    text, units = _join(paragraphs, "\n" if dataset == "ptc" else " ")
    return text, units, title, date


def cut(text: str, units: list[tuple[int, int]], first: int | None):
    """Keep the first ``first`` sentence units (the rest of the article is not annotated)."""
    if first is None or first >= len(units):
        return text, units
    units = units[:first]
    return text[: units[-1][1]], units


def load_gold_file(path: Path, data_dir: Path) -> GoldArticle:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise EvalDataError(f"{path}: not a readable JSON gold file ({exc})") from exc
    if not isinstance(data, dict) or not isinstance(data.get("source"), dict):
        raise EvalDataError(f"{path}: expected an object with 'source', 'claims', 'not_verifiable'")
    if not isinstance(data.get("claims"), list):
        raise EvalDataError(f"{path}: 'claims' must be a list")
    text, units, title, date = rebuild(data["source"], data_dir, path)
    first = (
        data.get("sentences", {}).get("first") if isinstance(data.get("sentences"), dict) else None
    )
    text, units = cut(text, units, first)
    published = date
    if data.get("published"):
        try:
            published = dt.date.fromisoformat(data["published"])
        except (TypeError, ValueError) as exc:
            raise EvalDataError(f"{path}: 'published' is not YYYY-MM-DD") from exc
    article = GoldArticle(
        id=str(data.get("id") or path.stem),
        path=path,
        text=text,
        units=units,
        title=data.get("title") or title,
        published=published,
        split=str(data.get("split", "dev")),
        genre=data.get("genre"),
    )
    for i, item in enumerate(data["claims"]):
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise EvalDataError(f"{path}: claims[{i}] needs a 'text' string")
        sentence = item.get("sentence")
        if not isinstance(sentence, int) or not 0 <= sentence < len(units):
            raise EvalDataError(
                f"{path}: claims[{i}].sentence {sentence!r} is not a sentence index "
                f"(0..{len(units) - 1})"
            )
        article.claims.append(
            GoldClaim(text=item["text"], sentence=sentence, kind=item.get("kind"))
        )
    for i, item in enumerate(data.get("not_verifiable", [])):
        if not isinstance(item, dict) or not isinstance(item.get("sentence"), int):
            raise EvalDataError(f"{path}: not_verifiable[{i}] needs a 'sentence' index")
        article.not_verifiable.append(
            GoldNotVerifiable(
                sentence=item["sentence"], reason=str(item.get("reason", "")), text=item.get("text")
            )
        )
    return article


def load_gold(folder: Path, data_dir: Path, split: str | None = None) -> list[GoldArticle]:
    if folder.is_file():
        files = [folder]
    elif folder.is_dir():
        files = sorted(p for p in folder.glob("*.json") if p.is_file())
    else:
        raise EvalDataError(f"no such gold folder: {folder}")
    if not files:
        raise EvalDataError(f"{folder}: no *.json gold files")
    articles = [load_gold_file(p, data_dir) for p in files]
    if split not in (None, "all"):
        articles = [a for a in articles if a.split == split]
        if not articles:
            raise EvalDataError(f"{folder}: no gold files with split {split!r}")
    return articles
