"""The versioned schema of the corpus store, for both back ends, in one place.

Each migration is ``(version, name, {"sqlite": [statements], "postgres": [statements]})``.
``apply(store)`` runs, in order and each in its own transaction, the migrations whose version is
above the highest one recorded in ``schema_migrations``. Add a migration by appending to
``MIGRATIONS`` (never edit one that has shipped).
"""

from __future__ import annotations

_ARTICLE_COLUMNS = """
    id TEXT NOT NULL UNIQUE,
    item TEXT,
    url TEXT,
    title TEXT,
    outlet TEXT,
    published TEXT,
    day INTEGER,
    language TEXT,
    source TEXT NOT NULL,
    text TEXT NOT NULL,
    ingested_at TEXT NOT NULL,
    analysis {blob},
    duplicate_of TEXT,
    similarity REAL,
    story_id TEXT,
    terms TEXT NOT NULL,
    lead_terms TEXT NOT NULL,
    minhash {blob}
"""

_COMMON_TAIL = [
    "CREATE INDEX articles_item ON articles (item)",
    "CREATE INDEX articles_story ON articles (story_id)",
    "CREATE INDEX articles_day ON articles (day)",
    "CREATE INDEX articles_outlet ON articles (outlet)",
    """CREATE TABLE stories (
        id TEXT PRIMARY KEY,
        title TEXT,
        first_day INTEGER NOT NULL,
        last_day INTEGER NOT NULL,
        size INTEGER NOT NULL,
        independent INTEGER NOT NULL,
        outlets TEXT NOT NULL,
        entities TEXT NOT NULL,
        centroid TEXT NOT NULL
    )""",
    "CREATE INDEX stories_last_day ON stories (last_day)",
    "CREATE TABLE term_index (key TEXT NOT NULL, day INTEGER NOT NULL, article_id TEXT NOT NULL)",
    "CREATE INDEX term_index_key_day ON term_index (key, day)",
    "CREATE TABLE minhash_bands (key BIGINT NOT NULL, day INTEGER NOT NULL, article_id TEXT NOT NULL)",
    "CREATE INDEX minhash_bands_key_day ON minhash_bands (key, day)",
    """CREATE TABLE failures (
        item TEXT PRIMARY KEY,
        source TEXT NOT NULL,
        error TEXT NOT NULL,
        reason TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        at TEXT NOT NULL
    )""",
]

MIGRATIONS: list[tuple[int, str, dict[str, list[str]]]] = [
    (
        1,
        "articles, stories, dedupe and story indexes, failures, full-text search",
        {
            "sqlite": [
                "CREATE TABLE articles (seq INTEGER PRIMARY KEY,"
                + _ARTICLE_COLUMNS.format(blob="BLOB") + ")",
                *_COMMON_TAIL,
                "CREATE VIRTUAL TABLE articles_fts USING fts5("
                "title, text, content='articles', content_rowid='seq')",
                "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN "
                "INSERT INTO articles_fts (rowid, title, text) "
                "VALUES (new.seq, coalesce(new.title, ''), new.text); END",
                "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN "
                "INSERT INTO articles_fts (articles_fts, rowid, title, text) "
                "VALUES ('delete', old.seq, coalesce(old.title, ''), old.text); END",
            ],
            "postgres": [
                "CREATE TABLE articles (seq BIGSERIAL PRIMARY KEY,"
                + _ARTICLE_COLUMNS.format(blob="BYTEA")
                + ", search tsvector GENERATED ALWAYS AS (to_tsvector('english', "
                "coalesce(title, '') || ' ' || text)) STORED)",
                *_COMMON_TAIL,
                "CREATE INDEX articles_search ON articles USING GIN (search)",
            ],
        },
    ),
]

# Migration 2: an article's identity is its text *and* where it appeared. Before it, the id was
# the hash of the text alone, so a wire story printed by two outlets was stored once and the second
# outlet was lost. ``content_hash`` (the text hash; for older rows, their id) links such copies;
# ``place`` is where the copy appeared (the outlet, case-folded, else the url, else ''); the pair
# is unique, so the same record from the same outlet is still stored once.
_PLACE = ("CASE WHEN outlet IS NOT NULL AND trim(outlet) <> '' THEN lower(trim(outlet)) "
          "ELSE coalesce(trim(url), '') END")
_IDENTITY = [
    "ALTER TABLE articles ADD COLUMN content_hash TEXT",
    "ALTER TABLE articles ADD COLUMN place TEXT",
    f"UPDATE articles SET content_hash = id, place = {_PLACE}",
    "CREATE UNIQUE INDEX articles_copy ON articles (content_hash, place)",
]
MIGRATIONS.append(
    (2, "article identity includes where it appeared; content hash links copies",
     {"sqlite": list(_IDENTITY), "postgres": list(_IDENTITY)}))

LATEST = MIGRATIONS[-1][0]

_BOOKKEEPING = (
    "CREATE TABLE IF NOT EXISTS schema_migrations "
    "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
)


def pending(current: int, dialect: str) -> list[tuple[int, str, list[str]]]:
    """The migrations above ``current`` for ``dialect``, in order."""
    return [(v, name, sql[dialect]) for v, name, sql in MIGRATIONS if v > current]


def bookkeeping_sql() -> str:
    return _BOOKKEEPING
