"""Wording helpers for claim extraction: kinds from cues, evaluative modifiers stripped,
tidying (datelines, discourse markers, parentheticals), reasons for "not verifiable", and the
patterns the judge in ``claims`` uses. Pure functions of text (no pipeline state)."""

from __future__ import annotations

from ..model import ClaimKind
from ..read import regex as re
from .claims_checks import EXTRA_EVALUATIVE, blank_quotes, evaluative_terms
from .decontext import NameIndex, format_time
from .verbs import has_finite_verb


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Evaluative modifiers stripped from one piece at most; more means the piece is evaluation.
MAX_STRIPPED = 2


_NOMINAL_EVENT = re.compile(
    r"^(?:The|A|An)\s+(?P<noun>meeting|talks|summit|phone call|call)\s+between\s+"
    r"(?P<a>[^,;]+?)\s+and\s+(?P<b>[^,;]+?)"
    r"(?:\s+(?P<prep>at|in)\s+(?P<place>the\s+[A-Z][\w ]+?|[A-Z][\w ]+?))?"
    r"(?=\s+(?:this|last|on|next)\b|,|\s+[a-z]+s\b)"
)


_EVENT_VERB = {
    "meeting": "met",
    "talks": "held talks",
    "summit": "held a summit",
    "phone call": "spoke by phone",
    "call": "spoke by phone",
}


_COPULA = re.compile(
    r"^[^,]{0,80}?\b(?:is|are|was|were|remains|has been|have been)\b(?!\s+\w+(?:ed|en)\b)"
)


SPEECH_KIND = re.compile(
    r"\b(?:said|says|told|tells|according to|announced|stated|declared|claimed|claims|wrote|"
    r"writes|reported|reports|added|noted|insisted|argued|alleged|alleges|confirmed|"
    r"characterized|called|dubbed|accuses|accused|denied|denies)\b",
    re.IGNORECASE,
)


_COMPARISON = re.compile(
    r"\b(?:more|less|fewer|larger|smaller|higher|lower|bigger|than|"
    r"largest|biggest|smallest|highest|lowest|most|least|deadliest|"
    r"worst|best|record)\b",
    re.IGNORECASE,
)


_CAUSAL = re.compile(
    r"\b(?:because|due to|caused|causes|led to|leads to|resulted in|"
    r"as a result|owing to|prompted|so that|in order to|in response to)\b",
    re.IGNORECASE,
)


SCHEDULE = re.compile(
    r"\b(?:will|plans? to|is set to|are set to|is scheduled|scheduled to|"
    r"is expected to|are expected to)\b",
    re.IGNORECASE,
)


NUM = re.compile(
    r"\b\d[\d,.]*\b|\b(?:hundreds?|thousands?|millions?|billions?|dozens?|"
    r"percent|half|twice|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty)\b",
    re.IGNORECASE,
)


#: a date as the claims write it ("3 February 2026")
FORMATTED_DATE = re.compile(
    r"\b\d{1,2}\s+(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\s+\d{4}\b")
_DATE_TEXT = re.compile(FORMATTED_DATE.pattern + r"|\b(?:1[6-9]|20)\d\d\b")


_STOP = _words(
    """
    a an the of in on at to for from by with and or but as is are was were be been has have had
    that this it its which who he she they their his her said says
    """
)


_WORDS = re.compile(r"[a-z0-9]+")


#: Readings that are interpretation even in a sentence the models call a plain fact.
STRONG_READING = re.compile(
    r"symboli|transcend|symptom|sign of|display of|what (?:is|was)|"
    r"^marks?$|turning point",
    re.IGNORECASE,
)


SPECULATIVE_TAIL = re.compile(
    r",\s+(?:and\s+|but\s+)?(?:(?:what|how|it|this|that)\b|[a-z]+ed\s+(?:that|whether)\b)"
    r"[^,;]*\b(?:could|might|may)\b"
)


NOT_A = re.compile(r"\b(?:is|are|was|were) not (?:a|an|just|merely|simply|only|about)\b")


SPEECH = re.compile(r"\b(?:said|says|added|told|wrote|declared|stated)\b")


_DISCOURSE = re.compile(
    r"^(?:Meanwhile|However|Finally|Also|But|And|So|Still|Moreover|"
    r"Furthermore|In addition|Yet|Indeed|Instead|Nevertheless|Then),?\s+"
    r"(?!that\b|far\b|long as\b|much\b)"  # "So far, ...", "So long as": not a connective
)


_PARENTHETICAL = re.compile(r"\s*\((?:[^()]{1,60})\)|,\s+[RDI]-[A-Z][a-z]{1,5}\.?(?=[,.]|\s)")


