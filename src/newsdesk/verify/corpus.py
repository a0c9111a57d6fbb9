"""The reference corpus: documents the user trusts (reports, encyclopedic text, transcripts),
kept as sentence passages in a SQLite FTS5 table, searched as evidence.

    corpus = ReferenceCorpus("reference.db")        # created on first use
    corpus.add_path("report.pdf.txt")               # .txt .md .html .htm .jsonl .pdf, or a folder
    corpus.search("The bridge cost 12 million dollars", 10)

The tables (``reference_documents``, ``reference_passages``) may live in their own file or in the
same SQLite file as the corpus store (``--db``): their names do not collide with the store's.
Adding the same document twice changes nothing (documents are keyed by a hash of their text).
JSONL lines are objects with the text in ``text`` (or ``body``, ``content``, ``evidence``) and
optionally ``title``/``source``/``name`` and ``url``. PDFs are read through ``pdftotext``
(poppler-utils) when it is installed; otherwise extract the text first.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path

from ..errors import InputError
from ..model import content_id
from .sources import Passage

_SCHEMA = (
    ("CREATE TABLE IF NOT EXISTS reference_documents (id TEXT PRIMARY KEY, name TEXT NOT NULL, "
     "url TEXT, path TEXT, added_at TEXT NOT NULL, passages INTEGER NOT NULL)"),
    ("CREATE VIRTUAL TABLE IF NOT EXISTS reference_passages USING fts5("
     "text, doc_id UNINDEXED, name UNINDEXED, url UNINDEXED, tokenize='porter unicode61')"),
)
TEXT_SUFFIXES = {".txt", ".md", ".text", ".html", ".htm", ".jsonl", ".pdf"}
_JSON_TEXT_KEYS = ("text", "body", "content", "evidence")
_JSON_NAME_KEYS = ("title", "source", "name", "article")


def fts_query(text: str, *, max_terms: int = 24) -> str:
    """An FTS5 OR-query of the distinct words of ``text`` (each quoted, so no syntax leaks)."""
    from .text import STOPWORDS

    words = [w for w in re.findall(r"\w+", text.lower()) if w not in STOPWORDS and len(w) > 1]
    words = list(dict.fromkeys(words))[:max_terms]
    return " OR ".join(f'"{w}"' for w in words)


def passages_of(text: str) -> list[str]:
    """Sentence passages of a document (short fragments dropped)."""
    from ..read.sentences import split_sentences

    return [s.text for s in split_sentences(text) if len(s.text.split()) >= 4]


class ReferenceCorpus:
    """Reference documents in SQLite FTS5; an ``EvidenceSource``."""

    def __init__(self, path: str | Path):
        self.path = str(path)
        try:
            self._db = sqlite3.connect(self.path)
            for statement in _SCHEMA:
                self._db.execute(statement)
            self._db.commit()
        except sqlite3.Error as exc:
            raise InputError(f"cannot open reference corpus {self.path}: {exc}") from exc

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> ReferenceCorpus:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def count(self) -> tuple[int, int]:
        """(documents, passages)."""
        row = self._db.execute(
            "SELECT count(*), coalesce(sum(passages), 0) FROM reference_documents").fetchone()
        return int(row[0]), int(row[1])

    def add_text(self, text: str, name: str, *, url: str | None = None,
                 path: str | None = None) -> int:
        """Add one document; returns the passages added (0 when it was already there)."""
        doc_id = content_id(text, prefix="r_")
        if self._db.execute("SELECT 1 FROM reference_documents WHERE id = ?", (doc_id,)).fetchone():
            return 0
        chunks = passages_of(text)
        with self._db:
            self._db.executemany(
                "INSERT INTO reference_passages (text, doc_id, name, url) VALUES (?, ?, ?, ?)",
                [(c, doc_id, name, url) for c in chunks])
            self._db.execute(
                "INSERT INTO reference_documents (id, name, url, path, added_at, passages) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (doc_id, name, url, path, dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                 len(chunks)))
        return len(chunks)

    def add_path(self, path: str | Path) -> list[tuple[str, int]]:
        """Add a file or every supported file under a folder; returns (name, passages added)."""
        path = Path(path)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.suffix.lower() in TEXT_SUFFIXES and p.is_file())
            return [item for f in files for item in self.add_path(f)]
        if not path.is_file():
            raise InputError(f"no such file or folder: {path}")
        suffix = path.suffix.lower()
        if suffix == ".jsonl":
            return self._add_jsonl(path)
        text, name, url = read_document(path)
        return [(name, self.add_text(text, name, url=url, path=str(path)))]

    def _add_jsonl(self, path: Path) -> list[tuple[str, int]]:
        out = []
        with path.open(encoding="utf-8") as fh:
            for number, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except ValueError as exc:
                    raise InputError(f"{path}:{number}: not JSON: {exc}") from exc
                text = next((record[k] for k in _JSON_TEXT_KEYS if isinstance(record.get(k), str)), None)
                if text is None:
                    raise InputError(f"{path}:{number}: no text field ({', '.join(_JSON_TEXT_KEYS)})")
                name = next((str(record[k]) for k in _JSON_NAME_KEYS if record.get(k)),
                            f"{path.name}:{number}")
                out.append((name, self.add_text(text, name, url=record.get("url"), path=str(path))))
        return out

    def search(self, query: str, limit: int = 10) -> list[Passage]:
        match = fts_query(query)
        if not match:
            return []
        rows = self._db.execute(
            "SELECT text, doc_id, name, url, bm25(reference_passages) FROM reference_passages "
            "WHERE reference_passages MATCH ? ORDER BY bm25(reference_passages) LIMIT ?",
            (match, limit)).fetchall()
        return [Passage(text=t, source=n, url=u, doc_id=d, score=round(-float(s), 4))
                for t, d, n, u, s in rows]


def read_document(path: Path) -> tuple[str, str, str | None]:
    """(text, name, url) of a text, Markdown, HTML or PDF file."""
    from ..ingest.decode import decode_bytes

    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return _pdf_text(path), path.stem, None
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    text = decode_bytes(data)
    if suffix in (".html", ".htm"):
        from ..ingest.html import article_from_html

        article = article_from_html(text)
        return article.text, article.title or path.stem, article.url
    return text, path.stem, None


def _pdf_text(path: Path) -> str:
    tool = shutil.which("pdftotext")
    if tool is None:
        raise InputError(f"{path}: reading PDF needs pdftotext (poppler-utils); "
                         "or extract the text and add the .txt file")
    result = subprocess.run([tool, "-layout", "-enc", "UTF-8", str(path), "-"],
                            capture_output=True, timeout=120, check=False)
    if result.returncode != 0:
        raise InputError(f"{path}: pdftotext failed: {result.stderr.decode(errors='replace')[:200]}")
    return result.stdout.decode("utf-8", errors="replace")
