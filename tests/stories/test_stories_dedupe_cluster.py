"""Near-duplicates (MinHash) and incremental stories, on small corpora."""

from __future__ import annotations

import datetime as dt

import numpy as np

from corpus_helpers import EVENT_A, EVENT_B
from newsdesk.store import ArticleRow, open_store
from newsdesk.stories import minhash
from newsdesk.stories.cluster import StoryConfig, place
from newsdesk.stories.features import article_terms, cosine

LONG = " ".join(text for _, _, text in EVENT_A + EVENT_B)


def test_minhash_estimates_jaccard():
    sig = minhash.signature(LONG)
    assert sig.dtype == np.uint32 and sig.shape == (minhash.PERMUTATIONS,)
    edited = LONG.replace("Monday", "Tuesday", 1) + " Updated at noon."
    assert minhash.similarity(sig, minhash.signature(edited)) > 0.8
    assert minhash.similarity(sig, minhash.signature(EVENT_B[0][2] * 3)) < 0.3
    assert set(minhash.band_keys(sig)) & set(minhash.band_keys(minhash.signature(edited)))
    assert np.array_equal(minhash.from_bytes(minhash.to_bytes(sig)), sig)
    assert np.array_equal(sig, minhash.signature(LONG))  # deterministic across calls


def test_terms_prefer_names_and_rare_words():
    terms = article_terms(EVENT_A[0][2], EVENT_A[0][1])
    assert "n:rotterdam" in terms and "n:ahmed aboutaleb" in terms
    assert not any(t in terms for t in ("w:the", "w:said", "w:from"))
    assert abs(sum(w * w for w in terms.values()) - 1) < 1e-3
    same = cosine(terms, article_terms(EVENT_A[1][2], EVENT_A[1][1]))
    other = cosine(terms, article_terms(EVENT_B[0][2], EVENT_B[0][1]))
    assert same > 0.3 > other


def _row(i, outlet, title, text, day):
    return ArticleRow(id=f"a_{i}", text=text, source="text", ingested_at="x", outlet=outlet,
                      title=title, published=day, terms=article_terms(text, title),
                      lead_terms=article_terms(text[:400], title), item=str(i))


def _ingest(store, rows):
    placements = []
    with store.transaction():
        for row in rows:
            sig = minhash.signature(row.text)
            row.minhash = minhash.to_bytes(sig)
            placement, terms, bands = place(store, row, sig, StoryConfig())
            store.add_article(row, terms, bands)
            placements.append(placement)
    return placements


def test_same_event_across_outlets_is_one_story(tmp_path):
    day = dt.date(2024, 5, 6)
    rows = [_row(i, o, t, x, day) for i, (o, t, x) in enumerate(EVENT_A + EVENT_B)]
    with open_store(tmp_path / "c.db") as store:
        placed = _ingest(store, rows)
        a, b = {p.story_id for p in placed[:3]}, {p.story_id for p in placed[3:]}
        assert len(a) == 1 and len(b) == 1 and a != b
        story = store.story(a.pop())
        assert story.size == 3 and sorted(story.outlets) == ["ap", "bbc", "reuters"]
        assert "Rotterdam" in story.entities and story.title == EVENT_A[0][1]


def test_time_window_keeps_far_apart_coverage_apart(tmp_path):
    (o1, t1, x1), (o2, t2, x2) = EVENT_A[0], EVENT_A[1]
    rows = [_row(1, o1, t1, x1, dt.date(2024, 5, 6)), _row(2, o2, t2, x2, dt.date(2024, 9, 1))]
    with open_store(tmp_path / "c.db") as store:
        placed = _ingest(store, rows)
    assert placed[0].story_id != placed[1].story_id


def test_syndicated_copy_links_to_its_original(tmp_path):
    o, t, x = EVENT_A[0]
    base = x + " " + EVENT_A[1][2] + " " + EVENT_A[2][2]
    copy = base.replace("on Monday", "on Monday morning", 1)
    rows = [_row(1, o, t, base, dt.date(2024, 5, 6)),
            _row(2, "local paper", "Port city under water", copy, dt.date(2024, 5, 7))]
    with open_store(tmp_path / "c.db") as store:
        placed = _ingest(store, rows)
        assert placed[1].duplicate_of == "a_1" and placed[1].story_id == placed[0].story_id
        story = store.story(placed[0].story_id)
        assert story.size == 2 and story.independent == 1  # a copy is not an independent source
