"""Renderers: a ``Brief`` to Markdown, JSON or a standalone HTML page."""

from __future__ import annotations

from ..errors import InputError
from ..model import Brief

FORMATS = ("md", "json", "html", "claimreview")


def render(brief: Brief, fmt: str = "md") -> str:
    if fmt == "md":
        from .markdown import render_markdown

        return render_markdown(brief)
    if fmt == "json":
        from .json import render_json

        return render_json(brief)
    if fmt == "html":
        from .html import render_html

        return render_html(brief)
    if fmt == "claimreview":
        from .claimreview import render_claimreview

        return render_claimreview(brief)
    raise InputError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")
