"""The FastAPI app factory: REST API (JSON, OpenAPI at /openapi.json) and server-rendered pages."""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from ..errors import (
    BlockedAddressError,
    FetchError,
    FetchTimeoutError,
    InputError,
    InputTooLargeError,
    NewsdeskError,
    NotFoundError,
    StoreError,
)
from .settings import Settings


def create_app(settings: Settings | None = None) -> FastAPI:
    from .. import __version__
    from . import api, corpus_api, corpus_pages, pages

    settings = settings or Settings.from_env()
    app = FastAPI(
        title="newsdesk",
        version=__version__,
        description="Briefs that keep facts and opinions apart: REST API and web UI.",
    )
    app.state.settings = settings

    @app.exception_handler(NewsdeskError)
    async def newsdesk_error(request: Request, exc: NewsdeskError):
        status = 500
        if isinstance(exc, NotFoundError):
            status = 404
        elif isinstance(exc, StoreError):
            status = 503
        elif isinstance(exc, InputTooLargeError):
            status = 413
        elif isinstance(exc, InputError):
            status = 422
        elif isinstance(exc, BlockedAddressError):
            status = 422  # the client asked for an address we refuse: its request, not upstream
        elif isinstance(exc, FetchTimeoutError):
            status = 504
        elif isinstance(exc, FetchError):
            status = 502
        return JSONResponse({"error": str(exc), "type": type(exc).__name__}, status_code=status)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        if response.headers.get("content-type", "").startswith("text/html"):
            response.headers["Content-Security-Policy"] = (
                "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; "
                "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
            )
        return response

    app.include_router(api.router)
    app.include_router(corpus_api.router)
    app.include_router(pages.router)
    app.include_router(corpus_pages.router)
    return app
