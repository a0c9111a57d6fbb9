"""Several predicates of one subject: "S V1 x, V2 y and V3 z" -> S V1 x / S V2 y / S V3 z, and
"S V x after Ving y" -> S V x / S Ved y (a result or time adjunct as its own claim).

Part of the claim splitter (``claims_split``); works on one piece's text.
"""

from __future__ import annotations

from ..read import regex as re
from .claims_checks import blank_quotes
from .claims_piece import Piece
from .verbs import (
    AUX,
    PAST_FORMS,
    first_finite,
    is_finite,
    past_of,
    present_s,
    subject_of,
    verb_forms,
)

_RESULT = re.compile(
    r"(?:,\s+|\s+and\s+)(?P<ing>(?!being\b|having\b|including\b|according\b|"
    r"regarding\b|following\b|concerning\b|during\b|considering\b|assuming\b|excluding\b|"
    r"pending\b|barring\b|notwithstanding\b|beginning\b|starting\b)[a-z]{3,}ing)\b"
)
_ATTRIBUTION_TAIL = re.compile(
    r",\s+(?:according to\b|(?:[A-Z][\w.'’-]*\s+){1,4}(?:said|says|"
    r"told|added|reported)\b|(?:said|says|added|reported)\s+(?:[A-Z]|(?:a|an|the|one|two|three|"
    r"several|some)\s)|"
    # "..., officials said.", "..., local police told reporters": a speaker in lower case
    r"(?!(?:and|but|or|which|who|that|as|while|he|she|it|they|we|i)\s)"
    r"(?:[a-z][\w.'’-]*\s+){1,3}(?:said|say|says|told|added|reported)\b(?=[^,]*$))"
    r"[^,]*$"
)
_ADJUNCT = re.compile(
    r",?\s+(?:(?P<n>one|two|three|a|\d+)\s+(?P<unit>day|days|week|weeks|hours?|"
    r"months?)\s+)?(?P<rel>after|before|by|since)\s+(?P<ing>[a-z]+ing)\b"
)
_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3}


def _shift(m: re.Match) -> int | None:
    """"one day after refusing": the refusal was a day before the main event (-1); "two weeks
    before leaving": 14 days after it; None without a count of days or weeks."""
    if not m.group("n") or m.group("rel") not in ("after", "before") or not m.group(
            "unit").startswith(("day", "week")):
        return None
    word = m.group("n")
    n = int(word) if word.isdigit() else _COUNTS[word]
    days = n * (7 if m.group("unit").startswith("week") else 1)
    return -days if m.group("rel") == "after" else days


#: ", V2 y" / "and V2 y", optionally with a short time adjunct first ("and in 2009 announced").
_NEXT_PREDICATE = re.compile(
    r"(?:,\s+(?:and\s+)?|\s+(?:and|but)\s+)(?P<when>(?:in|on|last|later|then)\s+"
    r"(?:\d{4}|[A-Z][a-z]+day|week|month|year)\s+)?(?P<verb>[a-z]+)\b"
)


#: a speech verb, then a reported clause in the pluperfect whose next predicate shares its
#: "had": "said the army had captured the town and killed 20 rebels" (the army killed them)
_SPEECH_OPENING = re.compile(
    r"\b(?:said|says|told\s+reporters|added|announced|reported)(?:\s+(?:on\s+[A-Z][a-z]+day|"
    r"yesterday|today))?,?\s+(?:that\s+)?"
    r"(?=(?:the|a|an|his|her|its|their)\s+(?:[\w-]+\s+){0,3}?had\s+(?!been\b)[a-z]+ed\b"
    r"[^,;]*?\band\s+[a-z]+ed\b)"
)

#: after these the words belong to a clause inside the predicate, with its own subject
_EMBEDDED = re.compile(
    r"\b(?:that|how|whether|why|what|when|while|because|if|as|although|though|whereas|since|"
    r"until|unless)\s+(?=(?:the|a|an|his|her|its|their|he|she|they|it|we)\b|[A-Z])|"
    r"\b(?:saying|said|says)\s+that\b|"
    # a complement clause without "that": "She alleges Kavanaugh and a friend ... cornered
    # her in a room and turned up the music" (the friends turned it up, not she)
    r"\b(?:alleges|alleged|claims|claimed|believes|believed|thinks|thought|argues|argued|"
    r"contends|contended|insists|insisted|maintains|maintained|suggests|suggested|"
    r"fears)\s+(?=(?:the|a|an|his|her|its|their|he|she|they|it|we)\s|[A-Z][a-z])"
)


