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
    """The speaker of a quotation, from the persons and organisations outside it in the same
    sentence (``speakers``: those entities in order of ``starts``): the subject of a speech verb
    ("Sen. Ron Wyden, D-Ore., said a handshake with Putin would be "..."": Wyden, not Putin,
    who is nearer the quotation; "said Lindsay Walters"), a person before an organisation (the
    organisation of an appositive, "Marvin Kirsner, a lawyer at Greenberg Traurig, said", is not
    the speaker) and a full name before a single word; else the one nearest the quotation."""
    found = list(_SPEECH.finditer(text, lo, hi))
    if not found:
        return None
    verbs = [v for v in found if not quote_start <= v.start() < quote_end
             and not _ADJECTIVE_BEFORE.search(text, max(v.start() - 6, 0), v.start())]
    best, best_distance = None, None
    ranked = []
    for ent in speakers[bisect_left(starts, lo):bisect_left(starts, hi)]:
        if quote_start <= ent.start < quote_end:
            continue
        distance = quote_start - ent.end if ent.end <= quote_start else ent.start - quote_end
        if best_distance is None or distance < best_distance:
            best, best_distance = ent.canonical or ent.text, distance
        person = ent.label == EntityLabel.person
        reach = _PERSON_REACH if person else _SUBJECT_REACH
        for verb in verbs:
            if ent.end <= verb.start() and verb.start() - ent.end <= reach:
                gap = verb.start() - ent.end
                if _APPOSITIVE_GAP.fullmatch(text, ent.end, verb.start()):
                    gap = 0  # "Alan Futerfas, a lawyer for Donald Trump Jr., said": Futerfas
            elif ent.start >= verb.end() and ent.start - verb.end() <= _AFTER_VERB_REACH:
                gap = ent.start - verb.end()
            else:
                continue
            if _SENTENCE_BREAK.search(text, min(ent.end, verb.start()), max(ent.start, verb.end())):
                continue  # another sentence in between
            full = len((ent.canonical or ent.text).split()) >= 2
            ranked.append((not person, not full, gap, ent.canonical or ent.text))
    return min(ranked)[3] if ranked else best


#: "Gorsuch's stated belief", "the announced plan": the verb form is an adjective there
_ADJECTIVE_BEFORE = re.compile(r"(?:['’]s|\b(?:the|a|an|his|her|its|their))\s+$")
#: a full stop that ends a sentence (not "Mr.", "Jr.", "D-Minn." or an initial)
_SENTENCE_BREAK = re.compile(
    r"(?<!\bMr)(?<!\bMrs)(?<!\bMs)(?<!\bDr)(?<!\bSt)(?<!\bJr)(?<!\bSr)(?<!\b[A-Z])"
    r"(?<![A-Z][a-z]\.[A-Z][a-z])[.!?]\s+(?=[A-Z\"“])"
)
#: an appositive between a speaker and the verb: ", a lawyer for Donald Trump Jr., "
_APPOSITIVE_GAP = re.compile(r",\s[^,;!?]{1,70}(?:,\s[A-Z][\w.]*)?,\s*")
#: how far before a speech verb (characters) its subject may end: a person past an appositive
#: ("Louie Gohmert, Republican of Texas, said"), an organisation only just before it
_PERSON_REACH = 80
_SUBJECT_REACH = 16
#: how far after it a speaker may start: "said Sen. Lindsey Graham", not "said a handshake with X"
_AFTER_VERB_REACH = 6


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
