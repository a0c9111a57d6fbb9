"""WARC files (plain or gzip, one member per record or one for all), read without dependencies.

Only ``response`` records carrying HTML or plain text over HTTP 200 become items; the WARC-Date
stands in for the publication date when the page itself names none.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError
from .items import Broken, Item

_MAX_RECORD = 50 * 1024 * 1024


def _headers(lines: list[bytes]) -> dict[str, str]:
    headers: dict[str, str] = {}
    for line in lines:
        if b":" in line:
            name, value = line.split(b":", 1)
            headers[name.strip().decode("latin-1").lower()] = value.strip().decode("latin-1")
    return headers


def _open(path: Path) -> BinaryIO:
    with path.open("rb") as probe:
        magic = probe.read(2)
    return gzip.open(path, "rb") if magic == b"\x1f\x8b" else path.open("rb")


def records(path: Path) -> Iterator[tuple[dict[str, str], bytes]]:
    """(WARC headers, block) of each record.

    A file cut short or corrupt part-way raises InputError after the records before the damage
    have been yielded, so an ingest keeps them and records the file's failure.
    """
    try:
        yield from _records(path)
    except (EOFError, OSError, zlib.error) as exc:
        raise InputError(f"{path}: truncated or corrupt compressed WARC ({exc})") from exc


def _records(path: Path) -> Iterator[tuple[dict[str, str], bytes]]:
    with _open(path) as handle:
        while True:
            line = handle.readline()
            if not line:
                return
            if not line.strip():
                continue
            if not line.startswith(b"WARC/"):
                raise InputError(f"{path}: not a WARC record at byte offset {handle.tell()}")
            lines = []
            while True:
                line = handle.readline()
                if not line or not line.strip():
                    break
                lines.append(line)
            headers = _headers(lines)
            if "content-length" not in headers:
                raise InputError(f"{path}: a WARC record has no Content-Length "
                                 f"(byte offset {handle.tell()})")
            try:
                length = int(headers.get("content-length", "0"))
            except ValueError as exc:
                raise InputError(f"{path}: bad Content-Length in a WARC record") from exc
            if length > _MAX_RECORD:
                handle.seek(length, 1)  # skip oversized records without reading them
                continue
            block = handle.read(length)
            if len(block) < length:
                raise InputError(f"{path}: truncated WARC record (Content-Length {length}, "
                                 f"{len(block)} bytes left in the file)")
            yield headers, block


def _dechunk(body: bytes) -> bytes:
    out, pos = bytearray(), 0
    while pos < len(body):
        end = body.find(b"\r\n", pos)
        if end < 0:
            break
        size = int(body[pos:end].split(b";")[0] or b"0", 16)
        if size == 0:
            break
        out += body[end + 2:end + 2 + size]
        pos = end + 2 + size + 2
    return bytes(out)


def http_payload(block: bytes) -> tuple[int, dict[str, str], bytes]:
    """(status, headers, body) of an HTTP response block."""
    head, sep, body = block.partition(b"\r\n\r\n")
    if not sep:
        head, sep, body = block.partition(b"\n\n")
    lines = head.split(b"\n")
    try:
        status = int(lines[0].split()[1])
    except (IndexError, ValueError):
        status = 0
    headers = _headers(lines[1:])
    if "chunked" in headers.get("transfer-encoding", "").lower():
        body = _dechunk(body)
    encoding = headers.get("content-encoding", "").lower()
    if encoding in ("gzip", "x-gzip", "deflate"):
        try:
            body = zlib.decompress(body, 47 if "gzip" in encoding else 15)
        except zlib.error:
            pass
    return status, headers, body


def warc_items(path: Path, source: str) -> Iterator[Item | Broken]:
    for index, (headers, block) in enumerate(records(path)):
        if headers.get("warc-type") != "response":
            continue
        key = f"{path}#{headers.get('warc-record-id') or index}"
        status, http, body = http_payload(block)
        media = http.get("content-type", "").split(";")[0].strip().lower()
        if status != 200 or media not in ("text/html", "application/xhtml+xml", "text/plain"):
            continue
        charset = None
        for part in http.get("content-type", "").split(";")[1:]:
            if part.strip().lower().startswith("charset="):
                charset = part.split("=", 1)[1].strip().strip('"')
        yield Item(key, "content", source, {
            "body": body, "html": media != "text/plain", "charset": charset,
            "url": headers.get("warc-target-uri"),
            "fallback_published": (headers.get("warc-date") or "")[:10] or None,
        })
