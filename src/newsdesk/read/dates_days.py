"""Rules for expressions naming one day (or a few): "February 3, 2026", "3 Feb", "2026-02-03",
"Christmas Day", weekdays ("this Tuesday, February 3, 2026", "last Friday", "Monday night").
Conventions: :mod:`newsdesk.read.dates`."""

from __future__ import annotations

import datetime as dt
import functools
import re

from newsdesk.model import TimeGranularity as G
from newsdesk.read import dates_calendar as cal
from newsdesk.read.dates_base import (
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
    A_MONTH,
    A_WEEKDAY,
    DAY,
    HOLIDAYS,
    MONTH_ANY,
    MONTH_NUMBER,
    PART_OF_DAY,
    WEEKDAY,
    WEEKDAY_NUMBER,
    YEAR,
    unnamed,
)  # fmt: skip

_MD = rf"(?P<mon>{MONTH_ANY})\s+(?P<day>{DAY})(?:\s*(?:-|–|to|through)\s*(?P<day2>{DAY}))?"
_MD += rf"(?:(?:,\s*|\s+)(?P<year>{YEAR}))?"
_DM = rf"(?<![\w.,/-])(?:(?i:the)\s+)?(?P<day>{DAY})(?:\s*(?:-|–)\s*(?P<day2>{DAY}))?"
_DM += rf"\s+(?:of\s+)?(?P<mon>{MONTH_ANY})(?:,?\s+(?P<year>{YEAR}))?"


@functools.cache
def named_date_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The month-first and day-first date regexes (compiled on first use)."""
    return re.compile(rf"\b{_MD}"), re.compile(_DM)


#: a year before 1000 after a day and month ("c. 347 – 30 September 420")
_OLD_YEAR = re.compile(r"\s+([1-9]\d{2})(?![\w%]|[.,]\d)")


def _day_number(s: str) -> int:
    return int(s[:2]) if s[:2].isdigit() else int(s[0])


def resolve_named_date(
    m: re.Match[str], ctx: Context, weekday: int | None = None, start: int | None = None
) -> Hit | None:
    """A month-name date match (see :func:`named_date_patterns`); ``start`` widens the span
    (weekday prefix)."""
    start = m.start() if start is None else start
    month = MONTH_NUMBER[m.group("mon").rstrip(".").lower()]
    day, day2 = _day_number(m.group("day")), m.group("day2")
    end = m.end()
    year = int(m.group("year")) if m.group("year") else None
    if year is not None and (quantity_follows(ctx, m.end("year")) or not 1000 <= year <= 2199):
        year, end = None, m.end("day2" if day2 else "day")
    old_year = _OLD_YEAR.match(ctx.text, end, ctx.hi) if year is None else None
    if old_year and not quantity_follows(ctx, old_year.end()):
        year, end = int(old_year.group(1)), old_year.end()  # "30 September 420": Saint Jerome
    if day2 is not None and _day_number(day2) <= day:
        return None
    if year is None:
        if ctx.published is None:
            return unresolved(start, end, G.range if day2 else G.day)
        tense = ctx.tense(start, end)
        first = cal.infer_day(ctx.published, month, day, tense, weekday)
        if first is None:
            return None
        year = first.year
    first = cal.safe_date(year, month, day)
    if first is None:
        return None
    if day2 is None:
        return day_hit(start, end, first)
    last = cal.safe_date(year, month, _day_number(day2))
    return None if last is None else period_hit(start, end, (first, last), G.range)


def _numeric(m: re.Match[str], ctx: Context) -> Hit | None:
    if m.group("iy"):
        y, mo, d = int(m.group("iy")), int(m.group("im")), int(m.group("id"))
    elif m.group("sy"):
        a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("sy"))
        mo, d = (b, a) if a > 12 else (a, b)  # US month/day unless the first cannot be a month
    else:
        y, mo, d = int(m.group("ry")), int(m.group("rm")), int(m.group("rd"))
    day = cal.safe_date(y, mo, d) if 1000 <= y <= 2199 else None
    return None if day is None else day_hit(m.start(), m.end(), day)


_NUMERIC = (
    r"(?<![\w./-])(?:(?P<iy>[12]\d{3})-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12]\d|3[01])"
    r"|(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<sy>[12]\d{3})"
    r"|(?P<ry>[12]\d{3})/(?P<rm>\d{1,2})/(?P<rd>\d{1,2}))(?=T\d|(?![\w/-]|[.,]\d))"
)


def _holiday(m: re.Match[str], ctx: Context) -> Hit | None:
    month, day = HOLIDAYS[" ".join(m.group("h").lower().replace("’", "'").split())]
    if m.group("year"):
        return day_hit(m.start(), m.end(), dt.date(int(m.group("year")), month, day))
    if ctx.published is None:
        return unresolved(m.start(), m.end())
    found = cal.infer_day(ctx.published, month, day, ctx.tense(m.start(), m.end()))
    return None if found is None else day_hit(m.start(), m.end(), found)


_HOLIDAY = (
    r"\b(?P<h>Christmas\s+(?:Day|Eve)|New\s+Year['’]s\s+(?:Day|Eve)|Valentine['’]s\s+Day"
    rf"|Halloween)(?:,?\s+(?P<year>{YEAR}))?"
)

# ---------------------------------------------------------------- weekdays

_WD_NOT_BEFORE = frozenset(
    "Black Good Bloody Ash Holy Palm Easter Super Cyber Maundy Shrove Man Girl Giving".split()
)
_HABITUAL = frozenset("a an every each any one".split())  # "every Monday": not one day
#: words that cannot be the noun a weekday modifies ("on a Monday to ...": any Monday)
_NOT_A_NOUN = frozenset(
    """to without with coming or and in on at of for when that which who is was are were
    be been by from as but after before if the a an this it he she they we you i""".split()
)


def _attributive(ctx: Context, end: int) -> bool:
    """After "a"/"an", a weekday that modifies a noun names one day: "a Wednesday press
    conference", "a Friday statement", "a Thursday morning tweet" (not "on a Sunday without")."""
    word = ctx.word_after(end)
    return word[:1].islower() and word.isalpha() and word not in _NOT_A_NOUN


