"""Forms of one person's full name: middle names, accents, short forms, spelling variants.

An article may name one person "Douglas Haig" and "Doug Haig", "Raúl Labrador" and "Raul
Labrador", or "Hillary Clinton" and "Hillary Rodham Clinton"; :func:`name_variants` maps the
other forms to the one its short mentions ("Haig") are resolved to, so that a surname the forms
share is not taken for two people.
"""

from __future__ import annotations

from ..models.ner_features import fold as _fold

SUFFIXES = ("Jr.", "Jr", "Sr.", "Sr", "II", "III")


def name_variants(people: list[str], count=None) -> dict[str, str]:
    """Other forms of a full name of the same person -> the form the article's names are
    resolved to: a shorter one with the same first and last name, the longer adding middle
    names ("Hillary Clinton" -> "Hillary Rodham Clinton", "Antonín Dvořák" -> "Antonín Leopold
    Dvořák", "Mike Bloomberg" -> "Michael R. Bloomberg"); and two names of as many words with
    the same last name whose first names are the same but for accents ("Raul" / "Raúl"), a common short form ("Doug" / "Douglas",
    ``_NICKNAMES``) or a spelling variant ("Mark" / "Marc", "Dianna" / "Dianne"); of those the
    form the article uses more often (``count``: name -> full mentions) is kept. A different
    first name or suffix is someone else."""
    out: dict[str, str] = {}
    for short in people:
        s_words = short.split()
        if len(s_words) < 2:
            continue
        longer = [full for full in people  # longest first
                  if len(full.split()) > len(s_words)
                  and _nickname_or_same(s_words[0], full.split()[0])
                  and full.split()[-1] == s_words[-1] and full.split()[-1] not in SUFFIXES
                  and _subsequence(s_words[1:], full.split()[1:])]
        if longer:
            # of "Dina Habia Powell" (a misspelling, once) and "Dina Habib Powell" (three
            # times), "Dina Powell" is the one the article writes more often
            full = max(longer, key=count) if count is not None else longer[0]
            out[short] = out.get(full, full)
    by_rest: dict[tuple[str, ...], list[str]] = {}  # only names with the same other words pair
    for name in people:
        words = name.split()
        if len(words) >= 2:
            by_rest.setdefault(tuple(_fold(w) for w in words[1:]), []).append(name)
    for group in by_rest.values():
        for i, one in enumerate(group):
            for other in group[i + 1 :]:
                if one in out or other in out or not _same_first_name(one, other):
                    continue
                kept, dropped = one, other
                if count is not None and count(other) > count(one):
                    kept, dropped = other, one
                out[dropped] = kept
    return out


#: short forms of first names: the short form -> the names it is short for
_NICKNAMES = {
    short: set(names.split(","))
    for short, names in (
        line.split(":") for line in """
        al:albert,alan,allan,alfred bill:william billy:william bob:robert bobby:robert
        rob:robert ben:benjamin bernie:bernard charlie:charles chuck:charles chris:christopher
        dan:daniel danny:daniel dave:david dick:richard rick:richard rich:richard
        don:donald doug:douglas ed:edward eddie:edward fred:frederick greg:gregory
        harry:harold jeff:jeffrey jerry:gerald jim:james jimmy:james joe:joseph
        jon:jonathan ken:kenneth larry:lawrence liz:elizabeth beth:elizabeth kate:katherine
        kathy:katherine matt:matthew mike:michael nick:nicholas pat:patrick,patricia
        phil:philip ray:raymond ron:ronald sam:samuel steve:steven,stephen sue:susan
        ted:edward,theodore tim:timothy tom:thomas tony:anthony vince:vincent walt:walter
        will:william andy:andrew alex:alexander
        """.split()
    )
}
#: letters written either way in one name ("Marc" / "Mark", "Dianne" / "Dianna")
_VARIANT_LETTERS = ({"c", "k"}, {"i", "y"}, {"s", "z"})


def _same_first_name(a: str, b: str) -> bool:
    """Whether two full names of as many words name one person by a variant of the first
    name (the other words equal but for accents)."""
    a_words, b_words = a.split(), b.split()
    if len(a_words) != len(b_words) or a_words[-1] in SUFFIXES:
        return False
    if [_fold(w) for w in a_words[1:]] != [_fold(w) for w in b_words[1:]]:
        return False
    if _nickname_or_same(a_words[0], b_words[0]):
        return True
    x, y = _fold(a_words[0]), _fold(b_words[0])
    if len(x) != len(y) or len(x) < 4:
        return False
    diff = [(p, q) for p, q in zip(x, y) if p != q]
    if len(diff) != 1:
        return False
    pair = set(diff[0])
    return pair in _VARIANT_LETTERS or (pair == {"a", "e"} and x[-1] != y[-1])


def _nickname_or_same(a: str, b: str) -> bool:
    """"Mike" and "Michael": one first name, or a common short form of it."""
    x, y = _fold(a), _fold(b)
    return x == y or y in _NICKNAMES.get(x, ()) or x in _NICKNAMES.get(y, ())


def _subsequence(part: list[str], whole: list[str]) -> bool:
    it = iter(whole)
    return all(word in it for word in part)
