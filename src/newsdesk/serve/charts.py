"""Server-side SVG charts (no JavaScript): how outlets differ within a story."""

from __future__ import annotations

from html import escape


def outlet_bars(perspectives, claims_total: int) -> str:
    """Per outlet: share of opinion, loaded words used, share of the story's facts reported."""
    rows = len(perspectives)
    if not rows:
        return ""
    label_w, bar_w, row_h = 170, 360, 26
    height = 40 + rows * 3 * row_h
    max_loaded = max((len(p.loaded_words) for p in perspectives), default=0) or 1
    parts = [f'<svg role="img" aria-label="Outlet comparison" width="{label_w + bar_w + 80}" '
             f'height="{height}" xmlns="http://www.w3.org/2000/svg" font-family="system-ui" font-size="12">']
    series = (("opinion", "#ec8a85"), ("loaded words", "#c0392b"), ("facts reported", "#7bc896"))
    for i, (name, color) in enumerate(series):
        parts.append(f'<rect x="{label_w + i * 120}" y="6" width="10" height="10" fill="{color}"/>'
                     f'<text x="{label_w + i * 120 + 14}" y="15">{name}</text>')
    y = 30
    for p in perspectives:
        values = (
            p.opinion_share,
            len(p.loaded_words) / max_loaded,
            (len(p.claims) / claims_total) if claims_total else 0.0,
        )
        texts = (f"{round(100 * p.opinion_share)}%" if p.analysed else "not analysed",
                 str(len(p.loaded_words)), f"{len(p.claims)}/{claims_total}")
        parts.append(f'<text x="0" y="{y + row_h + 8}">{escape(p.outlet[:24])}</text>')
        for (name, color), value, text in zip(series, values, texts):
            width = max(1, round(bar_w * value))
            parts.append(f'<rect x="{label_w}" y="{y}" width="{width}" height="{row_h - 8}" '
                         f'fill="{color}"><title>{escape(p.outlet)}: {name} {text}</title></rect>'
                         f'<text x="{label_w + width + 4}" y="{y + row_h - 12}">{text}</text>')
            y += row_h
        y += 4
    parts.append("</svg>")
    return "".join(parts)
