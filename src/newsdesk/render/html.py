"""Standalone HTML brief: the article with each sentence highlighted by role and loaded words
marked, beside the perspectives, takeaways, facts and not-verifiable statements.

Everything that comes from the article is escaped; the page has no script and a strict
Content-Security-Policy, so hostile markup in an article cannot run.
"""

from __future__ import annotations

from html import escape

from ..model import Brief, SentenceKind, SentenceRole, Verdict

_CSS = """
body{font:16px/1.55 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header{padding:1.2rem 2rem;background:#fff;border-bottom:1px solid #ddd}
header h1{margin:.2rem 0;font-size:1.5rem} .meta{color:#666;font-size:.9rem}
.summary{font-size:1.05rem;margin:.4rem 0 0} main{display:flex;gap:2rem;padding:1rem 2rem}
article{flex:3;background:#fff;padding:1rem 1.5rem;border:1px solid #e3e3e3;border-radius:8px}
aside{flex:2;min-width:18rem} aside section{background:#fff;border:1px solid #e3e3e3;
border-radius:8px;padding:.6rem 1rem;margin-bottom:1rem} h2{font-size:1.1rem;margin:.4rem 0}
.s{border-radius:3px;padding:0 1px} .role-fact{background:#dff3e4} .role-opinion{background:#fde2e1}
.role-mixed{background:#fff1cc} .role-other{background:#eee}
mark.loaded{background:none;border-bottom:2px solid #c0392b;color:inherit;font-weight:600}
.technique{text-decoration:underline dotted #6a3d9a 2px;text-underline-offset:3px}
details summary{cursor:pointer} .evidence{margin:.3rem 0 .3rem 1rem;font-size:.9rem;color:#333}
.legend span{display:inline-block;padding:0 .4rem;margin-right:.4rem;border-radius:3px}
.bar{display:flex;height:14px;border-radius:7px;overflow:hidden;margin:.3rem 0}
.bar div{height:100%} .cite{color:#666;font-size:.8rem} .verdict{font-size:.8rem;padding:0 .3rem;
border-radius:3px;background:#e8eefc} .note{background:#fff8e1;padding:.4rem .8rem;margin:.3rem 0;
border-left:3px solid #f0b400} li{margin:.25rem 0} footer{padding:0 2rem 2rem;color:#777;font-size:.8rem}
"""

_COLORS = {"fact": "#7bc896", "mixed": "#f3c74f", "opinion": "#ec8a85", "other": "#bbbbbb"}


def _cite(indices: list[int]) -> str:
    links = ", ".join(f'<a href="#s{i + 1}">s{i + 1}</a>' for i in indices)
    return f'<span class="cite">[{links}]</span>'


def _sentence_html(brief: Brief, index: int) -> str:
    """One sentence as a highlighted span; loaded words and persuasion techniques marked inside.

    The sentence is cut at every annotation boundary so overlapping annotations nest cleanly."""
    sent = brief.sentences[index]
    text = brief.article.text
    analysis = brief.analysis[index] if index < len(brief.analysis) else None
    role = analysis.role.value if analysis else "other"
    title = f"s{index + 1}: {role}" + (f" ({analysis.reason})" if analysis else "")
    marks = [(w.start, w.end, "loaded", "loaded word") for w in brief.perspectives.loaded_words
             if w.sentence == index]
    marks += [(t.start, t.end, "technique", t.technique.replace("_", " "))
              for t in brief.perspectives.techniques if t.sentence == index]
    marks = [(max(a, sent.start), min(b, sent.end), kind, label) for a, b, kind, label in marks
             if a < sent.end and b > sent.start]
    cuts = sorted({sent.start, sent.end, *(m[0] for m in marks), *(m[1] for m in marks)})
    parts = []
    for a, b in zip(cuts, cuts[1:]):
        piece = escape(text[a:b])
        techniques = [m[3] for m in marks if m[2] == "technique" and m[0] <= a and b <= m[1]]
        if techniques:
            names = escape(", ".join(dict.fromkeys(techniques)))
            piece = f'<span class="technique" title="persuasion technique: {names}">{piece}</span>'
        if any(m[2] == "loaded" and m[0] <= a and b <= m[1] for m in marks):
            piece = f'<mark class="loaded" title="loaded word">{piece}</mark>'
        parts.append(piece)
    return (f'<span class="s role-{role}" id="s{index + 1}" title="{escape(title)}">'
            f'{"".join(parts)}</span>')


def _article_html(brief: Brief) -> str:
    blocks: list[str] = []
    current: list[str] = []
    paragraph = None
    kind = None

    def flush():
        if not current:
            return
        inner = " ".join(current)
        if kind == SentenceKind.heading:
            blocks.append(f"<h3>{inner}</h3>")
        elif kind == SentenceKind.bullet:
            blocks.append(f"<ul><li>{inner}</li></ul>")
        else:
            blocks.append(f"<p>{inner}</p>")
        current.clear()

    for sent in brief.sentences:
        if sent.paragraph != paragraph or sent.kind != kind:
            flush()
            paragraph, kind = sent.paragraph, sent.kind
        current.append(_sentence_html(brief, sent.index))
    flush()
    return "\n".join(blocks)


