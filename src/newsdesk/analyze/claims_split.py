"""Cut a sentence into atomic pieces, each a candidate claim with its source spans.

Rules, in order, on the sentence with quoted passages masked (nothing is cut inside quotes):

0. a leading dateline ("BRATISLAVA, Slovakia, February 13, 2018 (LifeSiteNews) – ") or label
   ("Updated: ", "BREAKING: ") is dropped; an opening absolute clause ("With tension rising
   among the parties, ...") becomes a piece of its own ("Tension rose among the parties");
1. paired dashes ("A—during which B—C") give the aside B its own piece and leave A C;
2. semicolons, and a colon followed by a clause, separate clauses;
3. ", and" / ", but" / ", while" / ", whereas" / ", although" (and a bare "and"/"but" between
   two finite clauses) separate coordinated clauses when the right side has a subject and a
   finite verb;
4. an appositive after a name ("Michael Steele, chairman of the Republican National Committee,
   drew ...", with an age "Daniel Montalvo, 19, a member of ...", or after a quoted name
   '"Insurgency Wiki", a spinoff of 4chan') becomes a status piece ("Michael Steele is chairman
   of ...") and leaves the clause; a place or a time after a name is no appositive;
5. a participle aside between a subject and its verb (", described in court as ...,") and a
   restrictive relative clause ("the lawsuit that covers 1.5 million women",
   ``claims_relative``) become pieces of their own, as does a participle phrase after a named
   law ("the RFRA signed into law by Gov. Mike Pence" -> "The RFRA was signed into law ...");
6. a non-restrictive relative clause (", which consists entirely of girls,") becomes a piece
   with its antecedent as subject ("The six-member Afghan team consists entirely of girls");
   one with a subject of its own ("which the governor called ...") stays in its clause, unless
   a named speaker says it ("which the department says can be tied to ..." -> "The department
   says the concerns can be tied to ...");
7. what is left is split into its predicates (``claims_predicates``).

A finite verb is a word form GUM tags as finite (``claims_verbs.json``) or a word ending in -ed.
"""

from __future__ import annotations

from ..read import regex as re
from .claims_checks import blank_quotes
from .claims_piece import Piece
from .claims_events import split_event_clauses, split_opening_participle
from .claims_predicates import split_predicates
from .claims_relative import reduced_relatives, restrictive_relatives, where_clauses
from .countries import starts_with_place
from .verbs import (
    AUX,
    WORD,
    first_finite,
    has_finite_verb,
    is_finite,
    past_of,
    verb_forms,
    word_set,
)

_SUBJECT_START = re.compile(
    r"^\s*(?:(?:the|a|an|this|that|these|those|his|her|its|their|some|many|most|several|no|all|"
    r"both|each|one|two|three|four|five|he|she|they|it|we|i|police|officials|authorities|"
    r"[A-Z][\w'’.-]*)\b|\d|[a-z]{3,}s\s+(?=[a-z]+(?:ed|s)\b))"
)
#: (one space before a bare "and"/"but": a run of spaces is a blanked quotation, which stays
#: with the clause before it)
_COORD = re.compile(
    r",\s+(?:and|but|while|whereas|yet|although|though)\s+|\s(?:and|but)\s+(?=[A-Z]|the\b|he\b|"
    r"she\b|they\b|it\b)"
)
#: "Though S1 V x, S2 V y" / "As S1 V x, S2 V y": a leading subordinate clause, split off
#: without its conjunction when both sides are clauses.
_LEADING_SUB = re.compile(
    r"(?P<conj>(?:Though|Although|As(?!\s+(?:long|far|soon|well|much|many|of)\b)|Whereas|"
    r"Even\s+though|Even\s+as|While)\s+)(?P<sub>[^,;]{12,}?),\s+")


def _split_leading(mask: str, segment: tuple[int, int]) -> list[tuple[int, int]]:
    s, e = segment
    m = _LEADING_SUB.match(mask, s, e)
    if m is None:
        return [segment]
    rest = mask[m.end() : e]
    verb = first_finite(rest)
    if not (
        has_finite_verb(m.group("sub"))
        and verb is not None
        # "even Justice Ruth Bader Ginsburg, an ardent defender of women's rights, expressed":
        # an aside between the subject and its verb does not count
        and 1 <= len(re.sub(r",[^,]*,", " ", rest[: verb.start()]).split()) <= 6
    ):
        return [segment]
    if m.group("conj").startswith("While") and re.match(r"(?:he|she|it|they)\b", rest):
        # "While Israel chose not to ..., it has bombed ...": the pronoun is the clause's
        # subject, which only the whole sentence tells
        return [segment]
    return [(m.start("sub"), m.end("sub")), (m.end(), e)]


_RELATIVE = re.compile(r",\s+(which|who)\s+")
#: "which the department says can be tied to ...": a speaker and a clause about the antecedent
#: (not a pronoun speaker: "which she said were ..." stays in its sentence, where the pronoun
#: is resolved with the sentence around it)
_SAID_RELATIVE = re.compile(
    r"(?P<subj>(?!(?:he|she|they|it|we|I|you)\s)(?:the\s+|his\s+|her\s+)?[\w’'.-]+"
    r"(?:\s+[A-Z\w][\w’'.-]*){0,3}?)\s+"
    r"(?P<verb>said|says|say|believes|believe|believed|thinks|think|thought|claims|claimed|"
    r"argues|argued|estimates|estimated)\s+(?P<rest>(?!that\b)[a-z\"“].+)$"
)
#: a relative clause with a subject of its own, so "which" is its object: "which he ... do"
_OBJECT_RELATIVE = re.compile(r"(?:he|she|they|we|I|you|it|the|his|her|their|its|our)\s+(?!is\b|"
                              r"was\b|are\b|were\b)[a-z]")
