"""Ingest: turn a source (URL, file, text or bytes) into an :class:`~newsdesk.model.Article`.

    load_source(source, ...)          dispatch on what the source is
    article_from_text(text, ...)      plain text / Markdown
    article_from_html(html, ...)      HTML via trafilatura
    decode_bytes(data, ...)           bytes -> normalised text (or a clear InputError)
    fetch(url, ...)                   the one safe HTTP fetcher (defined in ingest/fetch.py;
                                      ``newsdesk.ingest.fetch`` names this function, so import
                                      module internals with ``from newsdesk.ingest.fetch import``)

Every failure raises an :class:`~newsdesk.errors.InputError` or
:class:`~newsdesk.errors.FetchError` subclass with a one-line message.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

from ..errors import InputError, InputTooLargeError
from ..model import Article
from .decode import DEFAULT_MAX_BYTES, decode_bytes
from .fetch import HTML_TYPES, TEXT_TYPES, Fetcher, FetchResult, fetch
from .html import article_from_html
from .sniff import is_html_document, looks_like_html, meta_charset
from .text import article_from_text

__all__ = [
    "load_source",
    "article_from_text",
    "article_from_html",
    "decode_bytes",
    "fetch",
    "FetchResult",
    "Fetcher",
]

_HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
_TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://\S*$")
_PATH_LIKE = re.compile(r"\.(?:txt|text|md|markdown|html?|xhtml|shtml)$", re.IGNORECASE)
_MAX_PATH_CHARS = 1024


def _options(title, url, outlet, published) -> dict:
    if isinstance(published, dt.datetime):
        published = published.date()
    return {"title": title, "url": url, "outlet": outlet, "published": published}


def _from_decoded(text: str, *, as_html: bool, source: str, options: dict) -> Article:
    if as_html:
        return article_from_html(text, source=source, **options)
    return article_from_text(text, source=source, **options)


def _decode(data: bytes, *, max_bytes: int, hint: str | None = None) -> str:
    if hint is None and data.lstrip()[:1] == b"<":
        hint = meta_charset(data)
    return decode_bytes(data, max_bytes=max_bytes, encoding=hint)


def _read_file(path: Path, max_bytes: int) -> bytes:
    """The file's bytes; the size is checked before reading anything."""
    try:
        if path.is_dir():
            raise InputError(f"{path} is a directory, not a file")
        size = path.stat().st_size
        if size > max_bytes:
            raise InputTooLargeError(f"{path} is {size:,} bytes, over the {max_bytes:,}-byte limit")
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)  # the file may have grown, or be a device
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    if len(data) > max_bytes:
        raise InputTooLargeError(f"{path} is over the {max_bytes:,}-byte limit")
    return data


def _from_path(path: Path, *, max_bytes: int, options: dict) -> Article:
    text = _decode(_read_file(path, max_bytes), max_bytes=max_bytes)
    suffix = path.suffix.lower()
    if suffix in _HTML_SUFFIXES:
        as_html = True
    elif suffix in _TEXT_SUFFIXES:
        as_html = is_html_document(text)
    else:
        as_html = looks_like_html(text)
    return _from_decoded(
        text, as_html=as_html, source="html" if as_html else "text", options=options
    )


def _from_url(
    url: str, *, fetcher: Fetcher, allow_private: bool, max_bytes: int, options: dict
) -> Article:
    result = fetcher(url, allow_private=allow_private, max_bytes=max_bytes)
    text = _decode(result.body, max_bytes=max_bytes, hint=result.encoding)
    if result.content_type in HTML_TYPES:
        as_html = True
    elif result.content_type in TEXT_TYPES:
        as_html = False
    else:
        as_html = looks_like_html(text)
    if options["url"] is None:
        options = {**options, "url": result.url}
    return _from_decoded(text, as_html=as_html, source="url", options=options)


def _existing_path(candidate: str) -> Path | None:
    """The path ``candidate`` names if it is one line, short and exists; else None."""
    if (
        not candidate
        or "\n" in candidate
        or len(candidate) > _MAX_PATH_CHARS
        or "\x00" in candidate
    ):
        return None
    path = Path(candidate).expanduser()
    try:
        return path if path.exists() else None
    except (OSError, ValueError):
        return None


def load_source(
    source: str | bytes | os.PathLike,
    *,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    published: dt.date | None = None,
    allow_private: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    fetcher: Fetcher | None = None,
) -> Article:
    """Read one article from a URL, a file path, article text (plain, Markdown or HTML) or bytes.

    - ``http(s)://...``: fetched with ``fetcher`` (default :func:`fetch`,
      which refuses private addresses unless ``allow_private``); HTML or text by content type;
      ``source="url"``.
    - an existing path (str or PathLike): size-checked, then read; ``.html``/``.htm`` or a
      document starting ``<!doctype html``/``<html`` is HTML, anything else text.
    - a one-line string ending in .txt/.md/.html that does not exist: ``InputError`` (no such file).
    - any other string: article text (HTML when it looks like HTML); bytes are decoded first.

    Explicit ``title``, ``url``, ``outlet`` and ``published`` override what is extracted.
    ``"-"`` (stdin) is the caller's job: read it and pass the bytes.
    """
    options = _options(title, url, outlet, published)
    if isinstance(source, (bytes, bytearray, memoryview)):
        text = _decode(bytes(source), max_bytes=max_bytes)
        as_html = looks_like_html(text)
        return _from_decoded(
            text, as_html=as_html, source="html" if as_html else "text", options=options
        )
    if isinstance(source, os.PathLike):
        return _from_path(Path(source), max_bytes=max_bytes, options=options)
    if not isinstance(source, str):
        raise InputError(f"cannot read a {type(source).__name__} as an article")
    candidate = source.strip()
    if _URL.match(candidate):
        scheme = candidate.split(":", 1)[0].lower()
        if scheme not in ("http", "https"):
            raise InputError(f"only http and https URLs can be fetched, not {scheme}://")
        return _from_url(
            candidate,
            fetcher=fetcher or fetch,
            allow_private=allow_private,
            max_bytes=max_bytes,
            options=options,
        )
    path = _existing_path(candidate)
    if path is not None:
        return _from_path(path, max_bytes=max_bytes, options=options)
    if "\n" not in candidate and len(candidate) <= _MAX_PATH_CHARS and _PATH_LIKE.search(candidate):
        raise InputError(f"no such file: {candidate}")
    if len(source) > max_bytes or len(source.encode("utf-8", "surrogatepass")) > max_bytes:
        raise InputTooLargeError(f"the text is over the {max_bytes:,}-byte limit")
    as_html = looks_like_html(source)
    return _from_decoded(
        source, as_html=as_html, source="html" if as_html else "text", options=options
    )
