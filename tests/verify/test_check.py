"""Checking claims end to end over in-memory sources: verdicts, independence, briefs."""

from __future__ import annotations

import datetime as dt

import pytest

from newsdesk.errors import InputError
from newsdesk.model import Article, Brief, Claim, ClaimKind, EditorialPerspectives, Genre, Verdict
from newsdesk.verify.check import NO_SOURCE_NOTICE, check_claim, verify_brief
from newsdesk.verify.sources import EvidenceSource, MemorySource, Passage
from newsdesk.verify.stance import Stance
from newsdesk.verify.verdict import Judged, decide, independent

CLAIM = "The Harbor Bridge cost 12 million dollars"


def _source(*items: tuple[str, str, str]) -> MemorySource:
    return MemorySource(Passage(text=t, source=s, doc_id=d) for t, s, d in items)


def test_memory_source_is_an_evidence_source_and_ranks_by_relevance():
    src = _source(("Tomatoes grow in summer.", "A", "a1"),
                  ("The Harbor Bridge cost 15 million dollars to build.", "B", "b1"))
    assert isinstance(src, EvidenceSource)
    hits = src.search(CLAIM, 5)
    assert hits[0].source == "B"
    assert all(h.source != "A" for h in hits)


def test_number_mismatch_gives_contradicted_with_quoted_evidence():
    src = _source(
        ("The Harbor Bridge cost 15 million dollars, city records show.", "Daily Post", "p1"),
        ("Officials said the Harbor Bridge cost 15 million dollars in total.", "City Times", "t1"),
    )
    result = check_claim(CLAIM, src)
    assert result.verdict == Verdict.contradicted
    assert {e.source for e in result.evidence} == {"Daily Post", "City Times"}
    assert all(e.stance == "contradicts" for e in result.evidence)
    assert "15 million" in result.evidence[0].quote


def test_no_passages_is_not_enough_evidence():
    result = check_claim(CLAIM, MemorySource())
    assert result.verdict == Verdict.not_enough_evidence and result.evidence == []


def test_empty_claim_is_an_input_error():
    with pytest.raises(InputError):
        check_claim("   ", MemorySource())


def _judged(text, source, doc_id, support, refute=0.0):
    return Judged(Passage(text=text, source=source, doc_id=doc_id),
                  Stance(support, refute, 1.0 - support - refute))


def test_syndicated_copies_count_once_and_credit_every_outlet():
    wire = "The Harbor Bridge cost 12 million dollars, officials said."
    judged = [_judged(wire, "Wire A", "a", 0.9), _judged(wire + " ", "Paper B", "b", 0.8)]
    kept = independent(judged)
    assert len(kept) == 1
    assert kept[0][1] == ["Wire A", "Paper B"]


def test_own_article_does_not_corroborate():
    judged = [_judged("The Harbor Bridge cost 12 million dollars.", "Own", "own", 0.95)]
    verdict, evidence = decide(judged, 0.5, 0.5, own_article="own")
    assert verdict == Verdict.not_enough_evidence and evidence == []
    verdict, _ = decide(judged, 0.5, 0.5)
    assert verdict == Verdict.supported


def test_support_and_contradiction_make_mixed():
    judged = [_judged("x bridge", "A", "a", 0.9), _judged("y bridge", "B", "b", 0.0, 0.9)]
    verdict, evidence = decide(judged, 0.5, 0.5)
    assert verdict == Verdict.mixed
    assert {e.stance for e in evidence} == {"supports", "contradicts"}


def _brief(claims):
    article = Article(id="a_own", text="The Harbor Bridge cost 12 million dollars.",
                      published=dt.date(2026, 3, 1), outlet="Own Paper")
    persp = EditorialPerspectives(genre=Genre.reporting, genre_scores={}, opinion_share=0.0,
                                  fact_share=1.0)
    return Brief(generator="test", article=article, summary="s", sentences=[], perspectives=persp,
                 claims=claims)


def _claim(text, kind=ClaimKind.quantity):
    return Claim(id="c_" + str(abs(hash(text)) % 10**8), text=text, sentence=0, spans=[],
                 kind=kind, checkworthiness=0.9)


def test_verify_brief_without_source_says_so_honestly():
    brief = verify_brief(_brief([_claim(CLAIM)]), None)
    assert brief.claims[0].verdict == Verdict.not_enough_evidence
    assert NO_SOURCE_NOTICE in brief.notices


def test_verify_brief_checks_claims_and_skips_own_article_and_predictions():
    src = _source(
        ("The Harbor Bridge cost 12 million dollars.", "Own Paper", "a_own"),
        ("The Harbor Bridge cost 15 million dollars, city records show.", "Daily Post", "p1"),
    )
    brief = verify_brief(_brief([_claim(CLAIM),
                                 _claim("The Harbor Bridge will cost 20 million dollars to repair",
                                        ClaimKind.prediction)]), src)
    fact, prediction = brief.claims
    assert fact.verdict == Verdict.contradicted
    assert [e.source for e in fact.evidence] == ["Daily Post"]
    assert prediction.verdict == Verdict.not_checkable
