"""Rules for months, years, decades and centuries: "February 2026", "in March", "mid-March",
"since 2019", "from 2004 to 2009", "the 1990s", "the 20th century".
Conventions: :mod:`newsdesk.read.dates`."""

from __future__ import annotations

import functools

from newsdesk.model import TimeGranularity as G
from newsdesk.read import dates_calendar as cal
from newsdesk.read.dates_base import (
    EARLY_MID_LATE,
    Context,
    Hit,
    Rule,
    make_rule,
    period_hit,
    quantity_follows,
    unresolved,
)  # fmt: skip
from newsdesk.read.dates_lexicon import (
    A_MONTH,
    CHANGE_WORDS,
    DECADE_WORDS,
    MONTH_ANY,
    MONTH_FULL,
    MONTH_NUMBER,
    MONTHS,
    ORDINAL_WORDS,
    PART,
    YEAR,
    cased,
    part_name,
)  # fmt: skip

from . import regex as re

_FULL_MONTHS = frozenset(name.lower() for name in MONTHS)
_MAY_PREPS = frozenset("in since until till through throughout during".split())
_NAME_PREPS = frozenset("by from before after around".split())


def _month_period(
    ctx: Context, start: int, end: int, month: int, year: int | None, part: str
) -> Hit | None:
    if year is None:
        if ctx.published is None:
            return unresolved(start, end, G.range if part else G.month)
        year = cal.infer_month_year(ctx.published, month, ctx.tense(start, end))
    if part:
        return period_hit(start, end, cal.part_of_month(year, month, part), G.range)
    return period_hit(start, end, cal.month_range(year, month), G.month)


def _month(m: re.Match[str], ctx: Context) -> Hit | None:
    name, pre, prep = m.group("mon"), m.group("pre"), m.group("prep")
    year = int(m.group("year")) if m.group("year") else None
    end = m.end()
    if year is not None and (quantity_follows(ctx, m.end("year")) or not 1000 <= year <= 2199):
        year, end = None, m.end("mon")
    if year is None and (name != name.title() or name.lower() not in _FULL_MONTHS):
        return None  # abbreviations and all-caps names need a year
    start = m.start("pre") if pre else m.start("mon")
    month = MONTH_NUMBER[name.rstrip(".").lower()]
    rel = part = ""
    if pre:
        pre_norm = " ".join(pre.lower().split())
        if pre_norm in ("last", "this", "next", "past", "coming", "this past", "this coming"):
            rel = pre_norm.split()[-1]
        else:
            part = part_name(pre_norm)
    elif year is None:
        word = prep.lower() if prep else ""
        if not word or (month == 5 and word not in _MAY_PREPS):
            return None
        after = ctx.word_after(m.end("mon"))
        if month == 5 and after[:1] in ("'", "’"):
            return None  # "in May's cabinet": Theresa May
        if word in _NAME_PREPS and after[:1].isupper():
            return None  # "a song by June Carter"
    if rel and year is None:
        pub = ctx.published
        if pub is None:
            return unresolved(start, end, G.month)
        if rel == "this":
            year = pub.year
        elif rel in ("last", "past"):
            year = pub.year if month < pub.month else pub.year - 1
        else:
            year = pub.year if month > pub.month else pub.year + 1
    return _month_period(ctx, start, end, month, year, part)


_WEEK_OF = r"(?i:the\s+(?:first|second|third|fourth|last)\s+week\s+of)"
_MONTH = (
    r"\b(?:(?P<prep>(?i:in|since|until|till|through|throughout|during|from|by|before|after|"
    r"around))\s+|(?P<pre>(?i:(?:this\s+)?past|(?:this\s+)?coming|last|this|next)|"
    rf"{_WEEK_OF}|{PART})(?:-|\s+))?(?P<mon>{MONTH_ANY})(?:(?:,|\s+of)?\s+(?P<year>{YEAR}))?"
)


def _month_range(m: re.Match[str], ctx: Context) -> Hit | None:
    first = MONTH_NUMBER[m.group("mon").lower()]
    last = MONTH_NUMBER[m.group("mon2").lower()]
    start, end = m.start("mon"), m.end()
    if m.group("year"):
        y2 = int(m.group("year"))
    elif ctx.published is None:
        return unresolved(start, end, G.range)
    else:
        y2 = cal.infer_month_year(ctx.published, first, ctx.tense(start, end))
        y2 += 1 if last < first else 0
    y1 = y2 - 1 if last < first else y2
    if (y1, first) == (y2, last):
        return None
    return period_hit(start, end, (cal.month_range(y1, first)[0], cal.month_range(y2, last)[1]),
                      G.range)


