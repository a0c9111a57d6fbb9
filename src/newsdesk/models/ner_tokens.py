"""How the named-entity tagger cuts a sentence's tokens: as the CoNLL training text is cut."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_CLITIC = re.compile(r"(?i)(.*\w)([’']s|n[’']t)$")
# Words whose period belongs to them, as in the CoNLL training text ("Mr.", "J.", "Inc.").
_ABBREVIATIONS = frozenset(
    """Mr Mrs Ms Messrs Dr Prof St Mt Ft Jr Sr Gen Col Lt Sgt Capt Cmdr Adm Maj Rep Sen Gov Pres
    Rev Hon Atty Gov Inc Corp Co Ltd Bros Dept Univ Ave Blvd Rd No Vol Jan Feb Mar Apr Jun Jul
    Aug Sep Sept Oct Nov Dec Mon Tue Wed Thu Fri Sat Sun Ark Calif Colo Conn Del Fla Ga Ill Ind
    Kan Ky La Md Mass Mich Minn Miss Mo Mont Neb Nev Okla Ore Pa Tenn Tex Va Vt Wash Wis Wyo""".split()  # noqa: SIM905
)


def subtokens(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Re-cut shared-tokenizer spans the way the CoNLL training text is cut: ``Mr.`` and
    initials keep their period, possessive ``'s`` and ``n't`` stand apart.

    Only a token followed by a period or holding an apostrophe can change: those are found
    from the marks in the text, and every other span is kept as it is."""
    if not spans:
        return []
    marks = [m.start() for m in _MARKS.finditer(text, spans[0][0], spans[-1][1] + 1)]
    if not marks:
        return list(spans)
    starts = [a for a, _ in spans]
    ends = [b for _, b in spans]
    n = len(spans)
    candidates = set()
    for p in marks:
        if text[p] == ".":
            k = bisect_left(ends, p)  # the token ending at the period
            if k < n - 1 and ends[k] == p:
                candidates.add(k)
        else:
            k = bisect_right(starts, p) - 1  # the token holding the apostrophe
            if k >= 0 and p < ends[k]:
                candidates.add(k)
    edits: list[tuple[int, int, list[tuple[int, int]]]] = []  # (index, tokens replaced, by)
    consumed = -1
    for i in sorted(candidates):
        if i == consumed:
            continue
        a, b = spans[i]
        word = text[a:b]
        if (
            i + 1 < n
            and spans[i + 1] == (b, b + 1)
            and text[b] == "."
            and (word in _ABBREVIATIONS or (len(word) == 1 and word.isupper()))
        ):
            edits.append((i, 2, [(a, b + 1)]))
            consumed = i + 1
            continue
        # the clitic pattern ends in an apostrophe and a letter: only such words can match
        m = _CLITIC.match(text, a, b) if ("'" in word or "’" in word) else None
        if m and m.end(1) > a:
            edits.append((i, 1, [(a, m.end(1)), (m.end(1), b)]))
    out = list(spans)
    for i, width, by in reversed(edits):
        out[i : i + width] = by
    return out


_MARKS = re.compile(r"[.'’]")