_NAMED_SUBJECT = re.compile(
    r"(?:the\s+)?(?:[A-Z][\w.’'&-]*\s+){1,4}(?:and\s+(?:the\s+)?(?:[A-Z][\w.’'&-]*\s+){1,4})?"
    r"(?P<verb>[a-z]+)\b"
)


def _named_subject_first(body: str) -> bool:
    """"which the OIG is investigating", "which Congress passed": a named subject and its
    verb open the clause, so "which" is the object."""
    m = _NAMED_SUBJECT.match(body)
    return bool(m) and (m.group("verb") in AUX or is_finite(m.group("verb")))


_PRONOUNS = word_set("him her them it us me you that this what")
#: verbs followed by another verb ("which Jamie helped run"): the object is the second verb's
_CATENATIVE = word_set("help helps helped let lets made make makes saw see sees watched heard")
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:in|at|on|of|about|with|from|to|for|near|into|over|against|by)\s+(?:the\s+)?\S+$")


def _inside(ante: str) -> str:
    """An antecedent as it reads inside a sentence: "The tiebreaker" -> "the tiebreaker"."""
    if re.match(r"(?:The|A|An|Its|His|Her|Their)\s", ante):
        return ante[:1].lower() + ante[1:]
    return ante


def _object_relative_claim(ante: str, body: str, before: str) -> str | None:
    """"Jimi Hendrix penned the draft on hotel stationery" from the draft and "which Jimi Hendrix
    penned on hotel stationery"; None unless the clause is a named subject, one verb (after
    at most one auxiliary and adverb) and what follows it, with no second verb."""
    m = _NAMED_SUBJECT.match(body)
    if m is None or len(ante.split()) > 8:
        return None
    if len(ante.split()) <= 3 and _PREPOSITION_BEFORE.search(before.rstrip(" ,")):
        return None  # "his decision about Syria, which ...": "which" may be the decision
    words = body[m.start("verb"):].split()
    verbs = []
    while words and (words[0] in AUX or words[0].endswith("ly") or words[0] in ("not", "both",
                                                                                   "also")):
        verbs.append(words.pop(0))
    if not words or (verbs and verbs[-1] in ("do", "does", "did")):
        return None
    main = words.pop(0).strip(",.")
    if not re.fullmatch(r"[a-z]+", main) or main in AUX or main in _CATENATIVE or not (
            is_finite(main) or main.endswith(("ed", "en", "ing"))):
        return None
    rest = " ".join(words)
    if (words and (words[0].lower().strip(",.") in _PRONOUNS or words[0] == "to")) or (
            first_finite(rest) is not None):
        return None  # "which Facebook informed him violated ...", "which the IG declined to"
    subject = body[: m.start("verb")].strip()
    text = " ".join(part for part in (subject, *verbs, main, _inside(ante), rest) if part)
    return text[:1].upper() + text[1:]


_PARTICIPLE = re.compile(r",\s+(?:while\s+|whereas\s+)?(?=[a-z]+ing\b)")
#: the -ing forms of speech verbs: ", saying ..." reports what the clause's subject said
SPEECH_PARTICIPLE = re.compile(
    r"(saying|suggesting|adding|arguing|noting|claiming|insisting|warning|asserting)\s+")
_PARTICIPLE_AFTER_QUOTE = re.compile(r",[”\"]\s+(?=[a-z]+ing\b)")
_DET_BACK = re.compile(r"\b(?:The|the|A|a|An|an)\s+[^,;]*$")
_NAME_BACK = re.compile(
    r"(?:[A-Z][\w.'’-]*(?:\s+(?:of|de|da|van|von|al|bin|the)\s+|\s+))*"
    r"[A-Z][\w.'’-]*$"
)
_NOT_SUBJECT_NAMES = word_set(
    """
    On In At By For From After Before When While During Since Although Though Because If As
    According Meanwhile However Earlier Later Yesterday Today Tomorrow Last This Next
    So Instead Finally Still Yet Now Then Thus Hence Indeed Also Again Moreover Furthermore
    Nevertheless Nonetheless Otherwise Besides Regardless Ultimately Eventually Initially
    Similarly Likewise Overall Consequently Therefore Here There Afterward Afterwards Lastly
    Firstly Secondly Thirdly Sadly Luckily Interestingly Importantly Clearly
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
    June July August September October November December
    """
)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " ,;:—–-\n\t":
        start += 1
    while end > start and text[end - 1] in " ,;:—–-\n\t":
        end -= 1
    return start, end


def _text_of(sentence: str, spans: list[tuple[int, int]]) -> str:
    parts = [sentence[s:e] for s, e in spans]
    text = ""
    for i, part in enumerate(parts):
        bare = part.strip(" ,")
        if not bare:
            continue
        # a cut that ends at a comma ("... in Las Vegas[ that killed 58], attorney X said")
        # keeps the comma before what follows
        joint = ", " if i and part.lstrip().startswith(",") and text else " "
        text = f"{text}{joint}{bare}" if text else bare
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"\s+([.,;:!?])", r"\1", text)


#: a dash inside a range of dates or numbers ("Nov 15 - Dec 10", "1996 - 97"), not a clause break
_RANGE_DASH = re.compile(
    r"\d\s+[–-]{1,2}\s+(?:\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)")


