"""Server-rendered pages: paste/upload/link an article, see its brief highlighted."""

from __future__ import annotations

from functools import lru_cache

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse

from ..errors import InputTooLargeError, NewsdeskError
from . import csrf

router = APIRouter(include_in_schema=False)


@lru_cache(maxsize=1)
def templates():
    from jinja2 import Environment, PackageLoader, select_autoescape

    return Environment(
        loader=PackageLoader("newsdesk.serve", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
    )


def page(name: str, status: int = 200, **context) -> HTMLResponse:
    return HTMLResponse(templates().get_template(name).render(**context), status_code=status)


def home_page(request: Request, status: int = 200, **context) -> HTMLResponse:
    cookie, token = csrf.new_token(request.app.state.settings.secret)
    response = page("home.html", status=status, csrf=token, **context)
    response.set_cookie(csrf.COOKIE, cookie, httponly=True, samesite="strict")
    return response


def _evidence_db(settings) -> str | None:
    """The store to check claims against, when one is configured: a PostgreSQL URL, or a SQLite
    file that exists."""
    from pathlib import Path

    if not settings.db:
        return None
    if settings.db.startswith(("postgres://", "postgresql://")):
        return settings.db
    return settings.db if Path(settings.db).is_file() else None


@router.get("/", response_class=HTMLResponse)
def home(request: Request):
    return home_page(request)


@router.post("/web/brief", response_class=HTMLResponse)
def web_brief(
    request: Request,
    csrf_token: str = Form("", alias="csrf"),
    text: str = Form(""),
    url: str = Form(""),
    published: str = Form(""),
    outlet: str = Form(""),
    file: UploadFile | None = File(None),
):
    from ..api import brief as make_brief
    from ..render.html import render_html

    settings = request.app.state.settings
    keep = {"text": text, "url": url, "published": published, "outlet": outlet}
    if not csrf.check(settings.secret, request.cookies.get(csrf.COOKIE), csrf_token):
        return home_page(request, status=403, error="The form expired; please submit it again.",
                         **keep)
    try:
        source: str | bytes
        if file is not None and file.filename:
            source = file.file.read(settings.max_bytes + 1)
            if len(source) > settings.max_bytes:
                raise InputTooLargeError(f"the file is larger than {settings.max_bytes} bytes")
        elif url.strip():
            source = url.strip()
        elif text.strip():
            source = text.encode("utf-8")
            if len(source) > settings.max_bytes:
                raise InputTooLargeError(f"the text is larger than {settings.max_bytes} bytes")
        else:
            return home_page(request, status=422, error="Paste an article, upload a file or give a link.",
                             **keep)
        brief = make_brief(
            source, published=published or None, outlet=outlet or None,
            allow_private=settings.allow_private, timeout=settings.fetch_timeout,
            evidence_db=_evidence_db(settings),
        )
    except NewsdeskError as exc:
        return home_page(request, status=422, error=str(exc), **keep)
    return HTMLResponse(render_html(brief, back_link="/"))
