"""Checks on a claim's wording: evaluative language, and whether it stands on its own.

Shared by the extractor (to trim or flag claims) and by ``newsdesk eval claims`` (to measure
them), so both mean the same thing by "evaluative" and "self-contained":

* evaluative terms: words outside quotation marks that are in the shipped bias-word lexicon
  (BABE bias words, ``loaded_words.lexicon.json``) or in a short hand-written list of evaluative
  words that lexicon misses ("mere", "cynical", "hypocrisy", ...), minus words that are plain
  reporting vocabulary in news ("killed", "attack", "war", ...).
* self-containment problems: a personal pronoun outside quotes with no antecedent inside the
  claim, a demonstrative subject ("This", "That", ...), or a bare surname / title + surname of a
  person whose full name the article gives.
"""

from __future__ import annotations

from functools import lru_cache

from ..read import regex as re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Evaluative words the BABE bias lexicon does not cover (hand-written; not from any dataset).
EXTRA_EVALUATIVE = _words(
    """
    mere merely cynical cynically hypocrisy hypocritical pragmatism pragmatic capitulation
    facade farce shameful shameless disgrace disgraceful outrageous shocking stunning sweeping
    controversial fierce fiercely ardent vocal notorious infamous heroic hero villain brave
    courageous cowardly brilliant genius disastrous catastrophic catastrophe scandal scandalous
    exploding bombshell ugly nasty evil vile absurd ridiculous pathetic stupid insane crazy
    reckless foolhardy maniacs puppet so-called alleged-ly unprecedented historic extraordinary
    remarkable spectacular dramatic dramatically massive huge enormous immense tremendous
    incredibly incredible amazing wonderful terrible horrible awful appalling deplorable
    dangerous threatening sinister shady corrupt corruption regime hysteria hysterical radical
    extremist extreme fanatic fanatical symbolic symbolizes ghost chessboard bargaining
    maneuverable tamed submission receipt realpolitik blatant blatantly clearly obviously
    undoubtedly surely certainly truly really deeply utterly totally wildly gaffes
    embarrassments openly epicenter pawn strongly hardly barely ironic irony
    worst best greatest finest menace devastating withering indictment travesty atrocious
    disgusting despicable heinous monstrous outrage outraged damning scathing staggering
    renowned esteemed legendary iconic glorious magnificent superb splendid laudable admirable
    shameless unconscionable unforgivable inexcusable deceitful dishonest treacherous
    simply salacious lurid sordid sleazy smear smears caved duplicitous loathsome
    """
)

#: News vocabulary the bias lexicon lists but that reports events rather than judging them.
REPORTING_WORDS = _words(
    """
    killed kill killing killings dead death deaths died attack attacked attacks war wars
    arrested arrest charged charges accused accuse accusation accusations crime crimes criminal
    murder murdered shooting shot violence violent protest protests protesters illegal illegally
    deported deportation terror terrorism terrorist terrorists bomb bombing fire fired injured
    wounded victims victim abuse abused rape raped assault assaulted denied deny denies refused
    rejected condemned condemning criticized criticised criticism racism racist discrimination
    sex gay lesbian transgender immigrant immigrants undocumented abortion guns gun weapons
    weapon drugs drug cocaine narcotics cartel cartels
    """
)

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|‘[^’]{3,}’")
_SPEECH_AFTER = re.compile(
    r"\s*,?\s*(?:(?:[A-Z][\w.'’-]*\s+){0,4})?(?:said|says|added|told|wrote|declared|stated)\b"
)
_PRONOUN = re.compile(r"\b(?:he|she|him|her|his|hers|they|them|their|theirs)\b", re.IGNORECASE)
#: "... is the largest consumer." with nothing saying of what: the head was left in another clause
#: ("Colombia is the largest cocaine producer, and the U.S. is the largest consumer").
_BARE_SUPERLATIVE = re.compile(
    r"\bthe\s+(?:world[’']s\s+)?(?:largest|biggest|smallest|top|leading|main|second[- ]largest)\s+"
    r"(?P<noun>[a-z]+(?:er|or|ers|ors))\s*[.!]?\s*$"
)
_DEMONSTRATIVE_SUBJECT = re.compile(
    r"^(?:This|That|These|Those|It|Such)\b(?!\s+(?:year|week|"
    r"month|morning|afternoon|evening|is\s+the))"
)
_TITLE = r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof|President|Senator|Governor|Justice|Cardinal)\.?"


