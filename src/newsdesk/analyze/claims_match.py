"""Comparing short statements by their content words and numbers.

Used by ``newsdesk eval claims`` (extracted vs gold claims) and ``newsdesk audit`` (a listed fact
vs the body's sentences), so both compare text the same documented way:

* lower case, curly quotes straightened, possessive 's dropped, thousands separators dropped;
  "U.S.", "US", "United States", "America(n)" become one token ``usa``; number words one..twenty
  become digits, except a "one" that counts nothing ("no one", "I for one", "the one thing",
  "one of them", "one-time"); a few irregular verbs map to one form (met -> meet);
* tokens are ``\\w+`` runs, crudely stemmed (plural -s/-es/-ies, -ed, -ing, -ly); stop words
  and one-letter tokens are dropped; digit tokens are kept apart as the numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..read import regex as re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOP = _words(
    """
    a an the of in on at to for from by with and or but as is are was were be been being has
    have had do does did that this these those it its which who whom whose than then there their
    they them he she his her him i we our you your not no also into over under about after
    before while when where what why how would will shall can could may might should must just
    only very so such up down out more most some any all each both other another s said says say
    told according within among across toward towards upon per via
    """
)
_NUMBER_WORDS = {
    w: str(i)
    for i, w in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
}
_IRREGULAR = {
    "met": "meet",
    "meeting": "meet",
    "meetings": "meet",
    "held": "hold",
    "took": "take",
    "taken": "take",
    "gave": "give",
    "given": "give",
    "won": "win",
    "said": "say",
    "told": "tell",
    "sold": "sell",
    "led": "lead",
    "made": "make",
    "hat": "cap",
    "hats": "cap",
    "killed": "kill",
    "dead": "kill",
    "died": "die",
}
_USA = re.compile(
    r"\bU\.\s?S\.(?:\s?A\.)?|\bUS\b|\bUSA\b|\bUnited States(?: of America)?\b|"
    r"\bAmerica\b|\bAmericans?\b"
)
#: "one" that counts nothing: "no one", "I for one", "the one thing", "one of them", "one-time"
_PRONOUN_ONE = re.compile(
    r"\b(?P<det>no|for|any|every|the|this|that|which)\s+one\b|\bone(?=\s+(?:of|another)\b|-)"
)
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+", re.UNICODE)


def stem(word: str) -> str:
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    for suffix, repl, min_len in (
        ("ies", "y", 5),
        ("sses", "ss", 5),
        ("es", "", 5),
        ("s", "", 4),
        ("ed", "", 5),
        ("ing", "", 6),
        ("ly", "", 5),
    ):
        if word.endswith(suffix) and len(word) >= min_len and not word.endswith("ss"):
            return word[: len(word) - len(suffix)] + repl
    return word


@dataclass(frozen=True)
class Normalised:
    words: frozenset[str]
    numbers: frozenset[str]


def normalise(text: str) -> Normalised:
    text = _USA.sub(" usa ", text)
    text = text.lower().replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    text = re.sub(r"'s\b", "", text)
    text = _PRONOUN_ONE.sub(lambda m: f"{m.group('det') or ''} ", text)
    words, numbers = set(), set()
    for token in _TOKEN.findall(text):
        if token[0].isdigit():
            value = token.replace(",", "").removesuffix(".0")
            numbers.add(value.rstrip("."))
            continue
        if token in _NUMBER_WORDS:
            numbers.add(_NUMBER_WORDS[token])
            continue
        if token in STOP or len(token) < 2:
            continue
        words.add(stem(token))
    return Normalised(frozenset(words), frozenset(numbers))


def similarity(a: Normalised, b: Normalised) -> float:
    """Content-word F1 of two normalised statements (0 when their numbers differ)."""
    if a.numbers != b.numbers:
        return 0.0
    if not a.words or not b.words:
        return 0.0
    common = len(a.words & b.words)
    if not common:
        return 0.0
    p, r = common / len(b.words), common / len(a.words)
    return 2 * p * r / (p + r)


def coverage(item: Normalised, evidence: Normalised) -> float:
    """Share of ``item``'s content words that ``evidence`` contains."""
    if not item.words:
        return 0.0
    return len(item.words & evidence.words) / len(item.words)
