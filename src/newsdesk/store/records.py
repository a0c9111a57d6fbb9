"""Rows the store reads and writes (plain dataclasses: the store's side of the contract)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


def place_of(outlet: str | None, url: str | None) -> str:
    """Where a copy appeared, as stored: the outlet (case-folded), else the url, else ''."""
    name = (outlet or "").strip()
    return name.lower() if name else (url or "").strip()


def stored_id(content_hash: str, place: str) -> str:
    """A stored article's id: its text hash, with where it appeared (the bare hash if nowhere)."""
    if not place:
        return content_hash
    from ..model import content_id

    return content_id(content_hash, place, prefix="a_")


@dataclass
class ArticleRow:
    """One stored article: the Article's fields, its analysis and where it sits in the corpus."""

    id: str
    text: str
    source: str
    ingested_at: str
    terms: dict[str, float]
    lead_terms: dict[str, float]
    item: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    language: str | None = None
    analysis: bytes | None = None  # zlib-compressed Brief JSON without the article
    duplicate_of: str | None = None
    similarity: float | None = None
    story_id: str | None = None
    minhash: bytes | None = None
    content_hash: str | None = None  # hash of the text alone: equal for syndicated copies

    @property
    def day(self) -> int | None:
        return self.published.toordinal() if self.published else None

    @property
    def place(self) -> str:
        return place_of(self.outlet, self.url)


@dataclass
class StoryRow:
    """A story: articles about one event across outlets, within a time window."""

    id: str
    title: str | None
    first_day: int
    last_day: int
    size: int
    independent: int  # articles that are not near-duplicates of another
    outlets: list[str] = field(default_factory=list)
    entities: list[str] = field(default_factory=list)
    centroid: dict[str, float] = field(default_factory=dict)

    @property
    def start(self) -> dt.date:
        return dt.date.fromordinal(self.first_day)

    @property
    def end(self) -> dt.date:
        return dt.date.fromordinal(self.last_day)


@dataclass
class FailureRow:
    item: str
    source: str
    error: str
    reason: str
    attempts: int
    at: str


@dataclass
class Candidate:
    """An already stored article a new one may belong with (story or near-duplicate lookup)."""

    article_id: str
    story_id: str | None
    outlet: str | None
    day: int | None
    duplicate_of: str | None
    terms: dict[str, float] | None = None
    lead_terms: dict[str, float] | None = None
    minhash: bytes | None = None
    terms_norm: float | None = None  # L2 norms of terms and lead_terms, when given
    lead_norm: float | None = None
