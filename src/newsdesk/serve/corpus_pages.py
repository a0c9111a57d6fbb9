"""Server-rendered pages over the store: articles, search, stories compared side by side."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query
from fastapi.responses import HTMLResponse

from .corpus_api import stored_brief, store_for
from .pages import page

router = APIRouter(include_in_schema=False)


@router.get("/web/articles", response_class=HTMLResponse)
def articles_page(offset: int = Query(0, ge=0), store=Depends(store_for)):
    rows = store.recent_articles(limit=100, offset=offset)
    return page("articles.html", articles=rows, heading="Articles", q=None)


@router.get("/web/search", response_class=HTMLResponse)
def search_page(q: str = Query("", max_length=200), store=Depends(store_for)):
    rows = [store.article(article_id) for article_id, _ in store.search(q, limit=50)] if q else []
    return page("articles.html", articles=rows, heading="Search", q=q)


@router.get("/web/articles/{article_id}", response_class=HTMLResponse)
def article_page(article_id: str, store=Depends(store_for)):
    from ..render.html import render_html

    return HTMLResponse(render_html(stored_brief(store, article_id), back_link="/web/articles"))


@router.get("/web/stories", response_class=HTMLResponse)
def stories_page(store=Depends(store_for)):
    stories = store.stories(limit=200)
    return page("stories.html", stories=stories)


@router.get("/web/stories/{story_id}", response_class=HTMLResponse)
def story_page(story_id: str, store=Depends(store_for)):
    from ..stories.brief import story_brief
    from .charts import outlet_bars

    story = story_brief(store, story_id)
    articles = store.story_articles(story_id)
    chart = outlet_bars(story.perspectives, len(story.claims))
    return page("story.html", story=story, articles=articles, chart=chart)