#: "By 2085, it will be able to pay ...": a referring "it" after an opening phrase; not the
#: "it" of "it was reported that", "it is up to", "it was Francis who" or "it is too late"
_IT_AFTER_ADJUNCT = re.compile(
    r"[^,]{3,80},\s+it\s+(?!(?:is|was|has\s+been|had\s+been|will\s+be|would\s+be|seems|"
    r"seemed|appears|appeared|remains)\s+(?:\w+\s+){0,3}?(?:that|to|who|whether|for|if|"
    r"when|as|than)\b|(?:is|was|will\s+be|would\s+be)\s+(?:too|not|now|still|also)?\s*"
    r"[a-z]+(?:ed|ful|ble|ant|ent|ive|ous|ic|al|y)?[.!]?$|(?:is|was)\s+(?:up\s+to|time)\b|"
    # weather and idiom: "it gets even worse", "it can get up to 115°F", "it goes without saying"
    r"(?:goes|went|must|looks|looked|took|takes|gets|got|can\s+get|rains|snows|does\s+freeze|"
    r"(?:is|was)\s+(?:true|false|over|already|more|less|cold|hot|warm|humid|dry|wet|sunny|"
    r"raining|about))\b)"
)
_IT_ABLE = re.compile(r"[^,]{3,80},\s+it\s+(?:will|would|is|was)\s+(?:be\s+)?(?:not\s+)?able\b")
_MONTH_MAY = re.compile(r"\bMay\b(?!\s+(?:I|we|you|he|she|they|it|the|not|be|have)\b)")


def without_month_may(text: str) -> str:
    """``text`` made safe for the lexical cues: the month "May" renamed (not the hedge "may"),
    short parentheticals blanked ("(I-Vt.)" is not the first person "I"), and the
    counterfactual "would have" read as past ("had"), not as a prediction."""
    text = _MONTH_MAY.sub("Month", text)
    text = re.sub(r"\([^()]{1,30}\)", lambda m: " " * len(m.group(0)), text)
    return re.sub(r"\bwould have\b", "had", text)


INTERPRETIVE = re.compile(
    r"\b(?:marks?|marking|symboli[sz]es?|symbol of|signals?|signifies|reflects?|represents?|"
    r"reveals?|embodies|epitomi[sz]es|underscores?|heralds?|amounts? to|transcends?|"
    r"is a (?:symptom|sign|display) of|a (?:turn|shift|victory|defeat|blow) (?:for|of|toward|"
    r"towards|following|in)|turning point|what (?:is|was) \w+ is)\b"
)
MOTIVE = re.compile(
    r"\b(?:as part of|in an (?:attempt|effort|bid) to|attempt(?:s|ing)? to|seeks? to|seeking to|"
    r"aims? to|aiming to|in order to|intended to|designed to|meant to|so as to|"
    r"to (?:project|signal|send a message)|in exchange for)\b",
    re.IGNORECASE,
)


def interpretive_phrase(text: str) -> tuple[str, str] | None:
    """("meaning"|"motive", phrase) when ``text`` (outside quotes) reads meaning or a purpose
    into events: "marks a pragmatic turn", "as part of the ... protocol"."""
    own = blank_quotes(text)
    m = INTERPRETIVE.search(own)
    if m:
        return "meaning", m.group(0)
    m = MOTIVE.search(own)
    if m:
        return "motive", m.group(0)
    return None


#: motive phrases that can close a clause: "met at the White House as part of the protocol"
_CLOSING_MOTIVE = re.compile(
    r",?\s+(?:as part of|in an (?:attempt|effort|bid) to|in order to|so as to|in exchange for|"
    r"to (?:project|signal|send a message))\b",
    re.IGNORECASE,
)
_BE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s*$", re.IGNORECASE)


def motive_cut(text: str) -> int | None:
    """Where the purpose or motive ``text`` closes with begins, when what comes before it is a
    clause of its own: "Construction was underway at the mosque in order to enlarge it" -> the
    offset of " in order to". None when the motive is the clause's core ("The law is meant to
    ...") or nothing checkable is left before it."""
    own = blank_quotes(text)
    m = _CLOSING_MOTIVE.search(own)
    if m is None or _BE_BEFORE.search(own[: m.start()]):
        return None
    head = own[: m.start()]
    if len(head.split()) < 4 or re.match(r"\s*(?:It|This|That)\b", head):
        return None
    if re.search(r"\b(?:that|because|whether|if|when|while|although)\b", head, re.IGNORECASE):
        return None  # the motive closes an inner clause: cutting it would leave that clause open
    return m.start()


