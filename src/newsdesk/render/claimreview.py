"""schema.org ClaimReview JSON-LD, one per verdict, in the shape Google's Fact Check markup reads.

Rating scale (``reviewRating``; ``worstRating`` 1, ``bestRating`` 5):

    verdict               ratingValue  alternateName
    supported             5            "Supported"
    mixed                 3            "Mixed"
    contradicted          1            "Contradicted"
    not enough evidence   (none)       "Not enough evidence"
    not checkable         (none)       "Not checkable"

A verdict that is not a judgement of truth carries no ``ratingValue``: only its ``alternateName``
(the textual rating, which is what fact-check readers display). ``itemReviewed`` is the Claim
with its ``appearance`` (the article, as a CreativeWork with its URL, outlet and date) and
``author`` (the outlet or byline). ``url`` is where the review would be published:
``base_url`` + the claim id (``https://newsdesk.invalid/claims/`` unless given).
"""

from __future__ import annotations

import datetime as dt
import json

from ..model import Article, Brief, Claim, Evidence, Verdict

DEFAULT_BASE_URL = "https://newsdesk.invalid/claims/"
WORST, BEST = 1, 5
RATINGS: dict[Verdict, tuple[int | None, str]] = {
    Verdict.supported: (5, "Supported"),
    Verdict.mixed: (3, "Mixed"),
    Verdict.contradicted: (1, "Contradicted"),
    Verdict.not_enough_evidence: (None, "Not enough evidence"),
    Verdict.not_checkable: (None, "Not checkable"),
}
PUBLISHER = {"@type": "Organization", "name": "newsdesk", "url": "https://newsdesk.invalid/"}


def rating(verdict: Verdict) -> dict:
    value, name = RATINGS[verdict]
    out: dict = {"@type": "Rating", "bestRating": BEST, "worstRating": WORST, "alternateName": name}
    if value is not None:
        out["ratingValue"] = value
    return out


def _appearance(article: Article) -> dict:
    work: dict = {"@type": "CreativeWork"}
    if article.url:
        work["url"] = article.url
    if article.title:
        work["headline"] = article.title
    if article.published:
        work["datePublished"] = article.published.isoformat()
    if article.outlet:
        work["publisher"] = {"@type": "Organization", "name": article.outlet}
    return work


def _evidence_works(evidence: list[Evidence]) -> list[dict]:
    out = []
    for e in evidence:
        work = {"@type": "CreativeWork", "text": e.quote, "name": e.source,
                "description": f"{e.stance} ({e.score:.2f})"}
        if e.url:
            work["url"] = e.url
        out.append(work)
    return out


def claim_review(claim: Claim | str, verdict: Verdict | None = None, *,
                 evidence: list[Evidence] | None = None, article: Article | None = None,
                 date_published: dt.date | None = None,
                 base_url: str = DEFAULT_BASE_URL) -> dict:
    """One ClaimReview object for a claim (a ``Claim`` record, or bare claim text with its
    ``verdict``) as it appeared in ``article`` (when known)."""
    if isinstance(claim, Claim):
        text, claim_id = claim.text, claim.id
        verdict = verdict or claim.verdict
        evidence = claim.evidence if evidence is None else evidence
    else:
        from ..model import content_id

        text, claim_id = claim, content_id(claim, prefix="c_")
        verdict = verdict or Verdict.not_enough_evidence
        evidence = evidence or []
    item: dict = {"@type": "Claim", "text": text}
    if article is not None:
        item["appearance"] = _appearance(article)
        if article.published:
            item["datePublished"] = article.published.isoformat()
        who = article.author or article.outlet
        if who:
            kind = "Person" if article.author else "Organization"
            item["author"] = {"@type": kind, "name": who}
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"{base_url}{claim_id}",
        "claimReviewed": text,
        "itemReviewed": item,
        "author": dict(PUBLISHER),
        "datePublished": (date_published or dt.date.today()).isoformat(),
        "reviewRating": rating(verdict),
    }
    if evidence:
        review["citation"] = _evidence_works(evidence)
    return review


def claim_reviews(brief: Brief, *, date_published: dt.date | None = None,
                  base_url: str = DEFAULT_BASE_URL) -> list[dict]:
    """One ClaimReview per Key Verifiable Fact of a brief."""
    return [claim_review(c, article=brief.article, date_published=date_published, base_url=base_url)
            for c in brief.claims]


def render_claimreview(brief: Brief, *, date_published: dt.date | None = None,
                       base_url: str = DEFAULT_BASE_URL) -> str:
    """JSON-LD text: a list of ClaimReview objects (``[]`` when the brief has no claims)."""
    reviews = claim_reviews(brief, date_published=date_published, base_url=base_url)
    return json.dumps(reviews, ensure_ascii=False, indent=2) + "\n"
