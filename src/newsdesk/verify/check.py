"""Checking claims: retrieve passages, judge each one's stance, decide the verdict.

    check_claim(text, source)          -> CheckResult (verdict, quoted evidence, every passage)
    verify_claims(claims, source, ...)  -> the claims with ``verdict`` and ``evidence`` filled in
    verify_brief(brief, source)         -> the brief with every Key Verifiable Fact checked
    source_for_db(path)                 -> an EvidenceSource over a store and/or reference corpus

With no source (a single article and no store), every claim stays "not enough evidence" and the
brief says so: newsdesk does not guess. Predictions are "not checkable" whatever the evidence.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..model import Brief, Claim, ClaimKind, Evidence, Verdict
from .sources import ChainedSource, EvidenceSource, MemorySource, Passage
from .unverified import NO_SOURCE_NOTICE, unverified, unverified_claim  # noqa: F401
from .verdict import Judged, decide

DEFAULT_LIMIT = 12


@dataclass
class CheckResult:
    claim: str
    verdict: Verdict
    evidence: list[Evidence]
    judged: list[Judged] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "claim": self.claim,
            "verdict": self.verdict.value,
            "evidence": [e.model_dump() for e in self.evidence],
            "passages_considered": len(self.judged),
        }


def check_claim(claim: str, source: EvidenceSource, *, own_article: str | None = None,
                limit: int = DEFAULT_LIMIT) -> CheckResult:
    """The verdict on ``claim`` from the passages ``source`` returns for it."""
    from . import stance

    claim = claim.strip()
    if not claim:
        raise InputError("the claim is empty")
    model = stance.load()
    passages = source.search(claim, limit)
    judged = [Judged(p, model.judge(claim, p.text)) for p in passages]
    verdict, evidence = decide(judged, model.t_support, model.t_refute, own_article=own_article)
    return CheckResult(claim, verdict, evidence, judged)


def verify_claims(claims: list[Claim], source: EvidenceSource | None, *,
                  own_article: str | None = None, limit: int = DEFAULT_LIMIT) -> list[Claim]:
    """Copies of ``claims`` with ``verdict`` and ``evidence`` set."""
    out = []
    for claim in claims:
        if source is None or claim.kind == ClaimKind.prediction:
            out.append(unverified_claim(claim))
            continue
        result = check_claim(claim.text, source, own_article=own_article, limit=limit)
        out.append(claim.model_copy(update={"verdict": result.verdict, "evidence": result.evidence}))
    return out


def verify_brief(brief: Brief, source: EvidenceSource | None, *,
                 limit: int = DEFAULT_LIMIT) -> Brief:
    """The brief with a verdict and quoted evidence beside every claim; the brief's own article
    never corroborates itself."""
    if source is None:
        return unverified(brief)
    claims = verify_claims(brief.claims, source, own_article=brief.article.id, limit=limit)
    return brief.model_copy(update={"claims": claims})


def _tables(path: Path) -> set[str]:
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        finally:
            con.close()
    except sqlite3.Error as exc:
        raise InputError(f"{path} is not a SQLite database: {exc}") from exc


def source_for_db(path: str | Path, *, story_id: str | None = None) -> EvidenceSource:
    """An evidence source over a SQLite file holding a corpus store (``newsdesk ingest``), a
    reference corpus (``newsdesk corpus add``), or both (the store is searched first); or over a
    ``postgresql://`` store (reference corpora live in SQLite files only)."""
    if str(path).startswith(("postgresql://", "postgres://")):
        from ..store import open_store
        from .store_source import StoreSource

        return StoreSource(open_store(str(path)), story_id=story_id)
    path = Path(path)
    if not path.is_file():
        raise InputError(f"no store or reference corpus at {path}: add articles with "
                         "`newsdesk ingest PATH --db FILE` or documents with "
                         "`newsdesk corpus add PATH --db FILE` first")
    tables = _tables(path)
    sources: list[EvidenceSource] = []
    if "articles" in tables:
        from ..store import open_store
        from .store_source import StoreSource

        sources.append(StoreSource(open_store(str(path)), story_id=story_id))
    if "reference_passages" in tables:
        from .corpus import ReferenceCorpus

        sources.append(ReferenceCorpus(path))
    if not sources:
        raise InputError(f"{path} holds neither a corpus store nor a reference corpus")
    return sources[0] if len(sources) == 1 else ChainedSource(*sources)


def memory_source(passages: list[Passage]) -> MemorySource:
    return MemorySource(passages)
