"""Relative temporal expressions ("yesterday", "last week", "three days ago", "this summer"),
resolved against the publication date. Conventions: :mod:`newsdesk.read.dates`."""

from __future__ import annotations

import datetime as dt
import functools
import re

from newsdesk.model import TimeGranularity as G
from newsdesk.read import dates_calendar as cal
from newsdesk.read.dates_base import (
    EARLY_MID_LATE,
    Context,
    Hit,
    Rule,
    day_hit,
    make_rule,
    period_hit,
    quantity_follows,
    unresolved,
)  # fmt: skip
from newsdesk.read.dates_lexicon import (
    A_PART_OF_DAY,
    A_REL_DAY,
    A_SEASON,
    A_UNIT,
    NUM,
    PART,
    PART_OF_DAY,
    UNITS,
    YEAR,
    number_value,
    part_name,
)  # fmt: skip

_DAY_OFFSETS = {
    "today": 0, "tonight": 0, "earlier today": 0, "later today": 0, "yesterday": -1,
    "tomorrow": 1, "the day before yesterday": -2, "the day after tomorrow": 2,
}  # fmt: skip
_TITLE_BEFORE = re.compile(r"[a-z,;]\s+[A-Z][\w'’]*\s+$")
_GENERIC_TODAY = frozenset(
    "world society age era generation youth standards culture kids young".split()
)


def _rel_day(m: re.Match[str], ctx: Context) -> Hit | None:
    word = " ".join(m.group("w").lower().split())
    if m.group("w")[0].isupper() and _TITLE_BEFORE.search(ctx.text, max(ctx.lo, m.start() - 30),
                                                          m.start()):
        return None  # "Yucatan Today", "USA Today": a title, not a date
    if word == "today":
        before = ctx.text[max(ctx.lo, m.start() - 4):m.start()]
        after = ctx.word_after(m.end()).lower()
        if before == "USA " or after in ("show", "programme", "program"):
            return None  # the newspaper, the TV show
        possessive = m.group("part") is None and ctx.text.startswith(("'s ", "’s "), m.end())
        if possessive and ctx.word_after(m.end() + 2).lower() in _GENERIC_TODAY:
            return None  # "today's world": not a date
    if ctx.published is None:
        return unresolved(m.start(), m.end())
    return day_hit(m.start(), m.end(), ctx.published + dt.timedelta(days=_DAY_OFFSETS[word]))


_REL_DAY = (
    r"\b(?P<w>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|"
    r"(?:earlier|later)\s+today|yesterday|today|tomorrow|tonight))"
    rf"(?P<part>\s+{PART_OF_DAY})?\b"
)


def _rel_part(m: re.Match[str], ctx: Context) -> Hit | None:
    if ctx.published is None:
        return unresolved(m.start(), m.end())
    last = m.group("rel").lower().split()[-1] == "last"
    return day_hit(m.start(), m.end(), ctx.published - dt.timedelta(days=1 if last else 0))


_REL_PART = (
    r"\b(?P<rel>(?i:(?:early|late|earlier|later)\s+)?(?i:this|last))\s+"
    r"(?P<part>(?i:morning|afternoon|evening|night))\b"
)

_SEASONS = frozenset(cal.SEASON_MONTHS)
_ROLLING = {"past": -1, "the past": -1, "this past": -1, "coming": 1, "the coming": 1,
            "this coming": 1}  # fmt: skip
_OFFSETS = {"last": -1, "this": 0, "next": 1}


def _calendar_period(pub: dt.date, unit: str, offset: int) -> cal.Period:
    if unit in _SEASONS:
        year = cal.current_season_year(unit, pub) + offset
        return cal.season_range(unit, year)
    if unit == "weekend":
        return cal.weekend_of_week(pub + dt.timedelta(weeks=offset))
    return cal.period_containing(cal.shift(pub, offset, unit), unit)


def _rolling_period(pub: dt.date, unit: str, direction: int) -> cal.Period:
    if unit in _SEASONS:
        y = cal.current_season_year(unit, pub)
        options = [cal.season_range(unit, y + k) for k in (-1, 0, 1)]
        if direction < 0:
            return max(p for p in options if p[1] < pub)
        return min(p for p in options if p[0] > pub)
    if unit == "weekend":
        if direction < 0:
            sunday = cal.weekday_on_or_before(pub, 6)
        else:
            sunday = cal.weekday_after(pub, 6)
        return sunday - cal.ONE_DAY, sunday
    other = cal.shift(pub, direction, unit)
    return (other + cal.ONE_DAY, pub) if direction < 0 else (pub, other - cal.ONE_DAY)


