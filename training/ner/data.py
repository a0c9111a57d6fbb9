"""Readers for the NER training data: CoNLL-2003 files and GUM CoNLL-U entity annotations."""

from __future__ import annotations

import re
from pathlib import Path

Sentence = tuple[list[str], list[str]]  # tokens, IOB2 tags


def iob_to_iob2(tags: list[str]) -> list[str]:
    """IOB1 (``I-X`` may start a chunk) to IOB2 (every chunk starts with ``B-X``)."""
    out = []
    prev = "O"
    for tag in tags:
        if tag.startswith("I-") and (prev == "O" or prev[2:] != tag[2:]):
            tag = "B-" + tag[2:]
        out.append(tag)
        prev = tag
    return out


def read_conll(path: Path) -> list[list[Sentence]]:
    """Documents of a CoNLL-2003 file, each a list of (tokens, IOB2 tags) sentences."""
    docs: list[list[Sentence]] = [[]]
    toks: list[str] = []
    tags: list[str] = []

    def flush() -> None:
        if toks:
            docs[-1].append((list(toks), iob_to_iob2(tags)))
            toks.clear()
            tags.clear()

    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if not parts:
                flush()
                continue
            if parts[0] == "-DOCSTART-":
                flush()
                if docs[-1]:
                    docs.append([])
                continue
            toks.append(parts[0])
            tags.append(parts[-1])
    flush()
    return [d for d in docs if d]


# ---------------------------------------------------------------- GUM

_ENTITY = re.compile(r"\((\d+)-([a-z]+)[^()]*?(\))?(?=\(|$|\d)|(\d+)\)")
_CONNECT = {"of", "and", "&", "de", "for", "on", "du", "la", "del", "der", "von", "van", "al"}
# Titles are not part of CoNLL names ("Mr. Bloomberg" -> "Bloomberg").
_TITLES = frozenset(
    """mr mr. mrs mrs. ms ms. dr dr. prof prof. sir dame lord lady president senator sen sen.
    rep rep. representative gov gov. governor king queen prince princess pope general gen gen.
    captain capt capt. judge justice mayor minister prime chancellor secretary chairman
    st. saint father sister brother rev rev. reverend professor doctor ambassador""".split()  # noqa: SIM905
)
_TYPE = {"person": "PER", "organization": "ORG", "place": "LOC"}
_MISC_TYPES = {"event", "abstract", "object", "substance", "animal", "plant"}


def _is_propn(tok: dict) -> bool:
    return tok["upos"] == "PROPN" or tok["xpos"] in ("NNP", "NNPS")


def _parse_entities(misc: str) -> list[tuple[str, int, str]]:
    """('open'|'close'|'single', id, type) events of one token's Entity= value."""
    for item in misc.split("|"):
        if item.startswith("Entity="):
            value = item[len("Entity=") :]
            break
    else:
        return []
    events = []
    i = 0
    while i < len(value):
        if value[i] == "(":
            m = re.match(r"\((\d+)-([a-z]+)[^()]*", value[i:])
            if not m:
                break
            i += m.end()
            if i < len(value) and value[i] == ")":
                events.append(("single", int(m.group(1)), m.group(2)))
                i += 1
            else:
                events.append(("open", int(m.group(1)), m.group(2)))
        else:
            m = re.match(r"(\d+)\)", value[i:])
            if not m:
                break
            events.append(("close", int(m.group(1)), ""))
            i += m.end()
    return events


def _linked(rows: list[dict], k: int, lo: int, hi: int) -> bool:
    """Whether token k is a dependent or the head of some token in rows[lo..hi]."""
    ids = {rows[j]["id"] for j in range(lo, hi + 1)}
    return rows[k]["head"] in ids or any(
        rows[j]["head"] == rows[k]["id"] for j in range(lo, hi + 1)
    )