#: "the bill would require ...": what a text (a bill, a treaty) provides for is checkable by
#: reading it, not a forecast
PROVISION = re.compile(
    r"\b(?:bill|act|law|measure|legislation|proposal|amendment|provision|rule|regulation|"
    r"treaty|agreement|deal|ordinance|resolution|executive order)s?,?\s+(?:also\s+)?"
    r"would\s+(?:also\s+)?(?:require|allow|ban|prohibit|bar|give|grant|create|establish|"
    r"provide|permit|force|mandate|impose|set|extend|expand|limit|repeal|eliminate|end|"
    r"raise|lower|cut|restrict|exempt|define|apply)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def blank_quotes(text: str) -> str:
    """``text`` with quoted passages replaced by spaces (same length, offsets kept).

    A sentence cut out of a longer quotation may hold only one of its quote marks: a closing
    mark before any opening one blanks the text up to it; an opening mark never closed blanks
    the text after it; an odd straight quote followed by a speech verb ("...," she said) is a
    closing one.
    """
    out = _QUOTED.sub(lambda m: " " * len(m.group(0)), text)
    close = out.find("”")
    opening = out.find("“")
    if close != -1 and (opening == -1 or close < opening):
        out = " " * (close + 1) + out[close + 1 :]
    opening = out.find("“")
    if opening != -1 and out.find("”", opening) == -1:
        out = out[:opening] + " " * (len(out) - opening)
    if out.count('"') % 2 == 1:
        pos = out.find('"')
        if _SPEECH_AFTER.match(out, pos + 1) or pos >= len(out.rstrip()) - 1:
            out = " " * (pos + 1) + out[pos + 1 :]
        else:
            out = out[:pos] + " " * (len(out) - pos)
    return out


@lru_cache(maxsize=1)
def _bias_words() -> frozenset[str]:
    from ..models.artifacts import load_json

    words = load_json("loaded_words.lexicon.json").get("biased", [])  # ModelError if missing
    return frozenset(w.lower() for w in words)


def evaluative_terms(text: str) -> list[tuple[int, int, str]]:
    """Evaluative words outside quotes, as (start, end, word) offsets into ``text``."""
    own = blank_quotes(text)
    bias = _bias_words()
    found = []
    for match in _WORD.finditer(own):
        word = match.group(0).lower().strip("'’-")
        if word in REPORTING_WORDS:
            continue
        if word in EXTRA_EVALUATIVE or word in bias:
            found.append((match.start(), match.end(), match.group(0)))
    return found


_TITLE_WORDS = (
    r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof|Lt|Col|Sgt|Capt|Adm|Rev)\.?|President|"
    r"Senator|Governor|Justice|Cardinal|Bishop|Judge|Minister|Prime Minister|"
    r"Chancellor|Secretary|Ambassador|Director|Chairman|Coach|General|Pope|Vice President"
    r"|Chief Justice|Attorney General|Mayor|Sheriff|Archbishop|Rabbi|Imam|Congressman|"
    r"Congresswoman|Representative|Assemblyman|Assemblywoman|Councilman|Councilwoman"
)
_NAME_PARTICLES = _words(
    """
    de da del della di van von der al el bin ibn la le du dos das y
    """
)


def _word_edge(text: str, i: int) -> bool:
    """No word character or hyphen at ``i`` (what ``(?<![\\w-])`` / ``(?![\\w-])`` test)."""
    return i < 0 or i >= len(text) or not (text[i].isalnum() or text[i] in "_-")


def name_matches(text: str, name: str, title: re.Pattern | None = None):
    """(start, end) of each whole-word occurrence of ``name`` in ``text``, extended back over a
    title just before it when ``title`` (a pattern ending in ``\\s+$``) is given. The same spans
    as ``re.finditer(rf"(?<![\\w-])(?:TITLE\\s+)?{re.escape(name)}(?![\\w-])", text)``, without
    compiling a pattern per name (names differ from article to article)."""
    i = text.find(name)
    while i != -1:
        end = i + len(name)
        if _word_edge(text, i - 1) and _word_edge(text, end):
            start = i
            if title is not None:
                t = title.search(text, max(0, i - 40), i)
                if t is not None and _word_edge(text, t.start() - 1):
                    start = t.start()
            yield start, end
            i = text.find(name, end)
        else:
            i = text.find(name, i + 1)


_TITLE_BEFORE = re.compile(rf"{_TITLE}\s+$")


def strip_title(name: str) -> str:
    """ "U.S. President Donald Trump" -> "Donald Trump"; "Cardinal Müller" -> "Müller"."""
    name = re.sub(r"(?:'s|’s|'|’)$", "", name.strip())
    return re.sub(
        rf"^(?:(?:U\.S\.|US|Former|former|Chief|Vice)\s+)?(?:(?:{_TITLE_WORDS})\s+)+", "", name
    )


def is_full_name(name: str) -> bool:
    """Two or more capitalised words (particles like "de", "bin" allowed inside)."""
    words = name.split()
    if len(words) < 2 or name.isupper():
        return False
    return (
        all(w[:1].isupper() or w in _NAME_PARTICLES for w in words)
        and words[0][:1].isupper()
        and words[-1][:1].isupper()
    )