def _split_dashes(sentence: str, mask: str, spans: list[tuple[int, int]]):
    """Paired dashes: the aside becomes its own segment. A single dash splits only between two
    clauses ("six - member" and "Geneva - The WHO chief said" stay whole)."""
    out_main, asides = [], []
    for s, e in spans:
        chunk = mask[s:e]
        if "—" not in chunk and "–" not in chunk and "-" not in chunk:
            out_main.append((s, e))  # no dash: nothing to split (as with zero matches below)
            continue
        dashes = list(re.finditer(r"\s*—\s*|\s+[–-]{1,2}\s+", chunk))
        if len(dashes) >= 2 and len(mask[s + dashes[0].end() : s + dashes[1].start()].split()) >= 3:
            # the clause around the aside stays one segment; the caller blanks the aside in it
            d1, d2 = dashes[0], dashes[1]
            out_main.append((s, e))
            asides.append((s + d1.end(), s + d2.start()))
        elif (
            len(dashes) == 1
            and not _RANGE_DASH.search(mask, max(s, s + dashes[0].start() - 12),
                                       s + dashes[0].end() + 12)
            and has_finite_verb(mask[s : s + dashes[0].start()])
            and has_finite_verb(mask[s + dashes[0].end() : e])
        ):
            d = dashes[0]
            out_main.append((s, s + d.start()))
            out_main.append((s + d.end(), e))
        else:
            out_main.append((s, e))
    return out_main, asides


#: "the United Nations rates the ...": a named subject, a present-tense verb outside the verb
#: list, and the object's determiner (only used to accept a coordinated clause).
_NAMED_SUBJECT_VERB = re.compile(
    r"(?:the\s+)?(?:[A-Z][\w'’.-]*\s+){1,4}([a-z]{3,}s)(?=\s+(?:the|a|an|its|his|her|their|\d)\b)"
)


def _split_at(mask: str, segment: tuple[int, int], pattern: re.Pattern, need_clause: bool):
    s, e = segment
    cuts = []
    for m in pattern.finditer(mask, s, e):
        left, right = mask[s : m.start()], mask[m.end() : e]
        if (
            not m.group(0).startswith(",")
            and re.search(r"[A-Z][\w.'’-]*$", left.rstrip())
            and right[:1].isupper()
        ):
            continue  # "North and South Korea", "Clinton and Sanders": names, not clauses
        if need_clause and re.search(r",\s+[A-Z][\w'’-]*$", left.rstrip()):
            continue  # "Sudan, Iran, Libya, and Yemen are ...": the end of a list
        if need_clause and re.search(r"[A-Z][\w.'’-]*,\s+\d{1,2}$", left.rstrip()):
            continue  # "Moira Lynch, 73, and Mary Batchelor, 68, were held": people and ages
        if (
            need_clause
            and not m.group(0).startswith(",")
            and "," in left
            and not has_finite_verb(left.rsplit(",", 1)[1])
        ):
            continue  # "When Indiana passed X, Indiana lawmakers and Gov. Pence vowed": subjects
        if need_clause:
            verb = _NAMED_SUBJECT_VERB.match(right) or first_finite(right)
            if not (
                _SUBJECT_START.match(right)
                and verb is not None
                and has_finite_verb(left)
                and len(right[: verb.start()].split()) <= 6
            ):
                continue
        cuts.append(m)
    pieces, pos = [], s
    for m in cuts:
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, e))
    return pieces


_COLON = re.compile(r":\s+(?=[A-Z])")


def _split_colon(mask: str, segment: tuple[int, int]) -> list[tuple[int, int]]:
    """ "They existed in different circles: Mr. Bloomberg is known as ...": two clauses."""
    return _split_at(mask, segment, _COLON, need_clause=True)


#: "to enlarge the mosque and improve crowd control, which": the object of one infinitive and
#: a second infinitive, not a noun phrase
_TO_VERB_BEFORE = re.compile(r"\bto\s+[a-z]+\s+$")
_JOINED = re.compile(r"\band\s+(?P<verb>[a-z]+)\s")


def _joined_verb(masked: str, start: int) -> bool:
    if not _TO_VERB_BEFORE.search(masked[:start]):
        return False
    finite = verb_forms()[0]
    return any(m.group("verb") + "s" in finite for m in _JOINED.finditer(masked, start))


