"""Reuse the analysis of a text already analysed for a copy of it from another outlet.

A syndicated (wire) story printed by two outlets is two stored articles with the same text. The
brief analysis depends only on the text, the title, the publication date (relative dates), the
language and the article id (claim ids are ``c_<article hash><claim hash>``), so a copy with the
same text, title, date and language gets exactly the analysis it would have got, by taking the
original's and renaming the article hash in its claim ids (``reidentify``): no analysis run.

``CopyAnalyses`` finds such an original among the analyses made recently in this process (an
LRU, for copies in one feed) and, given a store, among the stored articles with the same text
hash (for copies arriving in a later run). Near-duplicates whose text differs (a paragraph cut)
are still analysed: their offsets differ. A stored analysis of an article not in English is
never reused: it may have been made with or without ``any_language`` (a run's own analyses are,
the whole run has one setting).
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections import OrderedDict

from ..analyze.other_language import reads_as_english

RECENT = 2048  # analyses kept in memory per process (~2-20 kB each, compressed)


def _hash_part(article_id: str) -> str:
    return article_id.removeprefix("a_")


def reidentify(encoded: bytes, from_id: str, to_id: str) -> bytes:
    """The analysis of article ``from_id`` as the analysis of ``to_id`` (same text, title,
    date and language): the article hash in claim ids is renamed, nothing else changes."""
    if from_id == to_id:
        return encoded
    old, new = "c_" + _hash_part(from_id), "c_" + _hash_part(to_id)
    text = zlib.decompress(encoded).decode("utf-8")
    return zlib.compress(text.replace(old, new).encode("utf-8"), 3)


def analysis_key(article, content_hash: str) -> tuple:
    published = article.published.isoformat() if article.published else None
    return (content_hash, article.title, published, article.language)


class CopyAnalyses:
    """Analyses to reuse for copies of the same text (see the module docstring)."""

    def __init__(self, store=None, size: int = RECENT):
        self.store = store  # read side: ``analysed_copies(content_hash)``
        self.size = size
        self._recent: OrderedDict[tuple, tuple[str, bytes]] = OrderedDict()

    def find(self, article, content_hash: str) -> bytes | None:
        """The analysis of ``article`` taken from an analysed copy of it, or None."""
        key = analysis_key(article, content_hash)
        hit = self._recent.get(key)
        if hit is not None:
            self._recent.move_to_end(key)
            return reidentify(hit[1], hit[0], article.id)
        if self.store is None or not reads_as_english(article):
            return None
        for article_id, title, published, language, encoded in self.store.analysed_copies(
                content_hash):
            if (content_hash, title, published, language) == key:
                self.keep(article_id, key, encoded)
                return reidentify(encoded, article_id, article.id)
        return None

    def remember(self, article, content_hash: str, encoded: bytes | None) -> None:
        if encoded is not None:
            self.keep(article.id, analysis_key(article, content_hash), encoded)

    def keep(self, article_id: str, key: tuple, encoded: bytes) -> None:
        self._recent[key] = (article_id, encoded)
        self._recent.move_to_end(key)
        while len(self._recent) > self.size:
            self._recent.popitem(last=False)


_WHERE = frozenset({"url", "link", "outlet", "source", "publisher", "id", "guid"})


def _guess(item) -> bytes | None:
    """What a record says apart from where it appeared (None for other kinds of item)."""
    record = item.payload.get("record") if item.kind == "record" else None
    if not isinstance(record, dict):
        return None
    rest = {k: v for k, v in record.items() if k not in _WHERE}
    try:
        return hashlib.sha1(json.dumps(rest, sort_keys=True, default=str).encode()).digest()
    except (TypeError, ValueError):
        return None


class InFlight:
    """The ingest process's side of reuse when the analysis runs in worker processes.

    A copy's original is often still being analysed in another worker when the copy is handed
    out, where neither the store nor that worker's recent analyses can give it. So a record
    that repeats one handed out in this run apart from where it appeared (url, outlet) is sent
    ``deferred``: loaded and fingerprinted but not analysed; when it comes back (after its
    original, as results are stored in input order) it takes the original's analysis from
    ``copies``, which holds every analysis stored by this run. A wrong guess (the loaded
    articles differ after all, or the original failed) is analysed then.
    """

    def __init__(self, size: int = RECENT // 2):
        self.size = size
        self._guesses: OrderedDict[bytes, None] = OrderedDict()
        self.copies = CopyAnalyses(None)

    def defer(self, item) -> bool:
        guess = _guess(item)
        if guess is None:
            return False
        if guess in self._guesses:
            self._guesses.move_to_end(guess)
            return True
        self._guesses[guess] = None
        while len(self._guesses) > self.size:
            self._guesses.popitem(last=False)
        return False
