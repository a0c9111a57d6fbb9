"""The component protocol and the pipeline that runs components in order.

A component is a callable ``component(doc) -> doc`` with two class attributes, ``requires`` and
``provides``: the names of the ``Doc`` fields it reads and fills. ``Pipeline`` checks at
construction that every requirement is provided by an earlier component (or by ingest), so a
mis-ordered pipeline fails loudly before it touches an article. ``Pipeline.run_many`` captures
per-item failures instead of stopping a batch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol

from .errors import NewsdeskError, PipelineError
from .model import (
    Article,
    Claim,
    Entity,
    Genre,
    LoadedWord,
    NotVerifiable,
    Quote,
    Sentence,
    SentenceAnalysis,
    Takeaway,
    Technique,
    TimeExpression,
)


@dataclass
class Doc:
    """The working record one article accumulates while it passes through the components."""

    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    times: list[TimeExpression] = field(default_factory=list)
    analysis: list[SentenceAnalysis] = field(default_factory=list)
    loaded_words: list[LoadedWord] = field(default_factory=list)
    techniques: list[Technique] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    genre: Genre | None = None
    genre_scores: dict[str, float] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)
    not_verifiable: list[NotVerifiable] = field(default_factory=list)
    takeaways: list[Takeaway] = field(default_factory=list)
    summary: str = ""
    notices: list[str] = field(default_factory=list)


class Component(Protocol):
    requires: ClassVar[tuple[str, ...]]
    provides: ClassVar[tuple[str, ...]]

    def __call__(self, doc: Doc) -> Doc: ...


class Pipeline:
    def __init__(self, components: Iterable[Component]):
        self.components = list(components)
        available = {"article"}
        for component in self.components:
            missing = [name for name in component.requires if name not in available]
            if missing:
                raise PipelineError(
                    f"{type(component).__name__} needs {', '.join(missing)}, "
                    "which no earlier component provides"
                )
            available.update(component.provides)

    def __call__(self, article: Article) -> Doc:
        doc = Doc(article=article)
        for component in self.components:
            doc = component(doc)
        return doc

    def run_many(
        self, articles: Iterable[Article], on_error: Callable[[Article, Exception], Any] | None = None
    ) -> Iterator[Doc]:
        """Run over many articles; a failing article is reported to ``on_error`` and skipped."""
        for article in articles:
            try:
                yield self(article)
            except NewsdeskError as exc:
                if on_error is None:
                    raise
                on_error(article, exc)