def _person_names(people: list[str]) -> tuple[set[str], dict[str, str]]:
    return _person_names_of(tuple(people))


@lru_cache(maxsize=256)
def _person_names_of(people: tuple[str, ...]) -> tuple[frozenset[str], dict[str, str]]:
    """:func:`_person_names` of a tuple, memoised (callers only read the results)."""
    full = {strip_title(p) for p in people}
    full = {p for p in full if is_full_name(p)}
    surnames: dict[str, str] = {}
    for name in sorted(full, key=lambda n: (len(n), n)):
        parts = name.split()
        last = parts[-1].strip(".,")
        if last.lower() in ("jr", "sr", "ii", "iii") and len(parts) >= 3:
            last = parts[-2].strip(".,")
        surnames.setdefault(last, name)
    return frozenset(full), surnames


_HUMAN_NOUN = re.compile(
    r"\b(?:woman|man|girl|boy|child|baby|daughter|son|mother|father|wife|husband|officer|"
    r"president|minister|governor|senator|judge|spokesman|spokeswoman|lawyer|attorney|suspect|"
    r"victim|poster|coach|leader|chairman|director|cardinal|teenager|student|member|author|"
    r"[A-Z][a-z]+)\b"
)
#: capitalised words that open a clause without naming anyone ("In 1983, she was ..."); a
#: capitalised determiner ("The mayor said he ...") still opens a noun phrase that may be meant
_NOT_A_NAME = _words(
    """
    In On At After Before When While During Since Although Though Because If As For From By
    With Without Despite Then Now Later Earlier Also But And So Yet
    Last Next Today Yesterday Meanwhile However According Under Over Between Following
    January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday
    """
)


def _has_human_noun(text: str) -> bool:
    """A person noun ("the woman", "officer") or a capitalised word that may be a name."""
    return any(m.group(0) not in _NOT_A_NAME for m in _HUMAN_NOUN.finditer(text))


_PLURAL_NOUN = re.compile(r"\b[a-z]{3,}s\b|\b[A-Z][a-z]+s\b|\b(?:people|police|children)\b")


def self_containment_problems(text: str, people: list[str] = ()) -> list[str]:
    """Why ``text`` does not stand on its own (empty list: it does).

    ``people`` are the full names of persons the article mentions (its longest forms).
    """
    problems: list[str] = []
    own = blank_quotes(text)
    if _DEMONSTRATIVE_SUBJECT.match(own.strip()):
        problems.append(f"'{own.split()[0]}' refers to something outside the claim")
    elif _IT_AFTER_ADJUNCT.match(own.strip()) or _IT_ABLE.match(own.strip()):
        problems.append("'it' refers to something outside the claim")
    bare = _BARE_SUPERLATIVE.search(own)
    if bare:
        problems.append(f"'{bare.group(0).strip(' .!')}': of what is said only outside the claim")
    for m in _PRONOUN.finditer(own):
        word = m.group(0).lower()
        before = own[: m.start()]
        if m.start() == len(own) - len(own.lstrip()):
            problems.append(f"pronoun '{m.group(0)}' has no antecedent in the claim")
            break
        if word in ("they", "them", "their", "theirs"):
            ok = bool(_PLURAL_NOUN.search(before))
        else:
            ok = _has_human_noun(before) or any(
                n in own for n in _person_names(list(people))[0]
            )
        if not ok:
            problems.append(f"pronoun '{m.group(0)}' has no antecedent in the claim")
            break
    full, surnames = _person_names(list(people))
    for last, name in surnames.items():
        if last not in own:  # the pattern needs ``last`` verbatim
            continue
        for start, m_end in name_matches(own, last, _TITLE_BEFORE):
            found = own[start:m_end]
            # fine when it is the end of the full name (or the full name with a middle part)
            first_name = name.split()[0]
            window = own[max(0, start - 40) : m_end]
            if first_name in window and not re.match(_TITLE, found):
                continue
            if any(own[max(0, m_end - len(n)) : m_end] == n for n in full):
                continue
            if any(own.startswith(n, m_end - len(last)) for n in full):
                continue  # "Sen. Scott Brown": the first name of another person named in full
            titled = re.match(_TITLE, found)
            if not titled and (
                re.search(r"[A-Z][\w'’-]*\s+$", own[:start])
                or re.match(r"\s+[A-Z][a-z]", own[m_end:])
            ):
                continue  # part of another person's name ("Ben Chan", "Lee Cheuk-yan")
            problems.append(f"bare surname '{found}' ({name} in full)")
            break
    return problems