def _antecedent(mask: str, sentence: str, seg_start: int, comma: int) -> str | None:
    before = sentence[seg_start:comma]
    masked = mask[seg_start:comma]
    name = _NAME_BACK.search(masked)
    det_phrase = None
    for m in re.finditer(r"\b(?:The|the|A|a|An|an)\s", masked):
        det_phrase = m
    if (
        name
        and det_phrase is not None
        and det_phrase.start() < name.start()
        and len(masked[det_phrase.start() :].split()) <= 8
        and re.search(r"\b(?:in|of|on|at|for|from)\s+$", masked[: name.start()])
        and not has_finite_verb(masked[det_phrase.start() : name.start()])
    ):
        phrase = before[det_phrase.start() :].strip()  # "The war in Afghanistan"
        return phrase[:1].upper() + phrase[1:]
    if name and " " not in name.group(0) and name.group(0).endswith("."):
        return None  # "Deuel County, Neb., who said": a place abbreviation, not the speaker
    if name and name.group(0).split()[0] not in _NOT_SUBJECT_NAMES:
        start = name.start()
        numbered = re.search(r"\b[Tt]he\s+\d[\d/.]*\s+$", masked[:start])
        if numbered:
            start = numbered.start()  # "the 9/12 Project, which ...": the number is the name's
        if masked[:start].endswith(" of "):
            # "former members of Scientology": extend back over the noun phrase
            words = list(re.finditer(r"\S+", masked[:start]))
            for taken, w in enumerate(reversed(words)):
                token = w.group(0).strip(",").lower()
                if (
                    taken >= 6
                    or w.group(0).endswith(",")
                    or has_finite_verb(token)
                    or token in ("in", "on", "at", "to", "for", "from", "with", "by", "about")
                ):
                    break
                start = w.start()
        the = re.search(r"\b[Tt]he\s+$", masked[:start])
        if the:
            start = the.start()  # "the Patriot Act, which ...": the article is the name's
        phrase = before[start:].strip()
        return phrase[:1].upper() + phrase[1:]
    det = None
    for m in re.finditer(r"\b(?:The|the|A|a|An|an|his|her|its|their|His|Her|Its|Their)\s", masked):
        det = m
    if det is not None and len(masked[det.start() :].split()) <= 8 and not _joined_verb(
            masked, det.start()):
        phrase = before[det.start() :].strip()
        return phrase[:1].upper() + phrase[1:]
    # a bare noun phrase after the last preposition: "cracked down on human trafficking, which"
    prep = None
    for m in re.finditer(r"\b(?:on|of|in|to|for|with|from|by|at|against|about)\s", masked):
        prep = m
    if prep is not None:
        phrase = before[prep.end() :].strip()
        if 1 <= len(phrase.split()) <= 4 and not has_finite_verb(phrase):
            return phrase[:1].upper() + phrase[1:]
    return None


_APPOSITIVE = re.compile(
    r"(?P<name>(?:[A-Z][\w.'’-]*\s+)*[A-Z][\w.'’-]*),(?:\s+(?P<age>1?\d{1,2}),)?\s+"
    r"(?P<app>(?:a|an|the|[a-z])[^,;]{2,160}?|"
    r"[A-Z][\w.'’-]*(?:\s+[\w.'’-]+){1,12}?),(?=\s)"
)
_APPOSITIVE_END = re.compile(
    r"(?P<name>(?:[A-Z][\w.'’-]*\s+)*[A-Z][\w.'’-]*),\s+(?P<app>(?:a|an|the)\s[^,;]{2,160}?)"
    r"(?P<end>[.!]?)$"
)
_QUOTED_NAME_APPOSITIVE = re.compile(
    r"[\"“](?P<name>[A-Z][^\"”]{1,60}?)[\"”],\s+(?P<app>(?:a|an|the)\s[^,;]{2,160}?)"
    r"(?P<close>,(?=\s)|(?=[.!]?$))"
)
#: a quoted title that names something: capitalised words, a few short joining words
_QUOTED_NAME = re.compile(
    r"[A-Z0-9][\w.'’&-]*(?:\s+(?:(?:of|the|and|for|in|on|a|to|&)\s+)*[A-Z0-9][\w.'’&-]*){0,5}"
)
_PARTICIPLE_ASIDE = re.compile(
    r",\s+(?P<vbn>[a-z]{3,})\b(?P<body>[^,;]{3,120}?)(?:,|\s{3,})(?=\s*[a-z]+\b)"
)
_SUBJECT_ASIDE = re.compile(
    r"(?P<subj>[A-Z][^,]{0,60}),\s+(?P<aside>(?P<ing>[a-z]{3,}ing)\b"
    r"[^,]{0,100}),\s+(?=[a-z])"
)
_LOWER_CONTENT = re.compile(r"(?<![\w'’-])(?!(?:of|the|and|for|in|at|on|to|a|an)\b)[a-z]{3,}")


def _appositives(mask: str, s: int, e: int) -> list[re.Match]:
    """Candidate "Name, appositive," matches, overlapping ones included (a failed candidate
    such as "Daily News, Brett Kavanaugh," must not hide "Brett Kavanaugh, ... nominee,")."""
    found, seen = [], set()
    for comma in re.finditer(r",\s+", mask[s:e]):
        start = s + comma.start()
        before = re.search(r"(?:[A-Z][\w.'’-]*\s+)*[A-Z][\w.'’-]*$", mask[s:start])
        if before is None:
            continue
        m = _APPOSITIVE.match(mask, s + before.start(), e)
        if m and m.end("name") == start and m.start("app") not in seen:
            seen.add(m.start("app"))
            found.append(m)
    return found


_NOUN_CONTEXT = word_set(
    "a an the of for in on with to by from his her their its our this that no any some"
)


def _copula(appositive: str) -> str:
    """ "was" for a role held in a past year ("Ralph Nader's running mate in the 2008 presidential
    election"), else "is"."""
    return "was" if re.search(r"(?<!since )\b(?:19|20)\d\d\b", appositive) else "is"


#: words after which "accused" / "deceased" name a person
_BEFORE_ED_NOUN = word_set("the chief co fellow his her their main principal")


def _has_predicate(text: str) -> bool:
    """A finite verb that is not a noun after a determiner or preposition ("of ... support")."""
    words = [m.group(0).lower() for m in WORD.finditer(blank_quotes(text))]
    for i, word in enumerate(words):
        if word in AUX and word not in ("may", "will", "can", "might", "must") and i:
            return True  # "their interactions have been limited": never a noun
        if word in ("accused", "deceased") and i and words[i - 1] in _BEFORE_ED_NOUN:
            continue  # "the chief accused in the case": a person, not a verb
        if (
            is_finite(word)
            and not (i > 0 and words[i - 1] in _NOUN_CONTEXT)
            and not (i > 1 and words[i - 2] in _NOUN_CONTEXT and not word.endswith("ed"))
        ):
            return True
    return False


