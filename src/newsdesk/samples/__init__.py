"""Bundled sample articles: the Wikinews news texts of the GUM corpus (CC-BY 2.5).

Each sample keeps its title, date, source URL and the attribution the licence requires
(rebuilt by ``python -m training.build_samples``).
"""

from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache
from importlib import resources

from ..errors import InputError
from ..model import Article


@lru_cache(maxsize=1)
def _records() -> tuple[dict, ...]:
    raw = resources.files(__name__).joinpath("wikinews.jsonl").read_text(encoding="utf-8")
    return tuple(json.loads(line) for line in raw.splitlines() if line.strip())


def sample_ids() -> list[str]:
    return [record["id"] for record in _records()]


def sample_record(sample_id: str) -> dict:
    for record in _records():
        if record["id"] == sample_id or record["id"] == f"GUM_news_{sample_id}":
            return record
    raise InputError(f"no sample named {sample_id!r}; try one of: {', '.join(sample_ids()[:5])}...")


def load_sample(sample_id: str) -> Article:
    record = sample_record(sample_id)
    published = dt.date.fromisoformat(record["published"]) if record.get("published") else None
    return Article(
        id=Article.make_id(record["text"]),
        text=record["text"],
        title=record["title"],
        url=record.get("url"),
        outlet=record.get("outlet"),
        published=published,
        language="en",
        source="sample",
        attribution=record.get("attribution"),
    )


def load_samples() -> list[Article]:
    return [load_sample(sample_id) for sample_id in sample_ids()]