_NEWSPAPER_ON = re.compile(r"(?:Mail|Independent|Observer)\s+on\s+$")
_WD_NOT_AFTER = frozenset(
    """Times Telegraph Express Mirror Herald Post Mail Sport Star Tribune Observer Independent
    Business Review Magazine Edition Night Live Football school School Service League
    mornings afternoons evenings nights""".split()  # "on Saturday mornings": every Saturday
)


def _weekday(m: re.Match[str], ctx: Context) -> Hit | None:
    start, end = m.start(), m.end()
    wd = WEEKDAY_NUMBER[m.group("wd").lower()]
    rel = " ".join(m.group("rel").lower().split()) if m.group("rel") else ""
    if m.group("date"):
        pos = m.start("date")
        md, dm = named_date_patterns()
        inner = md.match(ctx.text, pos, ctx.hi) or dm.match(ctx.text, pos, ctx.hi)
        if inner is not None and (hit := resolve_named_date(inner, ctx, wd, start)):
            return hit
        end = start + len(ctx.text[start:pos].rstrip(" ,"))
    part = m.group("part")
    if part and part.strip()[0].isupper() and ctx.word_after(m.end("part"))[:1].isupper():
        return None  # "Saturday Night Live", "Saturday Morning Breakfast Cereal": names
    if not rel and not m.group("wk") and not m.group("date"):
        before = ctx.text[max(ctx.lo, start - 20):start]
        word = ctx.word_before(start)
        habitual = word.lower() in _HABITUAL and not (
            word.lower() in ("a", "an") and _attributive(ctx, end)
        )
        if word in _WD_NOT_BEFORE or habitual or _NEWSPAPER_ON.search(before) or (
            not m.group("part") and ctx.word_after(m.end("wd")) in _WD_NOT_AFTER
        ):
            return None
    pub = ctx.published
    if pub is None:
        return unresolved(start, end)
    if m.group("wk"):
        weeks = {"last": -1, "this": 0, "next": 1}[m.group("wk").split()[-2].lower()]
        return day_hit(start, end, cal.weekday_in_week(pub, wd, weeks))
    if rel == "last":
        return day_hit(start, end, cal.weekday_in_week(pub, wd, -1))
    if rel in ("next", "this coming", "coming"):
        return day_hit(start, end, cal.weekday_after(pub, wd))
    if rel in ("this past", "past"):
        return day_hit(start, end, cal.weekday_before(pub, wd))
    tense = ctx.tense(start, end)
    if tense == "future":
        return day_hit(start, end, cal.weekday_on_or_after(pub, wd))
    if tense == "past":
        return day_hit(start, end, cal.weekday_on_or_before(pub, wd))
    return day_hit(start, end, cal.weekday_nearest(pub, wd))


