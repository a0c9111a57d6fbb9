"""Evidence from the corpus store (``newsdesk.store``): the story's other articles first, then the
whole store through its full-text search.

The store's ``search`` ANDs the words it is given, so the query backs off from all the claim's
content words to its few longest ones until enough articles come back. Articles are cut into
sentence passages and ranked with BM25 (``MemorySource``); a stored near-duplicate carries its
original's id as ``origin``, so syndicated copies do not corroborate one another.
"""

from __future__ import annotations

from ..model import Article
from .sources import MemorySource, Passage, article_passages
from .text import STOPWORDS, analyse


def _article(row) -> Article:
    return Article(id=row.id, text=row.text, title=row.title, url=row.url, outlet=row.outlet,
                   published=row.published, language=row.language, source=row.source)


class StoreSource:
    """An ``EvidenceSource`` over a ``newsdesk.store.Store``."""

    def __init__(self, store, *, story_id: str | None = None, max_articles: int = 40):
        self.store = store
        self.story_id = story_id
        self.max_articles = max_articles
        self._passages: dict[str, list[Passage]] = {}  # per article, reused across claims

    def _article_ids(self, query: str) -> list[str]:
        ids: list[str] = []
        if self.story_id:
            ids += [row.id for row in self.store.story_articles(self.story_id)]
        info = analyse(query)
        words = list(dict.fromkeys(w for w in info.words if w.isalpha() and len(w) > 2
                                   and w not in STOPWORDS))
        by_length = sorted(words, key=len, reverse=True)
        for k in (len(by_length), 4, 3, 2):
            if k <= 0 or k > len(by_length):
                continue
            for article_id, _title in self.store.search(" ".join(by_length[:k]), self.max_articles):
                if article_id not in ids:
                    ids.append(article_id)
            if len(ids) >= self.max_articles // 2:
                break
        return ids[: self.max_articles]

    def search(self, query: str, limit: int = 10) -> list[Passage]:
        passages: list[Passage] = []
        for article_id in self._article_ids(query):
            passages += self._article_passages(article_id)
        return MemorySource(passages).search(query, limit)

    def _article_passages(self, article_id: str) -> list[Passage]:
        if article_id not in self._passages:
            row = self.store.article(article_id)
            self._passages[article_id] = [
                Passage(text=p.text, source=p.source, url=p.url, doc_id=p.doc_id,
                        published=p.published, origin=row.duplicate_of)
                for p in article_passages(_article(row))
            ]
        return self._passages[article_id]
