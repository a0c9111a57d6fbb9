"""Calendar arithmetic behind :mod:`newsdesk.read.dates`: periods, weekdays, seasons, years.

Pure functions over :class:`datetime.date`; the conventions they implement are documented in
the docstring of :mod:`newsdesk.read.dates`.
"""

from __future__ import annotations

import datetime as dt

Period = tuple[dt.date, dt.date]

ONE_DAY = dt.timedelta(days=1)

SEASON_MONTHS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when it does not exist (February 30) or is out of range."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


_DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def days_in_month(year: int, month: int) -> int:
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return 29 if month == 2 and leap else _DAYS_IN_MONTH[month - 1]


def month_range(year: int, month: int) -> Period:
    return dt.date(year, month, 1), dt.date(year, month, days_in_month(year, month))


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def year_range(year: int) -> Period:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def week_range(day: dt.date) -> Period:
    """Monday..Sunday of the ISO week that contains ``day``."""
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6)


def weekend_of_week(day: dt.date) -> Period:
    """Saturday..Sunday of the ISO week that contains ``day``."""
    monday = week_range(day)[0]
    return monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)


def years_range(first: int, last: int) -> Period:
    return dt.date(first, 1, 1), dt.date(last, 12, 31)


def season_range(season: str, year: int) -> Period:
    """Meteorological (northern) seasons; winter ``year`` runs Dec ``year`` .. Feb ``year+1``."""
    first = SEASON_MONTHS[season]
    end_year, end_month = add_months(year, first, 2)
    return dt.date(year, first, 1), month_range(end_year, end_month)[1]


def current_season_year(season: str, anchor: dt.date) -> int:
    """The year of the ``season`` that counts as "this <season>" at ``anchor``."""
    if season == "winter" and anchor.month <= 2:
        return anchor.year - 1
    return anchor.year


# ---------------------------------------------------------------- weekdays


def weekday_on_or_before(anchor: dt.date, weekday: int) -> dt.date:
    return anchor - dt.timedelta(days=(anchor.weekday() - weekday) % 7)


def weekday_on_or_after(anchor: dt.date, weekday: int) -> dt.date:
    return anchor + dt.timedelta(days=(weekday - anchor.weekday()) % 7)


def weekday_before(anchor: dt.date, weekday: int) -> dt.date:
    """The latest ``weekday`` strictly before ``anchor``."""
    return anchor - dt.timedelta(days=(anchor.weekday() - weekday - 1) % 7 + 1)


def weekday_after(anchor: dt.date, weekday: int) -> dt.date:
    """The earliest ``weekday`` strictly after ``anchor``."""
    return anchor + dt.timedelta(days=(weekday - anchor.weekday() - 1) % 7 + 1)


def weekday_nearest(anchor: dt.date, weekday: int) -> dt.date:
    """The nearest ``weekday`` to ``anchor`` (itself if it is one; ties go to the past)."""
    before, after = weekday_on_or_before(anchor, weekday), weekday_on_or_after(anchor, weekday)
    return before if anchor - before <= after - anchor else after


def weekday_in_week(anchor: dt.date, weekday: int, weeks: int = 0) -> dt.date:
    """``weekday`` of the ISO week ``weeks`` weeks after the one containing ``anchor``."""
    return week_range(anchor)[0] + dt.timedelta(days=7 * weeks + weekday)


# ---------------------------------------------------------------- parts of a period


