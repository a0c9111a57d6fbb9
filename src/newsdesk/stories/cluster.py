"""Incremental stories: place each new article with its near-duplicate original or into the story
of the most similar article published within a few days, or start a new story.

One article at a time, against what the store already holds (no global re-clustering), so an
ingest can stop and resume anywhere. Decision for a new article ``x`` of day ``d``:

0. Same text: a stored article with the same text hash (a syndicated copy, from another outlet,
   any day) is its original (or the original's original), similarity 1.
1. Near-duplicate: a stored article dated within ``dup_window_days`` sharing a MinHash band
   (the 50 sharing most bands are compared) and with estimated Jaccard >=
   ``dup_threshold`` is its original (or the original's original): ``x`` joins that story as a
   copy, which does not count as an independent source.
2. Otherwise, candidates are the ``candidates`` stored articles dated within ``d +/- window_days``
   sharing the most of ``x``'s top terms (at most 200 index entries read per term, so a busy
   window costs no more than a quiet one); each candidate's story scores ``max`` over them of
   ``(1 - lead_weight) * cos(terms) + lead_weight * cos(lead terms)``, minus
   ``same_outlet_penalty`` when the story already has an article from ``x``'s outlet (one outlet
   rarely files two pieces on one event within days; follow-up events are the usual reason).
3. The best story at or above ``threshold`` takes ``x``; else ``x`` founds a new story.

Defaults were chosen on the public BASIL events mixed with 1,503 unrelated real documents
(benchmarks/bench_basil_stories.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np

from ..model import content_id
from ..store.base import Store
from ..store.records import ArticleRow, StoryRow
from . import minhash
from .features import cosine

KEY_TERMS = 12
CENTROID_TERMS = 60


@dataclass(frozen=True)
class StoryConfig:
    window_days: int = 3
    threshold: float = 0.15
    lead_weight: float = 0.3
    same_outlet_penalty: float = 0.3
    dup_threshold: float = 0.6
    dup_window_days: int = 60
    candidates: int = 40  # BASIL ARI is the same with 10, 20 or 40 (seeds 1-3)


@dataclass
class Placement:
    story_id: str
    duplicate_of: str | None
    similarity: float | None
    new_story: bool


def key_terms(terms: dict[str, float], n: int = KEY_TERMS) -> list[str]:
    return [t for t, _ in sorted(terms.items(), key=lambda kv: (-kv[1], kv[0]))[:n]]


def story_id_for(article_id: str) -> str:
    return content_id(article_id, prefix="s_", length=12)


def _display(name: str) -> str:
    return " ".join(p.upper() if "." in p else p.capitalize() for p in name.split())


def _update_story(story: StoryRow, row: ArticleRow, day: int, independent: bool) -> StoryRow:
    story.first_day = min(story.first_day, day)
    story.last_day = max(story.last_day, day)
    story.size += 1
    story.independent += int(independent)
    if row.outlet and row.outlet.casefold() not in {o.casefold() for o in story.outlets}:
        story.outlets.append(row.outlet)
    if independent:
        centroid = dict(story.centroid)
        for term, weight in row.terms.items():
            centroid[term] = centroid.get(term, 0.0) + weight
        top = sorted(centroid.items(), key=lambda kv: (-kv[1], kv[0]))[:CENTROID_TERMS]
        story.centroid = {t: round(w, 4) for t, w in top}
        story.entities = [_display(t[2:]) for t, _ in top if t.startswith("n:")][:8]
    if not story.title and row.title:
        story.title = row.title
    return story


def place(
    store: Store, row: ArticleRow, signature: np.ndarray, config: StoryConfig = StoryConfig(),
    today: dt.date | None = None,
) -> tuple[Placement, list[str], list[int]]:
    """Decide ``row``'s story (and original, if a copy), write the story, fill ``row`` in.

    Returns the placement, and the term and band keys to index with the article. The caller
    inserts the article in the same transaction, so a crash leaves neither or both.
    """
    day = row.day if row.day is not None else (today or dt.date.today()).toordinal()
    bands = minhash.band_keys(signature)
    placement: Placement | None = None
    same = store.first_copy(row.content_hash) if row.content_hash else None
    if same is not None:
        placement = Placement(same.story_id, same.duplicate_of or same.article_id, 1.0, False)
    near = [] if placement else [
        c for c in store.band_candidates(bands, day - config.dup_window_days,
                                         day + config.dup_window_days)
        if c.minhash is not None and c.story_id is not None]
    sims = minhash.similarities(signature, [c.minhash for c in near]) if near else []
    for cand, sim in zip(near, sims):
        if sim >= config.dup_threshold and (placement is None or sim > (placement.similarity or 0)):
            placement = Placement(cand.story_id, cand.duplicate_of or cand.article_id, round(sim, 4),
                                  False)
    keys = key_terms(row.terms)
    if placement is None:
        best: dict[str, float] = {}
        for cand in store.term_candidates(keys, day - config.window_days, day + config.window_days,
                                          config.candidates):
            if cand.story_id is None or cand.duplicate_of is not None:
                continue
            sim = ((1 - config.lead_weight) * cosine(row.terms, cand.terms or {}, cand.terms_norm)
                   + config.lead_weight * cosine(row.lead_terms, cand.lead_terms or {},
                                                 cand.lead_norm))
            best[cand.story_id] = max(best.get(cand.story_id, 0.0), sim)
        # only a story at or above the threshold before the penalty can take the article
        best = {story_id: sim for story_id, sim in best.items() if sim >= config.threshold}
        outlets = (store.story_outlets(list(best))
                   if best and row.outlet and config.same_outlet_penalty else {})
        scored = []
        for story_id, sim in best.items():
            if outlets and row.outlet.casefold() in {
                    o.casefold() for o in outlets.get(story_id, ())}:
                sim -= config.same_outlet_penalty
            scored.append((sim, story_id))
        if scored:
            sim, story_id = max(scored)
            if sim >= config.threshold:
                placement = Placement(story_id, None, round(sim, 4), False)
    if placement is None:
        placement = Placement(story_id_for(row.id), None, None, True)
        story = StoryRow(placement.story_id, row.title, day, day, 0, 0)
    else:
        story = store.story(placement.story_id)
    row.story_id = placement.story_id
    row.duplicate_of = placement.duplicate_of
    row.similarity = placement.similarity
    store.put_story(_update_story(story, row, day, placement.duplicate_of is None))
    return placement, (keys if placement.duplicate_of is None else []), bands
