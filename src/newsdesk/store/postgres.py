"""The PostgreSQL back end (``--db postgresql://...``): the same schema, a tsvector search index.

Needs the optional ``psycopg`` driver: ``pip install 'newsdesk[postgres]'``.
"""

from __future__ import annotations

from ..errors import StoreError
from .base import Store


def _redact(url: str) -> str:
    from urllib.parse import urlsplit, urlunsplit

    parts = urlsplit(url)
    if parts.password:
        netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
        return urlunsplit(parts._replace(netloc=netloc))
    return url


class PostgresStore(Store):
    dialect = "postgres"

    def __init__(self, url: str, readonly: bool = False):
        self.location = _redact(url)
        self.reader_location = url
        try:
            import psycopg
        except ImportError as exc:
            raise StoreError(
                "PostgreSQL needs the psycopg driver: pip install 'newsdesk[postgres]'") from exc
        try:
            self._db = psycopg.connect(url, connect_timeout=10)
        except psycopg.Error as exc:
            message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise StoreError(f"cannot connect to {self.location}: {message}") from exc
        if readonly:  # a reader: one snapshot per statement, no transaction left open
            self._db.autocommit = True
            return
        # one writer at a time per database: migrations must not race
        self._db.execute("SELECT pg_advisory_lock(74251)")
        try:
            self.migrate()
        finally:
            self._db.execute("SELECT pg_advisory_unlock(74251)")
            self._db.commit()

    def _execute(self, sql: str, params=()):
        return self._db.execute(sql.replace("?", "%s"), tuple(params))

    def _executemany(self, sql, rows) -> None:
        with self._db.cursor() as cursor:
            cursor.executemany(sql.replace("?", "%s"), list(rows))

    def _commit(self) -> None:
        self._db.commit()

    def _rollback(self) -> None:
        self._db.rollback()

    def close(self) -> None:
        self._db.rollback()
        self._db.close()

    def search(self, query: str, limit: int = 20) -> list[tuple[str, str | None]]:
        rows = self._execute(
            "SELECT id, title FROM articles, plainto_tsquery('english', ?) q "
            "WHERE search @@ q ORDER BY ts_rank(search, q) DESC LIMIT ?", (query, limit))
        return [(r[0], r[1]) for r in rows]
