"""Pipeline components of the reading stage: sentences, entities, temporal expressions."""

from __future__ import annotations

from ..pipeline import Doc
from .entities import find_entities
from .sentences import split_sentences


class Sentences:
    requires = ("article",)
    provides = ("sentences",)

    def __call__(self, doc: Doc) -> Doc:
        doc.sentences = split_sentences(doc.article.text)
        return doc


class Entities:
    requires = ("sentences",)
    provides = ("entities",)

    def __call__(self, doc: Doc) -> Doc:
        doc.entities = find_entities(doc.article.text, doc.sentences)
        return doc


class Times:
    requires = ("sentences",)
    provides = ("times",)

    def __call__(self, doc: Doc) -> Doc:
        from .dates import find_times

        text = doc.article.text
        doc.times = find_times(text, doc.article.published)
        return doc