#: adverbs that say a claim is not the writer's own: kept on every predicate split off
HEDGES = frozenset(
    "allegedly reportedly purportedly apparently supposedly reputedly possibly probably "
    "presumably ostensibly seemingly".split())


_DEGREE_BEFORE = re.compile(
    r"\s+(?:partly|largely|mainly|mostly|only|just|in part|primarily|chiefly|solely|even)$"
)


#: irregular pasts that are also a present, a noun or another verb ("put warrants", "set up",
#: "found a movement"): after "and" they are not taken for a second predicate
_AMBIGUOUS_PAST = frozenset("put set hit cut let shed bid rid quit upset found".split())
_NO_OBJECT = frozenset(
    "to by from into in on at for with off out back up down over away more than about around "
    "as".split())
_SPEECH_BEFORE = re.compile(r"\b(?:said|says|say|told|tells)\b")


def _joined_past(word: str, mask: str, m: re.Match) -> bool:
    """Whether ``word`` after "and" is an irregular simple past of the piece's subject
    ("fled the scene"): not inside a reported clause ("said the thieves ... and made off"),
    not a compound ("left-armer")."""
    if word not in PAST_FORMS or word in _AMBIGUOUS_PAST or mask[m.end():].startswith("-"):
        return False
    if _SPEECH_BEFORE.search(mask, 0, m.start()):
        return False
    following = mask[m.end():].split()[:1]
    # "the data ... and sent to foreign governments": a participle, when it is one, with no
    # object after it
    return not (word in verb_forms()[1] and following and following[0] in _NO_OBJECT)


def _cut_at(text: str, mask: str, m: re.Match) -> int:
    """Where a cut found on the masked text really starts: the patterns begin with white space,
    which in the mask includes a quotation just before ("playing the "race card" and called"),
    and the quotation belongs to the clause before the cut."""
    k = m.start()
    while k < m.end() and mask[k].isspace():
        k += 1  # the connective (", and", "and") itself
    while k > m.start() and text[k - 1].isspace():
        k -= 1  # back over real white space only
    return k


