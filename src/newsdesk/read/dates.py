"""Temporal expressions: find them in text and resolve them against the publication date.

    >>> import datetime as dt
    >>> [t.value for t in find_times("He arrived on Monday.", dt.date(2026, 2, 4))]
    [datetime.date(2026, 2, 2)]

Rules are regexes (English, news prose), one resolver each; overlapping candidates are settled
longest first, so "this Tuesday, February 3, 2026" is one expression whose explicit date wins.
Pure Python and the standard library; the rules are compiled on the first call, not at import.

What each expression gets
    A single day: ``value`` = ``range_start`` = ``range_end`` = that day, granularity ``day``;
    ``time`` when a clock time is part of it ("Tuesday at 3 p.m.", "10:30 a.m. on Feb. 3";
    the value is still the day). Clock times alone ("at 3 p.m.") are not extracted.
    A calendar week / month / year: ``range_start``..``range_end``, granularity ``week`` /
    ``month`` / ``year``, ``value`` None. Anything else spanning several days (weekends, decades,
    centuries, seasons, "mid-March", "earlier this month", "the past 30 days", "February 3-5")
    has granularity ``range``. ``resolved`` is False (and every date None) when the expression
    needs an anchor that is unknown: a relative expression, or a date without a year, when
    ``published`` is None. Absolute dates with a year are always resolved.

Conventions (the anchor is the publication date, "pub"; weeks are ISO weeks, Monday..Sunday)
    today, tonight, this morning/afternoon/evening: pub. yesterday, last night: pub - 1 day.
    tomorrow: pub + 1. "the day before yesterday" / "after tomorrow": -2 / +2.
    Bare weekday ("on Tuesday", "Tuesday's meeting") and "this Tuesday": in a past-tense
    sentence (the tense marker nearest the expression: "said", "was", "-ed"...) the most recent
    such day on or before pub (news reports look back); in a future-tense one ("will", "'ll",
    "scheduled", "is expected to", "plans to"...) the nearest such day on or after pub; with no
    tense marker, the nearer of the two (ties: the past one). "last Tuesday": the Tuesday of
    the previous ISO week.
    "next Tuesday" / "this coming Tuesday": the first Tuesday strictly after pub.
    "this past Tuesday": the last Tuesday strictly before pub. "Tuesday last week": that day of
    the previous ISO week. A weekday followed by an explicit date: the date wins.
    last / this / next week, month, year: the previous / current / next calendar period.
    "the past week" / "this past week" / "the last month" / "the past year": rolling, the
    week / month / year that ends on pub (2026-01-29..2026-02-04 for a week).
    "the past 30 days": pub - 30 days .. pub; "the next five years": pub .. pub + 5 years.
    last / this / next weekend: Saturday..Sunday of the previous / current / next ISO week;
    "this past weekend": the last weekend ending on or before pub; "over the weekend": the most
    recent weekend whose Saturday is on or before pub (the coming one in future tense).
    "earlier this month": first day of the month .. pub; "later this year": pub .. 31 December.
    early / mid / late (also "early in"): thirds of the period (of its months for a year:
    Jan-Apr, May-Aug, Sep-Dec; of its days for a month: 1-10, 11-20, 21-end); beginning / end:
    its first / last quarter; first / second half: halves. "the first ... fourth week of
    March": days 1-7 ... 22-28; "the last week of March": its last seven days.
    "N days/weeks/months/years ago", "N ... from now": the day, or the ISO week / month / year
    containing pub shifted by N units ("a decade ago": that year).
    "last decade" / "the past decade": the ten years up to pub; "this decade": the 2020s.
    "in N days" only in future-tense sentences and not after "first time", superlatives etc.
    ("the first time in three years" is not a date).
    Seasons are meteorological, northern hemisphere: spring = Mar-May, summer = Jun-Aug,
    autumn/fall = Sep-Nov, winter YEAR = Dec YEAR .. Feb YEAR+1.
    Decades: "the 1990s" = 1990..1999; "the 1800s" = 1800..1899; "the '90s" = 1990s
    ("'00s", "'10s" = 2000s, 2010s). Centuries: "the 20th century" = 1900..1999.
    A date or month without a year: the publication year, or the year before or after when
    that is closer to pub; in past tense never more than 31 days after pub (past-tense
    sentences name coming deadlines: "agreed to fund it through Feb. 15"), in future tense
    never more than 7 days before it. At month level: in past tense not after pub's month
    ("in March" in a past-tense sentence published in February 2026 is March 2025), in future
    tense not before it. A weekday named with it picks the year where it fits.
    Years: only after a cue ("in", "since", "by", "until", "early", "the end of", "as of",
    "the year", "1997 and 1998"...), as "2019's", or in ranges ("from 2004 to 2009",
    "2004-2009", "2019-20"); never when a plural noun or "%" follows ("in 2000 troops").
    Numeric dates: ISO 2026-02-03; slashes with a four-digit year are US month/day/year unless
    the first number cannot be a month (13/2/2026 is 13 February); 2026/02/03 is year/month/day.

Not dates (emitted nothing): durations ("for three years", "after months of", "two hours"),
anaphoric expressions with no anchor in the text ("the next day", "a month earlier",
"the last five months of her life"), "May"/"March"/"August" as ordinary words (month names
need a number, a year or a cue such as "in", "since", "early", "last"), "Sun", numbers that
count things ("2,000 troops", "1500 people"), "USA Today", "today's world", habitual
weekdays ("every Monday") and names ("Black Friday", "The Sunday Times", "Saturday Night Live").
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re

from newsdesk.model import TimeExpression
from newsdesk.read.dates_base import Context, Hit, Rule, unresolved
from newsdesk.read.dates_days import day_rules, with_clock_time
from newsdesk.read.dates_periods import period_rules
from newsdesk.read.dates_relative import relative_rules

__all__ = ["find_times"]


def find_times(
    text: str, published: dt.date | None, start: int = 0, end: int | None = None
) -> list[TimeExpression]:
    """Every temporal expression in ``text[start:end]``, in text order, resolved against
    ``published`` (a date or datetime; None leaves relative expressions unresolved).

    Offsets are into ``text``: for each result ``text[t.start:t.end] == t.text``.
    Raises ValueError when ``start``/``end`` are not valid offsets into ``text``.
    """
    end = len(text) if end is None else end
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"invalid window [{start}, {end}) for a text of {len(text)} characters")
    if isinstance(published, dt.datetime):
        published = published.date()
    ctx = Context(text, published, start, end)
    anchors: dict[re.Pattern[str], list[int]] = {}
    hits: list[Hit] = []
    for rule in _rules():
        found = anchors.get(rule.anchor)
        if found is None:
            found = [a.start() for a in rule.anchor.finditer(text, start, end)]
            anchors[rule.anchor] = found
        for at in found:
            hit = _try_rule(rule, ctx, at)
            if hit is not None and hit.end > hit.start:
                hits.append(hit)
    chosen = _longest_first(hits)
    widened: list[Hit] = []
    for i, hit in enumerate(chosen):  # a clock time may join a day, never two expressions
        lo = widened[-1].end if widened else start
        hi = chosen[i + 1].start if i + 1 < len(chosen) else end
        widened.append(with_clock_time(text, hit, lo, hi))
    return [_record(text, hit) for hit in widened]


@functools.cache
def _rules() -> list[Rule]:
    return day_rules() + period_rules() + relative_rules()


def _try_rule(rule: Rule, ctx: Context, at: int) -> Hit | None:
    """Match ``rule`` at the start its lookback finds before the anchor at ``at``, else at
    ``at`` itself; the match must reach past the anchor."""
    text = ctx.text
    before = text[at - 1] if at > 0 else " "
    if rule.after == "space" and before.isalnum() or rule.after == "digit" and not before.isdigit():
        return None
    starts = [at]
    if rule.lookback is not None:
        back = rule.lookback.search(text, max(ctx.lo, at - rule.reach), at)
        if back is not None and back.start() < at:
            starts.insert(0, back.start())
    for pos in starts:
        m = rule.full.match(ctx.text, pos, ctx.hi)
        if m is not None and m.end() > at:
            try:
                return rule.resolve(m, ctx)
            except (OverflowError, ValueError):
                # the anchor date is so near year 1 or 9999 that the result leaves the calendar
                return unresolved(m.start(), m.end())
    return None


def _longest_first(hits: list[Hit]) -> list[Hit]:
    """Non-overlapping hits, preferring longer ones (then earlier ones), in text order."""
    starts: list[int] = []  # of the chosen hits, kept sorted (they never overlap)
    chosen: list[Hit] = []
    for hit in sorted(hits, key=lambda h: (h.start - h.end, h.start)):
        i = bisect.bisect_right(starts, hit.start)
        if i > 0 and chosen[i - 1].end > hit.start:
            continue  # overlaps the chosen hit that starts before it
        if i < len(chosen) and chosen[i].start < hit.end:
            continue  # overlaps the one that starts after it
        starts.insert(i, hit.start)
        chosen.insert(i, hit)
    return chosen


def _record(text: str, hit: Hit) -> TimeExpression:
    # every field is built here with its declared type: skip pydantic's validation
    return TimeExpression.model_construct(
        start=hit.start,
        end=hit.end,
        text=text[hit.start:hit.end],
        value=hit.value,
        range_start=hit.range_start,
        range_end=hit.range_end,
        granularity=hit.granularity,
        resolved=hit.resolved,
    )
