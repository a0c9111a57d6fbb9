"""What a source yields: items (lazy, picklable descriptions of one article) or failures."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Item:
    """One article to load.

    ``key`` is a stable locator (a path with line number and content hash, a URL, a WARC record
    id), so a resumed ingest can skip what it already stored without loading it again.
    ``kind`` says how to load it: ``record`` (a JSON object), ``file``, ``url`` (fetched safely)
    or ``content`` (bytes already in hand: a WARC response or a fetched page).
    """

    key: str
    kind: str
    source: str
    payload: dict = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Broken:
    """An item that could not even be described (bad JSON line, unreadable feed): a failure."""

    key: str
    source: str
    error: str
    reason: str
