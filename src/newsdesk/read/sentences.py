"""Sentence segmentation with character offsets into the article text.

Rules, not a model: the text is cut into blocks at line breaks; a block is a heading (a Markdown
``#`` line, or a short line with no closing punctuation standing alone), a bullet (``-``, ``*``,
``•``, ``1.``), or prose. Prose is split after ``.``, ``!``, ``?`` or ``…`` (plus any closing
quotes or brackets) when the next non-space character can start a sentence, unless the period
ends a known abbreviation, an initial, or a number. Em-dashes and semicolons never split.
"""

from __future__ import annotations

from ..model import Sentence, SentenceKind
from . import regex as re

_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof sr jr st mt ft gen col lt sgt capt cmdr adm maj cpl pvt rep sen gov pres
    rev fr msgr hon atty supt insp det messrs mmes jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun inc corp co ltd llc bros dept univ assn vs
    etc al approx est fig no nos vol pp op ed eds ave blvd rd hwy p.m a.m u.s u.k u.n e.g i.e
    """.split()
)

_FINAL_ABBREVIATIONS = frozenset("inc corp co ltd llc bros etc al jr sr".split())
_OPENER_WORDS = frozenset(
    """The A An He She It They We I You This That These Those But And Yet So However In On At
    For His Her Their Its Our After Before When While According Meanwhile Officials Police""".split()
)
_WORD = re.compile(r"\s*[\"'“‘]?(\w+)")
_BULLET = re.compile(r"^[ \t]*(?:[-*•‣◦–—]|\d{1,3}[.)])[ \t]+")
_MD_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]+")
# A candidate boundary: terminal punctuation, optional closers, then whitespace.
# CJK full stops end a sentence with no space after them.
_BOUNDARY = re.compile(r"(?:[.!?]+|…)[\"'”’»)\]]*(?=\s)|[。！？]+[」』）”’]*")
_CJK_STOPS = "。！？"
# A title or an initial that cannot end a sentence: "appointed Fr.\nThomas Smith" is one.
# (Roman numerals I, V and X are left out: "World War I." ends one.)
_ENDS_WITH_TITLE = re.compile(
    r"(?:^|[\s(\"'“‘])(?:Mr|Mrs|Ms|Dr|Prof|Rev|Fr|Msgr|Gen|Col|Lt|Sgt|Capt|Cmdr|Adm|Maj|Cpl"
    r"|Pvt|Rep|Sen|Gov|Hon|Atty|Supt|Insp|Messrs|[A-HJ-UWYZ])\.$"
)
_OPENERS = "\"'“‘«([¿¡"


def _starts_sentence(text: str, pos: int, end: int) -> bool:
    """Whether text[pos:] (after whitespace) can begin a new sentence."""
    while pos < end and text[pos].isspace():
        pos += 1
    if pos >= end:
        return False
    ch = text[pos]
    if ch in _OPENERS:
        return True
    return ch.isupper() or ch.isdigit()


def _next_word(text: str, pos: int, end: int) -> str:
    match = _WORD.match(text, pos, end)
    return match.group(1) if match else ""


def _is_abbreviation(text: str, block_start: int, dot: int) -> str:
    """"title" or "final" when the period at ``dot`` closes an abbreviation or initial, else "".

    "final" marks abbreviations that often end a sentence (U.S., Inc., etc.)."""
    i = dot
    while i > block_start and (text[i - 1].isalpha() or text[i - 1] == "."):
        i -= 1
    word = text[i:dot].lower()
    if not word:
        return ""
    if word in _FINAL_ABBREVIATIONS or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word):
        return "final"
    if word in _ABBREVIATIONS:
        return "title"
    if len(word) == 1 and text[i].isupper():  # an initial: "John F. Kennedy"
        return "title"
    if len(word) == 1 and i > 0 and text[i - 1] == "(":
        return "title"  # "(b. 1950)", "(d. 1923)", "(c. 347 – 420)": born, died, circa
    return ""


def _split_prose(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    sent_start = start
    for match in _BOUNDARY.finditer(text, start, end):
        punct_end = match.end()
        first = match.start()
        if text[first] == "." and match.group().rstrip("\"'”’»)]") == ".":
            abbreviation = _is_abbreviation(text, sent_start, first)
            # "U.S. President" continues; "in the U.S. The next" ends a sentence: after an
            # abbreviation that often closes one, split before a common sentence opener.
            if abbreviation and not (
                abbreviation == "final" and _next_word(text, punct_end, end) in _OPENER_WORDS
            ):
                continue
        if text[first] not in _CJK_STOPS and not _starts_sentence(text, punct_end, end):
            continue
        if punct_end >= end or text[punct_end:end].isspace():
            continue
        spans.append((sent_start, punct_end))
        sent_start = punct_end
        while sent_start < end and text[sent_start].isspace():
            sent_start += 1
    if sent_start < end:
        spans.append((sent_start, end))
    return [_trim(text, s, e) for s, e in spans if text[s:e].strip()]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _looks_like_heading(line: str) -> bool:
    stripped = line.strip()
    if not stripped or len(stripped) > 90:
        return False
    if stripped[-1] in ".!?\"”’…,;。！？」":
        return False
    if re.search(r"[.!?…][\"'”’)]*\s+[A-Z“\"]|[。！？].", stripped):
        return False  # holds a sentence boundary: prose, not a heading
    if "," in stripped and _DANGLING_END.search(stripped):
        return False  # "... in June, the": prose cut in mid-sentence
    words = stripped.rstrip(":").split()
    return 0 < len(words) <= 12


def _continues_on_next_line(lines: list[str], number: int) -> bool:
    """A short line is hard-wrapped prose, not a heading, when the next line goes on in
    lower case."""
    following = lines[number + 1].lstrip() if number + 1 < len(lines) else ""
    return bool(following) and following[0].islower()


def split_sentences(text: str) -> list[Sentence]:
    """Segment ``text`` into sentences with offsets, paragraph numbers and kinds."""
    sentences: list[Sentence] = []
    paragraph = -1
    previous_blank = True
    pos = 0
    lines = text.splitlines(keepends=True)
    for number, line in enumerate(lines):
        line_start, line_end = pos, pos + len(line.rstrip("\r\n"))
        pos += len(line)
        body = text[line_start:line_end]
        if not body.strip():
            previous_blank = True
            continue
        kind = SentenceKind.body
        content_start = line_start
        if m := _MD_HEADING.match(body):
            kind, content_start = SentenceKind.heading, line_start + m.end()
        elif m := _BULLET.match(body):
            kind, content_start = SentenceKind.bullet, line_start + m.end()
        elif _looks_like_heading(body) and not _continues_on_next_line(lines, number):
            kind = SentenceKind.heading
        # Headings and bullets, and any line after a blank line, open a paragraph; a prose line
        # directly after another prose line continues it (hard-wrapped text).
        continues = (
            kind == SentenceKind.body
            and not previous_blank
            and sentences
            and sentences[-1].kind == SentenceKind.body
        )
        if not continues:
            paragraph += 1
        previous_blank = False
        if kind == SentenceKind.heading:
            spans = [_trim(text, content_start, line_end)]
        else:
            spans = _split_prose(text, content_start, line_end)
        for s, e in spans:
            sentences.append(
                Sentence(
                    index=len(sentences),
                    start=s,
                    end=e,
                    text=text[s:e],
                    paragraph=paragraph,
                    kind=kind,
                )
            )
    return _merge_hard_wraps(text, sentences)


#: A line that ends with one of these words stops in mid-sentence, even before a blank line
#: ("... in May, the\n\nNational Bank of Hungary said on Friday.": a broken paragraph).
_DANGLING_END = re.compile(r"\b(?:the|a|an|of|to|and|or|for|with|by|from)$")


def _merge_hard_wraps(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """Join a prose sentence cut by a line break in mid-sentence with its continuation (and
    one cut by a paragraph break right after "the", "of", "and" ...)."""
    merged: list[Sentence] = []
    for sent in sentences:
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and prev.kind == SentenceKind.body
            and sent.kind == SentenceKind.body
            and (prev.paragraph == sent.paragraph or _DANGLING_END.search(prev.text[-6:]))
            and (
                prev.text[-1] not in ".!?…\"”’)]:。！？」"
                or _ENDS_WITH_TITLE.search(prev.text[-8:])
            )
            and "\n" in text[prev.end : sent.start]
        ):
            prev.end = sent.end
            prev.text = text[prev.start : prev.end]
            continue
        merged.append(sent.model_copy(update={"index": len(merged)}))
    return merged
