"""Verdicts without evidence: what a brief says when no store or reference corpus was given.

Kept apart from ``check`` so a plain brief need not import retrieval and the stance model (a cold
start pays ~20 ms for them): predictions are "not checkable", every other claim "not enough
evidence", and the brief carries a notice saying why.
"""

from __future__ import annotations

from ..model import Brief, Claim, ClaimKind, Verdict

NO_SOURCE_NOTICE = ("Verdicts need evidence: no store or reference corpus was given, so every "
                    "fact is 'not enough evidence' (see `newsdesk check --help`).")


def unverified_claim(claim: Claim) -> Claim:
    """The claim with the verdict it gets without evidence, and no evidence."""
    verdict = (Verdict.not_checkable if claim.kind == ClaimKind.prediction
               else Verdict.not_enough_evidence)
    return claim.model_copy(update={"verdict": verdict, "evidence": []})


def with_notice(brief: Brief, claims: list[Claim]) -> Brief:
    """The brief with these claims and, when there are any, the no-evidence notice."""
    notices = list(brief.notices)
    if claims and NO_SOURCE_NOTICE not in notices:
        notices.append(NO_SOURCE_NOTICE)
    return brief.model_copy(update={"claims": claims, "notices": notices})


def unverified(brief: Brief) -> Brief:
    """The brief with every claim's no-evidence verdict and the notice saying why."""
    return with_notice(brief, [unverified_claim(c) for c in brief.claims])