def _name_extent(rows: list[dict], h: int, start: int, end: int) -> tuple[int, int]:
    """The proper-noun name around head h inside the entity span [start, end]: syntactically
    linked proper nouns (joined across "of", "and"...), titles ("President") left out."""

    def ok(k: int) -> bool:
        return _is_propn(rows[k]) and rows[k]["form"].lower() not in _TITLES

    lo = hi = h
    grew = True
    while grew:
        grew = False
        if lo - 1 >= start and ok(lo - 1) and _linked(rows, lo - 1, lo, hi):
            lo -= 1
            grew = True
        if hi + 1 <= end and ok(hi + 1) and _linked(rows, hi + 1, lo, hi):
            hi += 1
            grew = True
        elif (
            hi + 2 <= end
            and rows[hi + 1]["form"].lower() in _CONNECT
            and ok(hi + 2)
            and _linked(rows, hi + 2, lo, hi)
        ):
            hi += 2
            grew = True
    return lo, hi


def _gum_sentence(rows: list[dict]) -> Sentence:
    n = len(rows)
    spans: list[tuple[int, int, str]] = []
    open_: dict[int, list[tuple[int, str]]] = {}
    for i, tok in enumerate(rows):
        for kind, eid, etype in _parse_entities(tok["misc"]):
            if kind == "single":
                spans.append((i, i, etype))
            elif kind == "open":
                open_.setdefault(eid, []).append((i, etype))
            elif open_.get(eid):
                start, etype0 = open_[eid].pop()
                spans.append((start, i, etype0))
    named: list[tuple[int, int, str]] = []
    for start, end, etype in spans:
        ids = {rows[k]["id"] for k in range(start, end + 1)}
        heads = [k for k in range(start, end + 1) if rows[k]["head"] not in ids]
        if not heads:
            continue
        h = heads[0]
        if not _is_propn(rows[h]):
            continue
        if etype in _TYPE:
            label = _TYPE[etype]
            if label == "PER" and rows[h]["xpos"] == "NNPS":
                label = "MISC"  # "Americans", "Democrats": CoNLL calls groups MISC
        elif etype in _MISC_TYPES:
            label = "MISC"
        else:
            continue  # time (days, months) and the rest are not CoNLL entities
        lo, hi = _name_extent(rows, h, start, end)
        while lo < hi and rows[lo]["form"].lower() in _TITLES:
            lo += 1
        if lo == hi and rows[lo]["form"].lower() in _TITLES:
            continue  # "the President": a title, not a name
        named.append((lo, hi, label))
    # outermost first; CoNLL entities do not nest
    named.sort(key=lambda s: (-(s[1] - s[0]), s[0]))
    tags = ["O"] * n
    for lo, hi, label in named:
        if any(tags[k] != "O" for k in range(lo, hi + 1)):
            continue
        tags[lo] = "B-" + label
        for k in range(lo + 1, hi + 1):
            tags[k] = "I-" + label
    # nationality/group adjectives ("Spanish", "American"): MISC by the CoNLL guidelines
    for k, tok in enumerate(rows):
        form = tok["form"]
        if (
            tags[k] == "O"
            and k > 0
            and tok["xpos"] == "JJ"
            and form[:1].isupper()
            and form[1:].islower()
        ):
            tags[k] = "B-MISC"
    return [r["form"] for r in rows], tags


def read_gum(folder: Path, with_names: bool = False) -> list:
    """Documents of GUM ``*.conllu`` files with CoNLL-style named-entity IOB2 tags
    (``(file name, document)`` pairs if ``with_names``)."""
    docs = []
    for path in sorted(Path(folder).glob("*.conllu")):
        doc: list[Sentence] = []
        rows: list[dict] = []
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                line = line.rstrip("\n")
                if not line:
                    if rows:
                        doc.append(_gum_sentence(rows))
                        rows = []
                    continue
                if line.startswith("#"):
                    continue
                cols = line.split("\t")
                if "-" in cols[0] or "." in cols[0]:
                    continue
                rows.append(
                    {
                        "id": cols[0],
                        "form": cols[1],
                        "upos": cols[3],
                        "xpos": cols[4],
                        "head": cols[6],
                        "misc": cols[9],
                    }
                )
        if rows:
            doc.append(_gum_sentence(rows))
        docs.append((path.name, doc) if with_names else doc)
    return docs
