"""Restrictive relative clauses: "the lawsuit that covers 1.5 million women", "lawyer Joseph
Sellers who represents the women".

A relative clause without commas often carries its own checkable fact. Each one found becomes a
piece with its antecedent as subject ("The sex discrimination lawsuit covers 1.5 million women").
Where the clause follows the main verb (it hangs off the object), it is also cut out of the main
clause, which keeps its own fact ("... expressed concerns about the particulars of the sex
discrimination lawsuit"); where it sits inside the subject ("A lawsuit that would be the largest
of its kind may soon be dismissed") the main clause keeps it, since it tells which thing the
subject is.

"that" is read as a relative pronoun only when a verb follows it directly (after at most one
-ly adverb) and the word before it is not a verb: "alleges that the company ..." is a
complement clause, "so severe that her skin broke" a result clause, and both stay whole.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..read import regex as re
from .verbs import AUX, first_finite, has_finite_verb, is_finite, subject_of, word_set

_REL = re.compile(
    r"(?<=[\w.’'])\s+(?P<rel>that|who) (?:(?P<adv>[a-z]+ly) )?(?P<verb>[a-z][a-z'’]+)\b"
)
#: where a relative clause after the object ends at the latest
_CLAUSE_END = re.compile(r",|;|:\s|\s[–—-]{1,2}\s|—")
#: verbs whose object is followed by what it is called: "called the plan "reckless""
_NAMING_VERB = re.compile(r"\b(?:calls?|called|calling|label(?:l)?ed|dubbed|termed|branded|deemed)\b")
#: capitalised words that open a sentence without naming anything
_NOT_NAMES = word_set(
    """Whether If That This These Those There It He She They We I You When While Although Though
    Because As But And Or So Yet Some Many Most All Each Every Only Even Also However Still"""
)
_OPENING_PREPOSITIONS = word_set("On In At By For From After Before")
#: "a student in Ohio who ...", "members of the Committee who ...": "who" is not the place's
_PLACE_PREPOSITIONS = word_set("in at from near inside outside across")
#: a name with one of these words is a group, not the person "who" refers to
_GROUP_WORDS = re.compile(
    r"\b(?:Committee|Council|Party|House|Senate|Congress|Department|Agency|Association|Union|"
    r"Court|Company|Corporation|Inc|Corp|Group|Administration|Ministry|Office|Board|Commission|"
    r"Caucus|Conference|Foundation|Institute|University|Church|Army|Navy|Police)\b"
)
_DETERMINERS = word_set("the a an The A An this these This These his her its their our")
_PREPOSITIONS = word_set("of in on at to into for from against with by about over under")
#: words before "that"/"who" that mean it is not a relative pronoun of the noun phrase before
_NOT_ANTECEDENT = word_set(
    """so such now given those people anyone everyone someone something anything nothing
    all one ones many some few others much more most that this and or but than as"""
)
_STOP_BACK = word_set(
    """and or but said says told that which who when while because after before since
    although though if as"""
)
_AFTER_BREAK = word_set("and or but that who which to not")
#: an antecedent the relative clause completes: "the only ...", "the first ...", "the largest"
_DEFINING = re.compile(
    r"\b(?:only|first|sole|best|worst|largest|biggest|greatest|highest|lowest|most|least|"
    r"latest|earliest|oldest|youngest|fastest)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Relative:
    """One restrictive relative clause: the piece's text, its source span, and whether the main
    clause should drop it."""

    text: str
    span: tuple[int, int]
    cut: tuple[int, int] | None


def _plural(word: str) -> bool:
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _antecedent(mask: str, sentence: str, s: int, pos: int, rel: str, verb: str) -> str | None:
    """The noun phrase ending at ``pos``: a name, or a determiner phrase of at most 8 words
    ("a video of his remarks that was circulated": the singular verb goes with "a video")."""
    before = mask[s:pos]
    words = list(re.finditer(r"\S+", before))
    if not words:
        return None
    last = words[-1].group(0)
    if last.strip(",.;:").lower() in _NOT_ANTECEDENT or last.endswith(",") or last in _DETERMINERS:
        return None
    name_phrase = None
    if last[:1].isupper():
        start_i = len(words) - 1
        while (
            start_i > 0
            and words[start_i - 1].group(0)[:1].isupper()
            and not words[start_i - 1].group(0).endswith(",")
        ):
            start_i -= 1
        if start_i > 0 and words[start_i - 1].group(0) in ("the", "The"):
            start_i -= 1
        first = words[start_i].group(0)
        if first in _NOT_NAMES or first in _OPENING_PREPOSITIONS:
            return None
        before_name = words[start_i - 1].group(0) if start_i > 0 else ""
        if rel == "who" and (
            before_name in _PLACE_PREPOSITIONS
            or (before_name == "of" and _GROUP_WORDS.search(before[words[start_i].start() :]))
        ):
            return None
        phrase = sentence[s + words[start_i].start() : pos].strip()
        if len(phrase.split()) > 8:
            return None
        if rel == "who" or before_name not in _PREPOSITIONS:
            # a name, unless a determiner phrase holds it ("a conservative Republican who")
            name_phrase = phrase[:1].upper() + phrase[1:]
            if not before_name or before_name in _PREPOSITIONS or before_name[:1].isupper():
                return name_phrase
        # "a lawsuit against Wal-Mart that ...": the noun phrase the name hangs off
    for back, w in enumerate(reversed(words)):
        token = w.group(0)
        bare = token.strip(",.;:")
        if back >= 8 or token.endswith(",") or bare.lower() in _STOP_BACK:
            return name_phrase
        if back and is_finite(bare.lower()) and not bare.lower().endswith("ed"):
            return name_phrase
        at = len(words) - 1 - back
        if back and bare.endswith("ing") and at and words[at - 1].group(0) in _PREPOSITIONS:
            return name_phrase  # "by re-introducing legislation that ...": a gerund's object
        if bare in _DETERMINERS:
            two = [x.group(0).lower() for x in words[max(at - 2, 0) : at]]
            if len(two) == 2 and re.search(r"(?:ing|ed)$", two[0]) and two[1] in _PREPOSITIONS:
                # "a handgun belonging to a federal ranger that ...": which one?
                return name_phrase
            if at and words[at - 1].group(0).endswith(","):
                # "Bloomberg, a former Democrat who ...": inside an appositive
                return None
            start = w.start()
            singular_verb = verb in ("is", "was", "has") or (verb.endswith("s") and verb != "was")
            plural_verb = verb in ("are", "were", "have")
            head = words[-1].group(0).lower()
            if (singular_verb and _plural(head)) or (plural_verb and not _plural(head)):
                # the verb agrees with the noun before "of": "a video of his remarks that was"
                of = re.search(r"(?:^|\s)of\s+$", before[:start])
                det = None
                for d in re.finditer(r"\b(?:the|a|an|The|A|An|this|This)\s", before[:start]):
                    det = d
                if of is None or det is None or len(before[det.start() : pos].split()) > 10:
                    return name_phrase
                start = det.start()
            phrase = sentence[s + start : pos].strip()
            phrase = re.sub(r"^(?:a|an|A|An|this|these|This|These)\s+", "The ", phrase)
            return phrase[:1].upper() + phrase[1:]
    return name_phrase


def _main_verb_after(mask: str, start: int, end: int) -> int | None:
    """Where the main verb resumes after a relative clause inside the subject, if it does."""
    words = list(re.finditer(r"[A-Za-z][A-Za-z'’-]*|\S", mask[start:end]))
    for i, w in enumerate(words):
        if i < 2:
            continue
        token = w.group(0)
        prev = words[i - 1].group(0).lower()
        if token[:1].isupper() or prev in _AFTER_BREAK:
            continue
        low = token.lower()
        if low in AUX or (is_finite(low) and not low.endswith("ed") and prev not in _DETERMINERS):
            return start + w.start()
    return None


def restrictive_relatives(
    mask: str, sentence: str, s: int, e: int, removed: list[tuple[int, int]]
) -> list[Relative]:
    """Restrictive relative clauses in the clause ``mask[s:e]`` (offsets into the sentence)."""
    out: list[Relative] = []
    for m in _REL.finditer(mask, s, e):
        if any(r[0] <= m.start() < r[1] for r in removed):
            continue
        verb = m.group("verb").lower()
        if not (verb in AUX or is_finite(verb)):
            continue
        if m.group("rel") == "that" and verb in ("is", "was", "are", "were") and not m.group("adv"):
            # "the claim that was made" is rare next to "so that is why": keep only -ed after it
            follow = mask[m.end() : m.end() + 30].split()[:1]
            if not follow or not follow[0].endswith("ed"):
                continue
        prev = mask[s : m.start()].split()[-1:] or [""]
        if is_finite(prev[0].lower().strip(",")) and prev[0][:1].islower():
            continue  # "alleges that the ...", "said who ...": not a noun before it
        if prev[0] in _PREPOSITIONS or prev[0].endswith("ing"):
            continue  # "about who may have", "shaping who is elected": no antecedent
        if sentence[m.start() : m.start("rel")].strip():
            continue  # a quotation ends just before it: what does "that" refer to?
        ante = _antecedent(mask, sentence, s, m.start(), m.group("rel"), verb)
        if ante is None or _DEFINING.search(ante):
            # "the only two Republicans who agreed": the clause says which ones, it is no
            # separate fact about them
            continue
        rel_start = m.start("rel")
        main_verb = first_finite(mask[s:rel_start])
        object_position = main_verb is not None
        close = _CLAUSE_END.search(mask, m.end(), e)
        rel_end = close.start() if close else len(mask[:e].rstrip(" .!?\"”’"))
        if object_position and _NAMING_VERB.search(mask[s:rel_start]):
            # "called the disclosure of the program that allows ... "reprehensible"": the
            # quotation is what the main verb calls the object, not part of the relative clause
            quote = re.search(r"[\"“]", sentence[m.end() : rel_end])
            if quote:
                rel_end = len(sentence[: m.end() + quote.start()].rstrip())
        if not object_position:
            resume = _main_verb_after(mask, m.end("verb"), rel_end)
            if resume is None:
                continue
            rel_end = resume
        body = sentence[m.start("adv") if m.group("adv") else m.start("verb") : rel_end]
        body = re.sub(r"\s+(?:also|then|still|now|too)$", "", body.strip(" ,.;:"))
        if len(body.split()) < 3:
            continue
        cut = (m.start(), rel_end) if object_position else None
        out.append(Relative(f"{ante} {body}", (rel_start, rel_end), cut))
    return out


#: a document or decision named by a participle phrase after it, with no "that"/"which":
#: "the Religious Freedom Restoration Act signed into law by Gov. Mike Pence last week",
#: "the bill passed by the House in May"
_REDUCED = re.compile(
    r"(?P<np>(?:[Tt]he\s+(?:[a-z]+\s+){0,2})?(?:[A-Z][\w'’.-]*\s+){1,7}(?:Act|Bill|Law|Treaty|"
    r"Agreement|Accord|Resolution|Amendment|Order|Report|Plan|Protocol|Convention|Directive|"
    r"Regulation)"
    r"|[Tt]he\s+(?:[a-z]+\s+){0,2}[A-Z]{2,6}(?:\s+[Aa]ct)?"  # "the controversial RFRA"
    # a description only where the claims name the one the article means ("the bill"):
    # "the report released on Monday" would leave a "The report was released" no one can place
    r"|[Tt]he\s+(?:(?:new|amended|revised|proposed|original|final|initial)\s+)?(?:bill|measure|"
    r"legislation|proposal|plan))"
    r"\s+(?P<vbn>signed|passed|approved|introduced|proposed|issued|released|published|written|"
    r"drafted|adopted|enacted|vetoed|announced|unveiled|brokered|negotiated|ratified|"
    r"commissioned|conducted|filed|sent|delivered)"
    r"(?P<rest>\s+(?:into\s+law\s+)?(?:by|in|on|last|this|earlier)\b[^,;:]{2,90}?)"
    r"(?=\s*[,;:!?]|[.!?]?[\"”’]?\s*$|\s+(?:and|but|that|which|who|to|as|after|before|because|"
    r"when|while|amid)\b)"  # a dot inside the sentence is an abbreviation's ("Gov. Mike Pence")
)


def reduced_relatives(
    mask: str, sentence: str, s: int, e: int, removed: list[tuple[int, int]]
) -> list[Relative]:
    """Reduced relative clauses after a document or decision in ``mask[s:e]`` ("... made
    changes to the Act signed into law by Gov. Mike Pence last week" -> "The Act was signed
    into law by Gov. Mike Pence last week", and the main clause without it), only when what is
    left of the clause still has its own finite verb ("The bill passed by a vote of 220-207":
    "passed" is the verb, no relative)."""
    out: list[Relative] = []
    for m in _REDUCED.finditer(mask, s, e):
        if any(r[0] <= m.start("vbn") < r[1] for r in removed):
            continue
        left = mask[s : m.start("vbn")] + " " + mask[m.end("rest") : e]
        if first_finite(left) is None:
            continue
        np = sentence[m.start("np") : m.end("np")]
        np = np[0].upper() + np[1:]
        plural = np.endswith("s") and not np.endswith(("ss", "us", "is"))
        rest = sentence[m.end("vbn") : m.end("rest")]
        text = f"{np} {'were' if plural else 'was'} {m.group('vbn')}{rest}"
        out.append(Relative(text, (m.start("np"), m.end("rest")),
                            (m.start("vbn") - 1, m.end("rest"))))
    return out


_WHERE = re.compile(
    r",\s+where\s+(?P<subj>he|she|they|(?:[Tt]he\s+)?(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*)"
    r"\s+(?P<body>[^,;:\"“”]{6,200}?)[.!?]?\s*$"
)
#: the preposition that opens the place a "where" clause is about
_PLACE_PREPOSITION = re.compile(
    r"(?s:.*)\b(?P<prep>in|at|on|to|into|inside|from|near)\s+(?P<np>[^,;:]+)$")

#: "an appearance in Iowa on Monday, where she is campaigning": the place is not the day
_TIME_WORDS = re.compile(
    r"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|April|June|July|"
    r"August|September|October|November|December|\d{1,4}|morning|afternoon|evening|night|"
    r"weekend|week|month|year|day|time|moment|period|session|east|west|north|south)s?\b")


def where_clauses(
    mask: str, sentence: str, s: int, e: int, removed: list[tuple[int, int]]
) -> list[Relative]:
    """", where he garnered the endorsement of Mary Fallin" after a place: a claim of its own,
    with the place ("He garnered the endorsement of Mary Fallin at the Oklahoma Republican
    Party headquarters"), cut out of the main clause. The place is the noun phrase after the
    last preposition before the comma (at most eight words, no verb in it); without one, or
    when the clause has no finite verb of its own, nothing is split."""
    out: list[Relative] = []
    for m in _WHERE.finditer(mask, s, e):
        if any(r[0] <= m.start() < r[1] for r in removed) or any(
                q in sentence[m.start() : e] for q in "\"“”"):
            continue
        place = _PLACE_PREPOSITION.match(mask[s : m.start()])
        if place is None or len(place.group("np").split()) > 8:
            continue
        np = sentence[s + place.start("np") : m.start()].strip()
        if _TIME_WORDS.search(np) or has_finite_verb(np) or first_finite(
                mask[m.start("body") : m.end("body")]) is None:
            continue
        prep = place.group("prep")
        if prep not in ("in", "at", "on"):  # "travel to Moscow, where": in Moscow
            prep = "in" if np[:1].isupper() else "at"
        subj = sentence[m.start("subj") : m.end("subj")]
        if subj in ("he", "she", "they"):
            # the one the sentence describes, not the last name before it: "A defector was
            # persuaded to travel to a building in California, where he was interrogated"
            # (a named subject is left to the pronoun resolver, which knows the names)
            main = subject_of(sentence[s : m.start()])
            if (main is not None and re.fullmatch(r"(?:A|An|The)(?:\s+[a-z][\w-]*){1,3}", main)
                    and " that " not in mask[s : m.start()]):
                subj = re.sub(r"^(?:A|An)\s", "The ", main)
        body = sentence[m.start("body") : m.end("body")].rstrip(" .")
        text = f"{subj[:1].upper()}{subj[1:]} {body} {prep} {np}."
        out.append(Relative(text, (m.start("subj"), m.end("body")), (m.start(), m.end("body"))))
    return out
