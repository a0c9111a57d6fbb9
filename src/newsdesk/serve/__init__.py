"""Web app and REST API: ``create_app(settings)`` builds a FastAPI app (nothing at import)."""

from __future__ import annotations


def create_app(settings=None):
    from .app import create_app as _create_app

    return _create_app(settings)
