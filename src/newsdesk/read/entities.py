"""Named entities with their fullest in-article name.

The tagger (``newsdesk.models.ner``) finds spans; this module links short mentions to the
fullest name the article uses for the same entity ("Petro" -> "Gustavo Petro",
"Trump's" -> "Donald Trump"), which later stages use to make claims self-contained.
"""

from __future__ import annotations

from ..model import Entity, EntityLabel, Sentence

_POSSESSIVE = ("'s", "’s", "'", "’")


def _bare(name: str) -> str:
    for suffix in _POSSESSIVE:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def link_names(entities: list[Entity]) -> list[Entity]:
    """Set ``canonical`` on each entity: the longest same-label name that contains it as
    whole words (for people, a mention matching the last or first word of a fuller name)."""
    names_by_label: dict[EntityLabel, list[str]] = {}
    for ent in entities:
        names_by_label.setdefault(ent.label, []).append(_bare(ent.text))
    linked: list[Entity] = []
    for ent in entities:
        name = _bare(ent.text)
        words = name.split()
        best = name
        for candidate in names_by_label.get(ent.label, []):
            cand_words = candidate.split()
            if len(cand_words) <= len(words):
                continue
            if ent.label == EntityLabel.person:
                match = cand_words[-len(words) :] == words or cand_words[: len(words)] == words
            else:
                match = _contains(cand_words, words)
            if match and len(candidate) > len(best):
                best = candidate
        linked.append(ent.model_copy(update={"canonical": best}))
    return linked


def _contains(haystack: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return any(haystack[i : i + n] == needle for i in range(len(haystack) - n + 1))


def find_entities(text: str, sentences: list[Sentence]) -> list[Entity]:
    from ..models import ner

    tagger = ner.load()
    spans = tagger.entities(text, [(s.start, s.end) for s in sentences])
    entities = [
        Entity(start=s, end=e, text=text[s:e], label=EntityLabel(label), score=float(score))
        for s, e, label, score in spans
    ]
    return link_names(entities)
