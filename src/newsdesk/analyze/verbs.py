"""Verb forms for claim splitting: which words are finite verbs, a clause's subject, and the
simple past of an -ing form.

Finite forms are the word forms GUM tags as finite (``claims_verbs.json``, built by
``training/claims/build_verbs.py``), a few present-tense news verbs, and words ending in -ed.
"""

from __future__ import annotations

from functools import lru_cache

from ..read import regex as re
from .claims_checks import blank_quotes


def word_set(text: str) -> frozenset[str]:
    """The whitespace-separated words of a word list, as a set."""
    return frozenset(text.split())


WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


@lru_cache(maxsize=1)
def verb_forms() -> tuple[frozenset[str], frozenset[str]]:
    from ..models.artifacts import load_json

    data = load_json("claims_verbs.json")
    return frozenset(data["finite"]) | _EXTRA_FINITE, frozenset(data["participle"])


@lru_cache(maxsize=1)
def _ing_past() -> dict[str, str]:
    from ..models.artifacts import load_json

    return dict(load_json("claims_verbs.json").get("ing_past", {}))


def past_of(ing: str) -> str:
    """Simple past of an -ing form: "declaring" -> "declared" (GUM map, else stem + -ed)."""
    known = _ing_past().get(ing.lower())
    if known:
        return known
    stem = ing[:-3]
    undoubled = stem[:-1] if len(stem) >= 3 and stem[-1] == stem[-2] else stem  # "cutt"
    for base in (stem.lower(), undoubled.lower()):
        if base in _IRREGULAR_PAST:
            return _IRREGULAR_PAST[base]
    if len(stem) >= 3 and stem.endswith("y") and stem[-2] not in "aeiou":
        return stem[:-1] + "ied"  # "rallying" -> "rallied"
    # a doubled consonant stays doubled: "admitting" -> "admitted", "planning" -> "planned"
    return stem + ("d" if stem.endswith("e") else "ed")


_IRREGULAR_PAST_TEXT = """seek:sought bring:brought buy:bought
    think:thought teach:taught catch:caught fight:fought lead:led leav:left keep:kept hold:held
    meet:met tell:told sell:sold send:sent spend:spent build:built los:lost mak:made tak:took
    giv:gave go:went com:came find:found run:ran win:won writ:wrote speak:spoke say:said see:saw
    stand:stood becom:became begin:began draw:drew fly:flew grow:grew know:knew throw:threw
    driv:drove ris:rose choos:chose fall:fell feel:felt hear:heard pay:paid put:put set:set
    shoot:shot sit:sat sleep:slept strik:struck wear:wore hit:hit cut:cut let:let flee:fled
    lay:laid oversee:oversaw spit:spat shed:shed get:got forget:forgot quit:quit spin:spun dig:dug
    swim:swam bid:bid rid:rid upset:upset forbidd:forbade"""
_IRREGULAR_PAST = dict(pair.split(":") for pair in _IRREGULAR_PAST_TEXT.split())
#: "cut", "oversaw": what past_of can give, and the simple pasts a time clause may tell
PAST_FORMS = frozenset(_IRREGULAR_PAST.values())
AUX = word_set(
    """
    is are was were be been am has have had do does did will would shall should can could may
    might must
    """
)


def first_finite(text: str) -> re.Match | None:
    """The first finite verb outside quotes ("states" in "Two heartland states filed" is the
    subject's noun: a plural -s word right before another finite verb is skipped)."""
    words = list(WORD.finditer(blank_quotes(text)))
    for i, match in enumerate(words):
        word = match.group(0).lower()
        if not is_finite(word):
            continue
        if (word.endswith("ed") and i > 0
                and words[i - 1].group(0).lower() in _DETERMINERS):
            continue  # "The classified program is ...": an adjective after a determiner
        if word.endswith("s") and word not in AUX and i + 1 < len(words):
            following = words[i + 1].group(0).lower()
            if following in AUX or (following.endswith("ed") and is_finite(following)):
                continue
        return match
    return None


#: a subject of several: "Noah Lew and two other students", "The authors", "The two Iranian men"
_PLURAL_SUBJECT = re.compile(r"\band\b|(?<!s)s$|\b(?:men|women|people|police|children)$")


def is_plural_subject(subject: str) -> bool:
    """Whether a subject names several ("They" can refer to it)."""
    return bool(_PLURAL_SUBJECT.search(subject))


