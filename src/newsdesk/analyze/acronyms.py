"""Acronyms the article spells out: "KCNA said" -> "the Korean Central News Agency said".

A claim should name an organisation in full. When the article itself gives the full name of an
acronym it uses (explicitly, "the Korean Central News Agency (KCNA)", or, for three letters or
more, as a capitalised name whose initials are the acronym, "New York Daily News" ... "the
NYDN"), the acronym in a claim is written out. Acronyms the article never spells out (FBI,
NATO) stay as they are: newsdesk has no list of its own to guess from, and a wrong expansion is
worse than none.
"""

from __future__ import annotations

from ..read import regex as re
from .claims_checks import blank_quotes

_CONNECTORS = frozenset({"of", "the", "and", "for", "on", "in", "de", "&"})
_NAME = re.compile(r"\b[A-Z][\w'’-]*(?:\s+(?:(?:of|the|and|for|on|in|de|&)\s+)*[A-Z][\w'’-]*)+")
_ACRONYM = re.compile(r"\b[A-Z]{2,6}\b")
_ROMAN = re.compile(r"^[IVXLCDM]+$")


def _runs(name: str, used: set[str]):
    """(acronym, words) for each run of the name's words whose initials (connectors skipped)
    are an acronym of ``used``: "North Korea's Korean Central News Agency" gives KCNA."""
    words = name.split()
    for i, first in enumerate(words):
        if first.lower() in _CONNECTORS:
            continue
        initials = ""
        for j in range(i, len(words)):
            word = words[j]
            if word.lower() in _CONNECTORS:
                continue
            initials += word[0]
            if len(initials) > 6:
                break
            if j > i and initials in used:
                yield initials, words[i:j + 1]


def acronym_names(text: str) -> dict[str, tuple[str, bool]]:
    """Acronym -> (its full name, whether the article writes "the" before it), for each
    acronym of ``text`` that it spells out one way only (two names with the same initials:
    left alone)."""
    used = {a for a in _ACRONYM.findall(text) if not _ROMAN.match(a)}
    if not used:
        return {}
    found: dict[str, set[str]] = {}
    the: dict[str, bool] = {}
    for m in _NAME.finditer(text):
        for acronym, words in _runs(m.group(0), used):
            name = " ".join(words)
            found.setdefault(acronym, set()).add(name)
            at = m.start() + m.group(0).find(name)
            the.setdefault(name, text[max(0, at - 4):at].lower() == "the ")
    out = {}
    for acronym, names in found.items():
        if len(names) != 1:
            continue
        (name,) = names
        # two initials match too many names by chance ("Tom Verlaine" for TV): only when the
        # article defines it, "the Associated Press (AP)"
        if len(acronym) == 2 and not re.search(
                rf"{re.escape(name)}\s*\(\s*{acronym}\s*\)", text):
            continue
        out[acronym] = (name, the[name])
    return out


def expand_acronyms(text: str, names: dict[str, tuple[str, bool]]) -> str:
    """``text`` with each acronym of ``names`` outside quotations written out. Not one that is
    part of a longer name ("HR 1", "CNB-120", "PT VDH Teguh Sakti"); "the" is added only at the
    start of the claim ("KCNA said" -> "The Korean Central News Agency said"), elsewhere the
    article's own wording keeps or leaves out its article."""
    if not names:
        return text
    own = blank_quotes(text)
    out, pos = [], 0
    for m in _ACRONYM.finditer(own):
        got = names.get(m.group(0))
        if got is None:
            continue
        before, after = own[: m.start()], own[m.end():]
        if re.match(r"\s*\d|-", after) or before.endswith("-"):
            continue
        if re.search(r"\b[A-Z][\w'’-]*\s+$", before) and re.match(r"\s+[A-Z]", after):
            continue
        name, with_the = got
        if with_the and not before.strip():
            name = "The " + name
        out.append(text[pos:m.start()])
        out.append(name)
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)
