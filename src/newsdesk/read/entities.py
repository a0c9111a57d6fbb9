"""Named entities with their fullest in-article name.

The tagger (``newsdesk.models.ner``) finds spans; this module links short mentions to the
fullest name the article uses for the same entity ("Petro" -> "Gustavo Petro",
"Trump's" -> "Donald Trump"), which later stages use to make claims self-contained.
"""

from __future__ import annotations

from ..model import Entity, EntityLabel, Sentence
from . import regex as re

_POSSESSIVE = ("'s", "’s", "'", "’")


def _bare(name: str) -> str:
    for suffix in _POSSESSIVE:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def canonical_names(mentions: list[tuple[EntityLabel, str]]) -> list[str]:
    """The fullest name of each (label, text) mention: the longest same-label name that
    contains it as whole words (for people, a mention matching the last or first word of a
    fuller name); the first such name on a tie, the bare mention itself if none is longer."""
    names_by_label: dict[EntityLabel, dict[str, list[str]]] = {}
    for label, text in mentions:  # distinct names per label, in order of first mention
        names = names_by_label.setdefault(label, {})
        bare = _bare(text)
        if bare not in names:
            names[bare] = bare.split()
    found: dict[tuple[EntityLabel, str], str] = {}
    out: list[str] = []
    for label, text in mentions:
        name = _bare(text)
        best = found.get((label, name))
        if best is None:
            best = found[label, name] = _fullest(label, name, names_by_label[label])
        out.append(best)
    return out


def _fullest(label: EntityLabel, name: str, candidates: dict[str, list[str]]) -> str:
    words = name.split()
    n = len(words)
    best = name
    for candidate, cand_words in candidates.items():
        if len(cand_words) <= n or len(candidate) <= len(best):
            continue
        if label == EntityLabel.person:
            match = cand_words[-n:] == words or cand_words[:n] == words
        else:
            match = _contains(cand_words, words)
        if match:
            best = candidate
    return best


def link_names(entities: list[Entity]) -> list[Entity]:
    """Set ``canonical`` on each entity (see :func:`canonical_names`)."""
    names = canonical_names([(ent.label, ent.text) for ent in entities])
    return [ent.model_copy(update={"canonical": best}) for ent, best in zip(entities, names)]


def _contains(haystack: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return any(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1))


#: a place or organisation name read on its own this surely is split off a person's name
_PREFIX_SCORE = 0.9


def _split_place_prefix(text: str, span: tuple, tagger) -> list[tuple]:
    """A person span that starts with a place or organisation name ("Afghan Ambassador to the
    United States Hamdullah Mohib" tags "United States Hamdullah Mohib" as one person) as the
    two entities, when the first words alone read as one place/organisation and the rest (at
    least two words) alone as one person; otherwise the span unchanged."""
    start, end, label, score = span
    if label != "PERSON":
        return [span]
    name = text[start:end]
    cuts = [i for i, ch in enumerate(name) if ch == " "]
    for cut in cuts[:-1]:  # the rest keeps at least two words
        head, rest = name[:cut], name[cut + 1:]
        first = tagger.entities(head, [(0, len(head))])
        if not (len(first) == 1 and first[0][:3] in ((0, len(head), "PLACE"),
                                                     (0, len(head), "ORG"))
                and first[0][3] >= _PREFIX_SCORE):
            continue
        second = tagger.entities(rest, [(0, len(rest))])
        if len(second) == 1 and second[0][:3] == (0, len(rest), "PERSON"):
            at = start + cut + 1
            return [(start, start + cut, first[0][2], first[0][3]),
                    (at, end, "PERSON", second[0][3])]
    return [span]


#: a word for what a person is, which the tagger may take into the name ("Scientologist Tom
#: Cruise", "Economist Paul Krugman")
_ROLE_WORD = re.compile(r"[A-Z][a-z]{3,}ist\s+(?=\S+\s+\S)")


#: a doctrine or movement, never a person ("Progressivism, he told the crowd, is a cancer")
_DOCTRINE = re.compile(r"[A-Z][a-z]{2,}isms?")


def _tidy_person(text: str, span: tuple) -> tuple:
    """A person span that opens with a role word ("Scientologist Tom Cruise") without it; a
    one-word person span naming a doctrine ("Progressivism") as OTHER."""
    start, end, label, score = span
    if label == "PERSON" and _DOCTRINE.fullmatch(text, start, end):
        return start, end, "OTHER", score
    role = _ROLE_WORD.match(text, start, end) if label == "PERSON" else None
    return (role.end(), end, label, score) if role else span


def find_entities(text: str, sentences: list[Sentence]) -> list[Entity]:
    from ..models import ner

    tagger = ner.load()
    spans = tagger.entities(text, [(s.start, s.end) for s in sentences])
    spans = [part for span in spans
             for part in (_split_place_prefix(text, span, tagger)
                          if text.count(" ", span[0], span[1]) >= 2 else [span])]
    spans = [_tidy_person(text, span) for span in spans]
    names = canonical_names([(EntityLabel(label), text[s:e]) for s, e, label, _ in spans])
    return [
        Entity(start=s, end=e, text=text[s:e], label=EntityLabel(label), score=float(score),
               canonical=best)
        for (s, e, label, score), best in zip(spans, names)
    ]