def split_predicates(piece: Piece, sentence: str) -> list[Piece]:
    """ "S V1 x, V2 y and V3 z" -> S V1 x / S V2 y / S V3 z;
    "S V x after Ving y" -> S V x / S Ved y.

    Works on the piece's own text; the new pieces keep the source spans of the whole piece
    (their words come from it, but not as one contiguous stretch).
    """
    text = piece.text
    subject = subject_of(text, pronouns=True)
    if subject is None:
        return [piece]
    mask = blank_quotes(text)
    verb = first_finite(text)
    body_start = verb.start()
    speech = _SPEECH_OPENING.match(mask, body_start)
    if speech is not None and not _ATTRIBUTION_TAIL.search(mask, body_start):
        # "The minister said the army had captured the town and killed 20 rebels": the
        # predicates are the reported clause's, each reported by the speaker
        head = text[: speech.end()]
        inner = split_predicates(Piece(text[speech.end():], piece.spans, form=piece.form),
                                 sentence)
        if len(inner) == 1:
            return [piece]
        return [Piece(head + p.text, piece.spans, form=piece.form if i == 0 else "predicate",
                      subject=piece.subject if i == 0 else subject, shift_days=p.shift_days)
                for i, p in enumerate(inner)]
    finite, _ = verb_forms()
    cuts: list[tuple[int, int, str]] = []  # (cut start, predicate start, replacement verb)
    shifts: dict[int, int | None] = {}  # predicate start -> days from the sentence's date
    tail = _ATTRIBUTION_TAIL.search(mask, body_start)
    attribution = text[tail.start() :].strip(" ,.") if tail else ""
    if tail:
        text, mask = text[: tail.start()], mask[: tail.start()]
    for m in _ADJUNCT.finditer(mask, body_start):
        if re.match(r"\s+(?:or|and)\s+[a-z]+ing\b", mask[m.end():]):
            continue  # "by reducing or increasing the ratio": one past tense would not fit both
        cut = _cut_at(text, mask, m)
        degree = _DEGREE_BEFORE.search(text[:cut])
        if degree:
            cut = degree.start()  # "won control partly by arguing": "partly" is the adjunct's
        cuts.append((cut, m.start("ing"), past_of(m.group("ing"))))
        shifts[m.start("ing")] = _shift(m)
    adjuncts = [c[0] for c in cuts]
    results: list[int] = []
    chained = False
    embedded = bool(re.search(r"\b(?:learned|reported|said) that\b", mask))
    for m in _RESULT.finditer(mask, body_start):
        if embedded or any(c[0] <= m.start() < c[0] + 12 for c in cuts):
            continue
        if not m.group(0).startswith(",") and not chained:
            continue  # "was homeless and living in ...": not a result clause
        after = mask[m.end("ing") :].split(",")[0].split()[:7]
        if any(is_finite(w.lower().strip(",.")) and not w.endswith("ed") for w in after):
            # "mailing lists have been shut down", ", increasing population and changing diet
            # would increase ...": a gerund subject with its own verb, not a result clause
            continue
        cuts.append((_cut_at(text, mask, m), m.start("ing"), past_of(m.group("ing"))))
        results.append(m.start())
        chained = True
    if results:
        # "..., leaving them two weeks before packing it up": the time adjunct after a result
        # clause is that clause's, whose subject is not the sentence's
        first_result = min(results)
        cuts = [c for c in cuts if not (c[0] in adjuncts and c[0] > first_result)]
    inner = _EMBEDDED.search(mask, body_start)
    for m in _NEXT_PREDICATE.finditer(mask):
        if m.start() <= body_start:
            continue
        if inner is not None and m.start() > inner.start():
            continue  # "described how he was stopped ... and accused": the inner clause's
        word = m.group("verb")
        after = mask[m.end() :].split()
        if word in AUX:
            joined = re.search(r"\b(?:and|but)\b", m.group(0))
            if not joined or not after or not after[0][:1].islower():
                continue
        elif "and" in m.group(0):
            if word not in finite and not (word.endswith("ed") and len(word) >= 5) and not (
                    _joined_past(word, mask, m)):  # "stole a car and fled the scene"
                continue
        elif (word not in finite and not ("but" in m.group(0) and present_s(word, finite)
                                          and not _SPEECH_BEFORE.search(mask, 0, m.start()))) \
                or word in verb_forms()[1] or (after and after[0] == "by"):
            continue  # "wishes he could have ... but defends the sale"
        if len(after) < 2:
            continue
        cuts.append((_cut_at(text, mask, m),
                     m.start("when") if m.group("when") else m.start("verb"), ""))
    if not cuts:
        return [piece]
    cuts.sort()
    cuts = [c for i, c in enumerate(cuts) if i == 0 or c[0] != cuts[i - 1][0]]
    out, pos = [], 0
    bounds = [(c[0], c[1], c[2]) for c in cuts]
    first_end = bounds[0][0]
    if len(text[body_start:first_end].split()) < 2:
        return [piece]
    suffix = f", {attribution}" if attribution else ""
    # "Kavanaugh then allegedly covered ... and attempted ...": the hedge holds for every
    # predicate, and an allegation must not become a plain statement
    start = text.find(subject)
    between = text[start + len(subject):body_start].split() if start == 0 else []
    hedge = "".join(f"{w} " for w in between if w.lower() in HEDGES)
    out.append(Piece(text[:first_end].rstrip(" ,") + suffix, piece.spans, form=piece.form))
    for i, (cut, pred_start, replacement) in enumerate(bounds):
        end = bounds[i + 1][0] if i + 1 < len(bounds) else len(text)
        predicate = text[pred_start:end].strip(" ,")
        if replacement:
            predicate = replacement + predicate[len(predicate.split()[0]) :]
        if len(predicate.split()) < 2:
            return [piece]
        out.append(
            Piece(
                f"{subject} {hedge}{predicate.rstrip(' ,.')}{suffix}",
                piece.spans,
                form="predicate",
                subject=subject,
                shift_days=shifts.get(pred_start),
            )
        )
    del pos
    return out
