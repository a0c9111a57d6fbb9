"""Lexical cues that explain a sentence's role in words a reader understands.

The trained models give the scores; these cues give the reasons ("prediction", "hedged",
"first person") and the checkable core (numbers, dates, names) that make a sentence a fact
or a mixed statement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_PREDICTION = re.compile(
    r"\b(?:will|won[’']t|shall|is (?:expected|likely|set|poised|going) to|are (?:expected|likely|"
    r"set|poised|going) to|plans? to|intends? to|would(?:n[’']t)?(?!\s+have))\b",
    re.I,
)
_HEDGE = re.compile(
    r"\b(?:could(?:n[’']t)?|might(?:n[’']t)?|(?-i:may)(?!\s+\d)|perhaps|possibly|probably|presumably|likely|apparently|seemingly|allegedly|"
    r"appears? to|seems? to|suggests?|indicates?|arguably)\b",
    re.I,
)
_FIRST_PERSON = re.compile(
    r"(?<![(\-])\b(?:I|[Ww]e|[Oo]ur|us|[Mm]y|[Mm]e)\b(?![\-.])|\b[Ll]et[’']s\b"
)
_DEONTIC = re.compile(
    r"\b(?:should(?:n[’']t)?|must(?:n[’']t)?|ought to|need to|needs to|has to|have to)\b", re.I
)
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|told|tells|according to|announced|stated|declared|claimed|claims|added|"
    r"wrote|reported|confirmed|denied|insisted|argued|accused|accuses)\b",
    re.I,
)
_NUMBER = re.compile(r"\b\d[\d,.]*\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|"
                     r"hundred|thousand|million|billion|trillion|percent|dozens?)\b", re.I)
_COMPARISON = re.compile(
    r"\b(?:more|less|fewer|than|largest|biggest|smallest|highest|lowest|most|least|first|"
    r"\w+est)\b", re.I
)
_CAUSAL = re.compile(
    r"\b(?:because|due to|caused|causes|led to|leads to|resulted in|as a result|owing to|"
    r"thanks to|so that)\b", re.I
)
QUOTE_CHARS = "\"“”«»"  # the marks that open or close a quotation


@dataclass(frozen=True)
class Cues:
    prediction: bool
    hedge: bool
    first_person: bool
    deontic: bool
    attribution: bool
    number: bool
    comparison: bool
    causal: bool
    question: bool
    quoted_share: float


def _outside_quotes(text: str) -> str:
    """The text with quoted passages blanked, so quoted speech does not count as the writer's."""
    out, inside = [], False
    for ch in text:
        if ch in QUOTE_CHARS:
            inside = not inside if ch == '"' else ch in "“«"
            out.append(" ")
        else:
            out.append(" " if inside else ch)
    return "".join(out)


@lru_cache(maxsize=4096)  # roles and claims ask about the same sentences
def cues(text: str) -> Cues:
    if any(q in text for q in QUOTE_CHARS):
        own = _outside_quotes(text)
        quoted = sum(1 for a, b in zip(text, own) if a != b and not a.isspace())
    else:  # nothing quoted: _outside_quotes would return the text unchanged
        own, quoted = text, 0
    visible = len("".join(text.split())) or 1  # split() and isspace() share one definition
    return Cues(
        prediction=bool(_PREDICTION.search(own)),
        hedge=bool(_HEDGE.search(own)),
        first_person=bool(_FIRST_PERSON.search(own)),
        deontic=bool(_DEONTIC.search(own)),
        attribution=bool(_ATTRIBUTION.search(text)),
        number=bool(_NUMBER.search(own)),
        comparison=bool(_COMPARISON.search(own)),
        causal=bool(_CAUSAL.search(own)),
        question=text.rstrip("\"'”’) ").endswith("?"),
        quoted_share=quoted / visible,
    )
