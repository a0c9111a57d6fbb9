"""The plain brief's no-evidence fast path gives exactly what the verifier gives without a source."""

from newsdesk.api import NO_SOURCE_NOTICE, brief_article, default_pipeline, to_brief, unverified
from newsdesk.model import ClaimKind, Verdict
from newsdesk.samples import load_sample, sample_ids
from newsdesk.verify import check


def test_notice_matches_verifier():
    assert NO_SOURCE_NOTICE == check.NO_SOURCE_NOTICE


def test_unverified_equals_verify_brief_without_source():
    kinds = set()
    for sample_id in sample_ids():
        raw = to_brief(default_pipeline()(load_sample(sample_id)))
        fast = unverified(raw)
        assert fast == check.verify_brief(raw, None)
        assert brief_article(load_sample(sample_id)) == fast
        kinds.update(c.kind for c in fast.claims)
        for claim in fast.claims:
            expected = (Verdict.not_checkable if claim.kind == ClaimKind.prediction
                        else Verdict.not_enough_evidence)
            assert claim.verdict == expected and claim.evidence == []
    assert ClaimKind.prediction in kinds  # the samples exercise both branches