def _main_verb_after_relative(app: str) -> bool:
    """ "the top three reasons that parents choose homeschooling are a desire ...": after its
    relative clause's verb, a verb of being the noun before the relative is the subject of, so
    the "appositive" is the main clause."""
    parts = re.split(r"\s(?:who|that|which)\s", app, maxsplit=1)
    if len(parts) < 2:
        return False
    words = [w.lower() for w in WORD.findall(parts[1])]
    for i, word in enumerate(words):
        if word in ("is", "are", "was", "were") and i >= 2 and words[i - 1] not in (
                "that", "who", "which", "it", "he", "she", "they", "there", "what", "and", "but",
                "or", "also", "now", "still"):
            return True  # (an object relative, "that the state was running", stays whole too)
    return False


#: a source a clause opens with before its subject: a name in it has no appositive after it
#: when a verb follows ("As reported by The Washington Times, the recent shooting ... was")
_OPENING_ADJUNCT = re.compile(
    r"\s*(?:According\s+to|As\s+(?:reported|noted|told|described)\s+(?:by|to|in)|Citing)\b")


def _verb_next(mask: str, pos: int, end: int) -> bool:
    """Whether the word at ``pos`` (after an appositive's closing comma, and a place) is a
    finite verb."""
    rest = re.sub(r"^\s*(?:[A-Z][\w.'’-]*\s*,\s*)?", "", mask[pos:end])
    word = WORD.match(rest)
    return bool(word) and (word.group(0).lower() in AUX or is_finite(word.group(0).lower()))


def _appositive_ok(app: str, name: str) -> bool:
    words = app.split()
    head = re.split(r"\s(?:who|that|which|whose)\s", app, maxsplit=1)[0]
    if len(head.split()) > 20 or len(words) > 30 or len(words) < 2 or _has_predicate(head):
        return False  # a relative clause inside the appositive may have its own verb
    if _main_verb_after_relative(app):
        return False
    if re.match(r"[a-z]+(?:ing|ed|ly)\b", app):
        return False
    if app[:1].isupper() and re.search(r"\s(?:and|or)\s", app):
        return False  # "Ben Chan and Leung Che-cheung": a list of names, not an appositive
    if re.match(
        r"^(?:and|or|but|who|which|where|when|while|as|like|unlike|said|says|according|"
        r"including|along\s+with|together\s+with|as\s+well\s+as|"
        r"in|on|at|for|from|with|after|before|during|since|to)\b",
        app,
    ):
        return False
    if not _LOWER_CONTENT.search(app) and not re.match(r"(?:a|an|the)\s", app):
        return False  # "Irving, Texas," / "Aceh, Indonesia": places, not appositives
    if starts_with_place(app):
        return False  # "the Kurds left Kirkuk, Iraq earlier this week": where, not what
    if name.split()[0] in _NOT_SUBJECT_NAMES:
        return False
    if re.match(r"(?:few|many|some|most|all|none|several|each|both|one|two)\s+of\s+(?:them|us|"
                r"those|these)\b", app):
        return False  # "on Capitol Hill, few of them give ...": a clause's subject
    if re.match(r"(?:a|an|the|one|two|three|few|several)\s+(?:\w+\s+)?(?:days?|weeks?|months?|"
                r"years?|hours?|minutes?)\s+(?:before|after|earlier|later|ago|from|into)\b", app):
        return False  # "President Trump, a day before his deadline, told ...": a time
    if re.match(r"(?:both|all|each)\b", app):
        return False  # "David Long and Brian Bosma, both Republicans,": not Bosma alone
    if name in _GROUP_NAMES and re.match(r"(?:a|an)\s", app):
        return False  # "struck with Republicans, an agreement that ...": the agreement's
    return not re.search(r"\d", app) or bool(re.search(r"[a-z]{4,}", app))


#: -ing words that work as prepositions: an aside they open is no event of the subject's
_PREPOSITION_ING = frozenset(
    "including excluding according regarding concerning following considering during pending "
    "barring notwithstanding involving".split())
#: a member of Congress's party and state: "D-Ill.", "R-S.C."
_PARTY_TAG = re.compile(r"[DRI]-[A-Z][\w.]*")


def _person_before_tag(mask: str, s: int, n_s: int, n_e: int) -> tuple[int, int]:
    """The name span an appositive describes: the name itself, or for a party tag ("Sen.
    Dick Durbin, D-Ill., the No. 2 Democrat") the name before it; (-1, -1) if there is none."""
    if not _PARTY_TAG.fullmatch(mask[n_s:n_e]):
        return n_s, n_e
    person = re.search(r"(?:[A-Z][\w.'’-]*\s+)*[A-Z][\w.'’-]*(?=,\s+$)", mask[s:n_s])
    return (s + person.start(), s + person.end()) if person else (-1, -1)


#: plural names of groups, which "a ..."/"an ..." after them does not describe
_GROUP_NAMES = frozenset(
    "Republicans Democrats Conservatives Liberals Socialists Communists Americans Europeans "
    "Catholics Muslims Christians Jews Palestinians Israelis Russians Britons".split())


#: "BRATISLAVA, Slovakia, February 13, 2018 (LifeSiteNews) – ": a dateline before the first
#: clause (an all-capitals place, then places, a date and an outlet), not part of any claim
_DATELINE = re.compile(
    r"[A-Z]{3,}(?:\s+[A-Z]{2,})*(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?){0,2}"
    r"(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?)?\s*(?:\([^)]{1,40}\)\s*)?"
    r"(?:[—–―]\s*|(?:--|-)\s+)(?=[A-Z])"  # "WASHINGTON ―House", not "AFL-CIO"
)


