"""Shared machinery of the temporal-expression rules (:mod:`newsdesk.read.dates`).

A rule is an anchor regex (fast to scan for), an optional lookback (where the expression may
start before the anchor) and a full regex whose match a resolver turns into a :class:`Hit`
(or rejects with None). Conventions are documented in :mod:`newsdesk.read.dates`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import NamedTuple

from newsdesk.model import TimeGranularity as G
from newsdesk.read import dates_calendar as cal
from newsdesk.read.dates_lexicon import COUNT_NOUNS, NOT_PLURAL, unnamed
from newsdesk.read.dates_tense import tense_near


class Hit(NamedTuple):
    start: int
    end: int
    value: dt.date | None
    range_start: dt.date | None
    range_end: dt.date | None
    granularity: G
    resolved: bool


class Context:
    """The text being read, the anchor date and the window ``[lo, hi)``."""

    def __init__(self, text: str, published: dt.date | None, lo: int, hi: int) -> None:
        self.text, self.published, self.lo, self.hi = text, published, lo, hi

    def tense(self, start: int, end: int) -> str | None:
        return tense_near(self.text, start, end, self.lo, self.hi)

    def word_before(self, pos: int) -> str:
        m = _WORD_BEFORE.search(self.text, max(self.lo, pos - 40), pos)
        return m.group(1) if m else ""

    def word_after(self, pos: int) -> str:
        m = _WORD_AFTER.match(self.text, pos, min(self.hi, pos + 40))
        return m.group(1) if m else ""


_WORD_BEFORE = re.compile(r"([\w'’]+)[ \t]*$")
_WORD_AFTER = re.compile(r"[ \t]*([\w%'’]+)")


def day_hit(start: int, end: int, day: dt.date) -> Hit:
    return Hit(start, end, day, day, day, G.day, True)


def period_hit(start: int, end: int, period: cal.Period, granularity: G) -> Hit:
    return Hit(start, end, None, period[0], period[1], granularity, True)


def unresolved(start: int, end: int, granularity: G = G.day) -> Hit:
    return Hit(start, end, None, None, None, granularity, False)


def quantity_follows(ctx: Context, pos: int) -> bool:
    """True when the number ending at ``pos`` counts things ("2000 troops", "1500 people")."""
    word = ctx.word_after(pos)
    if word in ("%", "BC", "BCE", "B"):
        return True
    if not word.islower():
        return False
    if word in COUNT_NOUNS:
        return True
    return len(word) > 3 and word.endswith("s") and word not in NOT_PLURAL


Resolver = Callable[[re.Match[str], Context], "Hit | None"]


class Rule(NamedTuple):
    """``anchor`` finds candidates fast; ``lookback`` (ending at the anchor, searched at most
    ``reach`` characters back) finds where the expression may start before it; ``full`` is
    matched there and handed to ``resolve``. ``after`` says what the character before the
    anchor must be: ``"space"`` (not a letter or digit: the anchor starts a word), ``"digit"``
    or ``""`` (anything)."""

    anchor: re.Pattern[str]
    full: re.Pattern[str] | LazyPattern
    resolve: Resolver
    lookback: re.Pattern[str] | LazyPattern | None
    reach: int
    after: str


def make_rule(
    anchor: str,
    full: str | re.Pattern[str],
    resolve: Resolver,
    lookback: str | None = None,
    reach: int = 30,
    after: str = "space",
) -> Rule:
    back = LazyPattern(rf"\b(?:{unnamed(lookback)})$") if lookback else None
    full = full if isinstance(full, re.Pattern) else LazyPattern(full)
    return Rule(re.compile(anchor), full, resolve, back, reach, after)


class LazyPattern:
    """A regex compiled on its first use. A rule's lookback and full pattern are only needed
    once its anchor is found, and an article finds about two thirds of the anchors: a one-
    article run skips compiling the rest (a few ms of ``re`` compilation). After the first
    call ``match`` and ``search`` are the compiled pattern's own methods."""

    __slots__ = ("match", "pattern", "search")

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self.match = self._first_match
        self.search = self._first_search

    def _compile(self) -> re.Pattern[str]:
        compiled = re.compile(self.pattern)
        self.match, self.search = compiled.match, compiled.search
        return compiled

    def _first_match(self, *args) -> re.Match[str] | None:
        return self._compile().match(*args)

    def _first_search(self, *args) -> re.Match[str] | None:
        return self._compile().search(*args)


EARLY_MID_LATE = r"(?:(?i:the)\s+)?(?:(?i:early|mid|late)(?:-|\s+))?"
