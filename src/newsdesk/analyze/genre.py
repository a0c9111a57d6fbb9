"""Article genre: opinion or analysis, reporting, or satire (the genre model's call)."""

from __future__ import annotations

from ..model import Genre, SentenceKind
from ..pipeline import Doc


class ArticleGenre:
    requires = ("sentences",)
    provides = ("genre", "genre_scores")

    def __call__(self, doc: Doc) -> Doc:
        from ..models import genre

        body = doc.article.text
        title = doc.article.title or next(
            (s.text for s in doc.sentences if s.kind == SentenceKind.heading), ""
        )
        scores = genre.load().predict(title, body)
        doc.genre_scores = {label: round(float(p), 4) for label, p in scores.items()}
        doc.genre = Genre(max(scores, key=scores.get))
        return doc