def subject_of(text: str, pronouns: bool = False) -> str | None:
    """The subject of a clause: the text before its first finite verb, if it looks like one
    (a pronoun subject only with ``pronouns=True``), without the adverbs and times between it
    and the verb ("Mr. Obama on Wednesday emphatically said" -> "Mr. Obama")."""
    verb = first_finite(text)
    if verb is None:
        return None
    head = re.sub(r"\s+(?:that|who|which)$", "", text[: verb.start()].rstrip())
    # "Prosecutors, however, alleged": a discourse marker set off by commas is not the subject
    head = re.sub(
        r",\s+(?:however|meanwhile|though|too|in turn|for (?:their|his|her|its) part),?$", "", head
    )
    if "," in blank_quotes(head):
        head = head[head.rfind(",") + 1 :].strip()
    if ";" in blank_quotes(head):  # "the image made the rounds; it currently has": "it"
        head = head[head.rfind(";") + 1 :].strip()
    head = re.sub(
        r"(?:\s+(?:also|then|later|now|still|just|already|reportedly|allegedly|"
        r"previously|recently|first|quickly|instead|personally|yesterday|today|"
        r"tomorrow|tonight|on \w+day|last \w+|this \w+|"
        r"(?!(?:family|ally|rally|supply|assembly|elderly|monopoly|weekly|daily|monthly|"
        r"quarterly|anomaly|homily|bully|belly)\b)[a-z]{3,}ly))+$",
        "",
        head,
    )
    words = head.split()
    if not words or len(words) > 10 or not re.match(r"[A-Z0-9\"“]|the\b|a\b|an\b", head):
        return None
    if pronouns and len(words) == 1 and words[0] in ("It", "They", "He", "She"):
        return head
    if words[0] in (
        "It",
        "They",
        "He",
        "She",
        "This",
        "That",
        "These",
        "Those",
        "There",
        "We",
        "I",
        "You",
        "If",
        "When",
        "While",
        "After",
        "Before",
        "As",
        "Although",
    ):
        return None
    return head


#: Present-tense verbs common in news that GUM tags too rarely as finite to list.
_EXTRA_FINITE = word_set(
    """
    alleges claims says argues states reports notes adds requires institutes includes aims makes
    covers accuses denies calls urges warns insists believes shows finds suggests mirrors faces
    seeks wants plans holds remains becomes leads
    ate beat blew drank flew forbade froze overthrew rang rode sang shook shrank sprang stole swam
    swore threw tore withdrew woke wore wove undid overtook outran mistook foresaw forgave
    overcame overran overrode overshot underwent undertook upheld withheld
    """
)
_NOT_VERBS = word_set(
    """
    red bed need speed seed feed breed shed led hundred kindred bred united based related
    limited detailed advanced armed talented
    """
)


def is_finite(word: str) -> bool:
    finite, _ = verb_forms()
    if word in finite:
        return True
    return word.endswith("ed") and len(word) >= 5 and "-" not in word and word not in _NOT_VERBS


def present_s(word: str, finite: frozenset[str] | None = None) -> bool:
    """A third-person present GUM did not see whose past it did: "defends" (defended), "joins"
    (joined). A plural noun of the same form fits too ("votes"), so this is not part of
    :func:`is_finite`: callers use it where a noun cannot stand ("Jim Mattis joins", "... but
    defends")."""
    finite = verb_forms()[0] if finite is None else finite
    if len(word) < 5 or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return False
    stem = word[:-2] if word.endswith("es") and word[:-2] + "ed" in finite else word[:-1]
    return any(form in finite for form in (stem + "ed", stem + "d", stem + stem[-1] + "ed"))


def has_finite_verb(text: str) -> bool:
    """Whether ``text`` has a finite verb. A capitalised word inside the text is a name, not a
    verb ("Dionne Rose (Jamaica) 12.88", "Theresa May"), unless the text is in capitals."""
    own = blank_quotes(text)
    shouting = own.isupper()
    for i, m in enumerate(WORD.finditer(own)):
        word = m.group(0)
        if i > 0 and not shouting and word[:1].isupper() and word[1:].islower():
            continue
        if is_finite(word.lower()):
            return True
    return False


_PASSIVE_BEFORE = word_set("is are was were be been being has have had 's get got gets")
_PRONOUNS = word_set("he she it they we i who")
_DETERMINERS = word_set("the a an this that these those his her its their our my your")


def has_past_verb(text: str) -> bool:
    """Whether ``text`` has an irregular form that is past tense or participle ("made",
    "sent", "found", "held", "cut") where it reads as the past tense: after a word, not after an
    auxiliary ("Netanyahu sent the invitation", not "approval be sought"). GUM counts those
    forms as participles, so :func:`has_finite_verb` misses clauses whose only verb is one."""
    _, participles = verb_forms()
    own = blank_quotes(text)
    matches = list(WORD.finditer(own))
    words = [m.group(0).lower() for m in matches]

    def past_here(i: int, w: str) -> bool:
        if i == 0 or w.endswith("ed") or words[i - 1] in _PASSIVE_BEFORE:
            return False
        raw = matches[i].group(0)
        if raw[:1].isupper() and raw[1:].islower() and not own.isupper():
            return False  # "Dionne Rose": a name
        if own[: matches[i].start()].rstrip().endswith(",") and re.match(
                r"\s+(?:in|by|at|on|for|from|with|to|during|after|before|as|since|over|under|"
                r"into|through|last|earlier|later)\b", own[matches[i].end():]):
            # "The remarks, made in a talk ...": a participle opening an aside; "X, both
            # Republicans, held a press conference": the verb after one
            return False
        if w in participles:
            return True
        # forms that are also nouns or adjectives ("a last-ditch bid", "the left"): only
        # right after a name or a pronoun ("Obama cut a deal", "It set estimates")
        before = matches[i - 1].group(0)
        return w in PAST_FORMS and (before[:1].isupper() or before.lower() in _PRONOUNS)

    return any(past_here(i, w) for i, w in enumerate(words))
