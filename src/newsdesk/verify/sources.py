"""Where evidence comes from: one small interface and its implementations.

    EvidenceSource      anything with ``search(query, limit) -> list[Passage]``
    MemorySource        passages held in memory (tests, a story's articles), ranked by BM25
    ReferenceCorpus     the user's reference documents in a SQLite FTS5 file
                        (``newsdesk corpus add PATH...``), see ``newsdesk.verify.corpus``
    ChainedSource       several sources, searched in order (the story's other articles first)

A passage is one sentence (or a short span) with where it came from; ``doc_id`` lets the verdict
drop the claim's own article, and ``source`` names the outlet or document it is credited to.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from ..model import Article
from .text import analyse


@dataclass(frozen=True)
class Passage:
    text: str
    source: str = "unknown"  # outlet or document name
    url: str | None = None
    doc_id: str | None = None
    published: dt.date | None = None
    origin: str | None = None  # id of the text this one copies (syndication), when known
    score: float = 0.0  # retrieval score (higher is better), for display only


@runtime_checkable
class EvidenceSource(Protocol):
    def search(self, query: str, limit: int) -> list[Passage]:
        """Up to ``limit`` passages most likely to bear on ``query``, best first."""
        ...


def article_passages(article: Article) -> list[Passage]:
    """One passage per body sentence of an article, credited to its outlet (or title)."""
    from ..read.sentences import split_sentences

    source = article.outlet or article.title or article.id
    return [
        Passage(text=s.text, source=source, url=article.url, doc_id=article.id,
                published=article.published)
        for s in split_sentences(article.text)
        if s.kind.value == "body" and len(s.text.split()) >= 4
    ]


class MemorySource:
    """Passages in memory, ranked by BM25 over content stems."""

    def __init__(self, passages: Iterable[Passage] = ()):
        self.passages: list[Passage] = []
        self._terms: list[Counter[str]] = []
        self._df: Counter[str] = Counter()
        for p in passages:
            self.add(p)

    @classmethod
    def from_articles(cls, articles: Iterable[Article]) -> MemorySource:
        return cls(p for a in articles for p in article_passages(a))

    def add(self, passage: Passage) -> None:
        terms = Counter(analyse(passage.text).content + [n for n in analyse(passage.text).names])
        self.passages.append(passage)
        self._terms.append(terms)
        self._df.update(terms.keys())

    def __len__(self) -> int:
        return len(self.passages)

    def search(self, query: str, limit: int = 10) -> list[Passage]:
        q = set(analyse(query).content) | set(analyse(query).names)
        if not q or not self.passages:
            return []
        n = len(self.passages)
        avg = sum(sum(t.values()) for t in self._terms) / n
        scored = []
        for passage, terms in zip(self.passages, self._terms):
            length = sum(terms.values()) or 1
            score = 0.0
            for w in q & terms.keys():
                idf = math.log(1 + (n - self._df[w] + 0.5) / (self._df[w] + 0.5))
                tf = terms[w]
                score += idf * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * length / avg))
            if score > 0:
                scored.append((score, passage))
        scored.sort(key=lambda sp: -sp[0])
        return [_with_score(p, s) for s, p in scored[:limit]]


def _with_score(passage: Passage, score: float) -> Passage:
    from dataclasses import replace

    return replace(passage, score=round(score, 4))


class ChainedSource:
    """Search several sources in order and keep each one's best passages."""

    def __init__(self, *sources: EvidenceSource):
        self.sources = [s for s in sources if s is not None]

    def search(self, query: str, limit: int = 10) -> list[Passage]:
        out: list[Passage] = []
        seen: set[tuple[str, str | None]] = set()
        for source in self.sources:
            for p in source.search(query, limit):
                key = (p.text, p.doc_id)
                if key not in seen:
                    seen.add(key)
                    out.append(p)
        return out
