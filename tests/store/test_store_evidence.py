"""Claims are checked against either store back end through ``source_for_db``."""

from __future__ import annotations

import json

from newsdesk.model import Verdict
from newsdesk.verify.check import check_claim, source_for_db

TEXT = ("The new Millbrook River Bridge opened to traffic on Monday, linking the towns of Ashford "
        "and Kelso. The bridge cost 48 million dollars, according to the state transport "
        "department. Governor Helen Marsh cut the ribbon at a ceremony attended by about 300 people.")


def test_source_for_db_checks_claims_in_either_store(store_location, tmp_path):
    from newsdesk.corpus import ingest
    from newsdesk.store import open_store

    feed = tmp_path / "story.jsonl"
    feed.write_text(json.dumps({"outlet": "Wire Service", "title": "Bridge opens", "text": TEXT,
                                "published": "2026-03-02"}) + "\n", encoding="utf-8")
    store = open_store(store_location)
    try:
        assert ingest([str(feed)], store, analyze=False).added == 1
    finally:
        store.close()
    supported = check_claim("Governor Helen Marsh cut the ribbon of the Millbrook River Bridge",
                            source_for_db(store_location))
    assert supported.verdict == Verdict.supported
    assert any("Wire Service" in e.source for e in supported.evidence)
    contradicted = check_claim("The Millbrook River Bridge cost 84 million dollars",
                               source_for_db(store_location))
    assert contradicted.verdict == Verdict.contradicted
