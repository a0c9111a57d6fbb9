"""Cheap guesses about raw input: is it HTML, which charset does its <meta> declare."""

from __future__ import annotations

import re

_DOCUMENT_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAG = re.compile(
    r"<(?:head|body|article|main|section|div|p|h[1-6]|ul|ol|li|blockquote|table|span|a|br|meta|title)\b[^>]*>",
    re.IGNORECASE,
)
_CLOSING_TAG = re.compile(
    r"</(?:html|head|body|article|main|section|div|p|h[1-6]|ul|ol|li|blockquote|table|span|a|title)\s*>",
    re.IGNORECASE,
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_SNIFF_CHARS = 10_000


def is_html_document(text: str) -> bool:
    """Whether the text starts like a whole HTML document (<!doctype html> or <html>)."""
    return bool(_DOCUMENT_START.match(text[:_SNIFF_CHARS]))


def looks_like_html(text: str) -> bool:
    """A whole HTML document, or a fragment that starts with a tag and closes common tags."""
    if is_html_document(text):
        return True
    head = text[:_SNIFF_CHARS].lstrip()
    return head.startswith("<") and bool(_HTML_TAG.search(head)) and bool(_CLOSING_TAG.search(head))


def meta_charset(data: bytes) -> str | None:
    """The charset a page declares in a <meta> tag within its first few kilobytes."""
    match = _META_CHARSET.search(data[:4096])
    return match.group(1).decode("ascii").lower() if match else None
