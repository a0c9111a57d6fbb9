"""Evidence from the real corpus store: the story's other articles, syndicated copies once."""

from __future__ import annotations

import json

import pytest

from newsdesk.model import Verdict
from newsdesk.verify.check import check_claim, source_for_db
from newsdesk.verify.store_source import StoreSource

WIRE = ("The new Millbrook River Bridge opened to traffic on Monday, linking the towns of Ashford "
        "and Kelso. The bridge cost 48 million dollars, according to the state transport "
        "department. Governor Helen Marsh cut the ribbon at a ceremony attended by about 300 people.")
ARTICLES = [
    {"outlet": "Wire Service", "title": "Bridge opens", "text": WIRE, "published": "2026-03-02"},
    {"outlet": "Kelso Courier", "title": "Bridge opens", "text": WIRE + " Reporting by Wire Service.",
     "published": "2026-03-02"},
    {"outlet": "Evening Ledger", "title": "Governor opens bridge", "published": "2026-03-02",
     "text": ("Governor Helen Marsh opened the Millbrook River Bridge on Monday. The bridge cost 84 "
              "million dollars, the state transport department said. Critics called it a waste.")},
]


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    from newsdesk.corpus import ingest
    from newsdesk.store import open_store

    folder = tmp_path_factory.mktemp("store")
    feed = folder / "story.jsonl"
    feed.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    store = open_store(str(folder / "corpus.db"))
    report = ingest([str(feed)], store, analyze=False)
    assert report.added == 3
    store.close()
    return folder / "corpus.db"


def test_store_claim_contradicted_citing_other_outlets_once_per_copy(store_path):
    from newsdesk.store import open_store

    store = open_store(str(store_path))
    try:
        ledger = next(store.article(i) for i, _ in store.search("Millbrook", 10)
                      if store.article(i).outlet == "Evening Ledger")
        source = StoreSource(store, story_id=ledger.story_id)
        result = check_claim("The bridge cost 84 million dollars, the state transport department said.",
                             source, own_article=ledger.id)
    finally:
        store.close()
    assert result.verdict == Verdict.contradicted
    cost = [e for e in result.evidence if "48 million" in e.quote]
    assert len(cost) == 1  # the wire copy and its syndicated reprint count once
    assert set(cost[0].source.split(", ")) == {"Wire Service", "Kelso Courier"}
    assert all("Evening Ledger" not in e.source for e in result.evidence)


def test_source_for_db_opens_a_store(store_path):
    result = check_claim("Governor Helen Marsh cut the ribbon of the Millbrook River Bridge",
                         source_for_db(store_path))
    assert result.verdict == Verdict.supported