def part_slice(n: int, part: str) -> tuple[int, int]:
    """Inclusive 0-based indices of ``part`` of a period made of ``n`` units.

    early / mid / late are thirds; beginning and end are the first and last quarter;
    first half / second half are halves; middle is the middle third.
    """
    third, two_thirds, quarter = round(n / 3), round(2 * n / 3), max(1, n // 4)
    slices = {
        "early": (0, third - 1),
        "mid": (third, two_thirds - 1),
        "middle": (third, two_thirds - 1),
        "late": (two_thirds, n - 1),
        "beginning": (0, quarter - 1),
        "start": (0, quarter - 1),
        "end": (n - quarter, n - 1),
        "first half": (0, n // 2 - 1),
        "second half": (n // 2, n - 1),
    }
    return slices[part]


_MONTH_THIRDS = {"early": (0, 9), "mid": (10, 19), "middle": (10, 19)}


def part_of_month(year: int, month: int, part: str) -> Period:
    """Thirds of a month are days 1-10, 11-20 and 21-end; other parts as :func:`part_slice`."""
    n = days_in_month(year, month)
    if part.endswith(" week"):  # "the first week of", ..., "the last week of"
        first = {"first": 0, "second": 7, "third": 14, "fourth": 21}.get(part.split()[0], n - 7)
        return dt.date(year, month, first + 1), dt.date(year, month, first + 7)
    if part in _MONTH_THIRDS:
        first, last = _MONTH_THIRDS[part]
    elif part == "late":
        first, last = 20, n - 1
    else:
        first, last = part_slice(n, part)
    return dt.date(year, month, first + 1), dt.date(year, month, last + 1)


def part_of_year(year: int, part: str) -> Period:
    first, last = part_slice(12, part)
    return dt.date(year, first + 1, 1), month_range(year, last + 1)[1]


def part_of_years(first_year: int, n_years: int, part: str) -> Period:
    """Part of a span of whole years (a decade, a century)."""
    first, last = part_slice(n_years, part)
    return years_range(first_year + first, first_year + last)


def part_of_days(start: dt.date, end: dt.date, part: str) -> Period:
    first, last = part_slice((end - start).days + 1, part)
    return start + dt.timedelta(days=first), start + dt.timedelta(days=last)


# ---------------------------------------------------------------- years left implicit

#: How far a past-tense date may lie after publication (past-tense sentences often name a
#: coming deadline: "agreed to fund the government through Feb. 15"), and a future-tense one
#: before it, before the neighbouring year is chosen instead.
PAST_SLACK = dt.timedelta(days=31)
FUTURE_SLACK = dt.timedelta(days=7)


def infer_day(
    anchor: dt.date, month: int, day: int, tense: str | None, weekday: int | None = None
) -> dt.date | None:
    """The year-less ``month``/``day`` resolved near ``anchor`` (see the module conventions).

    A named ``weekday`` that matches exactly one of the candidate years decides; otherwise past
    tense takes the latest candidate not after ``anchor`` + PAST_SLACK, future tense the earliest
    not before ``anchor`` - FUTURE_SLACK, and unknown tense the nearest.
    """
    candidates = [
        d for y in (anchor.year - 1, anchor.year, anchor.year + 1)
        if (d := safe_date(y, month, day)) is not None
    ]
    if not candidates:
        return None
    if weekday is not None:
        matching = [d for d in candidates if d.weekday() == weekday]
        if matching:
            return min(matching, key=lambda d: abs(d - anchor))
    if tense == "past":
        allowed = [d for d in candidates if d <= anchor + PAST_SLACK]
        return max(allowed) if allowed else min(candidates)
    if tense == "future":
        allowed = [d for d in candidates if d >= anchor - FUTURE_SLACK]
        return min(allowed) if allowed else max(candidates)
    return min(candidates, key=lambda d: (abs(d - anchor), d > anchor))


def infer_month_year(anchor: dt.date, month: int, tense: str | None) -> int:
    """The year of a year-less month name near ``anchor`` (same rules, at month level)."""
    here = anchor.year * 12 + anchor.month - 1
    candidates = [y * 12 + month - 1 for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    if tense == "past":
        best = max(k for k in candidates if k <= here)
    elif tense == "future":
        best = min(k for k in candidates if k >= here)
    else:
        best = min(candidates, key=lambda k: (abs(k - here), k > here))
    return best // 12


def shift(anchor: dt.date, n: int, unit: str) -> dt.date:
    """``anchor`` moved by ``n`` days/weeks/months/years/decades (month ends clamp)."""
    if unit == "day":
        return anchor + dt.timedelta(days=n)
    if unit == "week":
        return anchor + dt.timedelta(weeks=n)
    months = {"month": n, "year": 12 * n, "decade": 120 * n}[unit]
    year, month = add_months(anchor.year, anchor.month, months)
    return dt.date(year, month, min(anchor.day, days_in_month(year, month)))


def period_containing(day: dt.date, unit: str) -> Period:
    """The calendar day/week/month/year containing ``day``."""
    if unit == "day":
        return day, day
    if unit == "week":
        return week_range(day)
    if unit == "month":
        return month_range(day.year, day.month)
    if unit == "year":
        return year_range(day.year)
    first = day.year - day.year % 10
    return years_range(first, first + 9)
