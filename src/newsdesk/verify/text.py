"""Light text analysis for claim/evidence pairs: words, stems, numbers, years, names, negation.

Everything here is plain Python over the shared tokenizer (``newsdesk.read.tokens``); the stance
features (``newsdesk.verify.features``) and the alignment checks (``newsdesk.verify.align``) both
rest on it, at training and at inference time alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..read.tokens import tokenize

STOPWORDS = frozenset(
    ["a", "an", "the", "and", "or", "but", "if", "of", "in", "on", "at", "to", "for", "from", "by", "with", "as", "is", "are", "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those", "there", "here", "which", "who", "whom", "whose", "what", "when", "where", "why", "how", "than", "then", "so", "such", "do", "does", "did", "has", "have", "had", "having", "he", "she", "they", "we", "you", "i", "me", "my", "our", "your", "their", "his", "her", "them", "us", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "into", "onto", "over", "under", "about", "after", "before", "during", "between", "through", "also", "very", "more", "most", "much", "many", "some", "any", "each", "other", "same", "own", "only", "just", "s", "t", "up", "down", "out", "off", "again", "further", "once", "all", "both", "few"]
)

NEGATIONS = frozenset(
    ["not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without", "cannot", "n't", "nt", "isn't", "aren't", "wasn't", "weren't", "doesn't", "don't", "didn't", "hasn't", "haven't", "hadn't", "won't", "wouldn't", "can't", "couldn't", "shouldn't", "deny", "denies", "denied", "false", "myth", "hoax"]
)

HEDGES = frozenset(
    ["may", "might", "could", "whether", "possibly", "perhaps", "unclear", "uncertain", "if", "unless", "likely", "unlikely", "would", "suggest", "suggests", "suggested", "speculate", "speculated", "proposed", "plans", "plan", "planned", "expects", "expected", "will"]
)

_SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9,
    "b": 1e9, "trillion": 1e12, "tn": 1e12, "hundred": 1e2, "dozen": 12.0,
}
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
    "forty": 40, "fifty": 50, "hundred": 100, "half": 0.5, "dozen": 12,
}
_NUM = re.compile(r"^\d+(?:[.,]\d+)*(?:st|nd|rd|th|s)?$")


def stem(word: str) -> str:
    """A crude suffix-stripping stem, enough to match 'warming'/'warmed'/'warms'."""
    w = word.lower()
    for suffix in ("ations", "ation", "ings", "ing", "edly", "ies", "ied", "ed", "es", "ly", "s"):
        if len(w) > len(suffix) + 3 and w.endswith(suffix):
            w = w[: -len(suffix)]
            if suffix in ("ies", "ied"):
                w += "y"
            break
    return w


def _parse_number(token: str) -> float | None:
    t = token.lower()
    if t in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[t])
    if not _NUM.match(t):
        return None
    t = re.sub(r"(st|nd|rd|th|s)$", "", t)
    # 1,250,000 (thousands separators) vs 1,5 (decimal comma): treat ',' + 3 digits as separator
    if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", t):
        t = t.replace(",", "")
    else:
        t = t.replace(",", ".")
    try:
        return float(t)
    except ValueError:
        return None


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str  # the word after the number (after any scale word), '' when none
    is_year: bool
    index: int  # token index of the number
    context: frozenset[str]  # content stems within a few tokens of the number


@dataclass
class TextInfo:
    """What the features and the alignment need to know about one sentence."""

    text: str
    tokens: list[str]
    words: list[str]  # lowercased word tokens
    content: list[str]  # stems of non-stopword words
    quantities: list[Quantity] = field(default_factory=list)
    names: frozenset[str] = frozenset()  # lowercased capitalized words not at sentence start
    negated: bool = False
    hedged: bool = False


@lru_cache(maxsize=4096)
def analyse(text: str) -> TextInfo:
    tokens = tokenize(text)
    words = [t.lower() for t in tokens if any(ch.isalnum() for ch in t)]
    content = [stem(w) for w in words if w not in STOPWORDS and not _NUM.match(w) and len(w) > 1]
    quantities: list[Quantity] = []
    lower = [t.lower() for t in tokens]
    for i, tok in enumerate(tokens):
        value = _parse_number(tok)
        if value is None or (tok.lower() in _NUMBER_WORDS and tok.lower() in ("one", "half")):
            continue
        if tok.lower() in _SCALES and tok.lower() in _NUMBER_WORDS:
            continue  # 'hundred' / 'dozen' as scale words, handled with the number before them
        j = i + 1
        while j < len(tokens) and lower[j] in _SCALES:
            value *= _SCALES[lower[j]]
            j += 1
        if j < len(tokens) and tokens[j] == "%":
            unit = "percent"
        else:
            unit = stem(lower[j]) if j < len(tokens) and lower[j].isalpha() else ""
        if unit in ("percent", "per") or (j < len(tokens) and lower[j] == "per"):
            unit = "percent" if unit != "per" else unit
        if i > 0 and tokens[i - 1] in ("$", "€", "£"):
            unit = {"$": "dollar", "€": "euro", "£": "pound"}[tokens[i - 1]]
        is_year = (
            unit not in ("percent", "dollar", "euro", "pound")
            and value.is_integer() and 1000 <= value <= 2100 and re.fullmatch(r"\d{4}s?", tok) is not None
        )
        window = lower[max(0, i - 4): i] + lower[j: j + 4]
        context = frozenset(stem(w) for w in window if w.isalpha() and w not in STOPWORDS
                            and w not in _SCALES)
        quantities.append(Quantity(value, unit, is_year, i, context))
    names = frozenset(
        tokens[i].lower()
        for i in range(1, len(tokens))
        if tokens[i][:1].isupper() and tokens[i].isalpha() and tokens[i - 1] not in (".", "\"", "“")
        and tokens[i].lower() not in STOPWORDS
    )
    negated = any(w in NEGATIONS or w.endswith("n't") for w in words)
    hedged = any(w in HEDGES for w in words) or text.rstrip().endswith("?")
    return TextInfo(text, tokens, words, content, quantities, names, negated, hedged)
