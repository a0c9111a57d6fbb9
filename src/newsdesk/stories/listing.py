"""Stories as plain JSON-ready records (what ``newsdesk stories/story --format json`` print)."""

from __future__ import annotations

import datetime as dt

from ..store.base import Store
from ..store.records import ArticleRow, StoryRow


def _article(row: ArticleRow) -> dict:
    return {"id": row.id, "url": row.url, "outlet": row.outlet, "title": row.title,
            "published": row.published.isoformat() if row.published else None,
            "duplicate_of": row.duplicate_of}


def _story(story: StoryRow, articles: list[ArticleRow]) -> dict:
    return {
        "id": story.id, "title": story.title, "start": story.start.isoformat(),
        "end": story.end.isoformat(), "size": story.size, "independent": story.independent,
        "outlets": story.outlets, "entities": story.entities,
        "articles": [_article(a) for a in articles],
    }


def story_record(store: Store, story_id: str) -> dict:
    return _story(store.story(story_id), store.story_articles(story_id))


def story_records(
    store: Store, since: dt.date | None = None, outlet: str | None = None, min_size: int = 1
) -> list[dict]:
    """Every matching story with its articles (url, outlet, title, ...), newest first."""
    stories = store.stories(since=since, outlet=outlet, min_size=min_size)
    members = store.articles_of_stories([s.id for s in stories])
    return [_story(s, members[s.id]) for s in stories]