_OPEN_QUOTES = frozenset("“\"‘'«")
_UNIT_GRANULARITY = {"week": G.week, "month": G.month, "year": G.year}


def _rel_period(m: re.Match[str], ctx: Context) -> Hit | None:
    rel = " ".join(m.group("rel").lower().split())
    unit = m.group("unit").lower()
    pre = part_name(m.group("pre")) if m.group("pre") else ""
    start, end = m.start(), m.end()
    if m.group("unit")[0].isupper() and ctx.text[max(ctx.lo, start - 1):start] in _OPEN_QUOTES:
        return None  # ABC's “This Week”: a programme
    if rel in ("last", "next") and not pre and ctx.word_before(start).lower() == "the":
        if rel == "next" or ctx.text.startswith(" of ", end):
            return None  # "the next week" (anaphoric), "the last week of March"
        rel = "the past"
    pub = ctx.published
    if pub is None:
        gran = G.range if pre or rel in _ROLLING else _UNIT_GRANULARITY.get(unit, G.range)
        return unresolved(start, end, gran)
    if rel in _ROLLING or unit == "decade" and rel != "this":
        # "the past week", "the coming year"; "last/next decade" are rolling ten years too
        direction = _ROLLING[rel] if rel in _ROLLING else _OFFSETS[rel]
        period = _rolling_period(pub, unit, direction)
        gran = G.range
    else:
        period = _calendar_period(pub, unit, _OFFSETS[rel])
        gran = _UNIT_GRANULARITY.get(unit, G.range)
    if not pre:
        return period_hit(start, end, period, gran)
    if pre in ("earlier", "later", "rest", "remainder"):
        if rel == "this" and period[0] <= pub <= period[1]:
            early = pre == "earlier"
            return period_hit(start, end, (period[0], pub) if early else (pub, period[1]), G.range)
        pre = "early" if pre == "earlier" else "late"
    if unit == "year" and rel not in _ROLLING:
        return period_hit(start, end, cal.part_of_year(period[0].year, pre), G.range)
    return period_hit(start, end, cal.part_of_days(period[0], period[1], pre), G.range)


_REL_PERIOD = (
    rf"\b(?:(?P<pre>{PART}|(?i:earlier|later|(?:the\s+)?(?:rest|remainder)\s+of))(?:-|\s+))?"
    r"(?P<rel>(?i:this\s+past|this\s+coming|the\s+past|the\s+coming|last|this|next|past|"
    r"coming))\s+(?P<unit>(?i:week|weekend|month|year|decade|spring|summer|autumn|fall|winter))"
    r"\b(?!-)"
)


def _weekend(m: re.Match[str], ctx: Context) -> Hit | None:
    start, end = m.start("w"), m.end("w")
    pub = ctx.published
    if pub is None:
        return unresolved(start, end, G.range)
    if ctx.tense(start, end) == "future":
        saturday = cal.weekday_on_or_after(pub - cal.ONE_DAY, 5)
    else:
        saturday = cal.weekday_on_or_before(pub, 5)
    return period_hit(start, end, (saturday, saturday + cal.ONE_DAY), G.range)


_WEEKEND = r"\b(?i:over|during|on|at)\s+(?P<w>(?i:the)\s+weekend)\b(?![-'’])"


def _unit(word: str) -> str:
    return word.lower().rstrip("s")


_OFFSET_GRANULARITY = {"day": G.day, "week": G.week, "month": G.month, "year": G.year,
                       "decade": G.year}  # fmt: skip


def _offset_hit(start: int, end: int, ctx: Context, n: int, unit: str) -> Hit:
    """The day/week/month/year ``n`` units from publication, at that granularity."""
    assert ctx.published is not None
    target = cal.shift(ctx.published, n, unit)
    if unit == "day":
        return day_hit(start, end, target)
    period_unit = "year" if unit == "decade" else unit
    return period_hit(
        start, end, cal.period_containing(target, period_unit), _OFFSET_GRANULARITY[unit]
    )


def _ago(m: re.Match[str], ctx: Context) -> Hit | None:
    n = number_value(m.group("n"))
    if n is None:
        return None
    unit = _unit(m.group("unit"))
    if ctx.published is None:
        return unresolved(m.start(), m.end(), _OFFSET_GRANULARITY[unit])
    sign = -1 if m.group("dir").lower() == "ago" else 1
    return _offset_hit(m.start(), m.end(), ctx, sign * n, unit)


_AGO = rf"\b(?P<n>{NUM})\s+(?P<unit>{UNITS})\s+(?P<dir>(?i:ago|from\s+now|hence))\b"