_MONTH_RANGE = (
    rf"\b(?i:from|between)\s+(?P<mon>{MONTH_FULL})\s*(?:-|–|(?i:to|and|until|through|till)\s)"
    rf"\s*(?P<mon2>{MONTH_FULL})(?:,?\s+(?P<year>{YEAR}))?"
)

# ---------------------------------------------------------------- years, decades, centuries

_YEAR_BEFORE = re.compile(r"\b[12]\d{3},?\s+$")
_WEAK_YEAR_CUES = frozenset("by from around".split())


def _year_ok(ctx: Context, m: re.Match[str], group: str, cue: str) -> int | None:
    year = int(m.group(group))
    if not 1000 <= year <= 2199 or quantity_follows(ctx, m.end(group)):
        return None
    if cue in _WEAK_YEAR_CUES:
        if not 1900 <= year <= 2100 or ctx.word_before(m.start()).lower() in CHANGE_WORDS:
            return None
        if re.match(r"\s+(?:to|and|-|–)\s+\d", ctx.text[m.end(group):m.end(group) + 12]):
            return None  # "from 2000 to 3000": a quantity range (year ranges match earlier)
    return year


def _year(m: re.Match[str], ctx: Context) -> Hit | None:
    cue = " ".join(m.group("cue").lower().split()) if m.group("cue") else ""
    year = _year_ok(ctx, m, "year", cue)
    if year is None:
        return None
    before = ctx.text[max(ctx.lo, m.start() - 12):m.start()]
    if cue in ("and", "or") and not _YEAR_BEFORE.search(before):
        return None  # "and 1998" only after another year: "in 1997 and 1998"
    if m.group("pre"):
        part = part_name(m.group("pre"))
        start = m.start("pre")
        period = cal.part_of_year(year, part)
        return period_hit(start, m.end(), period, G.range)
    start = m.start("the") if m.group("the") else m.start("year")
    return period_hit(start, m.end(), cal.year_range(year), G.year)


_YEAR = (
    r"\b(?:(?P<cue>(?i:in|since|until|till|before|after|during|through|throughout|from|by|"
    rf"around|circa|and|or|as\s+of))\s+)?(?:(?P<pre>{PART})(?:-|\s+)|(?P<the>(?i:the\s+year|(?:the\s+)?"
    rf"fiscal\s+year))\s+)?(?P<year>{YEAR})(?!['’]s)"
)


def _year_checked(m: re.Match[str], ctx: Context) -> Hit | None:
    if not (m.group("cue") or m.group("pre") or m.group("the")):
        return None
    return _year(m, ctx)


def _year_possessive(m: re.Match[str], ctx: Context) -> Hit | None:
    year = int(m.group("year"))
    return period_hit(m.start(), m.end("year"), cal.year_range(year), G.year)


_YEAR_POSSESSIVE = r"(?<![\w$€£#.,'’])(?P<year>(?:19|20)\d\d)(?=['’]s\b)"


def _year_range(m: re.Match[str], ctx: Context) -> Hit | None:
    cue = m.group("cue").lower() if m.group("cue") else ""
    link = m.group("link").strip().lower()
    y1 = int(m.group("y1"))
    y2_text = m.group("y2")
    y2 = int(y2_text) if len(y2_text) == 4 else y1 // 100 * 100 + int(y2_text)
    if (link == "and" and cue != "between") or (not cue and link not in ("-", "–", "—")):
        return None
    if not (1000 <= y1 < y2 <= 2199 and y2 - y1 <= 100) or quantity_follows(ctx, m.end()):
        return None
    if len(y2_text) == 2 and y2 - y1 > 9:
        return None
    return period_hit(m.start("y1"), m.end(), cal.years_range(y1, y2), G.range)


_YEAR_RANGE = (
    r"\b(?:(?P<cue>(?i:from|between|in|during|since))\s+)?(?<![\d,.$€£-])"
    r"(?P<y1>[12]\d{3})(?P<link>\s*[-–—]\s*|\s+(?i:to|and|until|through)\s+)"
    r"(?P<y2>[12]\d{3}|\d{2})(?![\w%]|[.,]\d)"
)


