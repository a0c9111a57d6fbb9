"""Terminal view of a brief (rich): the article with sentences coloured by role and loaded
words underlined, then the Markdown brief. Used when the output is a terminal."""

from __future__ import annotations

from ..model import Brief

_STYLES = {"fact": "on #1f3d2b", "mixed": "on #4a3f12", "opinion": "on #4d1f1f", "other": "dim"}


def print_brief(brief: Brief, markdown: str, console=None) -> None:
    from rich.console import Console
    from rich.markdown import Markdown
    from rich.panel import Panel
    from rich.text import Text

    console = console or Console()
    text = brief.article.text
    view = Text()
    paragraph = None
    loaded = sorted(brief.perspectives.loaded_words, key=lambda w: w.start)
    for sent in brief.sentences:
        if paragraph is not None and sent.paragraph != paragraph:
            view.append("\n\n")
        elif paragraph is not None:
            view.append(" ")
        paragraph = sent.paragraph
        role = brief.analysis[sent.index].role.value if sent.index < len(brief.analysis) else "other"
        piece = Text(text[sent.start:sent.end], style=_STYLES[role])
        for w in loaded:
            if sent.start <= w.start and w.end <= sent.end:
                piece.stylize("bold underline", w.start - sent.start, w.end - sent.start)
        view.append(piece)
    legend = Text.assemble(
        ("fact", _STYLES["fact"]), " ", ("mixed", _STYLES["mixed"]), " ",
        ("opinion", _STYLES["opinion"]), " ", ("other", _STYLES["other"]), "  ",
        ("loaded word", "bold underline"),
    )
    console.print(Panel(view, title=brief.article.title or "Article", subtitle=legend))
    console.print(Markdown(markdown))
