"""JSON records (JSONL lines, JSON files) as articles.

Accepted fields: ``text`` or ``html`` (BASIL-style ``body-paragraphs``, a list of paragraphs
each a list of sentences, also works), ``url``, ``title``, ``outlet`` (or ``source`` when it
names the outlet, as in BASIL), ``published`` (or ``date``; ISO date or datetime).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

from ..errors import EmptyInputError, InputError
from ..model import Article
from .items import Broken, Item


def _date(value) -> dt.date | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise InputError(f"'published' must be a date string, not {type(value).__name__}")
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        from email.utils import parsedate_to_datetime

        try:
            return parsedate_to_datetime(value).date()
        except (TypeError, ValueError) as exc:
            raise InputError(f"'published' is not a date: {value[:40]!r}") from exc


def _string(record: dict, *names: str) -> str | None:
    for name in names:
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _body(record: dict) -> tuple[str | None, str | None]:
    """(text, html) from a record."""
    html = _string(record, "html")
    text = _string(record, "text", "body", "content")
    paragraphs = record.get("body-paragraphs")
    if text is None and isinstance(paragraphs, list):
        text = "\n\n".join(
            " ".join(p) if isinstance(p, list) else str(p) for p in paragraphs if p
        ).strip() or None
    return text, html


def article_from_record(record: dict) -> Article:
    """An :class:`Article` from one JSON record (see the module docstring for its fields)."""
    if not isinstance(record, dict):
        raise InputError(f"a record must be a JSON object, not {type(record).__name__}")
    from ..ingest import article_from_html, article_from_text

    text, html = _body(record)
    options = {
        "title": _string(record, "title"),
        "url": _string(record, "url", "link"),
        "outlet": _string(record, "outlet", "source", "publisher"),
        "published": _date(record.get("published", record.get("date"))),
    }
    if html is not None:
        return article_from_html(html, source="html", **options)
    if text is not None:
        return article_from_text(text, source="text", **options)
    raise EmptyInputError("the record has no 'text' or 'html'")


def _key(path: Path, where: str, raw: bytes) -> str:
    return f"{path}:{where}:{hashlib.sha1(raw).hexdigest()[:12]}"


def jsonl_items(path: Path, source: str) -> Iterator[Item | Broken]:
    opener = _opener(path)
    with opener(path, "rb") as handle:
        for lineno, raw in enumerate(handle, 1):
            if not raw.strip():
                continue
            key = _key(path, str(lineno), raw)
            try:
                record = json.loads(raw)
            except (ValueError, UnicodeDecodeError) as exc:
                yield Broken(key, source, "InputError", f"line {lineno} is not JSON: {exc}")
                continue
            yield Item(key, "record", source, {"record": record})


def json_items(path: Path, source: str) -> Iterator[Item | Broken]:
    raw = path.read_bytes()
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        yield Broken(_key(path, "0", raw), source, "InputError", f"not JSON: {exc}")
        return
    records = data if isinstance(data, list) else [data]
    for index, record in enumerate(records):
        yield Item(_key(path, str(index), json.dumps(record, sort_keys=True).encode()), "record",
                   source, {"record": record})


def _opener(path: Path):
    if path.suffix == ".gz":
        import gzip

        return gzip.open
    return open
