"""A rough tense cue for :mod:`newsdesk.read.dates`: past, future or unknown around a span.

Only used to choose between the previous and the next occurrence of a weekday or of a
year-less date. The rule: within the sentence, the tense marker nearest the expression wins;
markers after the expression count three times their distance (the governing verb usually
comes first in English news prose, "met Petro on Tuesday and will host...").
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")

_FUTURE = frozenset(
    """will shall won't won’t upcoming scheduled slated expected plans plan planning intends
    intend tomorrow next forthcoming later""".split()
)
_PAST = frozenset(
    """was were had did said told met held took gave made came went saw left began won lost
    spoke sent found became brought bought fell rose led ran got paid put kept hit struck sold
    wrote chose drove flew knew thought felt ago yesterday earlier previously""".split()
)
# lowercase words ending in -ed that are not past-tense verbs (or point to the future)
_NOT_PAST_ED = frozenset(
    """need indeed hundred united speed seed feed breed greed proceed exceed succeed embed
    naked wicked sacred kindred rugged red bed shed wed scheduled expected planned slated
    interested concerned related based aged""".split()
)

_PASSIVE = re.compile(r"\b(?:is|are|am|be|being|been)\s+$")
_SENTENCE_BREAKS = (". ", "! ", "? ", "\n")
_WINDOW = 400
_AFTER_WEIGHT = 3


def _classify(word: str) -> str | None:
    lower = word.lower()
    if lower in _FUTURE or lower.endswith(("'ll", "’ll")):
        return "future"
    if lower in _PAST:
        return "past"
    if word.islower() and len(word) > 4 and word.endswith("ed") and word not in _NOT_PAST_ED:
        return "past"
    return None


def sentence_bounds(text: str, start: int, end: int, lo: int, hi: int) -> tuple[int, int]:
    """A cheap sentence window around ``text[start:end]`` within ``[lo, hi)``."""
    left = max(lo, start - _WINDOW)
    right = min(hi, end + _WINDOW)
    s = max((text.rfind(b, left, start) for b in _SENTENCE_BREAKS), default=-1)
    s = left if s < 0 else s + 1
    ends = [i for b in _SENTENCE_BREAKS if (i := text.find(b, end, right)) >= 0]
    return s, (min(ends) + 1 if ends else right)


def tense_near(text: str, start: int, end: int, lo: int = 0, hi: int | None = None) -> str | None:
    """``"past"``, ``"future"`` or None for the expression at ``text[start:end]``."""
    hi = len(text) if hi is None else hi
    s, e = sentence_bounds(text, start, end, lo, hi)
    best: tuple[int, str] | None = None
    for m in _WORD.finditer(text, s, e):
        if start <= m.start() < end:
            continue
        word = m.group()
        kind = _classify(word)
        if kind == "past" and _PASSIVE.search(text, s, m.start()):
            kind = None  # "is located", "to be held": a participle, not a past tense
        elif kind is None and word.lower() in ("going", "is", "are") and (
            text.startswith(" to ", m.end())
        ):
            kind = "future"  # "going to", "is to run", "are to be held"
        if kind is None:
            continue
        if m.end() <= start:
            distance = start - m.end()
        else:
            distance = (m.start() - end) * _AFTER_WEIGHT
        if best is None or distance < best[0]:
            best = (distance, kind)
    return best[1] if best else None
