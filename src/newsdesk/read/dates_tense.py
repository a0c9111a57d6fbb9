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
    "will shall won't won’t upcoming scheduled slated tomorrow next forthcoming later".split()
)
# future only when "to" follows: "plans to", "is to run", "going to", "expected to"
_FUTURE_WITH_TO = frozenset(
    "going is are plan plans planning intend intends expected set due poised hopes".split()
)
_PAST = frozenset(
    """was were had did said told met held took gave made came went saw left began won lost
    spoke sent found became brought bought fell rose led ran got paid put kept hit struck sold
    wrote chose drove flew knew thought felt grew spent built sat stood fought caught taught
    sought broke shot threw wore swore tore meant heard fled dealt hid drew blew forgot sang
    sank stuck hung understood withdrew arose ago yesterday earlier previously""".split()
)
# lowercase words ending in -ed that are not past-tense verbs (or point to the future)
_NOT_PAST_ED = frozenset(
    """need indeed hundred united speed seed feed breed greed proceed exceed succeed embed
    naked wicked sacred kindred rugged red bed shed wed scheduled expected planned slated
    interested concerned related based aged""".split()
)

_PASSIVE = re.compile(r"\b(?:is|are|am|be|being|been)\s+$")
_BREAK = re.compile(r"(?:\b([A-Za-z]+(?:\.[A-Za-z]+)*))?[.!?][\"”’)]*\s+|\n")
_ABBREVIATIONS = frozenset(
    """Mr Mrs Ms Dr St Sen Rep Gov Gen Lt Col Sgt Capt Jr Sr Prof Inc Corp Co Ltd vs No Nos U.S
    U.K U.N E.U D.C Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec a.m p.m Ft Mt""".split()
)
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
    """A cheap sentence window around ``text[start:end]`` within ``[lo, hi)``: from the last
    sentence break before it to the first one after it (a period after "Mr", "U.S" or another
    abbreviation is no break)."""
    left = max(lo, start - _WINDOW)
    right = min(hi, end + _WINDOW)
    s, e = left, right
    for m in _BREAK.finditer(text, left, right):
        if m.group(1) is not None and m.group(1) in _ABBREVIATIONS:
            continue
        if m.end() <= start:
            s = m.end()
        elif m.start() >= end:
            e = (m.start() if m.group(1) is None else m.end(1)) + 1
            break
    return s, e


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
        if kind == "past" and _PASSIVE.search(text, max(s, m.start() - 8), m.start()):
            kind = None  # "is located", "to be held": a participle, not a past tense
        elif word.lower() in _FUTURE_WITH_TO and text.startswith(" to ", m.end()):
            kind = "future"  # "going to", "is to run", "plans to", "is expected to"
        if kind is None:
            continue
        if m.end() <= start:
            distance = start - m.end()
        else:
            distance = (m.start() - end) * _AFTER_WEIGHT
        if best is None or distance < best[0]:
            best = (distance, kind)
    return best[1] if best else None
