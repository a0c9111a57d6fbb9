"""An event told in a time clause is its own claim: "Garcia Zarate is a 45-year-old Mexican
national ... when he fired the shot that killed Kate Steinle" -> "... is a 45-year-old Mexican
national ..." / "he fired the shot that killed Kate Steinle" (the pronoun is resolved later,
with the sentence around it, by ``decontext.rewrite``).

Only clauses that tell a past event: "after/before/when/once/until" + he/she/they + a past verb
("fired", "took", "was elected", "had left"). "when he was in office", "when he was 15" and
"when he says" are a time frame or a habit, not an event, and stay in their claim.

An opening participle clause is likewise the main subject's act of its own: "Before joining the
Senate, Bruce Braley worked as a lawyer" -> "Bruce Braley worked as a lawyer" / "Bruce Braley
joined the Senate" (``split_opening_participle``).

Part of the claim splitter (``claims_split``); offsets are relative to the sentence.
"""

from __future__ import annotations

from ..read import regex as re
from .claims_checks import blank_quotes
from .claims_piece import Piece
from .verbs import (
    PAST_FORMS,
    first_finite,
    is_finite,
    is_plural_subject,
    past_of,
    subject_of,
    verb_forms,
)

_EVENT_CLAUSE = re.compile(
    r",?\s+(?P<conj>after|before|when|once|until)\s+(?P<pro>he|she|they)\s+"
    r"(?P<verb>[a-z]+)\s+(?P<next>[a-z]+)")
#: "was elected", "had left": a passive or a past perfect when a participle follows ("had his
#: famous scream" is no event clause)
_BE_OR_HAD = frozenset(("was", "were", "had"))
#: past forms that tell a state or a speech, not an event of their own
_NOT_EVENTS = frozenset("said told thought knew felt heard saw seemed appeared".split())
_NOT_EVENT_VERBS = frozenset(
    "was were had did would could should might must may can will is are has have does".split())
#: "two weeks after she ...", "hours before he ...": the time span is the main clause's
_TIME_BEFORE = re.compile(
    r"\b(?:hours?|days?|weeks?|months?|years?|minutes?|seconds?|moments?|shortly|soon|just|"
    r"long|later|earlier|even|only|right|immediately)\s*,?\s*$")
#: a second name before the clause ("as did Jeb Bush"): the pronoun may be that person
_OTHER_PERSON = re.compile(r"\b[A-Z][a-z]+\.?\s+[A-Z][a-z]+")
_OBJECT_OF = {
    "he": re.compile(r"\bhim\b|\bher\s+(?:husband|son|father|brother|boyfriend)\b"),
    "she": re.compile(r"\bher\b|\bhis\s+(?:wife|daughter|mother|sister|girlfriend)\b"),
    "they": re.compile(r"\bthem\b")}
#: the clause may be part of what is reported ("said that ... when she delivered papers")
_REPORTED = re.compile(r"\b(?:said|says|told|tells|added|claimed|alleged|that)\b")
_SECOND_CLAUSE = re.compile(r"\b(?:but|while|whereas|yet)\b|;")
_POSSESSIVE = re.compile(r"['’]s?\b|\b(?:his|her|its|their)\b", re.IGNORECASE)
#: a subject that names its person: capitalised words, not "The boy" or "His 1988 bid"
_NAMED = re.compile(r"(?!(?:The|A|An|This|That|These|Those|His|Her|Its|Their|One|Some)\b)"
                    r"(?:[A-Z][\w.'’-]*\s+){0,5}[A-Z][\w'’-]+$")
#: fewest words in the clause and in what is left of the claim before it
MIN_WORDS = 4


def _participle(word: str) -> bool:
    return (word.endswith("ed") and len(word) >= 5) or word in verb_forms()[1]


def _past_event(verb: str, next_word: str) -> bool:
    if verb in _BE_OR_HAD:
        return _participle(next_word)
    if verb in _NOT_EVENT_VERBS or verb in _NOT_EVENTS:
        return False
    # a simple past: regular -ed ("fired") or irregular ("took", "shot")
    return (verb.endswith("ed") and is_finite(verb)) or verb in PAST_FORMS


def _who(subject: str | None, pronoun: str) -> str | None:
    """Whom the clause's pronoun can be taken to mean: for he/she, a named subject (kept as the
    pronoun, which ``decontext.rewrite`` resolves with the sentence and the genders the
    article gives); for they, a plural subject itself. None: someone else may be meant."""
    if not subject or _POSSESSIVE.search(subject):
        return None  # "Valeska Paris's father ... after he": whose?
    if pronoun == "they":
        return subject if is_plural_subject(subject) else None
    return pronoun if _NAMED.match(subject) else None


