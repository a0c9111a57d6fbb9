"""Quotations that run over several sentences: who said the sentences with no "said" in them.

A sentence that is all quotation and names no speaker ("The President thanked Senator Sanders
...") is usually the middle or the end of a quotation whose speaker is named in the same
quotation's other sentence ("...," Earnest said in a statement.) or in the sentence just before
it (a new paragraph of the same speaker's words). Such a sentence becomes one attributed piece,
"Josh Earnest said “The President thanked ...”": that the speaker said it is checkable; whether it
is true is a separate question, as for any attributed quotation.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from ..model import Quote, SentenceRole
from ..pipeline import Doc
from .cues import QUOTE_CHARS

#: the role reason ``analyze.roles.decide`` gives a quotation with no speaker in its sentence
UNATTRIBUTED = "quotation without attribution"


def _speaker_of(quotes: list[Quote], ends: list[int], start: int, end: int) -> str | None:
    """The speaker of the first quotation overlapping [start, end) that names one (``quotes``
    in text order, not overlapping, as ``analyze.quotes`` finds them; ``ends`` their ends)."""
    for q in quotes[bisect_right(ends, start):]:
        if q.start >= end:
            break
        if q.speaker:
            return q.speaker
    return None


def _inner(text: str) -> str:
    """The words of a quotation: its marks and the closing punctuation taken off."""
    return text.strip().strip(QUOTE_CHARS + " ").rstrip(".,;:" + QUOTE_CHARS)


def _said(speaker: str, inner: str) -> str:
    """ "Speaker said “...”." (no period after a quotation that ends in "?", "!" or "…")."""
    end = "" if inner.endswith(("?", "!", "…")) else "."
    return f"{speaker} said “{inner}”{end}"


def _closing_tail(quotes: list[Quote], starts: list[int], sent) -> tuple[str, str] | None:
    """The last sentence of a quotation begun in an earlier one, with its speaker after it:
    'Her campaign inspired millions ...," Josh Earnest said in a statement.' (Of quotations
    that do not overlap, only the last one begun before the sentence can run into it.)"""
    last = bisect_left(starts, sent.start) - 1
    for q in quotes[last:last + 1] if last >= 0 else ():
        if q.start < sent.start < q.end <= sent.end and q.speaker:
            inner = _inner(sent.text[: q.end - sent.start])
            rest = sent.text[q.end - sent.start :]
            if len(inner.split()) < 4 or any(c in inner + rest for c in QUOTE_CHARS):
                return None
            return q.speaker, _said(q.speaker, inner)
    return None


def attributed_quotations(doc: Doc) -> dict[int, tuple[str, str]]:
    """Sentence index -> (speaker, "Speaker said “...”.") for unattributed quotation sentences
    whose speaker the surrounding quotation names."""
    out: dict[int, tuple[str, str]] = {}
    quotes = doc.quotes
    starts, ends = [q.start for q in quotes], [q.end for q in quotes]
    for sent, analysis in zip(doc.sentences, doc.analysis):
        tail = _closing_tail(quotes, starts, sent)
        if tail is not None:
            out[sent.index] = tail
            continue
        if analysis.role != SentenceRole.other or analysis.reason != UNATTRIBUTED:
            continue
        speaker = _speaker_of(quotes, ends, sent.start, sent.end)
        if speaker is None and sent.index > 0:
            prev = doc.sentences[sent.index - 1]
            if sent.text.lstrip()[:1] in QUOTE_CHARS:
                speaker = _speaker_of(quotes, ends, prev.start, prev.end)
        if speaker is None:
            continue
        inner = _inner(sent.text)
        if len(inner.split()) < 4 or any(c in inner for c in QUOTE_CHARS):
            continue  # a nested or partial quotation: left as it is
        out[sent.index] = (speaker, _said(speaker, inner))
    return out
