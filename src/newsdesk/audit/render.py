"""Rendering an audit report as Markdown or JSON."""

from __future__ import annotations

import json

from ..errors import InputError
from .records import AuditItem, AuditReport, Support

_MARK = {
    Support.supported: "supported",
    Support.partly_supported: "partly supported",
    Support.not_supported: "NOT supported",
    Support.contradicted: "CONTRADICTED",
}


def _item_md(item: AuditItem) -> list[str]:
    kind = "verifiable" if item.verifiable else "**interpretation**"
    lines = [
        f"{item.index + 1}. {item.text}",
        f"   - {kind}: {item.reason}",
        f"   - {_MARK[item.support]}: {item.support_reason}",
    ]
    for cite in item.citations:
        lines.append(f'   - body sentence {cite.index}: "{cite.text}"')
    return lines


def render_markdown(report: AuditReport) -> str:
    out = ["# Audit", ""]
    facts = report.facts
    flagged = [i for i in report.items if not i.verifiable or i.support != Support.supported]
    out.append(
        f"Checked {len(report.takeaways)} takeaways and {len(facts)} listed facts against "
        f"a body of {report.body_sentences} sentences; {len(flagged)} need attention."
    )
    out.append("")
    for title, items in (("Key Verifiable Facts", report.facts), ("Takeaways", report.takeaways)):
        if not items:
            continue
        out += [f"## {title}", ""]
        for item in items:
            out += _item_md(item)
        out.append("")
    for notice in report.notices:
        out.append(f"> {notice}")
    return "\n".join(out).rstrip() + "\n"


def render_audit(report: AuditReport, fmt: str = "md") -> str:
    """The report as ``md`` (Markdown) or ``json``."""
    if fmt in ("md", "markdown"):
        return render_markdown(report)
    if fmt == "json":
        return json.dumps(report.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"
    raise InputError(f"unknown audit format {fmt!r}; choose md or json")
