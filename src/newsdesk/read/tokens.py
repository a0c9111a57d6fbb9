"""Word tokenization with character offsets (one regex, no model).

Tokens are words (with inner apostrophes, hyphens and periods of abbreviations such as
``U.S.``), numbers (``1,250.5``, ``3%`` splits the ``%``), and single punctuation marks.
"""

from __future__ import annotations

import re

_TOKEN = re.compile(
    r"""
    (?:[A-Za-z]\.){2,}                      # U.S.  e.g.  U.N.
  | \d+(?:[.,:/]\d+)*(?:st|nd|rd|th|s)?     # 1,250.5  3:30  2/3  1990s  21st
  | \w+(?:[’'][A-Za-z]+)?(?:[-‐]\w+(?:[’'][A-Za-z]+)?)*   # words, don't, well-known
  | [’'](?:s|re|ve|ll|d|m|t)\b              # detached clitics
  | \S                                      # any other single character
    """,
    re.VERBOSE,
)


def token_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Character spans of the tokens of ``text[start:end]``, as offsets into ``text``."""
    end = len(text) if end is None else end
    return [m.span() for m in _TOKEN.finditer(text, start, end)]


def tokenize(text: str) -> list[str]:
    """The tokens of ``text`` as strings."""
    return _TOKEN.findall(text)
