"""REST routes over the store: articles, stories, claims, and checking a claim."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, Field

from ..errors import NotFoundError
from ..model import Brief, Claim
from .api import require_token


def store_for(request: Request) -> Iterator:
    """One store connection per request (SQLite connections are not shared across threads)."""
    from ..store import open_store

    store = open_store(request.app.state.settings.db)
    try:
        yield store
    finally:
        store.close()


router = APIRouter(dependencies=[Depends(require_token)], tags=["corpus"])


class ArticleSummary(BaseModel):
    id: str
    title: str | None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    story_id: str | None = None


class CheckRequest(BaseModel):
    claim: str = Field(min_length=3, max_length=2000)


def stored_brief(store, article_id: str) -> Brief:
    from ..api import brief_article
    from ..corpus import decode_analysis
    from ..model import Article

    row = store.article(article_id)
    article = Article(id=row.id, text=row.text, title=row.title, url=row.url, outlet=row.outlet,
                      published=row.published, language=row.language, source=row.source)
    if row.analysis:
        return decode_analysis(row.analysis, article)
    return brief_article(article)


@router.get("/articles", response_model=list[ArticleSummary], summary="List or search articles")
def list_articles(q: str | None = Query(None, max_length=200), limit: int = Query(50, le=500),
                  offset: int = Query(0, ge=0), store=Depends(store_for)):
    if q:
        rows = [store.article(article_id) for article_id, _ in store.search(q, limit=limit)]
    else:
        rows = store.recent_articles(limit=limit, offset=offset)
    return [ArticleSummary(id=r.id, title=r.title, outlet=r.outlet, url=r.url,
                           published=r.published, story_id=r.story_id) for r in rows]


@router.get("/articles/{article_id}", response_model=Brief, summary="An article's brief")
def get_article(article_id: str, store=Depends(store_for)) -> Brief:
    return stored_brief(store, article_id)


@router.get("/stories", summary="Stories with their articles, newest first")
def list_stories(since: dt.date | None = None, outlet: str | None = None,
                 store=Depends(store_for)) -> list[dict]:
    from ..stories.listing import story_records

    return story_records(store, since=since, outlet=outlet)


@router.get("/stories/{story_id}", summary="A story brief: outlets side by side")
def get_story(story_id: str, store=Depends(store_for)):
    from ..stories.brief import story_brief

    return story_brief(store, story_id)


@router.get("/claims/{claim_id}", response_model=Claim, summary="One claim with its evidence")
def get_claim(claim_id: str, store=Depends(store_for)) -> Claim:
    from ..model import article_of_claim

    article_id = article_of_claim(claim_id)
    if article_id is None:
        raise NotFoundError(f"no claim {claim_id!r}")
    brief = stored_brief(store, article_id)
    for claim in brief.claims:
        if claim.id == claim_id:
            return claim
    raise NotFoundError(f"no claim {claim_id!r}")


@router.post("/check", summary="Check a claim against the store and reference corpus")
def post_check(body: CheckRequest, request: Request) -> dict:
    from ..verify.check import check_claim, source_for_db
    from ..store import default_location

    source = source_for_db(request.app.state.settings.db or default_location())
    return check_claim(body.claim, source).to_dict()
