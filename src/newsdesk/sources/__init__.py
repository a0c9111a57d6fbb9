"""Streams of articles for ``newsdesk ingest``: folders, JSONL/JSON, RSS/Atom feeds, WARC, URLs.

    iter_items(source, fetcher=None, allow_private=False)  -> Item | Broken, lazily
    load_item(item, fetcher=None, allow_private=False)     -> Article (or raises InputError/FetchError)

A SOURCE is a file, a folder (walked recursively, hidden entries skipped, files in name order),
or an http(s) URL (a feed's entries, or one page). Files by suffix: ``.jsonl``/``.ndjson``
(``.gz`` too) one record a line; ``.json`` a record or a list of records; ``.warc``/``.warc.gz``;
``.rss``/``.atom``/``.xml`` or any file that starts like a feed; anything else one article
(text, Markdown or HTML, via :func:`newsdesk.ingest.load_source`). WARC records are parsed here
(no dependency). Every page is fetched with newsdesk.ingest's safe fetcher.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterator
from pathlib import Path

from ..errors import InputError, NewsdeskError
from ..model import Article
from .items import Broken, Item

__all__ = ["Item", "Broken", "iter_items", "load_item"]

_URL = re.compile(r"^https?://", re.IGNORECASE)
_JSONL = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
_WARC = (".warc", ".warc.gz")
_FEED = (".rss", ".atom", ".xml")


def _suffix(path: Path) -> str:
    name = path.name.lower()
    for suffix in _JSONL + _WARC:
        if name.endswith(suffix):
            return suffix
    return path.suffix.lower()


def _file_items(path: Path, source: str) -> Iterator[Item | Broken]:
    from .feeds import feed_items, looks_like_feed

    suffix = _suffix(path)
    try:
        if suffix in _JSONL:
            from .records import jsonl_items

            yield from jsonl_items(path, source)
        elif suffix == ".json":
            from .records import json_items

            yield from json_items(path, source)
        elif suffix in _WARC:
            from .warc import warc_items

            yield from warc_items(path, source)
        else:
            with path.open("rb") as handle:
                head = handle.read(4096)
            if suffix in _FEED or looks_like_feed(head):
                yield from feed_items(path.read_bytes(), str(path), source)
            else:
                stat = path.stat()
                yield Item(f"{path}@{stat.st_size}:{stat.st_mtime_ns}", "file", source,
                           {"path": str(path)})
    except OSError as exc:
        yield Broken(str(path), source, "InputError", f"cannot read {path}: {exc.strerror or exc}")
    except NewsdeskError as exc:
        yield Broken(str(path), source, type(exc).__name__, str(exc))


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def _url_items(url: str, source: str, fetcher, allow_private: bool) -> Iterator[Item | Broken]:
    from ..ingest.fetch import DEFAULT_ACCEPT, FEED_TYPES, fetch
    from .feeds import feed_items, looks_like_feed

    try:
        if fetcher is None:
            result = fetch(url, allow_private=allow_private, accept=DEFAULT_ACCEPT + FEED_TYPES)
        else:
            result = fetcher(url, allow_private=allow_private)
        if result.content_type in FEED_TYPES or looks_like_feed(result.body):
            yield from feed_items(result.body, result.url, source)
        else:
            yield Item(result.url, "content", source, {
                "body": result.body, "charset": result.encoding, "url": result.url,
                "html": result.content_type != "text/plain",
            })
    except NewsdeskError as exc:
        yield Broken(url, source, type(exc).__name__, str(exc))


def iter_items(
    source: str | os.PathLike, *, fetcher=None, allow_private: bool = False
) -> Iterator[Item | Broken]:
    """The items of one SOURCE (file, folder or URL), lazily and in a stable order."""
    text = str(source)
    if _URL.match(text):
        yield from _url_items(text, text, fetcher, allow_private)
        return
    path = Path(text).expanduser()
    if path.is_dir():
        for file in _walk(path):
            yield from _file_items(file, text)
    elif path.is_file():
        yield from _file_items(path, text)
    else:
        yield Broken(text, text, "InputError", f"no such file, folder or URL: {text}")


def load_item(item: Item, *, fetcher=None, allow_private: bool = False) -> Article:
    """Read the article an item describes."""
    payload = item.payload
    if item.kind == "record":
        from .records import article_from_record

        return article_from_record(payload["record"])
    if item.kind == "file":
        from ..ingest import load_source

        return load_source(Path(payload["path"]))
    if item.kind == "url":
        from ..ingest import load_source

        published = payload.get("published")
        return load_source(
            payload["url"], title=payload.get("title"), outlet=payload.get("outlet"),
            published=dt.date.fromisoformat(published) if published else None,
            allow_private=allow_private, fetcher=fetcher,
        )
    if item.kind == "content":
        from ..ingest import article_from_html, article_from_text, decode_bytes

        text = decode_bytes(payload["body"], encoding=payload.get("charset"))
        maker = article_from_html if payload.get("html", True) else article_from_text
        article = maker(text, url=payload.get("url"), source="html" if payload.get("html", True)
                        else "text")
        fallback = payload.get("fallback_published")
        if article.published is None and fallback:
            try:
                article = article.model_copy(update={"published": dt.date.fromisoformat(fallback)})
            except ValueError:
                pass
        return article
    raise InputError(f"unknown item kind {item.kind!r}")