IT_SUBJECT = re.compile(
    r"^(?:It\s+(?:also\s+)?(?!is\b|was\b|has been\b|said\b|says\b|added\b|"
    r"told\b)|They\s+(?:also\s+)?(?!are\b|were\b)|"
    # a passive with no clause after it ("It was deleted within minutes"), not one that
    # only introduces a clause ("It was announced that ...", "It is believed to be ...")
    r"It\s+(?:is|was)\s+(?!(?:reported|announced|agreed|believed|said|thought|expected|"
    r"feared|hoped|understood|known|estimated|claimed|alleged|rumou?red|decided|"
    r"suggested|noted|argued|assumed|confirmed|learned|revealed)\b)"
    r"(?=[a-z]{3,}ed\b(?![^.]*\b(?:that|whether)\b)))(?=[a-z]+\b)"
)


_DATELINE = re.compile(
    r"^(?:[A-Z][\w.]*,?\s+){0,3}[A-Z][\w.]*,?\s*(?:\([^)]{1,30}\)\s*)?"
    r"(?:—|–|--|-)\s+(?=[A-Z])"
)


def tidy(text: str) -> str:
    """Drop datelines ("WASHINGTON — "), discourse markers at the start and short
    parentheticals ("(R)", "(KSC)")."""
    text = _DATELINE.sub("", text.strip())
    text = re.sub(r"^(?:[A-Z][\w.]*\s+){1,3}ha(?:s|ve) (?:learned|confirmed) that\s+", "", text)
    text = _DISCOURSE.sub("", text)
    text = re.sub(
        r"^One (?!of\b)(?=[a-z]+ (?!of\b))", "A ", text
    )  # "One poster wrote" is "a poster"
    cleft = re.match(
        r"^It (?:was|is) ((?:during|in|on|at|after|before)\b.+?) that (.+?)([.!]?)$", text
    )
    if cleft:
        text = f"{cleft.group(2)} {cleft.group(1)}{cleft.group(3)}"
    text = _PARENTHETICAL.sub("", text)
    return text[:1].upper() + text[1:]


def claim_kind(text: str, form: str) -> ClaimKind:
    own = blank_quotes(text)
    if form in ("appositive",):
        return ClaimKind.status
    speech = bool(SPEECH_KIND.search(own))
    if SCHEDULE.search(own) and not speech:
        return ClaimKind.prediction
    if speech:
        return ClaimKind.attribution
    if _CAUSAL.search(own):
        return ClaimKind.causal
    if _COMPARISON.search(own):
        return ClaimKind.comparison
    if NUM.search(_DATE_TEXT.sub(" ", own)):
        return ClaimKind.quantity
    if _COPULA.match(own):
        return ClaimKind.status
    return ClaimKind.event


_VALUE_SUPERLATIVES = frozenset("worst best greatest finest".split())


#: the writer's framing before a clause ("Of course, the UN has reached no such conclusion"):
#: cut off like an evaluative modifier, the clause after it is the claim
_FRAMING = re.compile(
    r"^\s*(?P<frame>Of course|Needless to say|To be sure|Make no mistake|Admittedly|Sadly|"
    r"Unfortunately|Fortunately|Ironically|Tellingly|Predictably|Not surprisingly|"
    r"Unsurprisingly|The (?:fact|truth|reality) (?:is|remains)(?: that)?)\b,?\s+(?=\S)"
)


def strip_evaluative(text: str) -> tuple[str, list[str], list[str]]:
    """Remove evaluative modifiers; returns (text, removed words, evaluative words left)."""
    terms = evaluative_terms(text)
    removed, left, edits = [], [], []
    framing = _FRAMING.match(text)
    if framing:
        edits.append((0, framing.end()))
        removed.append(framing.group("frame"))
        terms = [t for t in terms if t[0] >= framing.end()]
    for start, end, word in terms:
        after = text[end : end + 30]
        next_word = re.match(r"\s+[\"“‘']?([A-Za-z][\w'-]*)", after)
        lower = word.lower()
        adjective_shape = (
            lower in EXTRA_EVALUATIVE
            and not lower.endswith("s")
            or lower.endswith(
                (
                    "ive",
                    "ous",
                    "ful",
                    "ic",
                    "ical",
                    "able",
                    "ible",
                    "ant",
                    "ent",
                    "less",
                    "ish",
                    "al",
                    "ary",
                    "ile",
                    "id",
                )
            )
        )
        is_modifier = lower.endswith("ly") or (
            adjective_shape
            and next_word is not None
            and not has_finite_verb(word)
            and next_word.group(1).lower()
            not in ("and", "or", "but", "of", "to", "in", "on", "that", "than", "as", "for", "with")
        )
        if lower in _VALUE_SUPERLATIVES:
            is_modifier = False  # "the worst president": without it nothing is left to check
        if is_modifier and len(removed) < MAX_STRIPPED:
            edits.append((start, end))
            removed.append(word)
        else:
            left.append(word)
    for start, end in reversed(edits):
        text = text[:start] + text[end:]
    text = re.sub(r"\s+,", ",", text)
    text = re.sub(r"\s{2,}", " ", text).strip()
    text = re.sub(r"\b([Aa])\s+(?=[aeiouAEIOU])", r"\1n ", text)
    text = re.sub(r"\b([Aa])n\s+(?=[b-df-hj-np-tv-zB-DF-HJ-NP-TV-Z])", r"\1 ", text)
    return text, removed, left