def _decade(m: re.Match[str], ctx: Context) -> Hit | None:
    if word := m.groupdict().get("word"):
        first = DECADE_WORDS[word.lower()]
    elif m.group("d2"):
        if not m.group("the"):
            return None
        first = int(m.group("d2")) + (2000 if m.group("d2") in ("00", "10") else 1900)
    else:
        first = int(m.group("dec"))
    length = 100 if first % 100 == 0 and first != 2000 else 10  # "the 1800s": a century
    start = m.start()
    if m.group("pre"):
        period = cal.part_of_years(first, length, part_name(m.group("pre")))
    else:
        period = cal.years_range(first, first + length - 1)
    return period_hit(start, m.end(), period, G.range)


_DECADE = (
    r"(?:\b(?P<the>(?i:the))\s+)?(?:\b(?P<pre>(?i:early|mid|late))(?:-|\s+))?"
    r"(?:\b(?P<dec>1\d\d0|20\d0)['’]?s|(?<!\w)['’](?P<d2>\d0)s)\b"
)
_DECADE_WORD = (
    rf"\b(?P<the>(?i:the))\s+(?:(?P<pre>(?i:early|mid|late))(?:-|\s+))?"
    rf"(?P<word>{'|'.join(w for d in DECADE_WORDS for w in (d, d.title()))})\b"
)


def _century(m: re.Match[str], ctx: Context) -> Hit | None:
    n_text = m.group("n").lower()
    n = ORDINAL_WORDS.get(n_text) or int(n_text[:-2])
    if not 1 <= n <= 22:
        return None
    first = (n - 1) * 100
    if first < 1:
        return None  # date() has no year 0
    pre = m.group("pre2") or m.group("pre")
    if pre:
        period = cal.part_of_years(first, 100, part_name(pre))
    else:
        period = cal.years_range(first, first + 99)
    return period_hit(m.start(), m.end(), period, G.range)


_ORDINALS = "|".join(sorted((w for w in ORDINAL_WORDS), key=len, reverse=True))
_CENTURY = (
    rf"\b(?:(?P<pre>{PART})(?:-|\s+))?(?:(?i:the)\s+)?(?:(?P<pre2>(?i:early|mid|late))(?:-|\s+))?"
    rf"(?P<n>\d{{1,2}}(?:st|nd|rd|th)|(?i:{_ORDINALS}))(?:-|\s+)(?i:century)\b"
)


_PREP_OR_PART = (
    r"(?i:in|since|until|till|through|throughout|during|from|by|before|after|around)\s+|"
    rf"(?:(?i:(?:this\s+)?past|(?:this\s+)?coming|last|this|next)|{_WEEK_OF}|{PART})(?:-|\s+)"
)
_YEAR_PREFIX = (
    r"(?:(?i:in|since|until|till|before|after|during|through|throughout|from|by|around|circa|"
    r"and|or|as\s+of)"
    rf"\s+)?(?:{PART}(?:-|\s+)|(?i:the\s+year|(?:the\s+)?fiscal\s+year)\s+)?"
)

@functools.cache
def period_rules() -> list[Rule]:
    """The rules for months, years, decades and centuries (compiled on first use)."""
    return [
        make_rule(A_MONTH, _MONTH, _month, _PREP_OR_PART, 24),
        make_rule(A_MONTH, _MONTH_RANGE, _month_range, r"(?i:from|between)\s+", 10),
        make_rule(r"[12]\d{3}", _YEAR, _year_checked, _YEAR_PREFIX, 40),
        make_rule(r"[12]\d{3}", _YEAR_POSSESSIVE, _year_possessive),
        make_rule(
            r"[12]\d{3}", _YEAR_RANGE, _year_range, r"(?i:from|between|in|during|since)\s+", 10
        ),
        make_rule(
            r"0s|0'|0’", _DECADE, _decade,
            rf"{EARLY_MID_LATE}(?:1\d\d|20\d)|(?:(?i:the)\s+)?(?:(?i:early|mid|late)(?:-|\s+))?['’]\d",
            20, after="digit",
        ),
        make_rule(
            cased("century"), _CENTURY, _century,
            rf"(?:{PART}(?:-|\s+))?{EARLY_MID_LATE}(?:\d{{1,2}}(?:st|nd|rd|th)|(?i:{_ORDINALS}))"
            r"(?:-|\s+)", 60,
        ),
        make_rule(
            "|".join(w for d in DECADE_WORDS for w in (d, d.title())), _DECADE_WORD, _decade,
            EARLY_MID_LATE, 20,
        ),
    ]
