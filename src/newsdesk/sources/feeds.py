"""RSS 2.0 and Atom feeds: each entry becomes an item whose page is fetched with the safe fetcher.

Parsed with the standard library's ElementTree (expat resolves no external entities); documents
declaring entities are refused outright, so entity-expansion bombs never reach the parser.
An entry without a link but with content (``content:encoded``, Atom ``content``) is taken from
the feed itself.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from ..errors import InputError
from .items import Item

_FEED_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.S)
_ATOM = "{http://www.w3.org/2005/Atom}"
_CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"
_DC_DATE = "{http://purl.org/dc/elements/1.1/}date"


def looks_like_feed(data: bytes) -> bool:
    return bool(_FEED_START.match(data[:4096]))


def _date(value: str | None) -> str | None:
    if not value:
        return None
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        pass
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError):
        return None


def _text(element, path: str) -> str | None:
    found = element.find(path)
    if found is None or found.text is None:
        return None
    return found.text.strip() or None


def parse_feed(data: bytes) -> tuple[str | None, list[dict]]:
    """(feed title, entries as dicts with url, title, published, html) of an RSS/Atom document."""
    import xml.etree.ElementTree as ET

    if b"<!ENTITY" in data or b"<!entity" in data:
        raise InputError("the feed declares XML entities, which are refused")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise InputError(f"not a well-formed feed: {exc}") from exc
    entries: list[dict] = []
    if root.tag == f"{_ATOM}feed":
        feed_title = _text(root, f"{_ATOM}title")
        for entry in root.iter(f"{_ATOM}entry"):
            link = None
            for candidate in entry.findall(f"{_ATOM}link"):
                if candidate.get("rel", "alternate") == "alternate" and candidate.get("href"):
                    link = candidate.get("href").strip()
                    break
            entries.append({
                "url": link, "title": _text(entry, f"{_ATOM}title"),
                "published": _date(_text(entry, f"{_ATOM}published") or _text(entry, f"{_ATOM}updated")),
                "html": _text(entry, f"{_ATOM}content"),
                "id": _text(entry, f"{_ATOM}id"),
            })
        return feed_title, entries
    channel = root.find("channel")
    feed_title = _text(channel, "title") if channel is not None else None
    items = root.iter("item") if root.tag == "rss" else root.iter("{http://purl.org/rss/1.0/}item")
    for item in items:
        link = _text(item, "link") or _text(item, "{http://purl.org/rss/1.0/}link")
        entries.append({
            "url": link, "title": _text(item, "title") or _text(item, "{http://purl.org/rss/1.0/}title"),
            "published": _date(_text(item, "pubDate") or _text(item, _DC_DATE)),
            "html": _text(item, _CONTENT),
            "id": _text(item, "guid"),
        })
    if root.tag not in ("rss", "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}RDF"):
        raise InputError(f"not an RSS or Atom feed (root element {root.tag!r})")
    return feed_title, entries


def feed_items(data: bytes, where: str, source: str) -> Iterator[Item]:
    """One item per feed entry: its page (``url``) or, without a link, its inline content."""
    feed_title, entries = parse_feed(data)
    for index, entry in enumerate(entries):
        meta = {"title": entry["title"], "published": entry["published"], "outlet": feed_title}
        if entry["url"]:
            yield Item(entry["url"], "url", source, {"url": entry["url"], **meta})
        elif entry["html"]:
            key = f"{where}#{entry['id'] or index}"
            yield Item(key, "record", source, {"record": {"html": entry["html"], **meta}})
