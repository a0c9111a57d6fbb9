"""Syndicated copies: the same text from two outlets is two articles linked as near-duplicates.

An article's identity is its text hash and where it appeared (outlet, else url). Both back ends,
including a corpus created before that change (schema version 1) and migrated in place.
"""

from __future__ import annotations

from corpus_helpers import EVENT_A, fast_pipeline, write_jsonl
from newsdesk.corpus import ingest
from newsdesk.model import Article
from newsdesk.store import migrations, open_store

WIRE = EVENT_A[0][2]


def _wire(outlet: str | None, n: int, url: str | None = None) -> dict:
    record = {"text": WIRE, "title": "Flood waters hit Rotterdam harbour", "published": "2024-05-06",
              "url": url or f"https://paper{n}.example/flood"}
    if outlet:
        record["outlet"] = outlet
    return record


def test_same_text_two_outlets_is_kept_twice_as_one_independent_source(store_location, tmp_path):
    feed = write_jsonl(tmp_path / "wire.jsonl", [_wire("Daily Post", 1), _wire("Evening Star", 2)])
    with open_store(store_location) as store:
        report = ingest([str(feed)], store, pipeline=fast_pipeline())
        assert (report.added, report.skipped, report.duplicates, report.new_stories) == (2, 0, 1, 1)
        again = ingest([str(feed)], store, pipeline=fast_pipeline())
        assert (again.added, again.skipped) == (0, 2)
        rows = store.recent_articles(10)
        assert sorted(r.outlet for r in rows) == ["Daily Post", "Evening Star"]
        first, copy = sorted((store.article(r.id) for r in rows), key=lambda r: r.outlet)
        assert first.id != copy.id
        assert first.content_hash == copy.content_hash == Article.make_id(WIRE)
        assert first.duplicate_of is None
        assert (copy.duplicate_of, copy.similarity) == (first.id, 1.0)
        assert first.story_id == copy.story_id
        story = store.story(first.story_id)
        assert (story.size, story.independent) == (2, 1)  # copies count once ...
        assert sorted(story.outlets) == ["Daily Post", "Evening Star"]  # ... crediting both
        # the stored brief names the stored copy (claim ids point back to it)
        from newsdesk.corpus import decode_analysis
        from newsdesk.verify.store_source import _article

        brief = decode_analysis(copy.analysis, _article(copy))
        assert brief.article.id == copy.id


def test_same_text_same_outlet_twice_is_stored_once(store_location, tmp_path):
    # two different records (other url, other line) of one outlet's article: one article
    feed = write_jsonl(tmp_path / "wire.jsonl", [
        _wire("Daily Post", 1), _wire("daily post ", 1, url="https://paper1.example/flood?ref=rss")])
    with open_store(store_location) as store:
        report = ingest([str(feed)], store, pipeline=fast_pipeline())
        assert (report.added, report.skipped) == (1, 1)
        assert store.count_articles() == 1


def test_copies_without_an_outlet_are_told_apart_by_url(store_location, tmp_path):
    feed = write_jsonl(tmp_path / "wire.jsonl", [_wire(None, 1), _wire(None, 2), _wire(None, 2)])
    with open_store(store_location) as store:
        report = ingest([str(feed)], store, analyze=False)
        assert (report.added, report.skipped, report.duplicates) == (2, 1, 1)


