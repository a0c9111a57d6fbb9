"""Plain text or Markdown to an :class:`Article`: a title line, a few metadata lines, the body.

The body is kept as written (only trimmed): every later offset points into it.
"""

from __future__ import annotations

import datetime as dt
import re

from ..errors import BinaryInputError, EmptyInputError
from ..model import Article
from .decode import bad_char_share, normalize_text
from .language import detect_language

_MAX_TITLE_WORDS = 15
# A line standing alone (blank line or Markdown heading marker after it) may be a longer headline.
_MAX_STANDALONE_TITLE_WORDS = 30
_MAX_TITLE_CHARS = 300
_TITLE_BAD_ENDINGS = (".", ",", ";", ":")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
# Words a headline does not end on; a line ending on one is a hard-wrapped sentence.
_DANGLING = frozenset("a an the to of and or in on for with by at from that as is was".split())
_SETEXT_UNDERLINE = re.compile(r"^\s{0,3}(=+|-+)\s*$")

# Metadata lines recognised right after the title (at most _MAX_META_LINES of them).
_MAX_META_LINES = 4
_BYLINE = re.compile(r"^\s*(?:by|author:)\s+(?P<value>[^\n]{2,80}?)\s*$", re.IGNORECASE)
_NAME_CONNECTORS = frozenset("and & de da del der van von la le of and/or".split())
_DATE_LINE = re.compile(
    r"^\s*(?:(?:published|date|updated)\s*:\s*)?"
    r"(?P<value>\d{4}-\d{2}-\d{2})(?:[T ][\d:+\-Z.]*)?\s*$",
    re.IGNORECASE,
)
_OUTLET_LINE = re.compile(
    r"^\s*(?:source|outlet|publisher)\s*:\s*(?P<value>[^\n]{1,80}?)\s*$", re.IGNORECASE
)
_URL_LINE = re.compile(r"^\s*(?:url|link)\s*:\s*(?P<value>https?://\S+)\s*$", re.IGNORECASE)


def _clean_title(line: str) -> str:
    heading = _MD_HEADING.match(line)
    if heading:
        line = heading.group(1)
    return " ".join(line.split())


def _looks_like_title(line: str, *, standalone: bool) -> bool:
    stripped = _clean_title(line)
    if not stripped or len(stripped) > _MAX_TITLE_CHARS:
        return False
    standalone = standalone or bool(_MD_HEADING.match(line))
    limit = _MAX_STANDALONE_TITLE_WORDS if standalone else _MAX_TITLE_WORDS
    if len(stripped.split()) > limit:
        return False
    if stripped.startswith(("- ", "* ", "+ ", ">")):
        return False
    return not stripped.endswith(_TITLE_BAD_ENDINGS)


def _split_title(text: str) -> tuple[str | None, str]:
    """(title, rest) when the first non-empty line is a title followed by more text."""
    stripped = text.lstrip()
    first, _, rest = stripped.partition("\n")
    rest_lines = rest.split("\n", 1)
    underlined = bool(_SETEXT_UNDERLINE.match(rest_lines[0]))  # "Title\n=====" Markdown
    standalone = underlined or not rest_lines[0].strip()
    if not _looks_like_title(first, standalone=standalone):
        return None, stripped
    if underlined:
        rest = rest_lines[1] if len(rest_lines) > 1 else ""
    if not rest.strip():
        return None, stripped
    if not rest.startswith("\n") and _continues(first, rest):
        return None, stripped
    return _clean_title(first), rest


def _continues(first: str, rest: str) -> bool:
    """Whether the line after ``first`` (no blank line between) carries on its sentence."""
    last_word = first.split()[-1].lower() if first.split() else ""
    next_line = rest.lstrip(" \t")
    return last_word in _DANGLING or next_line[:1].islower() or first.rstrip().endswith("-")


def _looks_like_names(value: str) -> bool:
    """ "Jane Doe and John Roe, Reuters" yes; "Tuesday, it was over." no."""
    words = value.replace(",", " ").split()
    if not words or len(words) > 8 or value.rstrip()[-1:] in ".!?":
        return False
    return all(w[:1].isupper() or w.lower() in _NAME_CONNECTORS for w in words)


def _parse_metadata(rest: str) -> tuple[dict, str]:
    """Byline, date, outlet and URL lines directly under the title; returns (found, remaining)."""
    found: dict = {}
    lines = rest.lstrip("\n").split("\n")
    consumed = 0
    for line in lines[:_MAX_META_LINES]:
        if not line.strip():
            if found:
                consumed += 1
                continue
            break
        if "author" not in found and (m := _BYLINE.match(line)) and _looks_like_names(m["value"]):
            found["author"] = m["value"]
        elif "published" not in found and (m := _DATE_LINE.match(line)):
            try:
                found["published"] = dt.date.fromisoformat(m["value"])
            except ValueError:
                break
        elif "outlet" not in found and (m := _OUTLET_LINE.match(line)):
            found["outlet"] = m["value"]
        elif "url" not in found and (m := _URL_LINE.match(line)):
            found["url"] = m["value"]
        else:
            break
        consumed += 1
    remaining = "\n".join(lines[consumed:])
    if not remaining.strip():  # nothing but metadata: it was the body after all
        return {}, rest
    return found, remaining


def article_from_text(
    text: str,
    *,
    title: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    published: dt.date | None = None,
    source: str = "text",
) -> Article:
    """An article from plain text or Markdown; explicit arguments override what is detected.

    A short first line (at most ~15 words, no final period) followed by more text is the title
    and is removed from the body; byline/date/source/URL lines right under it are read as
    metadata. Raises :class:`EmptyInputError` when no body is left.
    """
    text = normalize_text(text)
    if "\x00" in text or bad_char_share(text) > 0.01:
        raise BinaryInputError("the input looks like a binary file (control characters), not text")
    if not text.strip():
        raise EmptyInputError("the input is empty")
    found_title, rest = _split_title(text)
    meta: dict = {}
    if found_title is not None:
        meta, rest = _parse_metadata(rest)
    body = rest.strip()
    if not body:
        raise EmptyInputError("the input has no article body")
    return Article(
        id=Article.make_id(body),
        text=body,
        title=title if title is not None else found_title,
        url=url if url is not None else meta.get("url"),
        outlet=outlet if outlet is not None else meta.get("outlet"),
        author=meta.get("author"),
        published=published if published is not None else meta.get("published"),
        language=detect_language(body),
        source=source,
    )
