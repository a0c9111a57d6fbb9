"""REST API: the same records as the library (``Brief`` and friends) as JSON."""

from __future__ import annotations

import hmac

from fastapi import APIRouter, Depends, Header, HTTPException, Request
from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..errors import InputTooLargeError
from ..model import Brief


class BriefRequest(BaseModel):
    """Exactly one of ``text``, ``html`` or ``url``. A misspelt field is an error (422), not
    silently ignored."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = None
    html: str | None = None
    url: str | None = Field(default=None, description="http(s) URL, fetched safely.")
    published: str | None = Field(default=None, description="YYYY-MM-DD")
    outlet: str | None = None
    title: str | None = None
    any_language: bool = Field(
        default=False, description="Run the English models on text detected as another language.")

    @model_validator(mode="after")
    def one_source(self):
        given = [x for x in (self.text, self.html, self.url) if x]
        if len(given) != 1:
            raise ValueError("give exactly one of text, html or url")
        return self


def require_token(request: Request, authorization: str | None = Header(default=None)) -> None:
    token = request.app.state.settings.api_token
    if token is None:
        return
    expected = f"Bearer {token}"
    if authorization is None or not hmac.compare_digest(authorization.encode(), expected.encode()):
        raise HTTPException(status_code=401, detail="missing or wrong API token",
                            headers={"WWW-Authenticate": "Bearer"})


router = APIRouter(dependencies=[Depends(require_token)], tags=["api"])


def make_brief(request: BriefRequest, settings) -> Brief:
    """Text and HTML go in as bytes, so nothing a client sends is ever read as a server path."""
    from ..api import brief as make
    from ..ingest.sniff import is_html_document

    if request.url:
        source: str | bytes = request.url
    else:
        source = (request.text or request.html).encode("utf-8")
        if len(source) > settings.max_bytes:
            raise InputTooLargeError(f"article is larger than {settings.max_bytes} bytes")
        if request.html and not is_html_document(request.html):
            # a fragment ("<p>...", or words with a few tags) is still read as HTML
            source = b"<html><body>" + source + b"</body></html>"
    return make(
        source,
        published=request.published,
        outlet=request.outlet,
        title=request.title,
        allow_private=settings.allow_private,
        timeout=settings.fetch_timeout,
        any_language=request.any_language,
    )


@router.post("/briefs", response_model=Brief, summary="Brief one article")
def post_brief(body: BriefRequest, request: Request) -> Brief:
    """Brief an article given as text, HTML or a URL; returns the brief JSON."""
    return make_brief(body, request.app.state.settings)
