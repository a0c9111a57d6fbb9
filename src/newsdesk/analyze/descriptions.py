"""Definite descriptions of a bill: "the bill", "the measure", "the amended legislation".

A claim that says "The House approved the measure 234-193" cannot be checked on its own. When
the article names exactly one bill before the claim ("HR 1", "the Religious Freedom Restoration
Act"; an acronym of the same name, "RFRA", counts as the same bill), the description takes the
name: "The House approved the HR 1 measure 234-193". With two bills named, or none, the
description stays and the claim is flagged by the self-containment check as before.
"""

from __future__ import annotations

from ..read import regex as re

_BILL_NUMBER = re.compile(r"\b(?:H\.\s?R\.|HR|S\.)\s?\d{1,4}\b")
_ACT = re.compile(
    r"\b(?:[A-Z][\w’'-]*\s+(?:(?:of|the|and|for|to|on)\s+)?){1,7}Act\b|\b[A-Z]{4,}\s+(?:Act|ACT)\b"
)
_ACRONYM = re.compile(r"\b[A-Z]{3,6}\b")
DESCRIPTION = re.compile(
    r"\b(?P<det>[Tt]he)\s+(?:(?P<mod>new|amended|revised|proposed|original|final|initial|"
    r"same)\s+)?(?P<noun>bill|measure|legislation|proposal|plan)\b(?!\s+(?:to|of|for|that)\b)"
)


def _key(name: str) -> str:
    """One key per bill: its number, or the initials of its name ("RFRA")."""
    number = _BILL_NUMBER.search(name)
    if number:
        return re.sub(r"[\s.]", "", number.group(0)).upper()
    words = [w for w in re.findall(r"[A-Za-z]+", name) if w[:1].isupper()]
    if len(words) == 1 or name.isupper():
        return words[0].upper() if len(words) == 1 else name.upper()
    return "".join(w[0] for w in words).upper()


def bill_names(text: str) -> list[tuple[int, str, str]]:
    """(offset, name, key) for every bill the text names, in order."""
    found = []
    if "Act" not in text and "ACT" not in text and not _BILL_NUMBER.search(text):
        return found  # most articles name no bill: skip the slower name patterns
    for m in _BILL_NUMBER.finditer(text):
        found.append((m.start(), re.sub(r"\s+", " ", m.group(0)), _key(m.group(0))))
    for m in _ACT.finditer(text):
        name = re.sub(r"^(?:The|the)\s+", "", m.group(0))
        found.append((m.start(), name, _key(name)))
    keys = {k for _, _, k in found}
    for m in _ACRONYM.finditer(text):
        if m.group(0) in keys and not any(o == m.start() for o, _, _ in found):
            found.append((m.start(), m.group(0), m.group(0)))
    return sorted(found)


def resolve_bill(claim: str, offset: int, bills: list[tuple[int, str, str]]) -> str:
    """``claim`` with "the bill" naming the one bill mentioned before ``offset``, if one is."""
    m = DESCRIPTION.search(claim)
    if m is None:
        return claim
    before = [(o, name, key) for o, name, key in bills if o < offset]
    keys = {key for _, _, key in before}
    if len(keys) != 1 or any(name in claim for _, name, _ in before):
        return claim
    # the fullest name the article gives that bill
    name = max((name for _, name, _ in before), key=len)
    mod = f"{m.group('mod')} " if m.group("mod") else ""
    noun = "" if name.endswith(("Act", "ACT")) else f" {m.group('noun')}"
    named = f"{m.group('det')} {mod}{name}{noun}"
    return claim[: m.start()] + named + claim[m.end() :]
