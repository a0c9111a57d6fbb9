"""The corpus store: analysed articles, near-duplicate links, stories, ingest failures.

    open_store(location)      SQLite file path (default back end) or ``postgresql://...`` URL
    default_location()        $NEWSDESK_DB, else $NEWSDESK_HOME/corpus.db, else the per-user
                              data directory (created on first use, never at import)

Both back ends implement :class:`~newsdesk.store.base.Store` over one versioned schema
(``newsdesk.store.migrations``): the only SQL in newsdesk lives in this package.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .base import Store
from .records import ArticleRow, Candidate, FailureRow, StoryRow

__all__ = ["open_store", "default_location", "Store", "ArticleRow", "StoryRow", "FailureRow",
           "Candidate"]


def _user_data_dir() -> Path:
    home = Path.home()
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / "newsdesk"
    if os.name == "nt":
        return Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local")) / "newsdesk"
    return Path(os.environ.get("XDG_DATA_HOME") or home / ".local" / "share") / "newsdesk"


def default_location() -> str:
    """Where the corpus lives when no ``--db`` is given (nothing is created here)."""
    if os.environ.get("NEWSDESK_DB"):
        return os.environ["NEWSDESK_DB"]
    base = Path(os.environ["NEWSDESK_HOME"]) if os.environ.get("NEWSDESK_HOME") else _user_data_dir()
    return str(base / "corpus.db")


def open_store(location: str | os.PathLike | None = None, *, readonly: bool = False) -> Store:
    """Open (creating and migrating if needed) the store at a path or ``postgresql://`` URL.

    ``readonly``: a reader of an existing store (no migration, no writes), e.g. for a worker
    process; ``store.reader_location`` is where to open one (the URL with its password)."""
    location = str(location) if location is not None else default_location()
    if location.startswith(("postgresql://", "postgres://")):
        from .postgres import PostgresStore

        return PostgresStore(location, readonly=readonly)
    from .sqlite import SQLiteStore

    return SQLiteStore(location, readonly=readonly)
