"""HTML to an :class:`Article` with trafilatura: main text, title, author, site name, date.

The article text is plain text: paragraphs separated by a blank line, headings and list items
on their own lines. Scripts, styles, event handlers and links never reach it (markup that could
execute is removed before extraction, and only text nodes are kept after it).
"""

from __future__ import annotations

import datetime as dt
import re

from ..errors import EmptyInputError, NoArticleError
from ..model import Article
from .decode import normalize_text
from .language import detect_language

# Elements whose content is never article text; removed before trafilatura sees the tree.
_DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "svg",
    "math",
    "canvas",
    "button",
    "select",
    "textarea",
    "input",
)
_MIN_WORDS = 8
_LONG_BLOCK_WORDS = 20
_SENTENCE_END = re.compile(r"[.!?…。！？]")
_SPACES = re.compile(r"[^\S\n]+")
_HAS_DOCUMENT_TAG = re.compile(r"<\s*(html|body)\b", re.IGNORECASE)


def _parse(html: str):
    """An lxml tree of the page with non-content elements and comments removed, or None."""
    from trafilatura.utils import load_html

    if not _HAS_DOCUMENT_TAG.search(html[:10_000]):
        html = f"<html><body>{html}</body></html>"  # trafilatura ignores bare fragments
    tree = load_html(html)
    if tree is None:
        return None
    doomed = list(tree.iter(*_DROP_TAGS))
    doomed += tree.xpath("//comment() | //processing-instruction()")
    for node in doomed:
        parent = node.getparent()
        if parent is None:
            continue
        if node.tail:  # the tail is the parent's text: keep it
            previous = node.getprevious()
            if previous is not None:
                previous.tail = (previous.tail or "") + node.tail
            else:
                parent.text = (parent.text or "") + node.tail
        parent.remove(node)
    return tree


def _element_text(element) -> str:
    """Plain text of one extracted block; <lb/> becomes a newline, spaces collapse."""
    parts: list[str] = []

    def walk(node) -> None:
        if node.tag == "lb":
            parts.append("\n")
        elif node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(element)
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _blocks(body) -> list[str]:
    """The extracted body (trafilatura's XML) as text blocks: paragraphs, headings, lists."""
    blocks: list[str] = []
    for child in body:
        if child.tag == "list":
            items = [_element_text(item) for item in child.iter("item")]
            text = "\n".join(f"- {item}" for item in items if item)
        elif child.tag == "table":
            rows = [
                " | ".join(filter(None, (_element_text(c) for c in row)))
                for row in child.iter("row")
            ]
            text = "\n".join(row for row in rows if row)
        else:
            text = _element_text(child)
        if text:
            blocks.append(text)
    return blocks


def _same_text(a: str, b: str) -> bool:
    def norm(s: str) -> str:
        return " ".join(re.sub(r"[^\w\s]", " ", s.lower()).split())

    return norm(a) == norm(b)


def _looks_like_article(blocks: list[str]) -> bool:
    text = "\n".join(blocks)
    words = len(text.split())
    if words < _MIN_WORDS:
        return False
    longest = max(len(block.split()) for block in blocks)
    return bool(_SENTENCE_END.search(text)) or longest >= _LONG_BLOCK_WORDS


def _parse_date(value) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _field(document, name: str):
    if isinstance(document, dict):
        return document.get(name)
    return getattr(document, name, None)


def article_from_html(
    html: str,
    *,
    url: str | None = None,
    outlet: str | None = None,
    published: dt.date | None = None,
    title: str | None = None,
    source: str = "html",
) -> Article:
    """The main article of an HTML page; explicit arguments override extracted metadata.

    Raises :class:`EmptyInputError` for blank input and :class:`NoArticleError` when the page
    has no article text (only navigation, scripts, a few words...).
    """
    import trafilatura

    if not html.strip():
        raise EmptyInputError("the HTML is empty")
    tree = _parse(html)
    if tree is None:
        raise NoArticleError("no article text found in the HTML")
    document = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_links=False,
        include_images=False,
        include_formatting=False,
    )
    body = _field(document, "body") if document is not None else None
    if body is not None:
        blocks = _blocks(body)
    else:  # older trafilatura without the body tree: one block per line
        raw = (_field(document, "text") or "") if document is not None else ""
        blocks = [line.strip() for line in raw.split("\n") if line.strip()]
    found_title = _field(document, "title") if document is not None else None
    if found_title:
        found_title = " ".join(found_title.split())
        if blocks and len(blocks) > 1 and _same_text(blocks[0], found_title):
            blocks = blocks[1:]  # the headline repeated as the first block
    if not blocks or not _looks_like_article(blocks):
        raise NoArticleError(
            "no article text found in the HTML (only navigation, scripts or a few words)"
        )
    text = normalize_text("\n\n".join(blocks))
    return Article(
        id=Article.make_id(text),
        text=text,
        title=title if title is not None else (found_title or None),
        url=url if url is not None else (_field(document, "url") or None),
        outlet=outlet if outlet is not None else (_field(document, "sitename") or None),
        author=_field(document, "author") or None,
        published=published if published is not None else _parse_date(_field(document, "date")),
        language=detect_language(text),
        source=source,
    )
