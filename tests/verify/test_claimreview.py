"""ClaimReview JSON-LD carries the fields Google's Fact Check markup requires."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from newsdesk.model import (
    Article,
    Brief,
    Claim,
    ClaimKind,
    EditorialPerspectives,
    Evidence,
    Genre,
    Verdict,
)
from newsdesk.render.claimreview import RATINGS, claim_review, render_claimreview

ARTICLE = Article(id="a_1", text="The bridge cost 12 million dollars.", url="https://example.org/bridge",
                  outlet="Daily Post", published=dt.date(2026, 3, 1), title="Bridge opens")


def _claim(verdict: Verdict) -> Claim:
    return Claim(id="c_1", text="The bridge cost 12 million dollars.", sentence=0, spans=[],
                 kind=ClaimKind.quantity, checkworthiness=0.8, verdict=verdict,
                 evidence=[Evidence(quote="The bridge cost 15 million dollars.", source="City Times",
                                    url="https://example.org/t", stance="contradicts", score=0.9)])


def assert_google_required_fields(review: dict) -> None:
    assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
    assert isinstance(review["claimReviewed"], str) and review["claimReviewed"]
    assert review["url"].startswith("https://")
    assert review["author"]["@type"] == "Organization" and review["author"]["name"] == "newsdesk"
    dt.date.fromisoformat(review["datePublished"])
    rating = review["reviewRating"]
    assert rating["@type"] == "Rating" and isinstance(rating["alternateName"], str)
    assert rating["worstRating"] <= rating.get("ratingValue", rating["worstRating"]) <= rating["bestRating"]
    assert review["itemReviewed"]["@type"] == "Claim"


@pytest.mark.parametrize("verdict", list(Verdict))
def test_every_verdict_has_a_rating_on_the_documented_scale(verdict):
    review = claim_review(_claim(verdict), article=ARTICLE, date_published=dt.date(2026, 3, 2))
    assert_google_required_fields(review)
    value, name = RATINGS[verdict]
    assert review["reviewRating"]["alternateName"] == name
    assert review["reviewRating"].get("ratingValue") == value


def test_contradicted_is_the_worst_rating_and_supported_the_best():
    low = claim_review(_claim(Verdict.contradicted))["reviewRating"]
    high = claim_review(_claim(Verdict.supported))["reviewRating"]
    assert low["ratingValue"] == low["worstRating"] and high["ratingValue"] == high["bestRating"]


def test_item_reviewed_has_appearance_and_author():
    item = claim_review(_claim(Verdict.contradicted), article=ARTICLE)["itemReviewed"]
    assert item["appearance"]["url"] == "https://example.org/bridge"
    assert item["appearance"]["@type"] == "CreativeWork"
    assert item["author"] == {"@type": "Organization", "name": "Daily Post"}
    assert item["datePublished"] == "2026-03-01"


def test_bare_text_claim_and_citations():
    review = claim_review("The bridge cost 12 million dollars.", Verdict.mixed,
                          evidence=_claim(Verdict.mixed).evidence)
    assert_google_required_fields(review)
    assert review["citation"][0]["url"] == "https://example.org/t"


def test_brief_renders_one_review_per_claim_as_json():
    persp = EditorialPerspectives(genre=Genre.reporting, genre_scores={}, opinion_share=0.0,
                                  fact_share=1.0)
    brief = Brief(generator="t", article=ARTICLE, summary="s", sentences=[], perspectives=persp,
                  claims=[_claim(Verdict.contradicted), _claim(Verdict.supported)])
    reviews = json.loads(render_claimreview(brief, date_published=dt.date(2026, 3, 2)))
    assert len(reviews) == 2
    for review in reviews:
        assert_google_required_fields(review)
    assert reviews[0]["reviewRating"]["alternateName"] == "Contradicted"