def test_a_version_1_corpus_migrates_and_gains_the_second_outlet(store_location, tmp_path,
                                                                 monkeypatch):
    feed1 = write_jsonl(tmp_path / "one.jsonl", [_wire("Daily Post", 1)])
    monkeypatch.setattr(migrations, "MIGRATIONS", migrations.MIGRATIONS[:1])
    from newsdesk.store import base

    v1_fields = tuple(f for f in base._ARTICLE_FIELDS if f != "content_hash")
    monkeypatch.setattr(base, "_ARTICLE_FIELDS", v1_fields)
    real_add = base.Store.add_article

    def v1_add(self, row, term_keys=(), band_keys=(), index_day=None):  # the v1 insert
        import json

        row.id = Article.make_id(row.text)  # v1 ids: the text hash alone
        values = (row.id, row.item, row.url, row.title, row.outlet, row.published.isoformat(),
                  row.day, row.source, row.text, row.ingested_at, row.story_id,
                  json.dumps(row.terms), json.dumps(row.lead_terms))
        self._execute("INSERT INTO articles (id, item, url, title, outlet, published, day, source, "
                      "text, ingested_at, story_id, terms, lead_terms) "
                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", values)
        return True

    monkeypatch.setattr(base.Store, "add_article", v1_add)
    monkeypatch.setattr(base.Store, "first_copy", lambda self, h: None)
    monkeypatch.setattr(base.Store, "known_copies", lambda self, hashes: set())
    with open_store(store_location) as store:
        assert store.schema_version() == 1
        assert ingest([str(feed1)], store, analyze=False).added == 1
    monkeypatch.undo()
    assert base.Store.add_article is real_add
    feed2 = write_jsonl(tmp_path / "two.jsonl", [_wire("Daily Post", 1, url="https://x.example/1"),
                                                 _wire("Evening Star", 2)])
    with open_store(store_location) as store:
        assert store.schema_version() == migrations.LATEST
        old = store.article(Article.make_id(WIRE))
        assert (old.content_hash, old.outlet) == (Article.make_id(WIRE), "Daily Post")
        report = ingest([str(feed2)], store, analyze=False)
        assert (report.added, report.skipped, report.duplicates) == (1, 1, 1)
        copy = next(r for r in store.recent_articles(5) if r.outlet == "Evening Star")
        assert (copy.duplicate_of, copy.story_id) == (old.id, old.story_id)
        assert sorted(store.story(old.story_id).outlets) == ["Daily Post", "Evening Star"]


def test_verification_counts_identical_copies_once_crediting_both_outlets(tmp_path):
    from newsdesk.model import Verdict
    from newsdesk.verify.check import check_claim
    from newsdesk.verify.store_source import StoreSource

    wire = ("The new Millbrook River Bridge opened to traffic on Monday, linking the towns of "
            "Ashford and Kelso. The bridge cost 48 million dollars, according to the state "
            "transport department. Governor Helen Marsh cut the ribbon at a ceremony.")
    rows = [{"outlet": o, "title": "Bridge opens", "text": wire, "published": "2026-03-02"}
            for o in ("Wire Service", "Kelso Courier")]
    rows.append({"outlet": "Evening Ledger", "title": "Governor opens bridge",
                 "published": "2026-03-02",
                 "text": ("Governor Helen Marsh opened the Millbrook River Bridge on Monday. The "
                          "bridge cost 84 million dollars, the state transport department said.")})
    feed = write_jsonl(tmp_path / "story.jsonl", rows)
    with open_store(str(tmp_path / "corpus.db")) as store:
        assert ingest([str(feed)], store, analyze=False).added == 3
        ledger = next(r for r in store.recent_articles(5) if r.outlet == "Evening Ledger")
        result = check_claim("The bridge cost 84 million dollars, the state transport department "
                             "said.", StoreSource(store, story_id=ledger.story_id),
                             own_article=ledger.id)
    assert result.verdict == Verdict.contradicted
    cost = [e for e in result.evidence if "48 million" in e.quote]
    assert len(cost) == 1
    assert set(cost[0].source.split(", ")) == {"Wire Service", "Kelso Courier"}


def _analysis_json(data: bytes) -> dict:
    import json
    import zlib

    return json.loads(zlib.decompress(data))


def test_a_copy_reuses_its_original_analysis_renamed_to_itself(store_location, tmp_path):
    from newsdesk.api import brief_article
    from newsdesk.corpus import encode_analysis
    from newsdesk.verify.store_source import _article

    later = _wire("Morning Herald", 3)
    later["published"] = "2024-05-07"  # another day: relative dates differ, so analysed afresh
    feed = write_jsonl(tmp_path / "wire.jsonl", [_wire("Daily Post", 1), _wire("Evening Star", 2),
                                                 later])
    with open_store(store_location) as store:
        report = ingest([str(feed)], store, pipeline=fast_pipeline())
        assert (report.added, report.duplicates, report.reused) == (3, 2, 1)
        rows = {r.outlet: store.article(r.id) for r in store.recent_articles(10)}
        for outlet, row in rows.items():  # each as if analysed on its own
            fresh = brief_article(_article(row), fast_pipeline())
            assert _analysis_json(row.analysis) == _analysis_json(encode_analysis(fresh)), outlet
        assert rows["Evening Star"].duplicate_of == rows["Daily Post"].id
        story = store.story(rows["Daily Post"].story_id)
        assert (story.size, story.independent) == (3, 1)


def test_a_later_copy_finds_the_stored_analysis(store_location, tmp_path):
    from newsdesk.store.reuse import CopyAnalyses
    from newsdesk.verify.store_source import _article

    feed = write_jsonl(tmp_path / "wire.jsonl", [_wire("Daily Post", 1)])
    with open_store(store_location) as store:
        ingest([str(feed)], store, pipeline=fast_pipeline())
        original = store.article(store.recent_articles(1)[0].id)
    with open_store(store_location, readonly=True) as reader:  # what a worker process opens
        copy = _article(original).model_copy(update={"id": "a_00000000000000ff",
                                                     "outlet": "Evening Star"})
        found = CopyAnalyses(reader).find(copy, original.content_hash)
        expected = _analysis_json(original.analysis)
        for claim in expected["claims"]:
            claim["id"] = claim["id"].replace(original.id[2:], "00000000000000ff")
        assert found is not None and _analysis_json(found) == expected
        other = copy.model_copy(update={"title": "Another headline"})
        assert CopyAnalyses(reader).find(other, original.content_hash) is None


def test_reidentify_renames_the_article_in_claim_ids_only():
    import json
    import zlib

    from newsdesk.model import article_of_claim, claim_id
    from newsdesk.store.reuse import reidentify

    old, new = "a_" + "1" * 16, "a_" + "2" * 16
    record = {"claims": [{"id": claim_id(old, "The bridge cost 48 million dollars."),
                          "text": "The bridge cost 48 million dollars."}], "notices": ["1111"]}
    out = _analysis_json(reidentify(zlib.compress(json.dumps(record).encode()), old, new))
    assert article_of_claim(out["claims"][0]["id"]) == new
    assert out["claims"][0]["id"][18:] == record["claims"][0]["id"][18:]
    assert out["notices"] == ["1111"]
