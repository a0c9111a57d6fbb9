"""The whole ingest path gives the same corpus on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

from corpus_helpers import fast_pipeline, records, write_jsonl
from newsdesk.corpus import ingest
from newsdesk.store import open_store
from newsdesk.stories.brief import story_brief
from newsdesk.stories.listing import story_records


def test_ingest_rerun_and_listing(store_location, tmp_path):
    src = write_jsonl(tmp_path / "news.jsonl", records())
    with open_store(store_location) as store:
        first = ingest([str(src)], store, pipeline=fast_pipeline())
        again = ingest([str(src)], store, pipeline=fast_pipeline())
        assert (first.added, again.added, again.skipped) == (5, 0, 5)
        listing = story_records(store)
        assert sorted(len(s["articles"]) for s in listing) == [2, 3]
        big = max(listing, key=lambda s: s["size"])
        assert sorted(a["outlet"] for a in big["articles"]) == ["ap", "bbc", "reuters"]
        assert story_brief(store, big["id"]).outlets == ["ap", "bbc", "reuters"]
        assert [r[0] for r in store.search("Kipchoge marathon")]
