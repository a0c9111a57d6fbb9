"""The ``re`` functions with a private cache of compiled patterns (a drop-in for ``import re``).

``re`` keeps only 512 compiled patterns and evicts the oldest first, so code that builds a
pattern per name or per word (``rf"\\b{re.escape(name)}\\b"``) pushes out the fixed patterns
and every later call recompiles them. Modules on the hot path of ``newsdesk brief`` import this
module as ``re`` instead: fixed patterns stay compiled, each per-name pattern compiles once.
"""

from __future__ import annotations

from functools import lru_cache
from re import (
    ASCII,
    DOTALL,
    IGNORECASE,
    MULTILINE,
    NOFLAG,
    UNICODE,
    VERBOSE,
    A,
    I,
    M,
    Match,
    Pattern,
    S,
    U,
    X,
    error,
    escape,
)
from re import compile as _compile

__all__ = [  # re's names, so ``from ..read import regex as re`` reads like ``import re``
    "ASCII", "DOTALL", "IGNORECASE", "MULTILINE", "NOFLAG", "UNICODE", "VERBOSE", "A", "I", "M",
    "Match", "Pattern", "S", "U", "X", "compile", "error", "escape", "findall", "finditer",
    "fullmatch", "match", "search", "split", "sub", "subn",
]


@lru_cache(maxsize=4096)
def compile(pattern, flags=0):
    return _compile(pattern, flags)


def search(pattern, string, flags=0):
    return compile(pattern, flags).search(string)


def match(pattern, string, flags=0):
    return compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    return compile(pattern, flags).fullmatch(string)


def finditer(pattern, string, flags=0):
    return compile(pattern, flags).finditer(string)


def findall(pattern, string, flags=0):
    return compile(pattern, flags).findall(string)


def split(pattern, string, maxsplit=0, flags=0):
    return compile(pattern, flags).split(string, maxsplit)


def sub(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    return compile(pattern, flags).subn(repl, string, count)
