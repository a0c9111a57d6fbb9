"""Quotations that run over several sentences: who said the sentences with no "said" in them.

A sentence that is all quotation and names no speaker ("The President thanked Senator Sanders
...") is usually the middle or the end of a quotation whose speaker is named in the same
quotation's other sentence ("...," Earnest said in a statement.) or in the sentence just before
it (a new paragraph of the same speaker's words). Such a sentence becomes one attributed piece,
"Josh Earnest said “The President thanked ...”": that the speaker said it is checkable; whether it
is true is a separate question, as for any attributed quotation.
"""

from __future__ import annotations

from ..model import Quote, SentenceRole
from ..pipeline import Doc
from .cues import QUOTE_CHARS

#: the role reason ``analyze.roles.decide`` gives a quotation with no speaker in its sentence
UNATTRIBUTED = "quotation without attribution"


def _speaker_of(quotes: list[Quote], start: int, end: int) -> str | None:
    for q in quotes:
        if q.start < end and start < q.end and q.speaker:
            return q.speaker
    return None


def _inner(text: str) -> str:
    """The words of a quotation: its marks and the closing punctuation taken off."""
    return text.strip().strip(QUOTE_CHARS + " ").rstrip(".,;:" + QUOTE_CHARS)


def _closing_tail(quotes: list[Quote], sent) -> tuple[str, str] | None:
    """The last sentence of a quotation begun in an earlier one, with its speaker after it:
    'Her campaign inspired millions ...," Josh Earnest said in a statement.'"""
    for q in quotes:
        if q.start < sent.start < q.end <= sent.end and q.speaker:
            inner = _inner(sent.text[: q.end - sent.start])
            rest = sent.text[q.end - sent.start :]
            if len(inner.split()) < 4 or any(c in inner + rest for c in QUOTE_CHARS):
                return None
            return q.speaker, f"{q.speaker} said “{inner}”."
    return None


def attributed_quotations(doc: Doc) -> dict[int, tuple[str, str]]:
    """Sentence index -> (speaker, "Speaker said “...”.") for unattributed quotation sentences
    whose speaker the surrounding quotation names."""
    out: dict[int, tuple[str, str]] = {}
    for sent, analysis in zip(doc.sentences, doc.analysis):
        tail = _closing_tail(doc.quotes, sent)
        if tail is not None:
            out[sent.index] = tail
            continue
        if analysis.role != SentenceRole.other or analysis.reason != UNATTRIBUTED:
            continue
        speaker = _speaker_of(doc.quotes, sent.start, sent.end)
        if speaker is None and sent.index > 0:
            prev = doc.sentences[sent.index - 1]
            if sent.text.lstrip()[:1] in QUOTE_CHARS:
                speaker = _speaker_of(doc.quotes, prev.start, prev.end)
        if speaker is None:
            continue
        inner = _inner(sent.text)
        if len(inner.split()) < 4 or any(c in inner for c in QUOTE_CHARS):
            continue  # a nested or partial quotation: left as it is
        out[sent.index] = (speaker, f"{speaker} said “{inner}”.")
    return out