def _shares_bar(brief: Brief) -> str:
    counts = {r.value: sum(1 for a in brief.analysis if a.role == r) for r in SentenceRole}
    total = sum(counts.values()) or 1
    cells = "".join(
        f'<div style="width:{100 * n / total:.1f}%;background:{_COLORS[r]}" title="{r}: {n}"></div>'
        for r, n in counts.items() if n
    )
    legend = " ".join(
        f'<span class="role-{r}">{r} {n}</span>' for r, n in counts.items()
    )
    return f'<div class="bar">{cells}</div><div class="legend">{legend}</div>'


def _claim_html(claim) -> str:
    """A fact with its verdict; a click (``<details>``, no script) shows the evidence."""
    summary = (f'{escape(claim.text)} <span class="verdict">{escape(claim.verdict.value)}</span> '
               f'<span class="cite">{escape(claim.kind.value)} · {claim.checkworthiness:.2f}</span>')
    body = [_cite([claim.sentence])]
    if claim.ambiguous:
        body.append(f'<div class="cite">ambiguous: {escape(claim.ambiguity or "")}</div>')
    for e in claim.evidence:
        source = escape(e.source)
        if e.url and e.url.startswith(("http://", "https://")):
            source = f'<a href="{escape(e.url)}" rel="nofollow noopener">{source}</a>'
        body.append(f'<div class="evidence">{escape(e.stance)} ({e.score:.2f}), {source}: '
                    f'“{escape(e.quote)}”</div>')
    if not claim.evidence and claim.verdict == Verdict.not_enough_evidence:
        body.append('<div class="evidence">No evidence passages: see the note on verdicts.</div>')
    return f'<li><details><summary>{summary}</summary>{"".join(body)}</details></li>'


def _takeaway_role(t) -> str:
    if t.role is not None and t.role.value in ("opinion", "mixed"):
        return f'<em class="{t.role.value}-label">{t.role.value}:</em> '
    return ""


def render_html(brief: Brief, back_link: str | None = None) -> str:
    a, p = brief.article, brief.perspectives
    meta = " · ".join(escape(x) for x in
                      (a.outlet, a.published.isoformat() if a.published else None, a.url) if x)
    notes = "".join(f'<div class="note">{escape(n)}</div>' for n in brief.notices)
    genre = ", ".join(f"{escape(k)} {v:.2f}" for k, v in
                      sorted(p.genre_scores.items(), key=lambda kv: -kv[1]))
    loaded = ", ".join(f"“{escape(w)}”" for w in dict.fromkeys(x.text for x in p.loaded_words))
    techniques = "".join(
        f"<li>{escape(t.technique.replace('_', ' '))}: “{escape(t.text)}” "
        f"{_cite([t.sentence or 0])}</li>" for t in p.techniques[:15]
    )
    takeaways = "".join(
        f"<li>{_takeaway_role(t)}{escape(t.text)} {_cite(t.sentences)}</li>" for t in brief.takeaways
    )
    claims = "".join(_claim_html(c) for c in brief.claims) or "<li>Nothing checkable here.</li>"
    not_verifiable = "".join(
        f"<li>“{escape(n.text)}” <em>{escape(n.reason)}</em> {_cite([n.sentence])}</li>"
        for n in brief.not_verifiable
    ) or "<li>(none)</li>"
    quoted = escape(", ".join(p.quoted)) or "nobody"
    attribution = f"<p>{escape(a.attribution)}</p>" if a.attribution else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(a.title or "Brief")} · newsdesk</title><style>{_CSS}</style></head>
<body><header>{f'<a href="{escape(back_link)}">← New brief</a>' if back_link else ""}
<div class="meta">{meta}</div><h1>{escape(a.title or "Untitled article")}</h1>
<p class="summary">{escape(brief.summary)}</p>{notes}</header>
<main><article aria-label="Article text">
<div class="legend"><span class="role-fact">fact</span><span class="role-mixed">mixed</span>
<span class="role-opinion">opinion</span><span class="role-other">other</span>
<mark class="loaded">loaded word</mark> <span class="technique">persuasion technique</span></div>
{_article_html(brief)}</article>
<aside><section id="perspectives"><h2>Editorial Perspectives</h2>
<p><b>Genre:</b> {escape(p.genre.value if p.genre is not None else "not analysed")} <span class="cite">({genre})</span></p>
{_shares_bar(brief)}
<p><b>Opinion:</b> {round(100 * p.opinion_share)}% of sentences · <b>Fact:</b> {round(100 * p.fact_share)}%</p>
<p><b>Loaded language:</b> {loaded or "none found"}</p>
<p><b>Quoted:</b> {quoted}</p>
{f"<p><b>Persuasion techniques:</b></p><ul>{techniques}</ul>" if techniques else ""}
</section>
<section id="takeaways"><h2>Takeaways</h2><ul>{takeaways}</ul></section>
<section id="facts"><h2>Key Verifiable Facts</h2><ul>{claims}</ul></section>
<section id="not-verifiable"><h2>Not verifiable</h2><ul>{not_verifiable}</ul></section>
</aside></main><footer>{attribution}<p>{escape(brief.generator)}</p></footer></body></html>
"""