#: "Updated: Rick Santorum on Sunday tried ...": a label the page puts before the first clause
_LABEL = re.compile(
    r"(?:UPDATED?|Updated?|BREAKING(?:\s+NEWS)?|Breaking(?:\s+news)?|EXCLUSIVE|Exclusive|"
    r"WATCH|Watch)\s*:\s+(?=[A-Z])"
)


#: "With Hillary Clinton officially reaching the number of delegates, Obama congratulated her":
#: an absolute clause (a subject and a participle, no finite verb) before the main clause
_WITH_ABSOLUTE = re.compile(
    r"With\s+(?P<np>[^,;]{2,80}?)\s+(?:[a-z]+ly\s+)?(?P<verb>[a-z]{3,}(?:ing|ed))\b"
    r"(?P<rest>[^,;]{0,160}),\s+(?=\S)"
)
#: -ing and -ed words that are nouns or prepositions after a noun phrase, not its participle
_NOT_PARTICIPLE = word_set(
    """morning evening during thing something nothing anything everything king ring spring
    string wing sibling ceiling offspring meeting hearing briefing funding spending housing
    training clothing setting ruling bombing shooting killing uprising opening ending beginning
    landing wedding painting recording finding earnings savings feeling being including
    according regarding concerning following considering involving pending red bed need seed
    speed hundred breed shed""")


_REFERS = re.compile(r"(?:^|(?<=\s))(?:he|she|him|her|his|hers|they|them|their|it|its)\b",
                     re.IGNORECASE)


def _with_absolute(sentence: str, mask: str, first: int) -> tuple[Piece, int] | None:
    """The opening absolute clause as a piece of its own ("Hillary Clinton officially reached
    the number of delegates"; "With 90 percent of precincts counted" -> "90 percent of precincts
    were counted") and where the main clause starts, when the rest is a clause."""
    m = _WITH_ABSOLUTE.match(mask, first)
    if m is None or m.group("verb") in _NOT_PARTICIPLE:
        return None
    np, verb = m.group("np"), m.group("verb")
    if has_finite_verb(np) or _REFERS.match(np) or not re.search(
            r"(?<![\w'’])(?!(?:the|a|an|this|that|these|those)\b)[A-Za-z]{3,}", np):
        return None  # "With his wife looking on": whose wife only the main clause says
    if re.search(r"\b(?:potentially|possibly|probably|likely|apparently|seemingly|allegedly|"
                 r"reportedly|supposedly|perhaps)\s+$", mask[m.start("np") : m.start("verb")]):
        return None  # "With AARP potentially backing off": no event to state
    if re.match(r"\s+of\b", mask[m.end("verb") :]):
        return None  # "With the lifting of the sanctions": a noun, not a participle
    main = mask[m.end() :]
    if not has_finite_verb(main) or _REFERS.search(main) or re.match(r"(?:and|but|or)\b", main):
        return None  # "..., Obama congratulated her": she is in the absolute clause
    if verb.endswith("ing"):
        said = past_of(verb)
    else:
        plural = np.endswith("s") and not np.endswith("ss") or " and " in np
        said = f"{'were' if plural else 'was'} {verb}"
    adverb = mask[m.end("np") : m.start("verb")].strip()
    text = " ".join(w for w in (sentence[m.start("np") : m.end("np")], adverb, said,
                                sentence[m.end("verb") : m.end("rest")].strip()) if w)
    piece = Piece(text[:1].upper() + text[1:], [(m.start("np"), m.end("rest"))], form="aside")
    return piece, m.end()


