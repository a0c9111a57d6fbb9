"""Who is quoted: quoted passages and their speakers."""

from __future__ import annotations

import re
from bisect import bisect_left

from ..model import Entity, EntityLabel, Quote
from ..pipeline import Doc
from .roles import sentence_at

_QUOTED = re.compile(r"“[^”]{3,}”|\"[^\"]{3,}\"|«[^»]{3,}»")
_SPEECH = re.compile(
    r"\b(?:said|says|told|tells|added|stated|declared|wrote|asked|insisted|argued|explained|"
    r"according to|announced)\b",
    re.I,
)
_SPEAKERS = (EntityLabel.person, EntityLabel.organization)


def _speaker(text: str, quote_start: int, quote_end: int, speakers: list[Entity],
             starts: list[int], lo: int, hi: int) -> str | None:
    """The person or organisation nearest the quotation, outside it, in the same sentence
    (``speakers``: the person and organisation entities in order of ``starts``)."""
    if not _SPEECH.search(text, lo, hi):
        return None
    best, best_distance = None, None
    for ent in speakers[bisect_left(starts, lo):bisect_left(starts, hi)]:
        if quote_start <= ent.start < quote_end:
            continue
        distance = quote_start - ent.end if ent.end <= quote_start else ent.start - quote_end
        if best_distance is None or distance < best_distance:
            best, best_distance = ent.canonical or ent.text, distance
    return best


class Quotes:
    requires = ("sentences", "entities")
    provides = ("quotes",)

    def __call__(self, doc: Doc) -> Doc:
        text = doc.article.text
        starts = [s.start for s in doc.sentences]
        speakers = sorted((e for e in doc.entities if e.label in _SPEAKERS),
                          key=lambda e: e.start)
        speaker_starts = [e.start for e in speakers]
        quotes: list[Quote] = []
        for match in _QUOTED.finditer(text):
            if len(match.group().split()) < 3:
                continue  # scare quotes around a word or two are not speech
            index = sentence_at(starts, match.start())
            sent = doc.sentences[index] if doc.sentences else None
            lo, hi = (0, len(text))
            if sent:
                # a quotation running into a later sentence is attributed after it closes:
                # '"... President. Her campaign ...," Earnest said in a statement.'
                last = doc.sentences[sentence_at(starts, max(match.end() - 1, 0))]
                lo, hi = sent.start, max(sent.end, last.end, match.end())
            quotes.append(
                Quote(
                    start=match.start(), end=match.end(), text=match.group(), sentence=index,
                    speaker=_speaker(text, match.start(), match.end(), speakers, speaker_starts,
                                     lo, hi),
                )
            )
        doc.quotes = quotes
        return doc