def split_event_clauses(piece: Piece, sentence: str) -> list[Piece]:
    """``piece`` without a closing past-event time clause with a pronoun subject, and that
    clause as a piece of its own whose span is where it stands in ``sentence``."""
    text = piece.text
    mask = blank_quotes(text)
    for m in _EVENT_CLAUSE.finditer(mask):
        if not _past_event(m.group("verb"), m.group("next")):
            continue
        before = text[:m.start()]
        verb = first_finite(before)
        if verb is None or _TIME_BEFORE.search(before) or _OTHER_PERSON.search(
                before, verb.start()):
            continue  # "two weeks after she ...", "as did Jeb Bush when he served ..."
        if (_OBJECT_OF[m.group("pro")].search(before) or _REPORTED.search(before, verb.start())
                or _SECOND_CLAUSE.search(before)):
            # "prayed with him before he died"; "said that ... when she delivered"; "... but
            # no money was paid when they were released": the clause may be another's
            continue
        who = _who(subject_of(before), m.group("pro"))
        if who is None:
            continue
        end = len(text.rstrip(" .;:!?"))
        if re.search(r",\s|;", mask[m.end():end]):
            continue  # the clause must end the piece: a comma after it may go on with the main
        clause = text[m.start("pro"):end]
        if len(clause.split()) < MIN_WORDS or len(before.split()) < MIN_WORDS:
            continue
        at = sentence.find(clause)
        if at == -1 or sentence.find(clause, at + 1) != -1:
            continue  # not one stretch of the sentence: no honest source span
        own = who + clause[len(m.group("pro")):]
        main = Piece(before + text[end:], piece.spans, form=piece.form, subject=piece.subject)
        return [main, Piece(own, [(at, at + len(clause))], form="clause")]
    return [piece]


#: "Before joining the Senate, Bruce Braley worked as a lawyer": an opening participle clause
#: whose subject is the main clause's
_OPENING_ING = re.compile(
    r"(?P<conj>After|Before|Since|Upon)\s+(?P<ing>[a-z]{3,}ing)\b(?P<rest>[^,;]{3,120}),\s+"
    r"(?=\S)")
#: a name and the word after it: a finite verb there is the main clause's ("Nida attended")
_NAME_THEN_WORD = re.compile(r"\b[A-Z][\w.'’-]*\s+([a-z]+)\b")
_JOINED_ING = re.compile(r"\b(and|or|then)\s+([a-z]{3,}ing)\b")
#: -ing words that are prepositions or nouns here, not the subject's own act
_NOT_ACT = frozenset(
    "including according following regarding concerning during considering pending "
    "notwithstanding being having beginning starting morning evening".split())


def split_opening_participle(piece: Piece, sentence: str) -> list[Piece]:
    """"Before joining the Senate, Bruce Braley worked as a lawyer" -> "Bruce Braley worked as
    a lawyer" / "Bruce Braley joined the Senate"; ``piece`` unchanged when it is not one stretch
    of ``sentence`` or the main clause has no subject to give the participle."""
    text = piece.text
    m = _OPENING_ING.match(blank_quotes(text))
    if not m or m.group("ing") in _NOT_ACT or any(
            is_finite(w.group(1)) for w in _NAME_THEN_WORD.finditer(m.group("rest"))):
        return [piece]  # "After graduating Eugene A. Nida attended ..., where": no comma
    main = text[m.end():]
    main = main[:1].upper() + main[1:]
    subject = subject_of(main, pronouns=True)
    at = sentence.find(text)
    if (not subject or at == -1 or len(main.split()) < MIN_WORDS
            or not main.startswith(subject)  # "the Olympic 800 and 1,500 metres champion"
            or subject.split()[0] in ("Where", "When", "Which", "Who", "While", "As", "If")):
        return [piece]
    # "After stalling Grassley and getting repeated extensions": each act in the past
    rest = _JOINED_ING.sub(lambda j: f"{j.group(1)} {past_of(j.group(2))}", m.group("rest"))
    act = f"{subject} {past_of(m.group('ing'))}{rest}"
    return [
        # the main clause keeps the piece's spans: its pronoun ("..., he said") looks back
        # from the sentence's start, not into the participle clause ("Vigano's accusations")
        Piece(main, piece.spans, form=piece.form, subject=piece.subject),
        Piece(act, [(at, at + m.end("rest"))], form="clause", subject=subject),
    ]
