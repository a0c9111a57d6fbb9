"""Markdown brief in the shape of the seed: title, summary, Editorial Perspectives, Takeaways,
Key Verifiable Facts (with verdicts) and Not verifiable."""

from __future__ import annotations

from ..model import Brief, SentenceRole


def _cite(indices: list[int]) -> str:
    return "[" + ", ".join(f"s{i + 1}" for i in indices) + "]"


def _takeaway_label(t) -> str:
    """"*opinion:* " before a takeaway that condenses an opinion or mixed sentence."""
    if t.role in (SentenceRole.opinion, SentenceRole.mixed):
        return f"*{t.role.value}:* "
    return ""


def _md(text: str | None) -> str:
    """Article-derived text made inert in Markdown: no raw HTML (``<script>``, ``<img onerror>``)
    and no links (``[x](javascript:...)``) survive a Markdown-to-HTML renderer."""
    if not text:
        return text or ""
    return text.replace("<", "&lt;").replace(">", "&gt;").replace("](", "]\\(")


def _pct(x: float) -> str:
    return f"{round(100 * x)}%"


def render_markdown(brief: Brief) -> str:
    a = brief.article
    p = brief.perspectives
    lines = [f"# {_md(a.title) or 'Untitled article'}", ""]
    meta = [x for x in (a.outlet, a.published.isoformat() if a.published else None, a.url) if x]
    if meta:
        lines += [" · ".join(_md(x) for x in meta), ""]
    lines += [f"> {_md(brief.summary)}", ""]
    for notice in brief.notices:
        lines.append(f"> **Note:** {_md(notice)}")
    if brief.notices:
        lines.append("")

    lines += ["## Editorial Perspectives", ""]
    ranked = sorted(p.genre_scores.items(), key=lambda kv: -kv[1])
    scores = ", ".join(f"{k} {v:.2f}" for k, v in ranked)
    genre = p.genre.value if p.genre is not None else "not analysed"
    lines.append(f"- **Genre:** {genre}" + (f" ({scores})" if scores else ""))
    counts = {role: sum(1 for x in brief.analysis if x.role == role) for role in SentenceRole}
    lines.append(
        f"- **Opinion vs fact:** {_pct(p.opinion_share)} of sentences carry opinion "
        f"({counts[SentenceRole.opinion]} opinion, {counts[SentenceRole.mixed]} mixed), "
        f"{_pct(p.fact_share)} state checkable facts ({counts[SentenceRole.fact]})."
    )
    if p.loaded_words:
        words = list(dict.fromkeys(w.text for w in p.loaded_words))
        lines.append("- **Loaded language:** " + ", ".join(f"“{_md(w)}”" for w in words[:25]))
    else:
        lines.append("- **Loaded language:** none found")
    if p.techniques:
        lines.append("- **Persuasion techniques:**")
        for t in p.techniques[:12]:
            lines.append(f"  - {t.technique.replace('_', ' ')}: “{_md(t.text)}” {_cite([t.sentence or 0])}")
    if p.quoted:
        lines.append("- **Quoted:** " + ", ".join(_md(q) for q in p.quoted))
    opinion = [x for x in brief.analysis if x.role in (SentenceRole.opinion, SentenceRole.mixed)]
    if opinion:
        lines.append("- **Opinion sentences:**")
        for x in opinion[:10]:
            text = brief.sentences[x.index].text
            short = text if len(text) <= 160 else text[:157].rstrip() + "…"
            lines.append(f"  - {_cite([x.index])} *{x.role.value}* ({_md(x.reason)}): {_md(short)}")
    lines.append("")

    lines += ["## Takeaways", ""]
    for t in brief.takeaways:
        lines.append(f"- {_takeaway_label(t)}{_md(t.text)} {_cite(t.sentences)}")
    if not brief.takeaways:
        lines.append("- (none: the text has no substantial sentences)")
    lines.append("")

    lines += ["## Key Verifiable Facts", ""]
    for c in brief.claims:
        tail = f"*{c.kind.value} · check-worthiness {c.checkworthiness:.2f} · {c.verdict.value}*"
        lines.append(f"- {_md(c.text)} — {tail} {_cite([c.sentence])}")
        if c.ambiguous:
            lines.append(f"  - ambiguous: {_md(c.ambiguity)}")
        for e in c.evidence:
            lines.append(f"  - {e.stance} ({_md(e.source)}): “{_md(e.quote)}”")
    if not brief.claims:
        lines.append("- Nothing checkable here.")
    lines.append("")

    lines += ["## Not verifiable", ""]
    for nv in brief.not_verifiable:
        lines.append(f"- “{_md(nv.text)}” — {_md(nv.reason)} {_cite([nv.sentence])}")
    if not brief.not_verifiable:
        lines.append("- (none)")
    lines.append("")
    if a.attribution:
        lines += ["---", f"*{_md(a.attribution)}*", ""]
    lines.append(f"<sub>{brief.generator}; sentences numbered s1…s{len(brief.sentences)}</sub>")
    return "\n".join(lines) + "\n"
