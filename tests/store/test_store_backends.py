"""The store interface on both back ends (SQLite file, real PostgreSQL server)."""

from __future__ import annotations

import datetime as dt

import pytest

from newsdesk.errors import InputError
from newsdesk.store import ArticleRow, StoryRow, default_location, open_store
from newsdesk.store import migrations


def _row(i: int, text: str, **kw) -> ArticleRow:
    return ArticleRow(id=f"a_{i:04d}", text=text, source="text", ingested_at="2026-01-01T00:00:00",
                      terms={"w:flood": 0.8, "n:rotterdam": 0.6}, lead_terms={"w:flood": 1.0},
                      item=f"item{i}", published=dt.date(2024, 5, 6), outlet="reuters", **kw)


def test_migrations_apply_once_and_reopen(store_location):
    with open_store(store_location) as store:
        assert store.schema_version() == migrations.LATEST
    with open_store(store_location) as store:  # a second open finds nothing to do
        assert store.schema_version() == migrations.LATEST
        assert store.migrate() == migrations.LATEST


def test_add_article_is_idempotent_and_indexed(store_location):
    with open_store(store_location) as store:
        with store.transaction():
            assert store.add_article(_row(1, "Flood waters hit Rotterdam."), ["w:flood"], [11, 12])
            assert not store.add_article(_row(1, "Flood waters hit Rotterdam."), ["w:flood"], [11])
        assert store.count_articles() == 1
        assert store.known_ids(["a_0001", "a_0002"]) == {"a_0001"}
        assert store.known_items(["item1", "item9"]) == {"item1"}
        day = dt.date(2024, 5, 6).toordinal()
        assert [c.article_id for c in store.term_candidates(["w:flood"], day - 1, day + 1)] == ["a_0001"]
        assert store.term_candidates(["w:flood"], day + 5, day + 9) == []
        assert [c.article_id for c in store.band_candidates([12, 99], day, day)] == ["a_0001"]
        assert store.band_candidates([12, 99], day + 1, day + 9) == []
        row = store.article("a_0001")
        assert row.text == "Flood waters hit Rotterdam." and row.published == dt.date(2024, 5, 6)


def test_rollback_leaves_nothing(store_location):
    with open_store(store_location) as store:
        with pytest.raises(RuntimeError):
            with store.transaction():
                store.add_article(_row(2, "Half written."))
                raise RuntimeError("crash")
        assert store.count_articles() == 0


def test_full_text_search(store_location):
    with open_store(store_location) as store:
        with store.transaction():
            store.add_article(_row(1, "Flood waters hit the harbour of Rotterdam."))
            store.add_article(_row(2, "Kipchoge wins the Berlin marathon again."))
        assert [r[0] for r in store.search("marathon Berlin")] == ["a_0002"]
        assert store.search("volcano") == []


def test_failures_recorded_counted_and_cleared(store_location):
    with open_store(store_location) as store:
        with store.transaction():
            store.record_failure("feed.xml#3", "feed.xml", "FetchError", "HTTP 404")
            store.record_failure("feed.xml#3", "feed.xml", "FetchError", "HTTP 500")
            store.record_failure("x.jsonl:2", "x.jsonl", "InputError", "not JSON")
        failures = {f.item: f for f in store.failures()}
        assert failures["feed.xml#3"].attempts == 2 and failures["feed.xml#3"].reason == "HTTP 500"
        with store.transaction():
            store.clear_failures(["feed.xml#3"])
        assert [f.item for f in store.failures()] == ["x.jsonl:2"]


def test_stories_filter_by_date_and_outlet(store_location):
    with open_store(store_location) as store:
        with store.transaction():
            for i, (day, outlet) in enumerate([(dt.date(2024, 1, 1), "ap"), (dt.date(2024, 6, 1), "bbc")]):
                sid = f"s_{i}"
                store.put_story(StoryRow(sid, f"story {i}", day.toordinal(), day.toordinal(), 1, 1,
                                         [outlet], ["Rotterdam"], {"w:x": 1.0}))
                row = _row(i, f"text {i}", story_id=sid)
                row.outlet, row.published = outlet, day
                store.add_article(row)
        assert [s.id for s in store.stories()] == ["s_1", "s_0"]
        assert [s.id for s in store.stories(since=dt.date(2024, 3, 1))] == ["s_1"]
        assert [s.id for s in store.stories(outlet="AP")] == ["s_0"]
        assert store.story("s_0").entities == ["Rotterdam"]
        with pytest.raises(InputError):
            store.story("s_missing")


def test_default_location_honours_env_and_creates_nothing(tmp_path, monkeypatch):
    monkeypatch.delenv("NEWSDESK_DB", raising=False)
    monkeypatch.setenv("NEWSDESK_HOME", str(tmp_path / "home"))
    assert default_location() == str(tmp_path / "home" / "corpus.db")
    assert not (tmp_path / "home").exists()
    monkeypatch.setenv("NEWSDESK_DB", str(tmp_path / "other.db"))
    assert default_location() == str(tmp_path / "other.db")


def test_unreachable_postgres_is_a_store_error():
    from newsdesk.errors import StoreError

    with pytest.raises(StoreError, match="cannot connect") as info:
        open_store("postgresql://nobody:secret@127.0.0.1:1/none")
    assert "secret" not in str(info.value)  # the password is never echoed


def test_unanalysed_articles_found_and_given_a_new_analysis(store_location):
    import json
    import zlib

    def encoded(notices):
        return zlib.compress(json.dumps({"notices": notices}).encode())

    gated = encoded(["Not analysed: the text looks like German, and ..."])
    with open_store(store_location) as store:
        with store.transaction():
            store.add_article(_row(1, "Hochwasser in Rotterdam.", language="de", analysis=gated))
            store.add_article(_row(2, "Hochwasser in Köln.", language="de",
                                   analysis=encoded([])))  # analysed with any_language
            store.add_article(_row(3, "Flood waters hit Rotterdam.", language="en",
                                   analysis=encoded([])))
        assert store.not_analysed(["item1", "item2", "item3", "item9"]) == {"item1": "a_0001"}
        with store.transaction():
            store.replace_analysis("a_0001", encoded([]), {"w:hochwasser": 1.0})
        assert store.not_analysed(["item1"]) == {}
        row = store.article("a_0001")
        assert row.terms == {"w:hochwasser": 1.0} and json.loads(zlib.decompress(row.analysis)) == {
            "notices": []}
