"""Loaded language: the loaded words of each sentence and persuasion-technique spans."""

from __future__ import annotations

from ..model import LoadedWord, SentenceKind, Technique
from ..pipeline import Doc
from .roles import sentence_at

#: Technique spans scoring below this are not shown.
TECHNIQUE_MIN_SCORE = 0.5


class LoadedLanguage:
    requires = ("sentences",)
    provides = ("loaded_words", "techniques")

    def __call__(self, doc: Doc) -> Doc:
        from ..models import loaded_words, techniques

        text = doc.article.text
        words_model = loaded_words.load()
        words: list[LoadedWord] = []
        prose = [s for s in doc.sentences if s.kind != SentenceKind.heading]
        per_sentence = words_model.spans_many(text, [(s.start, s.end) for s in prose])
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
        found = techniques.load().find(text, [(s.start, s.end) for s in prose])
        doc.techniques = [
            Technique(
                start=start, end=end, text=text[start:end], technique=name,
                score=round(float(score), 4), sentence=sentence_at(starts, start),
            )
            for start, end, name, score in found
            if score >= TECHNIQUE_MIN_SCORE
        ]
        return doc
