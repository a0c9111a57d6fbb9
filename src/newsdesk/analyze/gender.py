"""Which people of an article "he" and which "she" can refer to, read off the article itself.

No name list: a person's title ("Mr.", "Pope", "Mrs.", "Queen") settles it, and otherwise a
reflexive pronoun that follows a mention in the same sentence before anyone else is named
("Smith described himself as ..."). A person is given a gender only when the votes agree
clearly; the rest stay open, and any pronoun may still refer to them. (Plain "he"/"his"/"her"
after a name were tried as votes and dropped: in an article about two people they as often
refer to the other one, "Obama praised her campaign".)
"""

from __future__ import annotations

from ..model import EntityLabel
from ..read import regex as re

_MALE_TITLE = re.compile(
    r"\b(?:Mr|Sir|King|Prince|Pope|Cardinal|Father|Fr|Brother|Bishop|Archbishop|Lord|Duke|"
    r"Emperor|Tsar|Sultan|Sheikh|Monsignor|Msgr)\b\.?\s*$")
_FEMALE_TITLE = re.compile(
    r"\b(?:Mrs|Ms|Miss|Madam|Queen|Princess|Lady|Dame|Sister|Mother|Duchess|Empress)\b\.?\s*$")
#: only reflexives: "he"/"his"/"her" after a name as often refer to someone named before it
#: ("Obama praised her campaign"), "himself"/"herself" almost always to the clause's subject
_PRONOUN = re.compile(r"\b(?:(?P<m>himself)|(?P<f>herself))\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
#: how far after a mention its sentence's pronouns are read (characters)
REACH = 200
_TITLE_WEIGHT = 3


def person_genders(text: str, mentions: list[tuple[int, str, EntityLabel]],
                   ends: dict[int, int] | None = None) -> dict[str, str]:
    """Full name -> "m" or "f" for the people whose mentions say so clearly.

    ``mentions`` are (offset, full name, label) in text order (``NameIndex.mentions``);
    ``ends`` maps a mention's offset to its end (default: the offset plus the name's length)."""
    votes: dict[str, list[int]] = {}
    people = [(o, n) for o, n, lab in mentions if lab == EntityLabel.person]
    for i, (offset, name) in enumerate(people):
        tally = votes.setdefault(name, [0, 0])
        before = text[max(0, offset - 20):offset]
        mention = text[offset:(ends or {}).get(offset, offset + len(name))]
        if _MALE_TITLE.search(before) or _MALE_TITLE.match(mention.split(" ")[0] + " "):
            tally[0] += _TITLE_WEIGHT
        elif _FEMALE_TITLE.search(before) or _FEMALE_TITLE.match(mention.split(" ")[0] + " "):
            tally[1] += _TITLE_WEIGHT
        start = offset + len(mention)
        stop = min(len(text), start + REACH)
        end_of_sentence = _SENTENCE_END.search(text, start, stop)
        if end_of_sentence:
            stop = end_of_sentence.start()
        if i + 1 < len(people) and people[i + 1][0] < stop:
            stop = people[i + 1][0]  # someone else is named first: the pronoun may be theirs
        pronoun = _PRONOUN.search(text, start, stop)
        if pronoun:
            tally[0 if pronoun.group("m") else 1] += 1
    out = {}
    for name, (male, female) in votes.items():
        if male >= 1 and male >= 3 * female:
            out[name] = "m"
        elif female >= 1 and female >= 3 * male:
            out[name] = "f"
    return out


def pronoun_gender(pronoun: str) -> str | None:
    """ "m" for he/him/his, "f" for she/her, None for anything else."""
    low = pronoun.lower()
    if low in ("he", "him", "his", "himself"):
        return "m"
    if low in ("she", "her", "hers", "herself"):
        return "f"
    return None


def compatible(person: str, pronoun: str, genders: dict[str, str]) -> bool:
    """Whether ``pronoun`` can refer to ``person`` (unknown genders are compatible)."""
    want = pronoun_gender(pronoun)
    have = genders.get(person)
    return want is None or have is None or want == have
