"""Word lists and regex pieces shared by the temporal-expression rules (no work at import
beyond building a few strings)."""

from __future__ import annotations

import re

MONTHS = (
    "January February March April May June July August September October November December"
).split()
MONTH_NUMBER = {name.lower(): i + 1 for i, name in enumerate(MONTHS)}
MONTH_NUMBER.update(
    {a: i + 1 for i, a in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split())}
)
MONTH_NUMBER["sept"] = 9

WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
WEEKDAY_NUMBER = {name.lower(): i for i, name in enumerate(WEEKDAYS)}

NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "a couple of": 2, "couple of": 2,
}  # fmt: skip

ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty-second": 22,
}  # fmt: skip

DECADE_WORDS = {
    "twenties": 1920, "thirties": 1930, "forties": 1940, "fifties": 1950, "sixties": 1960,
    "seventies": 1970, "eighties": 1980, "nineties": 1990,
}  # fmt: skip

# (month, day) of fixed-date holidays
HOLIDAYS = {
    "christmas day": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1),
    "new year's eve": (12, 31), "valentine's day": (2, 14), "halloween": (10, 31),
}  # fmt: skip


def _alternation(words: list[str]) -> str:
    return "|".join(words + [w.upper() for w in words])


MONTH_FULL = rf"(?:{_alternation(MONTHS)})\b"
MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|\b)"
MONTH_ANY = rf"(?:{MONTH_FULL}|{MONTH_ABBR})"
WEEKDAY = rf"(?:{_alternation(WEEKDAYS)})\b"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?![\w%]|[.,:]\d)"
YEAR = r"[12]\d{3}(?![\w%]|[.,]\d)"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
NUM = (
    r"(?i:(?<![\d,.])\d{1,3}(?![\d,])|a\s+couple\s+of|couple\s+of|an?|one|two|three|four|five|six|seven|eight|nine|"
    r"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"
    rf"(?:{_TENS})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)"
)
PART_OF_DAY = r"(?i:morning|afternoon|evening|night)"
PART = (
    r"(?i:(?:early|late)\s+in|early|mid|late|middle|(?:the\s+)?(?:end|beginning|start|middle|"
    r"first\s+half|second\s+half)\s+of)"
)
UNITS = r"(?i:days?|weeks?|months?|years?|decades?)"

_NAMED_GROUP = re.compile(r"\(\?P<\w+>")


def unnamed(pattern: str) -> str:
    """``pattern`` with its named groups made non-capturing (to embed it in another)."""
    return _NAMED_GROUP.sub("(?:", pattern)


def number_value(word: str) -> int | None:
    """The value of a NUM match (``"3"``, ``"three"``, ``"twenty-one"``, ``"a couple of"``)."""
    word = " ".join(word.lower().split())
    if word.isdigit():
        return int(word)
    if word in NUMBER_WORDS:
        return NUMBER_WORDS[word]
    tens, _, ones = word.partition("-")
    if tens in NUMBER_WORDS and ones in NUMBER_WORDS:
        return NUMBER_WORDS[tens] + NUMBER_WORDS[ones]
    return None


def part_name(pre: str) -> str:
    """Normalise a PART match: ``"the end of"`` -> ``"end"``, ``"early in"`` -> ``"early"``."""
    words = pre.lower().split()
    if words and words[0] == "the":
        words = words[1:]
    if words and words[-1] in ("of", "in"):
        words = words[:-1]
    return " ".join(words)


# lowercase words after a number that show it counts things rather than naming a year
COUNT_NOUNS = frozenset(
    """people men women children police staff personnel feet foot metres meters kilometres
    kilometers km kg tonnes tons miles dollars euros pounds yen yuan rupees percent per cent
    troops soldiers times members residents voters votes cases deaths jobs
    more less fewer other others""".split()
)
# lowercase words ending in -s that are not plural nouns
NOT_PLURAL = frozenset(
    """was has is as its his this thus always perhaps plus versus unless whereas towards
    afterwards besides less across""".split()
)
CHANGE_WORDS = frozenset(
    """rose fell increased decreased grew dropped declined jumped climbed up down cut reduced
    raised boosted higher lower more less than exceeded surged slipped gained lost over under
    about nearly almost some total number average of""".split()
)


def cased(words: str) -> str:
    """An alternation of literals matching each word lowercase, capitalised or all caps (a regex
    that starts with literals scans fast; one that starts with a character class does not)."""
    return "|".join(f"{w}|{w.title()}|{w.upper()}" for w in words.split())


# anchors: every expression contains one; the rules scan for these (fast) and look around
A_MONTH = rf"{_alternation(MONTHS)}|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
A_WEEKDAY = _alternation(WEEKDAYS)
A_UNIT = cased("day week month year decade")
A_SEASON = cased("spring summer autumn fall winter")
A_REL_DAY = cased("today tonight yesterday tomorrow")
A_PART_OF_DAY = cased("morning afternoon evening night")
