"""What an article is about, as a small sparse vector of weighted terms.

Three kinds of term, all strings so stories can show their key entities:

- ``n:<name>``: capitalised word sequences (names of people, places, organisations), weighted up;
- ``w:<word>``: content words, weighted by rarity in general English (wordfreq's Zipf scale, as
  shipped in the loaded-words lexicon, so no corpus statistics are needed and ingest stays
  incremental);
- ``d:<YYYY-MM-DD>``: days the article's resolved time expressions name.

Words in the title and the lead count double. Only the ``TOP_TERMS`` heaviest terms are kept and
the vector is L2-normalised, so a comparison costs a few dozen dictionary lookups.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

TOP_TERMS = 120
LEAD_WORDS = 80

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z]")
_NAME = re.compile(
    r"\b(?:[A-Z][a-z'’\-]+|[A-Z]{2,}|[A-Z]\.(?:[A-Z]\.)+)"
    r"(?:\s+(?:(?:of|the|de|van|von|al|bin)\s+)?(?:[A-Z][a-z'’\-]+|[A-Z]{2,}|[A-Z]\.(?:[A-Z]\.)+))*"
)
_CONNECTORS = {"of", "the", "de", "van", "von", "al", "bin"}
_NOT_NAMES = {"January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday",
           "Friday", "Saturday", "Sunday", "Mr", "Mrs", "Ms", "Dr", "The", "A", "An", "In", "On",
           "But", "And", "He", "She", "It", "They", "We", "I", "This", "That", "There", "As",
           "At", "For", "If", "When", "While", "After", "Before", "His", "Her", "Their", "Its",
           # titles: "Mayor Ahmed Aboutaleb" and "Ahmed Aboutaleb" are the same name
           "Mayor", "President", "Senator", "Sen", "Rep", "Gov", "Governor", "Minister", "Prime",
           "Chairman", "Secretary", "Judge", "Justice", "Chief", "Director", "Speaker", "Leader",
           "Representative", "Former", "Vice", "General", "Gen", "Lt", "Col", "Sir", "Lord",
           "King", "Queen", "Prince", "Pope", "Rev", "Professor", "Prof", "Officer", "Sgt"}


ABSENT_ZIPF = 2.0  # words outside the shipped 40,000-word list are rarer than all in it


@lru_cache(maxsize=1)
def _zipf() -> dict[str, float]:
    """wordfreq Zipf frequencies of the top 40,000 English words, from the shipped lexicon
    (``models/artifacts/loaded_words.lexicon.json``, key ``zipf10``: Zipf x 10)."""
    from ..models.artifacts import load_json

    return {w: v / 10.0 for w, v in load_json("loaded_words.lexicon.json")["zipf10"].items()}


@lru_cache(maxsize=200_000)
def rarity(word: str) -> float:
    """How informative a lower-case word is: 0 for the commonest English words, up to ~5."""
    zipf = _zipf().get(word, ABSENT_ZIPF)
    return max(0.0, min(5.0, 6.3 - zipf))


def _at_sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 4):start].rstrip(" \t\"“‘'(")
    return not before or before[-1] in ".!?:;\n"


def _names(text: str) -> Counter:
    names: Counter = Counter()
    for match in _NAME.finditer(text):
        parts = match.group(0).split()
        # drop a sentence-initial function word ("The White House" keeps "White House")
        while parts and (parts[0] in _NOT_NAMES or parts[0] in _CONNECTORS):
            parts = parts[1:]
        if not parts:
            continue
        if len(parts) == 1 and _at_sentence_start(text, match.start()):
            continue  # a lone capitalised word at a sentence start is not evidence of a name
        name = " ".join(parts).lower()
        names[name] += 1
        if len(parts) > 1:
            names[parts[-1].lower()] += 0.5  # "Barack Obama" ... later "Obama"
    return names


_POSSESSIVE = re.compile(r"(?<=[A-Za-z])[’'](?:s\b)?")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A crude suffix stripper: 'vowed', 'vowing', 'vows' -> 'vow' (enough to match wordings)."""
    for suffix in ("ations", "ation", "ings", "ing", "ied", "ies", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _title_case(title: str) -> bool:
    words = [w for w in _WORD.findall(title) if len(w) > 3]
    return bool(words) and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def article_terms(
    text: str, title: str | None = None, days: Iterable[str] = ()
) -> dict[str, float]:
    """The article's weighted, L2-normalised term vector (at most ``TOP_TERMS`` terms)."""
    text = _POSSESSIVE.sub("", text)
    title = _POSSESSIVE.sub("", title) if title else title
    words = _WORD.findall(text)
    counts: Counter = Counter(stem(w.lower()) for w in words)
    lead = Counter(stem(w.lower()) for w in words[:LEAD_WORDS])
    if title:
        lead.update(stem(w.lower()) for w in _WORD.findall(title))
    weights: dict[str, float] = {}
    for word, count in counts.items():
        r = rarity(word)
        if r > 0.6 and len(word) > 2:
            weights["w:" + word] = math.log(1 + count + lead.get(word, 0)) * r
    for word, count in lead.items():
        if "w:" + word not in weights and len(word) > 2:
            r = rarity(word)
            if r > 0.6:
                weights["w:" + word] = math.log(1 + count) * r
    names = _names(text)
    if title and not _title_case(title):
        names.update(_names(title))
    for name, count in names.items():
        parts = name.split()
        if len(parts) > 4:
            continue
        r = max(rarity(part) for part in parts)
        if r > 1.0:
            weights["n:" + name] = math.log(1 + count) * (r + 1.0)
    for day in set(days):
        weights["d:" + day] = 1.0
    top = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_TERMS]
    norm = math.sqrt(sum(w * w for _, w in top)) or 1.0
    return {term: round(w / norm, 5) for term, w in top}


def cosine(vector: dict[str, float], centroid: dict[str, float],
           norm: float | None = None) -> float:
    """Cosine of a normalised article vector with a (not normalised) centroid (whose L2 norm,
    when known, is ``norm``)."""
    if norm is None:
        norm = math.sqrt(sum(w * w for w in centroid.values()))
    if not norm:
        return 0.0
    shared = vector.keys() & centroid.keys()  # in C: usually a handful of the ~120 terms
    return sum(vector[t] * centroid[t] for t in shared) / norm
