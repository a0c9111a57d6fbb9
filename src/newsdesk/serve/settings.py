"""Web settings, read from the environment when the app is built (never at import).

    NEWSDESK_API_TOKEN    if set, REST calls need ``Authorization: Bearer <token>``
    NEWSDESK_DB           the store (path or postgresql:// URL) for articles, stories, search
    NEWSDESK_MAX_BYTES    largest accepted article or upload, bytes (default 2,000,000)
    NEWSDESK_ALLOW_PRIVATE  "1" lets URL briefs fetch loopback/private addresses (tests only)
    NEWSDESK_SECRET       key for CSRF tokens (default: random per process)
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Settings:
    api_token: str | None = None
    db: str | None = None
    max_bytes: int = 2_000_000
    allow_private: bool = False
    secret: str = field(default_factory=lambda: secrets.token_hex(32))
    fetch_timeout: float = 15.0

    @classmethod
    def from_env(cls, environ: dict | None = None) -> "Settings":
        env = os.environ if environ is None else environ
        return cls(
            api_token=env.get("NEWSDESK_API_TOKEN") or None,
            db=env.get("NEWSDESK_DB") or None,
            max_bytes=int(env.get("NEWSDESK_MAX_BYTES", "2000000")),
            allow_private=env.get("NEWSDESK_ALLOW_PRIVATE") == "1",
            secret=env.get("NEWSDESK_SECRET") or secrets.token_hex(32),
        )