_WEEKDAY = (
    r"\b(?:(?P<rel>(?i:this\s+past|this\s+coming|last|next|this|past|coming))\s+)?"
    rf"(?P<wd>{WEEKDAY})(?P<part>\s+{PART_OF_DAY}\b)?"
    r"(?:(?P<wk>\s+(?:of\s+)?(?i:last|next|this)\s+week)\b"
    rf"|(?:\s*,\s*|\s+)(?P<date>{unnamed(_MD)}|{unnamed(_DM)}))?"
)


# ---------------------------------------------------------------- clock times

_CLOCK = (
    r"(?:\d{1,2}(?::[0-5]\d)?\s*(?:[ap]\.m\.|[ap]m\b|[AP]M\b|[ap]\.m\b)|(?:[01]?\d|2[0-3]):[0-5]\d"
    r"(?:\s*(?:GMT|UTC|[ECMP][SD]?T)\b)?|noon\b|midnight\b)"
)


@functools.cache
def _clock_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    after = re.compile(rf"\s*,?\s*(?:(?:at|around|about|by|from)\s+)?{_CLOCK}")
    before = re.compile(
        rf"\b(?:(?:at|around|about|by)\s+)?(?P<clock>{_CLOCK})\s*,?\s+(?:on\s+)?$"
    )
    return after, before


def with_clock_time(text: str, hit: Hit, lo: int, hi: int) -> Hit:
    """A one-day ``hit`` widened over an adjacent clock time ("Tuesday at 3 p.m.", "10:30 a.m.
    on February 3"), with granularity ``time`` (the day stays the value); others unchanged."""
    if hit.granularity != G.day:
        return hit
    clock_after, clock_before = _clock_patterns()
    after = clock_after.match(text, hit.end, hi)
    before = clock_before.search(text, max(lo, hit.start - 30), hit.start)
    if after is None and before is None:
        return hit
    start = before.start("clock") if before else hit.start
    end = after.end() if after else hit.end
    return hit._replace(start=start, end=end, granularity=G.time)


@functools.cache
def day_rules() -> list[Rule]:
    """The rules for days (compiled on first use)."""
    return [
        make_rule(A_MONTH, named_date_patterns()[0], resolve_named_date),
        make_rule(
            A_MONTH, _DM, resolve_named_date,
            rf"(?:(?i:the)\s+)?{unnamed(DAY)}(?:\s*[-–]\s*{unnamed(DAY)})?\s+(?:of\s+)?", 24,
        ),
        make_rule(r"/|-", _NUMERIC, _numeric, r"\d{1,4}", 5, after="digit"),
        make_rule(r"Christmas|New|Valentine|Halloween", _HOLIDAY, _holiday),
        make_rule(
            A_WEEKDAY, _WEEKDAY, _weekday,
            r"(?i:this\s+past|this\s+coming|last|next|this|past|coming)\s+", 14,
        ),
    ]