_NOT_IN_N = re.compile(r"(?i:\b(?:time|first|once|ever|only|\w{3,}est)\b)")


def _in_n(m: re.Match[str], ctx: Context) -> Hit | None:
    n = number_value(m.group("n"))
    if n is None:
        return None
    start, end = m.start(), m.end()
    before = ctx.text[max(ctx.lo, start - 40):start]
    if _NOT_IN_N.search(before) or ctx.tense(start, end) != "future":
        return None  # "the first time in three years", "built in ten days"
    unit = _unit(m.group("unit"))
    if ctx.published is None:
        return unresolved(start, end, _OFFSET_GRANULARITY[unit])
    return _offset_hit(start, end, ctx, n, unit)


_IN_N = rf"\b(?i:in)\s+(?P<n>{NUM})\s+(?P<unit>{UNITS})(?:['’]?\s+(?i:time))?\b"


def _past_n(m: re.Match[str], ctx: Context) -> Hit | None:
    n = number_value(m.group("n"))
    start, end = m.start("w"), m.end("w")
    if n is None or ctx.text.startswith(" of", end):
        return None  # "the last five months of her life": not anchored to publication
    if ctx.published is None:
        return unresolved(start, end, G.range)
    unit = _unit(m.group("unit"))
    if m.group("dir").lower() in ("next", "coming"):
        period = (ctx.published, cal.shift(ctx.published, n, unit))
    else:
        period = (cal.shift(ctx.published, -n, unit), ctx.published)
    return period_hit(start, end, period, G.range)


_PAST_N = (
    r"\b(?i:over|in|during|for|within|throughout)\s+(?P<w>(?i:the)\s+"
    r"(?P<dir>(?i:past|last|previous|next|coming))\s+"
    rf"(?P<n>{NUM})\s+(?P<unit>(?i:days|weeks|months|years|decades)))\b"
)


def _season_year(m: re.Match[str], ctx: Context) -> Hit | None:
    year = int(m.group("year"))
    if not 1000 <= year <= 2199 or quantity_follows(ctx, m.end("year")):
        return None
    period = cal.season_range(m.group("season").lower(), year)
    if m.group("pre"):
        period = cal.part_of_days(period[0], period[1], part_name(m.group("pre")))
    return period_hit(m.start(), m.end(), period, G.range)


_SEASON_YEAR = (
    r"\b(?:(?i:the)\s+)?(?:(?P<pre>(?i:early|mid|late))(?:-|\s+))?"
    rf"(?P<season>(?i:spring|summer|autumn|fall|winter))(?:,?\s+of\s+|\s+)(?P<year>{YEAR})"
)

_REL_PERIOD_PREFIX = (
    rf"(?:(?:{PART}|(?i:earlier|later|(?:the\s+)?(?:rest|remainder)\s+of))(?:-|\s+))?"
    r"(?i:this\s+past|this\s+coming|the\s+past|the\s+coming|last|this|next|past|coming)\s+"
)

@functools.cache
def relative_rules() -> list[Rule]:
    """The rules for relative expressions (compiled on first use)."""
    return [
        make_rule(
            A_REL_DAY, _REL_DAY, _rel_day, r"(?i:the\s+day\s+(?:before|after)|earlier|later)\s+", 20
        ),
        make_rule(
            A_PART_OF_DAY, _REL_PART, _rel_part,
            r"(?i:(?:early|late|earlier|later)\s+)?(?i:this|last)\s+", 16,
        ),
        make_rule(A_UNIT, _REL_PERIOD, _rel_period, _REL_PERIOD_PREFIX, 40),
        make_rule(A_SEASON, _REL_PERIOD, _rel_period, _REL_PERIOD_PREFIX, 40),
        make_rule(A_UNIT, _WEEKEND, _weekend, r"(?i:over|during|on|at)\s+(?i:the)\s+", 12),
        make_rule(r"ago|AGO|now|hence", _AGO, _ago, rf"{NUM}\s+{UNITS}\s+(?i:from\s+)?", 40),
        make_rule(A_UNIT, _IN_N, _in_n, rf"(?i:in)\s+{NUM}\s+", 24),
        make_rule(
            A_UNIT, _PAST_N, _past_n,
            rf"(?i:over|in|during|for|within|throughout)\s+(?i:the)\s+"
            rf"(?i:past|last|previous|next|coming)\s+{NUM}\s+", 60,
        ),
        make_rule(A_SEASON, _SEASON_YEAR, _season_year, EARLY_MID_LATE, 20),
    ]