def split_sentence(sentence: str) -> list[Piece]:
    """Atomic pieces of one sentence; span offsets are relative to ``sentence``."""
    mask = blank_quotes(sentence)
    dateline = _DATELINE.match(mask) or _LABEL.match(mask)
    first = dateline.end() if dateline else 0
    opening = _with_absolute(sentence, mask, first)
    if opening is not None:
        opening_piece, first = opening
    segments, asides = _split_dashes(sentence, mask, [(first, len(sentence))])
    dash_removed = []
    for a_s, a_e in asides:
        lo = len(mask[:a_s].rstrip(" —–-"))
        hi = a_e + len(mask[a_e:]) - len(mask[a_e:].lstrip(" —–-"))
        dash_removed.append((lo, hi))
        mask = mask[:lo] + " " * (hi - lo) + mask[hi:]
    clause_spans: list[tuple[int, int]] = []
    for seg in segments:
        for part in _split_at(mask, seg, re.compile(r"\s*;\s*|:\s+(?=[a-z])"), need_clause=False):
            for clause in (
                c for half in _split_leading(mask, part) for c in _split_colon(mask, half)
            ):
                clause_spans.extend(_split_at(mask, clause, _COORD, need_clause=True))
    pieces: list[Piece] = [opening_piece] if opening is not None else []
    for s, e in asides:
        s, e = _trim(sentence, s, e)
        text = sentence[s:e]
        intro = re.match(r"(?:during|in|after|before|at|by)\s+which\s+|which\s+|who\s+", text)
        if intro:
            s += intro.end()
        if re.match(r"whose\s", text):
            # "yielded to Mr. Acosta — whose questions had ... —": Mr. Acosta's questions had ...
            owner = _NAME_BACK.search(mask[:a_s].rstrip(" —–-"))
            if owner is None:
                continue
            rest = sentence[s + len("whose") : e].strip()
            pieces.append(Piece(f"{owner.group(0)}’s {rest}", [(s, e)], form="aside"))
            continue
        if e - s > 0:
            pieces.append(Piece(sentence[s:e], [(s, e)], form="aside"))
    for s, e in clause_spans:
        s, e = _trim(sentence, s, e)
        if e <= s:
            continue
        removed: list[tuple[int, int]] = [(a, b) for a, b in dash_removed if s <= a and b <= e]
        aside = _SUBJECT_ASIDE.match(mask, s, e)
        if aside and aside.group("ing").lower() in _PREPOSITION_ING:
            aside = None  # "Three people, including two guards, died": examples, not an event
        if aside and not has_finite_verb(aside.group("subj")):
            a_s, a_e = aside.start("aside"), aside.end("aside")
            verb = aside.group("ing")
            rest = sentence[a_s + len(verb) : a_e].strip()
            pieces.append(
                Piece(
                    f"{sentence[aside.start('subj') : aside.end('subj')]} {past_of(verb)} {rest}",
                    [(a_s, a_e)],
                    form="aside",
                )
            )
            removed.append((a_s - 2, a_e + 1))
        # appositives after a name
        for m in _appositives(mask, s, e):
            name, app = m.group("name"), m.group("app")
            n_s, n_e = _person_before_tag(mask, s, m.start("name"), m.end("name"))
            if n_s < 0:
                continue
            name = mask[n_s:n_e]
            if not _appositive_ok(app, name) or any(r[0] <= m.start() < r[1] for r in removed):
                continue
            if _OPENING_ADJUNCT.match(mask, s, n_s) and "," not in mask[s:n_s] and (
                    _verb_next(mask, m.end("app") + 1, e)):
                continue  # "As reported by The Times, the recent shooting ... was": a subject
            a_s, a_e = m.start("app"), m.end("app")
            place = re.match(r",\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?(?=,)", mask[a_e:e])
            if place:
                a_e += place.end()
            # "Daniel Montalvo, 19, a member of Scientology,": the age goes with the appositive
            age = f", {m.group('age')}," if m.group("age") else ""
            if age and not re.match(r"(?:a|an|the)\s", app):
                continue  # "Violeta Chamorro, 66, suffers from ...": a verb, no appositive
            pieces.append(
                Piece(
                    f"{sentence[n_s:n_e]}{age} {_copula(app)} {sentence[a_s:a_e].strip()}",
                    [(n_s, n_e), (m.start("age"), m.end("age")), (a_s, a_e)] if age
                    else [(n_s, n_e), (a_s, a_e)],
                    form="appositive",
                )
            )
            # the main clause loses the appositive (and a party tag or an age before it)
            cut = m.end("name") if age else a_s - 2
            removed.append(((cut if n_s == m.start("name") else m.start("name") - 2), a_e + 1))
        end_app = _APPOSITIVE_END.search(mask[s:e])
        n_s, n_e = (_person_before_tag(mask, s, s + end_app.start("name"), s + end_app.end("name"))
                    if end_app else (-1, -1))
        if n_s >= 0 and _appositive_ok(end_app.group("app"), mask[n_s:n_e]):
            a_s, a_e = s + end_app.start("app"), s + end_app.end("app")
            if not any(r[0] <= a_s < r[1] for r in removed):
                pieces.append(
                    Piece(
                        f"{sentence[n_s:n_e]} is {sentence[a_s:a_e].strip()}",
                        [(n_s, n_e), (a_s, a_e)],
                        form="appositive",
                    )
                )
                removed.append((a_s - 2, a_e))
        # a quoted name's appositive: 'on the website "Insurgency Wiki", a spinoff of 4chan.'
        for m in _QUOTED_NAME_APPOSITIVE.finditer(sentence, s, e):
            a_s, a_e = m.start("app"), m.end("app")
            if (
                any(r[0] <= m.start() < r[1] for r in removed)
                or not _QUOTED_NAME.fullmatch(m.group("name"))
                or not _appositive_ok(m.group("app"), m.group("name"))
                or "“" in m.group("app") or '"' in m.group("app")
                # '"Rangatira", an antiquated, slow and small vessel': a list of adjectives
                or (m.group("close") == "," and re.match(r"\s+[a-z]+(?:\s+[a-z]+)?\s+and\b",
                                                         sentence[m.end() :]))
            ):
                continue
            pieces.append(
                Piece(f"{m.group('name')} is {m.group('app').strip()}",
                      [(m.start("name"), m.end("name")), (a_s, a_e)], form="appositive")
            )
            removed.append((a_s - 2, a_e + (1 if m.group("close") == "," else 0)))
        # participle asides: "the company's culture, described in court as the "Wal-Mart Way","
        for m in _overlapping(_PARTICIPLE_ASIDE, mask, s, e):
            if any(r[0] <= m.start() < r[1] for r in removed):
                continue
            if re.search(r",\s+(?:who|which)\s[^,]*$", mask[s : m.start()]):
                continue  # "Williams, who snapped a streak, allowed five hits": his verb
            if m.group("vbn").lower() not in verb_forms()[1]:
                continue
            following = [w for w in mask[m.end() :].split()[:3] if not w.endswith("ly")]
            head = following[0].lower().strip(",.") if following else ""
            if not (is_finite(head) or re.fullmatch(r"[a-z]{3,}[^s]s", head)):
                continue  # the aside must sit between a subject and its verb ("fosters")
            ante = _antecedent(mask, sentence, s, m.start())
            a_s, a_e = m.start("vbn"), m.end() - 1
            body = sentence[a_s:a_e].strip(" ,")
            if ante is not None:
                verb = "were" if re.search(r"[^s]s$", ante) else "was"
                pieces.append(Piece(f"{ante} {verb} {body}", [(a_s, a_e)], form="relative"))
            removed.append((m.start(), a_e + 1))
        # restrictive relative clauses: "the lawsuit that covers 1.5 million women"
        for rel in restrictive_relatives(mask, sentence, s, e, removed):
            pieces.extend(
                split_predicates(Piece(rel.text, [rel.span], form="relative"), sentence)
            )
            if rel.cut is not None:
                removed.append(rel.cut)
        for rel in reduced_relatives(mask, sentence, s, e, removed):
            pieces.append(Piece(rel.text, [rel.span], form="relative"))
            removed.append(rel.cut)
        for rel in where_clauses(mask, sentence, s, e, removed):
            pieces.append(Piece(rel.text, [rel.span], form="clause"))
            removed.append(rel.cut)
        # non-restrictive relative clauses
        for m in _RELATIVE.finditer(mask, s, e):
            if any(r[0] <= m.start() < r[1] for r in removed):
                continue
            close = mask.find(",", m.end(), e)
            r_end = close if close != -1 else e
            body = sentence[m.end() : r_end].strip()
            if not has_finite_verb(body):
                continue
            own_subject = m.group(1) == "which" and bool(
                _OBJECT_RELATIVE.match(body) or re.match(r"[A-Z][a-z]", body)
                or _named_subject_first(body))
            said = _SAID_RELATIVE.match(body) if own_subject else None
            if own_subject and said is None and (
                _OBJECT_RELATIVE.match(body) or _named_subject_first(body)
            ):
                # "a problem, which he had not heard it do": "which" is the object; with a
                # named subject and a plain verb it is a claim of its own ("the tiebreaker,
                # which the American won 7-5" -> "The American won the tiebreaker 7-5")
                ante = _antecedent(mask, sentence, s, m.start())
                text = _object_relative_claim(ante, body, mask[s : m.start()]) if ante else None
                if text is not None:
                    pieces.append(Piece(text, [(m.end(), r_end)], form="relative"))
                    removed.append((m.start(), r_end + (1 if close != -1 else 0)))
                continue
            ante = _antecedent(mask, sentence, s, m.start())
            if ante is None:
                continue
            if said is not None:
                # "the concerns, which the department says can be tied to ...": the department
                # says the concerns can be tied to ...
                head = _inside(ante)
                text = f"{said.group('subj')} {said.group('verb')} {head} {said.group('rest')}"
                pieces.append(Piece(text[:1].upper() + text[1:], [(m.end(), r_end)],
                                    form="relative"))
            else:
                pieces.append(
                    Piece(f"{ante} {body}", [(m.end(), r_end)], form="relative", subject=ante)
                )
            removed.append((m.start(), r_end + (1 if close != -1 else 0)))
        main = _subtract((s, e), removed)
        # a stretch left holding only the full stop after a cut-out clause is not a source span
        main = [sp for sp in main if sentence[sp[0] : sp[1]].strip(" .,;:!?\"”’")] or main
        text = _text_of(sentence, main)
        if text:
            pieces.extend(split_predicates(Piece(text, main, form="clause"), sentence))
    pieces = [p for piece in pieces for p in split_event_clauses(piece, sentence)]
    pieces = [p for piece in pieces for p in split_opening_participle(piece, sentence)]
    pieces.sort(key=lambda p: p.spans[0][0])
    return pieces


