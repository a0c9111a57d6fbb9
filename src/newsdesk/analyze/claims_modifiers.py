"""Who controls, leads or backs a thing, written as a compound modifier, is a claim of its own.

"the Republican-controlled state legislature passed ..." also says that the state legislature
is controlled by Republicans; "a Colorado-based trade group" that the trade group is based in
Colorado. ``modifier_pieces`` finds such modifiers in one sentence and returns one status piece
for each ("The state legislature is controlled by Republicans").

Only a party ("Republican", "Democratic", "GOP") or a name the entity recogniser found before
the hyphen counts: "Saudi-led" or "American-based" hold an adjective, and "led by Saudi" would
not be a sentence. The noun phrase after the modifier runs to the first word that is not part
of it (a verb, a preposition, punctuation), at most six words.
"""

from __future__ import annotations

from ..model import Entity, EntityLabel
from ..read import regex as re
from .claims_checks import blank_quotes
from .claims_piece import Piece
from .verbs import is_finite, present_s

_MODIFIER = re.compile(
    r"\b(?P<det>[Tt]he|[Aa]n?|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+(?:(?:newly|now|largely)\s+)?"
    r"(?P<who>[A-Z][\w.&'’]*(?:\s+[A-Z][\w.&'’]*){0,3})-(?P<verb>controlled|led|backed|owned|"
    r"run|based|funded|sponsored|dominated|operated)\s+"
    # a look-ahead, so that the phrase does not swallow the next modifier
    r"(?=(?P<np>[A-Za-z][\w'’-]*(?:\s+[A-Za-z][\w'’-]*){0,5}))"
)
#: the parties as their members: "Republican-controlled" -> "controlled by Republicans"
_PARTIES = {
    "Republican": "Republicans",
    "Democratic": "Democrats",
    "Democrat": "Democrats",
    "GOP": "Republicans",
    "Conservative": "Conservatives",
    "Labour": "Labour",
    "Liberal": "Liberals",
}
#: words that end the noun phrase after the modifier
_STOP = frozenset(
    """
    of in on at to for from with by as and or but that which who whose where when than has
    have had is are was were will would can could may might should must does did do been not
    also said says after before during over under against about into since until while
    """.split()
)

_DETERMINERS = frozenset("the a an his her its their our this these".split())


def _noun_phrase(words: list[str]) -> list[str]:
    out: list[str] = []
    for i, word in enumerate(words):
        bare = word.strip(",.;:!?\"”’)")
        # "House Ways and Means Committee": "and" inside a name
        inside_name = (bare == "and" and out and out[-1][:1].isupper()
                       and i + 1 < len(words) and words[i + 1][:1].isupper())
        before_det = i + 1 < len(words) and words[i + 1].lower() in _DETERMINERS
        if (bare.lower() in _STOP and not inside_name) or (
                bare.islower() and (is_finite(bare) or present_s(bare) or before_det) and out):
            break  # a verb: "a U.S.-led allied air force protects the local population"
        out.append(bare)
        if bare != word:  # punctuation after the word ends the phrase
            break
    return out


def modifier_pieces(sentence: str, entities: list[Entity]) -> list[Piece]:
    """Status pieces for the compound modifiers of ``sentence`` (spans are offsets into it);
    ``entities`` are the named entities found inside it."""
    labels = {" ".join(e.text.split()): e.label for e in entities}
    pieces = []
    for m in _MODIFIER.finditer(blank_quotes(sentence)):  # the writer's, not a quotation's
        who = m.group("who")
        agent = _PARTIES.get(who)
        place = labels.get(who) == EntityLabel.place
        if agent is None:
            if who not in labels or who.endswith(("’", "'")):
                continue
            # "U.S.-led" -> "led by the U.S."
            agent = f"the {who}" if re.fullmatch(r"[A-Z.]{2,6}", who) else who
        np = _noun_phrase(m.group("np").split())
        if not np:
            continue
        thing = " ".join(np)
        verb = m.group("verb")
        # "a Colorado-based trade group": based in a place; "a Qur'an-based tax": based on
        prep = ("in" if place or agent.startswith("the ") else "on") if verb == "based" else "by"
        plural = thing.endswith("s") and not thing.endswith(("ss", "us", "is"))
        be = "are" if plural else "is"
        text = f"The {thing} {be} {verb} {prep} {agent}"
        end = m.start("np") + len(" ".join(m.group("np").split()[: len(np)]))
        pieces.append(Piece(text, [(m.start("who"), end)], form="appositive"))
    return pieces
