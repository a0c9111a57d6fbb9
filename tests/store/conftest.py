"""Store back ends for the tests: a temporary SQLite file, and a real PostgreSQL server.

PostgreSQL is found at $NEWSDESK_TEST_PG (default
postgresql://newsdesk:newsdesk@127.0.0.1:5432/newsdesk_test, which .ci/services/postgres.sh
installs, starts and creates). Each test gets its own schema, dropped afterwards. When the server
is unreachable the PostgreSQL tests are skipped with the reason, except under CI=true, where
they fail: CI must test the real thing.
"""

from __future__ import annotations

import os
import sys
import uuid
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

DEFAULT_PG = "postgresql://newsdesk:newsdesk@127.0.0.1:5432/newsdesk_test"


def _pg_admin_url() -> str:
    return os.environ.get("NEWSDESK_TEST_PG", DEFAULT_PG)


@pytest.fixture
def pg_url():
    url = _pg_admin_url()
    try:
        import psycopg

        conn = psycopg.connect(url, connect_timeout=5, autocommit=True)
    except Exception as exc:  # noqa: BLE001 - any reason the server is not usable
        message = (f"PostgreSQL not reachable at {url} ({type(exc).__name__}: {exc}); run "
                   ".ci/services/postgres.sh or set NEWSDESK_TEST_PG")
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    schema = "t_" + uuid.uuid4().hex[:12]
    conn.execute(f"CREATE SCHEMA {schema}")
    sep = "&" if "?" in url else "?"
    yield f"{url}{sep}options=-csearch_path%3D{schema}"
    conn.execute(f"DROP SCHEMA {schema} CASCADE")
    conn.close()


@pytest.fixture(params=["sqlite", "postgres"])
def store_location(request, tmp_path):
    if request.param == "sqlite":
        return str(tmp_path / "corpus.db")
    return request.getfixturevalue("pg_url")
