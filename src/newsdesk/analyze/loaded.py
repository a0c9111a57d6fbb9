"""Loaded language: the loaded words of each sentence and persuasion-technique spans."""

from __future__ import annotations

from ..model import LoadedWord, SentenceKind, Technique
from ..pipeline import Doc
from .roles import sentence_at

#: Technique spans scoring below this are not shown.
TECHNIQUE_MIN_SCORE = 0.5
#: A text longer than this (the longest training article has 43,300 characters) is searched for
#: techniques, and its loaded words scored, in runs of sentences of about ``CHUNK_CHARS``: the
#: persuasion model's repetition features count each span over the whole text it is given,
#: which costs time growing with the square of the length (a 1.6 MB text took ~150 s in all).
WHOLE_TEXT_CHARS = 50_000
CHUNK_CHARS = 25_000


def _chunks(sentences: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """Consecutive runs of sentences, each spanning about ``CHUNK_CHARS`` (one run for a
    text of at most ``WHOLE_TEXT_CHARS``)."""
    if not sentences or sentences[-1][1] - sentences[0][0] <= WHOLE_TEXT_CHARS:
        return [sentences] if sentences else []
    runs: list[list[tuple[int, int]]] = [[]]
    for start, end in sentences:
        if runs[-1] and end - runs[-1][0][0] > CHUNK_CHARS:
            runs.append([])
        runs[-1].append((start, end))
    return runs


def find_techniques(model, text: str,
                    sentences: list[tuple[int, int]]) -> list[tuple[int, int, str, float]]:
    """``model.find`` over ``sentences`` of ``text``, run by run of sentences for a long text
    (offsets stay offsets into ``text``)."""
    runs = _chunks(sorted(sentences))
    if len(runs) <= 1:
        return model.find(text, sentences)
    found = []
    for run in runs:
        lo, hi = run[0][0], run[-1][1]
        found.extend((s + lo, e + lo, name, score) for s, e, name, score in model.find(
            text[lo:hi], [(s - lo, e - lo) for s, e in run]))
    return found


class LoadedLanguage:
    requires = ("sentences",)
    provides = ("loaded_words", "techniques")

    def __call__(self, doc: Doc) -> Doc:
        from ..models import loaded_words, techniques

        text = doc.article.text
        words_model = loaded_words.load()
        words: list[LoadedWord] = []
        prose = [s for s in doc.sentences if s.kind != SentenceKind.heading]
        per_sentence = []  # scored run by run of sentences: bounded memory on a long text
        for run in _chunks([(s.start, s.end) for s in prose]):
            per_sentence.extend(words_model.spans_many(text, run))
        for sent, spans in zip(prose, per_sentence):
            for start, end, score in spans:
                words.append(
                    LoadedWord(
                        start=start, end=end, text=text[start:end], score=round(float(score), 4),
                        sentence=sent.index,
                    )
                )
        doc.loaded_words = words
        starts = [s.start for s in doc.sentences]
        found = find_techniques(techniques.load(), text, [(s.start, s.end) for s in prose])
        doc.techniques = [
            Technique(
                start=start, end=end, text=text[start:end], technique=name,
                score=round(float(score), 4), sentence=sentence_at(starts, start),
            )
            for start, end, name, score in found
            if score >= TECHNIQUE_MIN_SCORE
        ]
        return doc
