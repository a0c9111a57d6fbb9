"""The store interface both back ends implement, written once over a small SQL dialect shim.

SQLite and PostgreSQL share every statement except placeholders (``?`` here, rewritten to
``%s`` for psycopg), the full-text search query and connection setup, which the subclasses give.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import zlib
from collections import OrderedDict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager

from ..errors import InputError, NotFoundError
from . import migrations
from .records import ArticleRow, Candidate, FailureRow, StoryRow

_ARTICLE_FIELDS = (
    "id", "item", "url", "title", "outlet", "published", "day", "language", "source", "text",
    "ingested_at", "analysis", "duplicate_of", "similarity", "story_id", "terms", "lead_terms",
    "minhash", "content_hash",
)
_LIGHT_FIELDS = tuple(f for f in _ARTICLE_FIELDS if f not in ("text", "analysis", "minhash"))
_CHUNK = 500
POSTINGS_PER_KEY = 200  # term index entries read per key and lookup
VECTOR_CACHE = 2048  # term vectors of candidate articles kept decoded (~20 kB each)


def _norm(vector: dict[str, float]) -> float:
    return math.sqrt(sum(w * w for w in vector.values()))


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _chunks(values: Sequence, size: int = _CHUNK) -> Iterator[Sequence]:
    for i in range(0, len(values), size):
        yield values[i:i + size]


class Store:
    """A corpus of analysed articles, their near-duplicate links, stories and ingest failures."""

    dialect = ""
    location = ""
    reader_location = ""  # where a worker process opens a reader (``open_store(readonly=True)``)

    # ------------------------------------------------------------ back-end specific

    def _execute(self, sql: str, params: Sequence = ()):  # returns a cursor
        raise NotImplementedError

    def _executemany(self, sql: str, rows: Iterable[Sequence]) -> None:
        raise NotImplementedError

    def _commit(self) -> None:
        raise NotImplementedError

    def _rollback(self) -> None:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def search(self, query: str, limit: int = 20) -> list[tuple[str, str | None]]:
        """(article id, title) of the articles best matching a full-text query."""
        raise NotImplementedError

    def _blob(self, value: bytes | None):
        return value

    # ------------------------------------------------------------ schema

    def migrate(self) -> int:
        """Bring the schema to the latest version; returns the version now in place."""
        self._execute(migrations.bookkeeping_sql())
        self._commit()
        row = self._execute("SELECT max(version) FROM schema_migrations").fetchone()
        current = row[0] or 0
        for version, name, statements in migrations.pending(current, self.dialect):
            try:
                for statement in statements:
                    self._execute(statement)
                self._execute(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                    (version, name, now()),
                )
                self._commit()
            except Exception:
                self._rollback()
                raise
            current = version
        return current

    def schema_version(self) -> int:
        return self._execute("SELECT max(version) FROM schema_migrations").fetchone()[0] or 0

    @contextmanager
    def transaction(self) -> Iterator[Store]:
        """Everything written inside is committed together, or not at all."""
        try:
            yield self
        except BaseException:
            self.rollback()
            raise
        self._commit()

    def commit(self) -> None:
        """Commit what was written since the last commit (``transaction`` does it for a block)."""
        self._commit()

    def rollback(self) -> None:
        """Discard what was written since the last commit."""
        self._rollback()
        self.__dict__.pop("_vectors", None)  # it may hold rows that were never committed

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ------------------------------------------------------------ ingest side

    def known_items(self, items: Sequence[str]) -> set[str]:
        found: set[str] = set()
        for chunk in _chunks(list(items)):
            marks = ",".join("?" * len(chunk))
            found.update(r[0] for r in self._execute(
                f"SELECT item FROM articles WHERE item IN ({marks})", chunk))
        return found

    def not_analysed(self, items: Sequence[str]) -> dict[str, str]:
        """Of these items, those stored with a brief that analysed nothing because the article
        is not in English (ingested without ``any_language``): item -> article id."""
        from ..analyze.other_language import NOTICE_PREFIX

        found: dict[str, str] = {}
        for chunk in _chunks(list(items)):
            marks = ",".join("?" * len(chunk))
            for item, article_id, analysis in self._execute(
                    f"SELECT item, id, analysis FROM articles WHERE item IN ({marks}) "
                    "AND (language IS NULL OR language <> 'en') AND analysis IS NOT NULL", chunk):
                notices = json.loads(zlib.decompress(bytes(analysis))).get("notices") or []
                if any(n.startswith(NOTICE_PREFIX) for n in notices):
                    found[item] = article_id
        return found

    def replace_analysis(self, article_id: str, analysis: bytes, terms: dict[str, float]) -> None:
        """Give a stored article a new analysis (and the term vector made with it); its story,
        near-duplicate link and index entries stay as they were."""
        self._execute("UPDATE articles SET analysis = ?, terms = ? WHERE id = ?",
                      (self._blob(analysis), json.dumps(terms), article_id))
        self.__dict__.get("_vectors", {}).pop(article_id, None)

    def known_ids(self, ids: Sequence[str]) -> set[str]:
        found: set[str] = set()
        for chunk in _chunks(list(ids)):
            marks = ",".join("?" * len(chunk))
            found.update(r[0] for r in self._execute(
                f"SELECT id FROM articles WHERE id IN ({marks})", chunk))
        return found

    def known_copies(self, content_hashes: Sequence[str]) -> set[tuple[str, str]]:
        """The (content hash, place) pairs stored among ``content_hashes``."""
        found: set[tuple[str, str]] = set()
        for chunk in _chunks(list(content_hashes)):
            marks = ",".join("?" * len(chunk))
            found.update((r[0], r[1]) for r in self._execute(
                f"SELECT content_hash, place FROM articles WHERE content_hash IN ({marks})", chunk))
        return found

    def first_copy(self, content_hash: str) -> Candidate | None:
        """The first stored article with this text (any outlet, any day) that has a story."""
        row = self._execute(
            "SELECT id, story_id, outlet, day, duplicate_of FROM articles "
            "WHERE content_hash = ? AND story_id IS NOT NULL ORDER BY seq LIMIT 1",
            (content_hash,)).fetchone()
        return Candidate(row[0], row[1], row[2], row[3], row[4]) if row else None

    def analysed_copies(self, content_hash: str, limit: int = 8) -> list[tuple]:
        """(id, title, published, language, analysis) of stored articles with this text that
        have an analysis, first stored first (see ``store.reuse``)."""
        rows = self._execute(
            "SELECT id, title, published, language, analysis FROM articles "
            "WHERE content_hash = ? AND analysis IS NOT NULL ORDER BY seq LIMIT ?",
            (content_hash, limit)).fetchall()
        return [(r[0], r[1], r[2], r[3], bytes(r[4])) for r in rows]

    def add_article(
        self, row: ArticleRow, term_keys: Sequence[str] = (), band_keys: Sequence[int] = (),
        index_day: int | None = None,
    ) -> bool:
        """Insert an article (and its index entries) unless its id, or the same text from the
        same place, is stored; True if inserted."""
        values = {
            "id": row.id, "item": row.item, "url": row.url, "title": row.title,
            "outlet": row.outlet, "published": row.published.isoformat() if row.published else None,
            "day": row.day, "language": row.language, "source": row.source, "text": row.text,
            "ingested_at": row.ingested_at, "analysis": self._blob(row.analysis),
            "duplicate_of": row.duplicate_of, "similarity": row.similarity,
            "story_id": row.story_id, "terms": json.dumps(row.terms),
            "lead_terms": json.dumps(row.lead_terms), "minhash": self._blob(row.minhash),
            "content_hash": row.content_hash or row.id, "place": row.place,
        }
        marks = ",".join("?" * len(values))
        cursor = self._execute(
            f"INSERT INTO articles ({','.join(values)}) VALUES ({marks}) ON CONFLICT DO NOTHING",
            tuple(values.values()),
        )
        if cursor.rowcount == 0:
            return False
        index_day = row.day if index_day is None else index_day
        if term_keys and index_day is not None:
            self._executemany("INSERT INTO term_index (key, day, article_id) VALUES (?, ?, ?)",
                              [(k, index_day, row.id) for k in term_keys])
        if band_keys and index_day is not None:
            self._executemany("INSERT INTO minhash_bands (key, day, article_id) VALUES (?, ?, ?)",
                              [(k, index_day, row.id) for k in band_keys])
        return True

    def band_candidates(
        self, keys: Sequence[int], first_day: int, last_day: int, limit: int = 50
    ) -> list[Candidate]:
        """Articles dated within [first_day, last_day] sharing the most MinHash bands with ``keys``."""
        if not keys:
            return []
        marks = ",".join("?" * len(keys))
        rows = self._execute(
            "SELECT a.id, a.story_id, a.outlet, a.day, a.duplicate_of, a.minhash "
            "FROM (SELECT article_id, count(*) AS hits FROM minhash_bands "
            f"WHERE key IN ({marks}) AND day BETWEEN ? AND ? GROUP BY article_id "
            "ORDER BY hits DESC, article_id LIMIT ?) t JOIN articles a ON a.id = t.article_id",
            (*keys, first_day, last_day, limit),
        ).fetchall()
        return [Candidate(r[0], r[1], r[2], r[3], r[4], minhash=bytes(r[5]) if r[5] else None)
                for r in rows]

    def term_candidates(
        self, keys: Sequence[str], first_day: int, last_day: int, limit: int = 40,
        postings: int = POSTINGS_PER_KEY,
    ) -> list[Candidate]:
        """Stored articles dated within [first_day, last_day] sharing the most of ``keys``.

        At most ``postings`` index entries are read per key (the latest days first), so the cost
        of a lookup stays bounded however many articles a busy window holds: a key that common
        says little about which story an article belongs to. Term vectors (with their norms) are
        given for the candidates that can take an article into their story (in a story, not a
        near-duplicate), from a cache of recently read ones (stored articles never change).
        """
        if not keys:
            return []
        arm = ("SELECT article_id FROM (SELECT article_id FROM term_index WHERE key = ? AND day "
               "BETWEEN ? AND ? ORDER BY day DESC LIMIT ?) k{i}")
        union = " UNION ALL ".join(arm.format(i=i) for i in range(len(keys)))
        params: list = []
        for key in keys:
            params += [key, first_day, last_day, postings]
        rows = self._execute(
            "SELECT a.id, a.story_id, a.outlet, a.day, a.duplicate_of "
            f"FROM (SELECT article_id, count(*) AS hits FROM ({union}) p GROUP BY article_id "
            "ORDER BY hits DESC, article_id LIMIT ?) t JOIN articles a ON a.id = t.article_id",
            (*params, limit),
        ).fetchall()
        out = [Candidate(r[0], r[1], r[2], r[3], r[4]) for r in rows]
        vectors = self._term_vectors([c.article_id for c in out
                                      if c.story_id is not None and c.duplicate_of is None])
        for cand in out:
            if cand.article_id in vectors:
                cand.terms, cand.lead_terms, cand.terms_norm, cand.lead_norm = vectors[
                    cand.article_id]
        return out

    def _term_vectors(self, ids: Sequence[str]) -> dict[str, tuple]:
        """(terms, lead terms, their norms) of stored articles, through an LRU cache."""
        cache = self.__dict__.setdefault("_vectors", OrderedDict())
        out: dict[str, tuple] = {}
        missing = []
        for article_id in ids:
            hit = cache.get(article_id)
            if hit is None:
                missing.append(article_id)
            else:
                cache.move_to_end(article_id)
                out[article_id] = hit
        for chunk in _chunks(missing):
            marks = ",".join("?" * len(chunk))
            for r in self._execute(
                    f"SELECT id, terms, lead_terms FROM articles WHERE id IN ({marks})", chunk):
                terms, lead = json.loads(r[1]), json.loads(r[2])
                out[r[0]] = cache[r[0]] = (terms, lead, _norm(terms), _norm(lead))
        while len(cache) > VECTOR_CACHE:
            cache.popitem(last=False)
        return out

    def story_outlets(self, story_ids: Sequence[str]) -> dict[str, list[str]]:
        """The outlets of many stories at once (one query instead of one per story)."""
        out: dict[str, list[str]] = {}
        for chunk in _chunks(list(story_ids)):
            marks = ",".join("?" * len(chunk))
            for r in self._execute(f"SELECT id, outlets FROM stories WHERE id IN ({marks})", chunk):
                out[r[0]] = json.loads(r[1])
        return out

    def put_story(self, story: StoryRow) -> None:
        values = (story.title, story.first_day, story.last_day, story.size, story.independent,
                  json.dumps(story.outlets), json.dumps(story.entities),
                  json.dumps(story.centroid), story.id)
        cursor = self._execute(
            "UPDATE stories SET title = ?, first_day = ?, last_day = ?, size = ?, independent = ?, "
            "outlets = ?, entities = ?, centroid = ? WHERE id = ?", values)
        if cursor.rowcount == 0:
            self._execute(
                "INSERT INTO stories (title, first_day, last_day, size, independent, outlets, "
                "entities, centroid, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", values)

    def record_failure(self, item: str, source: str, error: str, reason: str) -> None:
        cursor = self._execute(
            "UPDATE failures SET source = ?, error = ?, reason = ?, attempts = attempts + 1, at = ? "
            "WHERE item = ?", (source, error, reason, now(), item))
        if cursor.rowcount == 0:
            self._execute(
                "INSERT INTO failures (item, source, error, reason, attempts, at) "
                "VALUES (?, ?, ?, ?, 1, ?)", (item, source, error, reason, now()))

    def clear_failures(self, items: Sequence[str]) -> None:
        for chunk in _chunks(list(items)):
            marks = ",".join("?" * len(chunk))
            self._execute(f"DELETE FROM failures WHERE item IN ({marks})", chunk)

    # ------------------------------------------------------------ read side

    def count_articles(self) -> int:
        return self._execute("SELECT count(*) FROM articles").fetchone()[0]

    def failures(self) -> list[FailureRow]:
        rows = self._execute(
            "SELECT item, source, error, reason, attempts, at FROM failures ORDER BY at, item")
        return [FailureRow(*r) for r in rows]

    def story(self, story_id: str) -> StoryRow:
        row = self._execute(
            "SELECT id, title, first_day, last_day, size, independent, outlets, entities, centroid "
            "FROM stories WHERE id = ?", (story_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no story {story_id!r} in {self.location}")
        return self._story(row)

    def find_story(self, story_id: str) -> StoryRow | None:
        try:
            return self.story(story_id)
        except InputError:
            return None

    @staticmethod
    def _story(row) -> StoryRow:
        return StoryRow(row[0], row[1], row[2], row[3], row[4], row[5], json.loads(row[6]),
                        json.loads(row[7]), json.loads(row[8]))

    def stories(
        self, since: dt.date | None = None, outlet: str | None = None, min_size: int = 1,
        limit: int | None = None,
    ) -> list[StoryRow]:
        """Stories, newest first; ``outlet`` keeps those with an article from that outlet."""
        sql = ("SELECT id, title, first_day, last_day, size, independent, outlets, entities, "
               "centroid FROM stories WHERE size >= ?")
        params: list = [min_size]
        if since is not None:
            sql += " AND last_day >= ?"
            params.append(since.toordinal())
        if outlet is not None:
            sql += (" AND id IN (SELECT story_id FROM articles WHERE lower(outlet) = lower(?) "
                    "AND story_id IS NOT NULL)")
            params.append(outlet)
        sql += " ORDER BY last_day DESC, size DESC, id"
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [self._story(r) for r in self._execute(sql, params)]

    def _rows(self, where: str, params: Sequence, full: bool) -> list[ArticleRow]:
        fields = _ARTICLE_FIELDS if full else _LIGHT_FIELDS
        rows = self._execute(f"SELECT {','.join(fields)} FROM articles WHERE {where}", params)
        out = []
        for r in rows:
            d = dict(zip(fields, r))
            d.pop("day")
            d["published"] = dt.date.fromisoformat(d["published"]) if d["published"] else None
            d["terms"] = json.loads(d["terms"])
            d["lead_terms"] = json.loads(d["lead_terms"])
            for key in ("analysis", "minhash"):
                if d.get(key) is not None:
                    d[key] = bytes(d[key])
            d.setdefault("text", "")
            out.append(ArticleRow(**d))
        return out

    def story_articles(self, story_id: str, full: bool = False) -> list[ArticleRow]:
        """The story's articles in order of publication (then ingestion)."""
        return self._rows("story_id = ? ORDER BY day, seq", (story_id,), full)

    def article(self, article_id: str) -> ArticleRow:
        rows = self._rows("id = ?", (article_id,), True)
        if not rows:
            raise NotFoundError(f"no article {article_id!r} in {self.location}")
        return rows[0]

    def recent_articles(self, limit: int = 50, offset: int = 0) -> list[ArticleRow]:
        """(Light) article rows, most recently ingested first."""
        return self._rows("1 = 1 ORDER BY seq DESC LIMIT ? OFFSET ?", (int(limit), int(offset)),
                          False)

    def articles_of_stories(self, story_ids: Sequence[str]) -> dict[str, list[ArticleRow]]:
        """The (light) article rows of many stories at once, each list in publication order."""
        out: dict[str, list[ArticleRow]] = {sid: [] for sid in story_ids}
        for chunk in _chunks(list(story_ids)):
            marks = ",".join("?" * len(chunk))
            for row in self._rows(f"story_id IN ({marks}) ORDER BY day, seq", chunk, False):
                out[row.story_id].append(row)
        return out
