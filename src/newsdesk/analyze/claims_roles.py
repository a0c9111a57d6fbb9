"""A role written before a name is a checkable claim of its own.

"Senate Majority Leader Mitch McConnell has said ..." also says that Mitch McConnell is the
Senate Majority Leader; "Former Vatican doctrine chief Cardinal Gerhard Ludwig Müller" that he
is a former Vatican doctrine chief; "Scientologist Tom Cruise" that Tom Cruise is a
Scientologist. ``role_pieces`` finds such roles in one sentence, given the people the named
entity recogniser found there, and returns one status piece per role ("NAME is the ROLE").

A role is a head noun (``_HEADS``, or a word ending in -ist / -ian) directly before the name (an
honorific such as "Cardinal" may stand between them and stays with the name), with the
modifiers before it: capitalised words ("Senate Majority", "White House"), at most two
lower-case words right before the head ("press secretary", "doctrine chief"), qualifiers
("former", "acting") and an "of" phrase after an office ("Secretary of the Interior"). A bare
title ("President Barack Obama", "Sen. Dick Durbin", "U.S. President Donald Trump") is a form of
address, and a bare occupation ("attorney Marc Victor", "Lead attorney Matt Gonzalez") says
little the sentence does not: a role needs a name in it ("Senate Majority Leader", "White
House press secretary", "Trump's former lawyer"), an "of" phrase or an identity
("Scientologist").
"""

from __future__ import annotations

from ..model import Entity, EntityLabel
from ..read import regex as re
from .claims_checks import evaluative_terms
from .claims_piece import Piece
from .verbs import is_finite

#: honorifics that belong to how the name is written ("Cardinal Gerhard Ludwig Müller")
_KEEP_HONORIFICS = frozenset(
    "Cardinal Bishop Archbishop Father Sister Brother Rabbi Imam Pope Sheikh Sir Dame".split())
#: forms of address that are dropped ("Sen. Dick Durbin" -> "Dick Durbin")
_DROP_HONORIFICS = frozenset(
    "Mr. Mrs. Ms. Dr. Sen. Rep. Gov. Gen. Prof. Lt. Col. Sgt. Capt. Adm. Rev. Mr Mrs Ms Dr "
    "Sen Rep Gov Gen Prof".split())
_HONORIFICS = _KEEP_HONORIFICS | _DROP_HONORIFICS
#: nouns that name what a person is or does
_HEADS = frozenset(
    """
    leader chief director secretary minister adviser advisor spokesman spokeswoman spokesperson
    chairman chairwoman chair president governor senator representative congressman
    congresswoman mayor justice judge ambassador attorney lawyer counsel commissioner
    administrator official officer executive founder co-founder cofounder author editor
    correspondent reporter columnist host anchor coach prosecutor sheriff general analyst
    professor researcher candidate nominee member head strategist aide deputy manager speaker
    whip chancellor premier commander inspector investigator superintendent treasurer pastor
    priest rapper singer actor actress player quarterback owner billionaire businessman
    businesswoman entrepreneur investor banker lobbyist pollster commentator writer novelist
    producer filmmaker director-general secretary-general economist scientist journalist
    """.split()
)
#: heads that are titles of address when they stand alone ("President Barack Obama")
_TITLE_ALONE = frozenset(
    """president senator governor justice judge mayor sheriff chancellor secretary ambassador
    director chairman coach general speaker minister premier commander representative""".split()
)
#: offices one person holds at a time: "the Senate Majority Leader" (else "a former ...")
_ONE_HOLDER = frozenset(
    """leader chief director secretary minister chairman chairwoman chair president governor
    mayor speaker whip chancellor premier head commissioner administrator treasurer
    superintendent director-general secretary-general inspector general""".split()
)
#: modifiers that leave a title a title: "U.S. President", "Democratic Sen.", "Major General"
_PLAIN = frozenset(
    """U.S. US American Democratic Democrat Republican GOP Major Brigadier Lieutenant Lt. Maj.
    Brig. Vice Chief State Federal Prime""".split()
)
_QUALIFIERS = frozenset(
    "former ex outgoing incoming acting interim longtime veteran current "
    "deputy senior top".split())
#: lower-case words that cannot modify a role noun: a role never reaches back past them
_STOP = frozenset(
    """said says say told tells by with and or the a an of to for from at in on as that who which
    whom whose his her their its our my your was is are were been be being has have had about
    after before between against than then when where while also but not no this these those
    according including like added wrote asked""".split()
)
#: capitalised words that open a sentence or a clause, not a role
_NOT_MODIFIER = frozenset(
    """The A An In On At For From By With And But Or If When While After Before As Then So Yet
    This That These Those His Her Their Its Our My Your We They He She It I According Meanwhile
    However Also Now Today Yesterday Last Next Monday Tuesday Wednesday Thursday Friday
    Saturday Sunday""".split()
)
_TOKEN = re.compile(r"\S+")
#: roles read with a vowel first: "an outgoing ...", "an FBI agent" (not "a U.S. Attorney")
_AN = re.compile(r"[aeioAEIO]|[FHLMNRSX](?:[A-Z]|\.)")


