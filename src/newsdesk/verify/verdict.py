"""From the stance of each evidence passage to one verdict per claim, counting only independent
sources.

Independence: passages from the claim's own article never count, and copies of one text
(syndicated wire copy, the same sentence in several outlets) count once, as the strongest of them,
credited to every outlet that carried it. Then, with ``s`` the strongest support and ``r`` the
strongest contradiction among the independent passages (thresholds tuned by cross-validation and
stored in the stance artifact):

    s >= t_support and r >= t_refute  -> mixed
    s >= t_support                    -> supported
    r >= t_refute                     -> contradicted
    otherwise                         -> not enough evidence
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from ..model import Evidence, Verdict
from .sources import Passage
from .stance import Stance

#: Climate-FEVER evidence labels, in the stance model's column order.
STANCE_LABELS = ("SUPPORTS", "REFUTES", "NOT_ENOUGH_INFO")
#: Climate-FEVER claim labels; DISPUTED is read as ``mixed``.
CLAIM_LABELS = ("SUPPORTS", "REFUTES", "NOT_ENOUGH_INFO", "DISPUTED")
LABEL_TO_VERDICT = {
    "SUPPORTS": Verdict.supported,
    "REFUTES": Verdict.contradicted,
    "NOT_ENOUGH_INFO": Verdict.not_enough_evidence,
    "DISPUTED": Verdict.mixed,
}


def aggregate_probs(probs: np.ndarray, t_support: float, t_refute: float) -> str:
    """The claim label (Climate-FEVER vocabulary) from an (n, 3) array of independent passages'
    [support, refute, unrelated] probabilities."""
    if len(probs) == 0:
        return "NOT_ENOUGH_INFO"
    s = float(probs[:, 0].max())
    r = float(probs[:, 1].max())
    if s >= t_support and r >= t_refute:
        return "DISPUTED"
    if s >= t_support:
        return "SUPPORTS"
    if r >= t_refute:
        return "REFUTES"
    return "NOT_ENOUGH_INFO"


def _fingerprint(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


@dataclass(frozen=True)
class Judged:
    passage: Passage
    stance: Stance


def independent(judged: list[Judged], own_article: str | None = None) -> list[tuple[Judged, list[str]]]:
    """Drop the claim's own article; merge copies of one text (keeping the strongest), each with
    the list of sources that carried it."""
    groups: dict[str, list[Judged]] = {}
    for j in judged:
        if own_article is not None and own_article in (j.passage.doc_id, j.passage.origin):
            continue
        groups.setdefault(_fingerprint(j.passage.text), []).append(j)
    out = []
    for members in groups.values():
        best = max(members, key=lambda j: max(j.stance.support, j.stance.refute))
        sources = list(dict.fromkeys(m.passage.source for m in members))
        out.append((best, sources))
    return out


def counted_as(stance: Stance, t_support: float, t_refute: float) -> str:
    """What a passage counts as in the verdict: support or contradiction when its score reaches
    the threshold (the stronger margin wins), else unrelated."""
    s_margin = stance.support - t_support
    r_margin = stance.refute - t_refute
    if max(s_margin, r_margin) < 0:
        return "unrelated"
    return "supports" if s_margin >= r_margin else "contradicts"


def decide(judged: list[Judged], t_support: float, t_refute: float,
           own_article: str | None = None, max_evidence: int = 5) -> tuple[Verdict, list[Evidence]]:
    """The verdict and the quoted evidence behind it (strongest first)."""
    kept = independent(judged, own_article)
    if not kept:
        return Verdict.not_enough_evidence, []
    probs = np.asarray([[j.stance.support, j.stance.refute, j.stance.unrelated] for j, _ in kept])
    verdict = LABEL_TO_VERDICT[aggregate_probs(probs, t_support, t_refute)]
    evidence = []
    ranked = sorted(kept, key=lambda js: -max(js[0].stance.support, js[0].stance.refute))
    for j, sources in ranked:
        label = counted_as(j.stance, t_support, t_refute)
        if label == "unrelated" and verdict != Verdict.not_enough_evidence:
            continue
        score = {"supports": j.stance.support, "contradicts": j.stance.refute,
                 "unrelated": j.stance.unrelated}[label]
        evidence.append(Evidence(
            quote=j.passage.text, source=", ".join(sources), url=j.passage.url, stance=label,
            score=round(float(score), 4),
        ))
        if len(evidence) >= max_evidence:
            break
    return verdict, evidence
