"""Alignment of a claim with an evidence passage: numbers, years, names, negation, antonyms.

These are the checks a reader makes first: does the passage talk about the same quantity and give
the same figure, the same year, the same people and places, and does it say the opposite? They
feed the stance model as features and, for numbers, override it (``newsdesk.verify.stance``).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..models.artifacts import cached, load_json
from .text import TextInfo, analyse, stem

ANTONYMS_ARTIFACT = "stance.antonyms.json"


@dataclass(frozen=True)
class Alignment:
    number_match: int  # claim quantities the passage states with the same value
    number_mismatch: int  # claim quantities the passage states about the same thing, differently
    year_match: int
    year_mismatch: int
    names_missing: float  # share of the claim's names absent from the passage
    negation_mismatch: bool  # exactly one of the two is negated
    antonyms: int  # claim/passage word pairs that are WordNet antonyms
    hedged: bool  # the passage hedges (may, whether, unclear...)
    mismatch_detail: str = ""  # e.g. "12 million dollar vs 15 million dollar"


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 0.01 * max(abs(a), abs(b), 1e-9)


def _fmt(value: float) -> str:
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"), (1e3, "thousand")):
        if abs(value) >= scale and (value / scale) * 10 == int((value / scale) * 10):
            return f"{value / scale:g} {word}"
    return f"{value:g}"


def _other_years(claim: TextInfo, passage: TextInfo) -> bool:
    claim_years = {q.value for q in claim.quantities if q.is_year}
    return any(q.is_year and q.value not in claim_years for q in passage.quantities)


def _numbers(claim: TextInfo, passage: TextInfo, years: bool) -> tuple[int, int, str]:
    match = mismatch = 0
    detail = ""
    for q in claim.quantities:
        if q.is_year != years:
            continue
        # the same quantity: same unit, and words around it in common (a figure for another
        # year, or a bare number in another sentence frame, is not the claim's quantity)
        comparable = [
            p for p in passage.quantities
            if p.is_year == years and p.unit == q.unit and q.context & p.context
            and (years or q.unit or len(q.context & p.context) >= 2)
        ]
        if not years and comparable and _other_years(claim, passage):
            comparable = [p for p in comparable if _close(q.value, p.value)]
        if not comparable:
            continue
        if any(_close(q.value, p.value) for p in comparable):
            match += 1
        else:
            mismatch += 1
            if not detail:
                unit = f" {q.unit}" if q.unit else ""
                detail = f"{_fmt(q.value)}{unit} vs {_fmt(comparable[0].value)}{unit}"
    return match, mismatch, detail


@cached
def antonym_table() -> dict[str, frozenset[str]]:
    """WordNet antonym pairs extracted at training time (``training/stance/antonyms.py``)."""
    data = load_json(ANTONYMS_ARTIFACT)
    table: dict[str, set[str]] = {}
    for a, b in data["pairs"]:
        for x, y in ((a, b), (stem(a), stem(b))):
            if x != y:
                table.setdefault(x, set()).add(y)
                table.setdefault(y, set()).add(x)
    return {k: frozenset(v) for k, v in table.items()}


def _forms(words: list[str]) -> set[str]:
    out = set()
    for w in words:
        s = stem(w)
        out.update((w, s, s + "e"))
    return out


def antonym_pairs(claim: TextInfo, passage: TextInfo) -> int:
    table = antonym_table()
    claim_words = _forms(claim.words)
    passage_words = _forms(passage.words)
    count = 0
    for w in claim_words - passage_words:
        opposite = table.get(w)
        if opposite and opposite & (passage_words - claim_words):
            count += 1
    return count


def align(claim: str | TextInfo, passage: str | TextInfo) -> Alignment:
    c = analyse(claim) if isinstance(claim, str) else claim
    p = analyse(passage) if isinstance(passage, str) else passage
    n_match, n_mismatch, detail = _numbers(c, p, years=False)
    y_match, y_mismatch, y_detail = _numbers(c, p, years=True)
    passage_words = set(p.words)
    missing = [n for n in c.names if n not in passage_words]
    names_missing = len(missing) / len(c.names) if c.names else 0.0
    return Alignment(
        number_match=n_match,
        number_mismatch=n_mismatch,
        year_match=y_match,
        year_mismatch=y_mismatch,
        names_missing=names_missing,
        negation_mismatch=c.negated != p.negated,
        antonyms=antonym_pairs(c, p),
        hedged=p.hedged,
        mismatch_detail=detail or y_detail,
    )