def _is_head(word: str) -> bool:
    low = word.lower()
    return low in _HEADS or (
        len(low) > 5 and low.isalpha() and (low.endswith("ist") or low.endswith("ian"))
        and low not in ("christian", "persian", "asian", "indian", "russian", "italian")
    )


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and word not in _NOT_MODIFIER


def _ends_clause(word: str) -> bool:
    """A token that ends with punctuation (not an abbreviation's dot: "U.S.", "Sen.")."""
    return bool(re.search(r"[,;:()\"“”]$", word)) or (
        word.endswith(".") and not re.fullmatch(r"(?:[A-Z]\.)+|[A-Z][a-z]{1,3}\.", word))


def _role_before(tokens: list[re.Match], name_at: int) -> tuple[int, int, str] | None:
    """(index of the role's first token, index after its head, head) before ``name_at``."""
    i = name_at - 1
    while i >= 0 and tokens[i].group(0) in _HONORIFICS:
        i -= 1
    end = i + 1
    if i < 0 or re.search(r"[,;:()\"“”]$", tokens[i].group(0)):
        return None  # "President of the United States, Barack Obama": an appositive's business
    # "Secretary of the Interior": an office with its "of" phrase
    j, office = i, False
    while j >= 0 and _capitalised(tokens[j].group(0)) and not _ends_clause(tokens[j].group(0)):
        j -= 1
    if j >= 1 and tokens[j].group(0) == "the":
        j -= 1
    if j >= 1 and tokens[j].group(0) == "of" and j < i and _is_head(tokens[j - 1].group(0)):
        i, office = j - 1, True
    if not _is_head(tokens[i].group(0)) or re.search(r"[,;:()\"“”]", tokens[i].group(0)):
        return None
    head = tokens[i].group(0).lower()
    start, lower_run = i, 0
    k = i - 1
    while k >= 0:
        word = tokens[k].group(0)
        if _ends_clause(word):
            break  # the role never runs back over punctuation
        if word.lower() in _QUALIFIERS or _capitalised(word):
            start = k  # "Senate Majority", "Former", "Trump's former lawyer"
        elif word in ("of", "for") and k and _capitalised(tokens[k - 1].group(0)) and \
                start == k + 1 and _capitalised(tokens[k + 1].group(0)):
            start = k  # "Nation of Islam leader" (not "and": "Mr. Clapper and Attorney General")
        elif word.islower() and word.isalpha() and word not in _STOP and not is_finite(word) \
                and lower_run < 2 and (
            start == k + 1 and all(t.group(0).islower() for t in tokens[k + 1 : i + 1])
        ):
            lower_run += 1
            start = k
        else:
            break
        k -= 1
    if office:
        return start, end, head  # "Secretary of the Interior", "Director of National ..."
    modifiers = [t.group(0) for t in tokens[start:i]]
    named = [w for n, w in enumerate(modifiers)
             if w[:1].isupper() and w.lower() not in _QUALIFIERS and w not in _PLAIN
             and (n or start or (len(modifiers) > 1 and modifiers[1][:1].isupper()))]
    identity = tokens[i].group(0)[:1].isupper() and head not in _HEADS  # "Scientologist"
    if not named and not identity:
        return None  # "President Barack Obama", "former President", "attorney Marc Victor"
    if head in _TITLE_ALONE and all(w in _PLAIN for w in named):
        return None  # "U.S. President Donald Trump", "Democrat Senator Dianne Feinstein"
    return start, end, head


def role_pieces(sentence: str, offset: int, people: list[Entity], named: set[str]) -> list[Piece]:
    """Status pieces for roles written before the ``people`` of a ``sentence`` (which starts at
    article ``offset``); ``named`` collects the names already given a role (one per person)."""
    tokens = list(_TOKEN.finditer(sentence))
    starts = {t.start(): n for n, t in enumerate(tokens)}
    pieces = []
    for ent in people:
        if ent.label != EntityLabel.person:
            continue
        local = ent.start - offset
        name = " ".join(ent.text.split())
        key = ent.canonical or name  # "Eric H. Holder" and "Eric Holder": one person
        if local not in starts or " " not in name or key in named:
            continue
        found = _role_before(tokens, starts[local])
        if found is None:
            continue
        first, end, head = found
        honorifics = [t.group(0) for t in tokens[end : starts[local]]
                      if t.group(0) in _KEEP_HONORIFICS]
        role_start, role_end = tokens[first].start(), tokens[end - 1].end()
        role = sentence[role_start:role_end]
        if evaluative_terms(role):
            continue  # "Flamboyant former guerrilla leader": an evaluation, not a role
        one = (head in _ONE_HOLDER or role.startswith("Chief ")) and not re.search(
            r"\b(?:[Ff]ormer|[Ee]x|[Tt]hen)\b", role)
        first_word = role.split()[0].lower()
        if first_word in _QUALIFIERS or role_start == 0 and role.lower() in _HEADS:
            role = role[0].lower() + role[1:]  # "Former ...", "Economist ...": capitalised first
        article = "the " if one else ("an " if _AN.match(role) else "a ")
        if re.match(r"\S+['’]s\s", role):
            article = ""  # "Michael Cohen is Trump's former lawyer"
        full = " ".join([*honorifics, name])
        named.add(key)
        pieces.append(Piece(f"{full} is {article}{role}.",
                            [(role_start, role_end), (local, ent.end - offset)], form="appositive"))
    return pieces