def _overlapping(pattern: re.Pattern, text: str, start: int, end: int):
    """Matches of ``pattern`` (which begins with a comma) in ``text[start:end]`` at every
    comma, overlapping ones included: ", the Afghan team's robot," must not hide ", named
    "Better Idea","."""
    comma = text.find(",", start, end)
    while comma != -1:
        m = pattern.match(text, comma, end)
        if m is not None:
            yield m
        comma = text.find(",", comma + 1, end)


def _subtract(span: tuple[int, int], removed: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out, pos = [], span[0]
    for r_s, r_e in sorted(removed):
        r_s, r_e = max(r_s, span[0]), min(r_e, span[1])
        if r_s > pos:
            out.append((pos, r_s))
        pos = max(pos, r_e)
    if pos < span[1]:
        out.append((pos, span[1]))
    return [(a, b) for a, b in out if b > a]


def split_participle(piece: Piece, sentence: str) -> tuple[Piece, Piece | None]:
    """Cut a trailing participial clause (", evoking the ghost of ...") off a piece."""
    if len(piece.spans) != 1:
        return piece, None
    s, e = piece.spans[0]
    mask = blank_quotes(sentence)
    m = _PARTICIPLE.search(mask, s, e)
    head_end = m.start() if m else -1
    if not m:
        # 'a “phony theology,” saying he ...': the comma sits inside the closing quote mark
        m = _PARTICIPLE_AFTER_QUOTE.search(sentence, s, e)
        if not m or mask[m.end() : m.end() + 3] != sentence[m.end() : m.end() + 3]:
            return piece, None
        head_end = m.start() + 2  # keep the quotation whole, comma and closing mark
    head = (s, head_end)
    # what a speaker said runs to the end ("..., saying that despite X, Y"); any other
    # participle clause to the next comma
    speech = SPEECH_PARTICIPLE.match(mask, m.end())
    tail_end = -1 if speech else mask.find(",", m.end(), e)
    tail = (m.end(), tail_end if tail_end != -1 else e)
    rest = [(tail_end, e)] if tail_end != -1 else []
    main_spans = [head, *rest]
    main = Piece(_text_of(sentence, main_spans), main_spans, form=piece.form, subject=piece.subject)
    return main, Piece(sentence[tail[0] : tail[1]], [tail], form="participle")
