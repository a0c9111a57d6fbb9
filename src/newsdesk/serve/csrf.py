"""CSRF protection for the web forms: a signed double-submit token.

The home page sets a random nonce in a SameSite=Strict cookie and puts ``nonce.signature`` in
the form; a POST is accepted only when the form token matches the cookie and its HMAC.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

COOKIE = "newsdesk_csrf"


def sign(secret: str, nonce: str) -> str:
    return hmac.new(secret.encode(), nonce.encode(), hashlib.sha256).hexdigest()


def new_token(secret: str) -> tuple[str, str]:
    """(cookie value, form value)."""
    nonce = secrets.token_urlsafe(24)
    return nonce, f"{nonce}.{sign(secret, nonce)}"


def check(secret: str, cookie: str | None, form_value: str | None) -> bool:
    if not cookie or not form_value or "." not in form_value:
        return False
    nonce, signature = form_value.rsplit(".", 1)
    return hmac.compare_digest(nonce, cookie) and hmac.compare_digest(signature, sign(secret, nonce))
