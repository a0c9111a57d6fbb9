"""``newsdesk audit``: check a brief-like document's own "Key Verifiable Facts" and "Takeaways".

    >>> from newsdesk.audit import audit, render_audit
    >>> report = audit(open("brief.txt").read())
    >>> print(render_audit(report, "md"))

For a document shaped like the seed brief (a body, then "Takeaways" and "Key Verifiable Facts"
lists; Markdown or plain text; headings with or without colons; ``-``/``*``/numbered bullets or
none), every listed item is labelled verifiable or interpretation (with the reason) and
supported / partly supported / not supported / contradicted by the body, citing the body
sentences. Raises ``AuditFormatError`` when no such list can be found.
"""

from __future__ import annotations

import datetime as dt

from .records import AuditItem, AuditReport, Citation, Section, Support
from .render import render_audit

__all__ = ["AuditItem", "AuditReport", "Citation", "Section", "Support", "audit", "render_audit"]


def audit(text: str, *, published: str | dt.date | None = None) -> AuditReport:
    """Audit the lists of ``text`` against its body. ``published`` is accepted for relative
    dates in the body (used in notices only; the comparison itself is by words and numbers)."""
    from ..errors import AuditFormatError
    from ..model import SentenceKind
    from ..models import sentence_classifier
    from ..read.sentences import split_sentences
    from .judge import classify, judge_support, make_body
    from .parse import parse

    if not isinstance(text, str) or not text.strip():
        raise AuditFormatError("nothing to audit: the document is empty")
    parsed = parse(text)
    sentences = [s for s in split_sentences(parsed.body) if s.kind != SentenceKind.heading]
    sentences = [s.model_copy(update={"index": i}) for i, s in enumerate(sentences)]
    if not sentences:
        raise AuditFormatError("no body sentences before the lists to check them against")
    body = make_body(sentences, 0)
    listed = [(Section.takeaways, i, it) for i, it in enumerate(parsed.takeaways)] + [
        (Section.facts, i, it) for i, it in enumerate(parsed.facts)
    ]
    subjectivity = sentence_classifier.load("subjectivity").predict_proba(
        [it.text for _, _, it in listed]
    )
    report = AuditReport(body=parsed.body, body_sentences=len(sentences))
    for (section, i, item), p_subj in zip(listed, subjectivity):
        verdict = classify(item.text, float(p_subj))
        support, why, cites = judge_support(item.text, verdict, body)
        record = AuditItem(
            section=section,
            index=i,
            text=item.text,
            start=item.start,
            end=item.end,
            verifiable=verdict.verifiable,
            label="verifiable" if verdict.verifiable else "interpretation",
            reason=verdict.reason,
            support=support,
            support_reason=why,
            citations=cites,
        )
        getattr(report, section.value).append(record)
    if not parsed.facts:
        report.notices.append("No 'Key Verifiable Facts' list found; only takeaways audited.")
    if not parsed.takeaways:
        report.notices.append("No 'Takeaways' list found; only the listed facts audited.")
    if published is not None:
        report.notices.append(f"Publication date taken as {published}.")
    return report
