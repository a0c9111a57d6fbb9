"""Decontextualisation: rewrite a piece of an article so it stands on its own.

Full names replace short mentions ("Petro" -> "Gustavo Petro"), a sentence-initial personal
pronoun takes the name of the person last mentioned, and relative dates become absolute
("this Tuesday" -> "3 February 2026"). What cannot be resolved with confidence is reported so
the claim can be flagged ambiguous instead of guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..model import Entity, EntityLabel, TimeExpression

_PRONOUN_SUBJECT = re.compile(r"^(He|She|They|It|This|These|That|Those)\b")
_PERSONAL = {"He", "She"}
_LEFTOVER_PRONOUN = re.compile(r"\b(?:he|she|they|him|her|them|his|hers|their)\b", re.I)
_HAS_YEAR = re.compile(r"\b(?:1[6-9]|20)\d\d\b")


def format_date(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%B')} {day.year}"


def format_time(expr: TimeExpression) -> str | None:
    """An absolute rendering of a resolved time expression, or None if unresolved."""
    if not expr.resolved:
        return None
    if expr.value is not None:
        return format_date(expr.value)
    if expr.range_start and expr.range_end:
        start, end = expr.range_start, expr.range_end
        if start.day == 1 and end.month == start.month and (end + dt.timedelta(days=1)).day == 1:
            return f"{start.strftime('%B')} {start.year}"
        if start == dt.date(start.year, 1, 1) and end == dt.date(start.year, 12, 31):
            return str(start.year)
        return f"{format_date(start)} to {format_date(end)}"
    return None


@dataclass
class Rewritten:
    text: str
    ambiguity: list[str]


def rewrite(
    text: str,
    offset: int,
    entities: list[Entity],
    times: list[TimeExpression],
    last_person: Entity | None,
) -> Rewritten:
    """Rewrite ``text`` (which starts at ``offset`` in the article) to stand alone."""
    ambiguity: list[str] = []
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement) relative to text
    end_offset = offset + len(text)
    seen: set[str] = set()
    for ent in entities:
        if not (offset <= ent.start and ent.end <= end_offset):
            continue
        canonical = ent.canonical or ent.text
        name = ent.text
        possessive = name.endswith(("'s", "’s"))
        bare = name[:-2] if possessive else name
        if canonical != bare and canonical not in seen:
            edits.append((ent.start - offset, ent.end - offset, canonical + ("’s" if possessive else "")))
        seen.add(canonical)
    for expr in times:
        if not (offset <= expr.start and expr.end <= end_offset):
            continue
        if _HAS_YEAR.search(expr.text):
            continue  # already absolute
        absolute = format_time(expr)
        if absolute is None:
            ambiguity.append(f"relative date '{expr.text}' has no publication date to resolve it")
            continue
        edits.append((expr.start - offset, expr.end - offset, absolute))
    pronoun = _PRONOUN_SUBJECT.match(text)
    if pronoun:
        word = pronoun.group(1)
        if word in _PERSONAL and last_person is not None:
            edits.append((0, pronoun.end(), last_person.canonical or last_person.text))
        else:
            ambiguity.append(f"'{word}' refers to something outside the claim")
    result = _apply(text, edits)
    if _LEFTOVER_PRONOUN.search(_strip_quotes(result)) and not pronoun:
        ambiguity.append("a pronoun inside the claim is not resolved")
    return Rewritten(text=result, ambiguity=ambiguity)


def _strip_quotes(text: str) -> str:
    return re.sub(r"“[^”]*”|\"[^\"]*\"", " ", text)


def _apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    out, pos = [], 0
    for start, end, replacement in sorted(edits):
        if start < pos:
            continue  # overlapping edit: keep the first
        out.append(text[pos:start])
        out.append(replacement)
        pos = end
    out.append(text[pos:])
    return "".join(out)


def last_person_before(entities: list[Entity], offset: int) -> Entity | None:
    people = [e for e in entities if e.label == EntityLabel.person and e.end <= offset]
    return people[-1] if people else None