def balance_quotes(text: str) -> str:
    """Close a quotation the sentence leaves open (it runs on into the next sentence) and open
    one it only closes: 'Obama added, “There are those who ... their case.' gets its ” and
    'I think they have it upside down,” Santorum said.' its “."""
    opens, closes = text.count("“"), text.count("”")
    if opens > closes:
        text = text.rstrip() + "”"
    elif closes > opens and (opens == 0 or text.find("”") < text.find("“")):
        text = "“" + text
    if text.count('"') % 2:
        first = text.find('"')
        # a closing mark follows the quotation's punctuation ('down,"') or comes before the
        # speaker ('" he said'); an opening one comes before the quoted words ('said, "Iran')
        closing = (first > 0 and text[first - 1] in ",.!?") or re.match(
            r"\s+[a-z]|\s*$", text[first + 1 :])
        text = '"' + text if closing else text.rstrip() + '"'
    return text


def finish(text: str) -> str:
    text = balance_quotes(text.strip().strip(",;:—– "))
    if text.endswith((',"', ",”")):
        text = text[:-2] + text[-1]  # 'named "Better Idea," scored': the comma was the aside's
    text = text[:1].upper() + text[1:]
    if text.endswith(("”", '"')) and not text.rstrip("”\"’'").rstrip().endswith(
            (".", "!", "?", ",", "…")):
        return text + "."
    text = text.rstrip(",")
    return text if text.endswith((".", "!", "”", '"', "?")) else text + "."


def reason(kind: str, loaded: list[str] | None = None) -> str:
    if kind == "prediction":
        return "prediction: about the future, not checkable yet"
    if kind == "hedge":
        return "speculation: hedged, says what could or may be"
    if kind == "deontic":
        return "prescription: says what should happen"
    if kind == "first_person":
        return "the writer's own view (first person)"
    if loaded:
        words = ", ".join(f"'{w}'" for w in dict.fromkeys(loaded))
        return f"value judgement: evaluative wording ({words})"
    if kind == "opinion":
        return "opinion: an evaluation with nothing checkable in it"
    return "interpretation: presents an evaluation as if it were fact"


def nominal_event(text: str, index: NameIndex, times, start: int, end: int) -> str | None:
    """ "The meeting between A and B at P this Tuesday, <evaluation>" -> "A and B met at P on D"."""
    match = _NOMINAL_EVENT.match(text)
    if not match:
        return None
    inside = [t for t in times if start <= t.start and t.end <= end]
    day = next((format_time(t) for t in inside if format_time(t)), None)
    if day is None:
        m = _DATE_TEXT.search(text)
        day = m.group(0) if m else None
        if day is None:
            m = re.search(
                r"\b(January|February|March|April|May|June|July|August|September|"
                r"October|November|December)\s+(\d{1,2}),\s+(\d{4})\b",
                text,
            )
            day = f"{int(m.group(2))} {m.group(1)} {m.group(3)}" if m else None
    a = index.full(match["a"].strip()) or match["a"].strip()
    b = index.full(match["b"].strip()) or match["b"].strip()
    parts = [f"{a} and {b} {_EVENT_VERB[match['noun']]}"]
    if match["place"]:
        parts.append(f"{match['prep']} {match['place'].strip()}")
    if day:
        parts.append(f"on {day}" if day[0].isdigit() else f"in {day}")
    return " ".join(parts) + "."


def dedupe_key(text: str) -> tuple[frozenset[str], frozenset[str]]:
    words = _WORDS.findall(text.lower())
    return (
        frozenset(w for w in words if not w.isdigit() and w not in _STOP),
        frozenset(w for w in words if w.isdigit()),
    )


def cut_before(text: str, words: list[str]) -> int | None:
    """Offset of the last clause boundary (", which", " that", " who", ", ") before the first
    of ``words``, when the head before it is a clause of its own (a finite verb, 5+ words)."""
    own = blank_quotes(text)
    first = min(
        (m.start() for w in words for m in re.finditer(rf"\b{re.escape(w)}\b", own)), default=None
    )
    if first is None:
        return None
    cuts = [m.start() for m in re.finditer(r",\s+|\s+(?=(?:that|which|who|where)\b)", own[:first])]
    for cut in reversed(cuts):
        head = text[:cut]
        if len(head.split()) >= 5 and has_finite_verb(head):
            return cut
    return None


def evaluative_tail(text: str) -> int | None:
    """Offset of ", <lower-case evaluation>" after a nominal event, if any."""
    for match in re.finditer(r",\s+(?=[a-z])", text):
        return match.end()
    return None
