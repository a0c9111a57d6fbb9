"""The Python API: one article in, one brief out.

    >>> import newsdesk
    >>> brief = newsdesk.brief("path/to/article.html", published="2026-02-03")
    >>> brief.claims[0].text
"""

from __future__ import annotations

import datetime as dt
import os
from functools import lru_cache

from . import __version__
from .analyze.other_language import NOTICE_PREFIX as NOT_ANALYSED
from .analyze.other_language import NotAnalysed, reads_as_english
from .errors import InputError
from .model import Article, Brief, EditorialPerspectives, Genre, SentenceKind, SentenceRole
from .pipeline import Doc, Pipeline
from .verify.unverified import NO_SOURCE_NOTICE, unverified  # noqa: F401 (light: no retrieval)


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    """The built-in pipeline, in the order the components need one another."""
    from .analyze.claims import Claims
    from .analyze.genre import ArticleGenre
    from .analyze.loaded import LoadedLanguage
    from .analyze.quotes import Quotes
    from .analyze.roles import SentenceRoles
    from .analyze.takeaways import Takeaways
    from .read.stages import Entities, Sentences, Times

    return Pipeline(
        [
            Sentences(),
            Entities(),
            Times(),
            LoadedLanguage(),
            SentenceRoles(),
            ArticleGenre(),
            Quotes(),
            Claims(),
            Takeaways(),
        ]
    )


@lru_cache(maxsize=1)
def other_language_pipeline() -> Pipeline:
    """For an article not in English: sentences only, and a brief that says why."""
    from .read.stages import Sentences

    return Pipeline([Sentences(), NotAnalysed()])


def parse_date(value: str | dt.date | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(value.strip()[:10])
    except ValueError as exc:
        raise InputError(f"not a date (expected YYYY-MM-DD): {value!r}") from exc


def brief(
    source: str | bytes | os.PathLike | Article,
    *,
    published: str | dt.date | None = None,
    outlet: str | None = None,
    title: str | None = None,
    url: str | None = None,
    allow_private: bool = False,
    timeout: float | None = None,
    evidence_db: str | os.PathLike | None = None,
    any_language: bool = False,
) -> Brief:
    """Brief one article given as text, HTML, bytes, a file path, a URL or an ``Article``.

    ``timeout`` (seconds) bounds connecting to and reading from a URL source. ``evidence_db``
    (a store or reference-corpus SQLite file) checks every claim against it. An article detected
    as not English is not run through the (English) built-in models unless ``any_language``."""
    if isinstance(source, Article):
        article = source
        updates = {k: v for k, v in
                   {"published": parse_date(published), "outlet": outlet, "title": title,
                    "url": url}.items() if v is not None}
        if updates:
            article = article.model_copy(update=updates)
    else:
        from functools import partial

        from .ingest import fetch, load_source

        fetcher = None
        if timeout is not None:
            fetcher = partial(fetch, connect_timeout=min(timeout, 5.0), read_timeout=timeout,
                              total_timeout=max(4 * timeout, timeout + 5))
        article = load_source(
            source, published=parse_date(published), outlet=outlet, title=title, url=url,
            allow_private=allow_private, fetcher=fetcher,
        )
    evidence = None
    if evidence_db is not None:
        from .verify.check import source_for_db

        evidence = source_for_db(evidence_db)
    return brief_article(article, evidence=evidence, any_language=any_language)


def brief_article(article: Article, pipeline: Pipeline | None = None, evidence=None, *,
                  any_language: bool = False) -> Brief:
    """Brief an ``Article``. ``evidence`` (an ``EvidenceSource``, e.g. from
    ``newsdesk.verify.check.source_for_db``) gives each claim a verdict with quoted evidence;
    without it every checkable claim honestly stays "not enough evidence". Without a
    ``pipeline``, an article that does not read as English gets a brief that says so instead of
    the English models' output, unless ``any_language``."""
    if pipeline is None:
        english = any_language or reads_as_english(article)
        pipeline = default_pipeline() if english else other_language_pipeline()
    doc = pipeline(article)
    if evidence is None:
        return unverified(to_brief(doc))
    from .verify.check import verify_brief

    return verify_brief(to_brief(doc), evidence)


def to_brief(doc: Doc) -> Brief:
    analysed = not any(n.startswith(NOT_ANALYSED) for n in doc.notices)
    roles = [a.role for a in doc.analysis
             if doc.sentences[a.index].kind != SentenceKind.heading and a.role != SentenceRole.other]
    n = len(roles) or 1
    opinion_share = sum(r in (SentenceRole.opinion, SentenceRole.mixed) for r in roles) / n
    fact_share = sum(r == SentenceRole.fact for r in roles) / n
    speakers = list(dict.fromkeys(q.speaker for q in doc.quotes if q.speaker))
    perspectives = EditorialPerspectives(
        genre=doc.genre or (Genre.reporting if analysed else None),
        genre_scores=doc.genre_scores,
        opinion_share=round(opinion_share, 4),
        fact_share=round(fact_share, 4),
        loaded_words=doc.loaded_words,
        techniques=doc.techniques,
        quoted=speakers,
    )
    notices = list(doc.notices)
    if analysed and doc.article.language not in (None, "en"):
        notices.append(
            f"The text looks like language '{doc.article.language}'; the built-in models are "
            "trained on English, so roles and claims may be unreliable."
        )
    if doc.article.published is None:
        notices.append("No publication date given: relative dates such as 'on Monday' are left "
                       "unresolved (give the date, e.g. --published YYYY-MM-DD).")
    if analysed and not doc.claims:
        notices.append("Nothing checkable here: no sentence states a checkable fact.")
    return Brief(
        generator=f"newsdesk {__version__} (built-in models)",
        article=doc.article,
        summary=doc.summary,
        sentences=doc.sentences,
        entities=doc.entities,
        times=doc.times,
        analysis=doc.analysis,
        perspectives=perspectives,
        takeaways=doc.takeaways,
        claims=doc.claims,
        not_verifiable=doc.not_verifiable,
        notices=notices,
    )
