"""The SQLite back end (the default): one file, WAL journal, FTS5 full-text index."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from ..errors import StoreError
from .base import Store


class SQLiteStore(Store):
    dialect = "sqlite"

    def __init__(self, path: str | Path, readonly: bool = False):
        path = Path(path).expanduser()
        self.location = self.reader_location = str(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(path), timeout=60, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise StoreError(f"cannot open the database {path}: {exc}") from exc
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")  # WAL + NORMAL: durable up to the last commit
        self._db.execute("PRAGMA foreign_keys=ON")
        self._db.execute("PRAGMA cache_size=-32768")  # 32 MiB of page cache (default 2 MiB)
        self._in_tx = False
        if readonly:
            self._db.execute("PRAGMA query_only=ON")
        else:
            self.migrate()

    def _begin(self) -> None:
        if not self._in_tx:
            self._db.execute("BEGIN IMMEDIATE")
            self._in_tx = True

    def _execute(self, sql: str, params=()):
        if not sql.lstrip().upper().startswith("SELECT"):
            self._begin()
        return self._db.execute(sql, tuple(params))

    def _executemany(self, sql, rows) -> None:
        self._begin()
        self._db.executemany(sql, rows)

    def _commit(self) -> None:
        if self._in_tx:
            self._db.execute("COMMIT")
            self._in_tx = False

    def _rollback(self) -> None:
        if self._in_tx:
            self._db.execute("ROLLBACK")
            self._in_tx = False

    def close(self) -> None:
        self._rollback()
        self._db.close()

    def search(self, query: str, limit: int = 20) -> list[tuple[str, str | None]]:
        words = re.findall(r"\w+", query)
        if not words:
            return []
        match = " ".join(f'"{w}"' for w in words)
        rows = self._db.execute(
            "SELECT a.id, a.title FROM articles_fts f JOIN articles a ON a.seq = f.rowid "
            "WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?", (match, limit))
        return [(r[0], r[1]) for r in rows]
