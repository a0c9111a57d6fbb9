"""Finding the body and the "Takeaways" / "Key Verifiable Facts" lists of a brief-like document.

A list heading is a line that, once Markdown decoration (``#``, ``**``, ``__``) and a trailing
colon are removed, reads "Takeaways", "Key Takeaways", "Key Verifiable Facts", "Verifiable
Facts", "Key Facts" or "Facts" (any case). The list runs until the next heading-like line;
its items are the lines after it, with or without bullets (``-``, ``*``, ``+``, ``•``, ``1.``,
``1)``), a bullet line's wrapped continuation joined to it. The body is everything before the
first list heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import AuditFormatError

_DECORATION = re.compile(
    r"^\s*(?:#{1,6}\s*)?(?:\*\*|__)?\s*(?:\d{1,2}[.)]\s+)?|\s*(?:\*\*|__)?\s*:?\s*(?:\*\*|__)?\s*$"
)
_TAKEAWAYS = re.compile(r"^(?:key\s+)?take-?aways?$", re.IGNORECASE)
_FACTS = re.compile(
    r"^(?:key\s+)?(?:verifiable\s+)?facts?(?:\s+to\s+check)?$|"
    r"^key\s+verifiable\s+facts?$",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^\s*(?:[-*+•‣◦–]|\d{1,3}[.)])\s+")
_MD_HEADING = re.compile(r"^\s*#{1,6}\s+\S")


@dataclass
class ListItem:
    text: str
    start: int
    end: int


@dataclass
class Parsed:
    body: str
    body_end: int
    takeaways: list[ListItem] = field(default_factory=list)
    facts: list[ListItem] = field(default_factory=list)


def heading_name(line: str) -> str | None:
    """'takeaways' or 'facts' when ``line`` is one of the list headings."""
    core = _DECORATION.sub("", line).strip()
    if not core or len(core) > 40:
        return None
    if _TAKEAWAYS.match(core):
        return "takeaways"
    if _FACTS.match(core):
        return "facts"
    return None


def _other_heading(line: str) -> bool:
    stripped = line.strip()
    if _MD_HEADING.match(stripped):
        return True
    if _BULLET.match(stripped) or not stripped:
        return False
    words = stripped.rstrip(":").split()
    return (
        len(words) <= 6
        and stripped[-1] not in '.!?"”’'
        and stripped[:1].isupper()
        and (stripped.endswith(":") or all(w[:1].isupper() for w in words if len(w) > 3))
    )


def parse(text: str) -> Parsed:
    lines = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        lines.append((pos, pos + len(body), body))
        pos += len(line)
    headings = [(i, heading_name(body)) for i, (_, _, body) in enumerate(lines)]
    list_starts = [(i, name) for i, name in headings if name]
    if not list_starts:
        raise AuditFormatError(
            "no 'Takeaways' or 'Key Verifiable Facts' list found (expected a heading line such "
            "as 'Key Verifiable Facts:' followed by one item a line)"
        )
    first = list_starts[0][0]
    body_end = lines[first][0]
    parsed = Parsed(body=text[:body_end].rstrip(), body_end=body_end)
    for n, (i, name) in enumerate(list_starts):
        stop = list_starts[n + 1][0] if n + 1 < len(list_starts) else len(lines)
        items: list[ListItem] = []
        bulleted = False
        for start, end, body in lines[i + 1 : stop]:
            if not body.strip():
                continue
            bullet = _BULLET.match(body)
            if not bullet and _other_heading(body):
                break
            if bullet:
                bulleted = True
                content = start + bullet.end()
                items.append(ListItem(text[content:end].strip(), content, end))
            elif bulleted and items:
                if body[:1].isspace():  # wrapped continuation of the previous bullet
                    last = items[-1]
                    last.end = end
                    last.text = re.sub(r"\s+", " ", text[last.start : end]).strip()
                else:
                    break  # prose after the list
            else:
                lead = len(body) - len(body.lstrip())
                items.append(ListItem(body.strip(), start + lead, end))
        items = [it for it in items if it.text]
        getattr(parsed, name).extend(items)
    if not parsed.takeaways and not parsed.facts:
        raise AuditFormatError("the list headings were found but hold no items")
    if not parsed.body.strip():
        raise AuditFormatError("no body text before the lists to check them against")
    return parsed
