"""Key Verifiable Facts: atomic, self-contained claims, and the statements that are not verifiable.

For every sentence that is not a heading, question or fragment:

1. an opinion sentence with nothing checkable in it (no name, date or number) goes whole to
   "Not verifiable" with the reason;
2. otherwise it is cut into atomic pieces (``claims_split``): clauses, asides, appositives
   (status claims), non-restrictive relative clauses;
3. each piece is judged on its own: the writer's hedges, prescriptions, first-person views and
   unscheduled forecasts go to "Not verifiable"; evaluative modifiers ("fierce criticism",
   "a sweeping bill") are stripped from the checkable core and reported; a piece still carrying
   evaluation (evaluative words left, or the subjectivity model >= ``PIECE_SUBJECTIVE``) goes to
   "Not verifiable"; a piece with no anchor from a sentence that is not a plain fact does too;
4. the rest become claims, rewritten to stand alone (``decontext``): full names, pronouns
   resolved, relative dates absolute. What cannot be resolved is flagged ``ambiguous`` with the
   reason. Each claim keeps the character spans of the source text it rests on, a kind from
   cues, and a check-worthiness score (sentence and claim text, from the check-worthiness model).
5. near-duplicate claims within the article merge (their spans are pooled).
"""

from __future__ import annotations

import re

from ..model import (
    Claim,
    ClaimKind,
    NotVerifiable,
    SentenceKind,
    SentenceRole,
    Span,
    Verdict,
    content_id,
)
from ..pipeline import Doc
from .claims_checks import (
    EXTRA_EVALUATIVE,
    blank_quotes,
    evaluative_terms,
    interpretive_phrase,
    without_month_may,
)
from .claims_split import Piece, has_finite_verb, split_participle, split_sentence, subject_of
from .cues import cues
from .decontext import NameIndex, build_index, format_time, rewrite


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: A piece whose subjectivity probability reaches this is evaluation, not a claim.
PIECE_SUBJECTIVE = 0.75
#: One evaluative word that cannot be stripped ("decried", "propaganda") is tolerated in a claim
#: only while the subjectivity model scores the piece below this.
LEFT_WORD_SUBJECTIVE = 0.3
#: Evaluative modifiers stripped from one piece at most; more means the piece is evaluation.
MAX_STRIPPED = 2
#: Claims whose content words overlap this much (Jaccard, same numbers) are one claim.
DEDUPE_JACCARD = 0.8

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
_SPEECH_KIND = re.compile(
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
_SCHEDULE = re.compile(
    r"\b(?:will|plans? to|is set to|are set to|is scheduled|scheduled to|"
    r"is expected to|are expected to)\b",
    re.IGNORECASE,
)
_NUM = re.compile(
    r"\b\d[\d,.]*\b|\b(?:hundreds?|thousands?|millions?|billions?|dozens?|"
    r"percent|half|twice|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty)\b",
    re.IGNORECASE,
)
_DATE_TEXT = re.compile(
    r"\b\d{1,2}\s+(?:January|February|March|April|May|June|July|August|"
    r"September|October|November|December)\s+\d{4}\b|\b(?:1[6-9]|20)\d\d\b"
)
_STOP = _words(
    """
    a an the of in on at to for from by with and or but as is are was were be been has have had
    that this it its which who he she they their his her said says
    """
)
_WORDS = re.compile(r"[a-z0-9]+")


#: Readings that are interpretation even in a sentence the models call a plain fact.
_STRONG_READING = re.compile(
    r"symboli|transcend|symptom|sign of|display of|what (?:is|was)|"
    r"^marks?$|turning point",
    re.IGNORECASE,
)
_SPECULATIVE_TAIL = re.compile(
    r",\s+(?:and\s+|but\s+)?(?:what|how|it|this|that)\b[^,;]*\b(?:could|might|may)\b"
)
_NOT_A = re.compile(r"\b(?:is|are|was|were) not (?:a|an|just|merely|simply|only|about)\b")
_SPEECH = re.compile(r"\b(?:said|says|added|told|wrote|declared|stated)\b")
_DISCOURSE = re.compile(
    r"^(?:Meanwhile|However|Finally|Also|But|And|So|Still|Moreover|"
    r"Furthermore|In addition|Yet|Indeed|Instead|Nevertheless|Then),?\s+(?!that\b)"
)
_PARENTHETICAL = re.compile(r"\s*\((?:[^()]{1,60})\)|,\s+[RDI]-[A-Z][a-z]{1,5}\.?(?=[,.]|\s)")
_IT_SUBJECT = re.compile(
    r"^(?:It\s+(?:also\s+)?(?!is\b|was\b|has been\b|said\b|says\b|added\b|"
    r"told\b)|They\s+(?:also\s+)?(?!are\b|were\b))(?=[a-z]+\b)"
)


_DATELINE = re.compile(
    r"^(?:[A-Z][\w.]*,?\s+){0,3}[A-Z][\w.]*,?\s*(?:\([^)]{1,30}\)\s*)?"
    r"(?:—|–|--|-)\s+(?=[A-Z])"
)


def _tidy(text: str) -> str:
    """Drop datelines ("WASHINGTON — "), discourse markers at the start and short
    parentheticals ("(R)", "(KSC)")."""
    text = _DATELINE.sub("", text.strip())
    text = re.sub(r"^(?:[A-Z][\w.]*\s+){1,3}ha(?:s|ve) (?:learned|confirmed) that\s+", "", text)
    text = _DISCOURSE.sub("", text)
    cleft = re.match(
        r"^It (?:was|is) ((?:during|in|on|at|after|before)\b.+?) that (.+?)([.!]?)$", text
    )
    if cleft:
        text = f"{cleft.group(2)} {cleft.group(1)}{cleft.group(3)}"
    text = _PARENTHETICAL.sub("", text)
    return text[:1].upper() + text[1:]


def _resolve_it(text: str, doc: Doc, sent) -> str:
    """ "It also claims ..." -> "The lawsuit also claims ...", from the previous sentence's subject."""
    m = _IT_SUBJECT.match(text)
    if not m:
        return text
    subject = None
    if not sent.text.lstrip().startswith(text.split()[0]):
        subject = subject_of(_tidy(sent.text))  # "X argued ... — they said ..."
    if subject is None and sent.index > 0:
        prev = doc.sentences[sent.index - 1]
        if prev.kind == SentenceKind.body:
            subject = subject_of(_tidy(prev.text))
    if subject is None or subject.split()[0].lower() in ("according",):
        return text
    if text.startswith("They") != bool(re.search(r"s\b", subject.split()[-1])):
        return text
    subject = re.sub(r"^(?:The|the)\s+so-called\s+", "The ", subject)
    rest = text.split(None, 1)[1]
    return subject[:1].upper() + subject[1:] + " " + rest


def _within(spans, start: int, end: int):
    return [s for s in spans if start <= s.start and s.end <= end]


def claim_kind(text: str, form: str) -> ClaimKind:
    own = blank_quotes(text)
    if form in ("appositive",):
        return ClaimKind.status
    speech = bool(_SPEECH_KIND.search(own))
    if _SCHEDULE.search(own) and not speech:
        return ClaimKind.prediction
    if speech:
        return ClaimKind.attribution
    if _CAUSAL.search(own):
        return ClaimKind.causal
    if _COMPARISON.search(own):
        return ClaimKind.comparison
    if _NUM.search(_DATE_TEXT.sub(" ", own)):
        return ClaimKind.quantity
    if _COPULA.match(own):
        return ClaimKind.status
    return ClaimKind.event


def strip_evaluative(text: str) -> tuple[str, list[str], list[str]]:
    """Remove evaluative modifiers; returns (text, removed words, evaluative words left)."""
    terms = evaluative_terms(text)
    removed, left, edits = [], [], []
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


def _finish(text: str) -> str:
    text = text.strip().strip(",;:—– ")
    text = text[:1].upper() + text[1:]
    if text.endswith(("”", '"')) and not text[:-1].rstrip().endswith((".", "!", "?", ",")):
        return text + "."
    text = text.rstrip(",")
    return text if text.endswith((".", "!", "”", '"', "?")) else text + "."


def _reason(kind: str, loaded: list[str] | None = None) -> str:
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


def _nominal_event(text: str, index: NameIndex, times, start: int, end: int) -> str | None:
    """ "The meeting between A and B at P this Tuesday, <evaluation>" -> "A and B met at P on D"."""
    match = _NOMINAL_EVENT.match(text)
    if not match:
        return None
    day = next((format_time(t) for t in _within(times, start, end) if format_time(t)), None)
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


def _key(text: str) -> tuple[frozenset[str], frozenset[str]]:
    words = _WORDS.findall(text.lower())
    return (
        frozenset(w for w in words if not w.isdigit() and w not in _STOP),
        frozenset(w for w in words if w.isdigit()),
    )


def _has_anchor(doc: Doc, spans: list[tuple[int, int]], text: str) -> bool:
    for s, e in spans:
        if _within(doc.entities, s, e) or _within(doc.times, s, e):
            return True
    own = blank_quotes(text)
    return bool(_NUM.search(own) or re.search(r"(?<=\w )[A-Z][a-z]+", own))


class Claims:
    requires = ("sentences", "entities", "times", "analysis", "loaded_words")
    provides = ("claims", "not_verifiable")

    def __call__(self, doc: Doc) -> Doc:
        from ..models import sentence_classifier

        index = build_index(doc.article.text, doc.entities)
        candidates, not_verifiable = self._pieces(doc)
        texts = [c[1].text for c in candidates]
        subj = sentence_classifier.load("subjectivity").predict_proba(texts) if texts else []
        worth = sentence_classifier.load("checkworthy").predict_proba(texts) if texts else []
        claims: list[Claim] = []
        keys: list[tuple[frozenset[str], frozenset[str]]] = []
        for (sent, piece, analysis), p_subj, p_worth in zip(candidates, subj, worth):
            spans = [(sent.start + s, sent.start + e) for s, e in piece.spans]
            outcome = self._judge(doc, sent, piece, spans, analysis, float(p_subj), index)
            if isinstance(outcome, NotVerifiable):
                not_verifiable.append(outcome)
                continue
            if outcome is None:
                continue
            claim_text, ambiguity, extra_nv = outcome
            not_verifiable.extend(extra_nv)
            key = _key(claim_text)
            duplicate = next(
                (
                    i
                    for i, k in enumerate(keys)
                    if k[1] == key[1]
                    and k[0]
                    and len(k[0] & key[0]) / len(k[0] | key[0]) >= DEDUPE_JACCARD
                ),
                None,
            )
            span_records = [Span(start=s, end=e, text=doc.article.text[s:e]) for s, e in spans]
            if duplicate is not None:
                claims[duplicate].spans.extend(span_records)
                continue
            kind = claim_kind(claim_text, piece.form)
            score = 0.5 * analysis.checkworthiness + 0.5 * float(p_worth)
            claims.append(
                Claim(
                    id=content_id(doc.article.id, claim_text, prefix="c_"),
                    text=claim_text,
                    sentence=sent.index,
                    spans=span_records,
                    kind=kind,
                    checkworthiness=round(min(max(score, 0.0), 1.0), 4),
                    ambiguous=bool(ambiguity),
                    ambiguity="; ".join(ambiguity) or None,
                    verdict=Verdict.not_checkable
                    if kind == ClaimKind.prediction
                    else Verdict.not_enough_evidence,
                )
            )
            keys.append(key)
        doc.claims = sorted(claims, key=lambda c: (-c.checkworthiness, c.sentence))
        unique = {(n.start, n.end): n for n in not_verifiable}
        doc.not_verifiable = sorted(unique.values(), key=lambda n: (n.start, n.end))
        return doc

    def _pieces(self, doc: Doc):
        """Candidate pieces (sentence, piece, analysis), and whole sentences not verifiable."""
        candidates, not_verifiable = [], []
        for sent, analysis in zip(doc.sentences, doc.analysis):
            if sent.kind == SentenceKind.heading or analysis.role == SentenceRole.other:
                continue
            if (
                analysis.role == SentenceRole.opinion
                and not _has_anchor(doc, [(sent.start, sent.end)], sent.text)
                and not _SPEECH_KIND.search(blank_quotes(sent.text))
            ):
                c = cues(without_month_may(sent.text))
                kind = (
                    "prediction"
                    if c.prediction
                    else "hedge"
                    if c.hedge
                    else "deontic"
                    if c.deontic
                    else "opinion"
                )
                loaded = [w.text for w in doc.loaded_words if w.sentence == sent.index]
                not_verifiable.append(
                    NotVerifiable(
                        start=sent.start,
                        end=sent.end,
                        text=sent.text,
                        sentence=sent.index,
                        reason=_reason(kind, loaded if kind == "opinion" else None),
                    )
                )
                continue
            for piece in split_sentence(sent.text):
                main, tail = split_participle(piece, sent.text)
                if tail is not None and evaluative_terms(tail.text):
                    candidates.append((sent, main, analysis))
                    candidates.append((sent, tail, analysis))
                else:
                    candidates.append((sent, piece, analysis))
        return candidates, not_verifiable

    def _judge(
        self, doc: Doc, sent, piece: Piece, spans, analysis, p_subj: float, index: NameIndex
    ):
        """A claim (text, ambiguity, extra not-verifiable), a NotVerifiable, or None (skip)."""
        text = doc.article.text
        start, end = spans[0][0], spans[-1][1]

        def nv(reason: str) -> NotVerifiable:
            return NotVerifiable(
                start=start, end=end, text=text[start:end], sentence=sent.index, reason=reason
            )

        event = _nominal_event(piece.text, index, doc.times, start, end)
        if event is not None:
            extra = []
            tail_at = _evaluative_tail(piece.text)
            if tail_at is not None:
                t_start = spans[0][0] + tail_at
                extra.append(
                    NotVerifiable(
                        start=t_start,
                        end=end,
                        text=text[t_start:end],
                        sentence=sent.index,
                        reason=_reason(
                            "evaluation", [w for _, _, w in evaluative_terms(text[t_start:end])]
                        ),
                    )
                )
            return event, [], extra
        words = piece.text.split()
        if piece.form not in ("appositive",) and (
            len(words) < 4
            or not (has_finite_verb(piece.text) or _SPEECH.search(blank_quotes(piece.text)))
        ):
            return None
        own = blank_quotes(piece.text)
        if re.match(r"(?:with|without|including|despite|from|to|for|as|like)\b", own):
            return None  # a dangling phrase cut off by a dash, not a clause
        extra_nv: list[NotVerifiable] = []
        tail = _SPECULATIVE_TAIL.search(own)
        if tail and len(piece.spans) == 1 and text[start:end] == piece.text:
            # "... sat down to talk about the deal, and what it could mean for X": the
            # speculation is the tail; the head is still a claim
            extra_nv.append(
                NotVerifiable(
                    start=start + tail.start() + 2,
                    end=end,
                    text=text[start + tail.start() + 2 : end],
                    sentence=sent.index,
                    reason=_reason("hedge"),
                )
            )
            end = start + tail.start()
            spans = [(start, end)]
            piece = Piece(text[start:end], [(start - sent.start, end - sent.start)], piece.form)
            own = blank_quotes(piece.text)
        c = cues(without_month_may(piece.text))
        attributed = c.attribution or bool(
            re.search(
                r"\b(?:said|says|according to|wrote|"
                r"told|claims?|alleges?)\b",
                own,
                re.IGNORECASE,
            )
        )
        if not attributed:
            if c.first_person:
                return nv(_reason("first_person"))
            if c.deontic or re.match(r"\s*Only\b[^.]*\b(?:can|could)\b", own):
                return nv(_reason("deontic"))
            if c.hedge and not re.search(r"\ballegedly\b", own, re.IGNORECASE):
                return nv(_reason("hedge"))
            if c.prediction and not (_SCHEDULE.search(own) and _has_anchor(doc, spans, "")):
                return nv(_reason("prediction"))
        if re.match(r"\s*(?:That|This)(?:’s|'s|\s+is|\s+was)\b", own):
            return nv("interpretation: refers back to something and characterises it")
        if not attributed and _NOT_A.search(own):
            return nv("interpretation: characterises what something is not")
        phrase = None if attributed else interpretive_phrase(piece.text)
        if (
            phrase is not None
            and analysis.role == SentenceRole.fact
            and sent.kind != SentenceKind.bullet
            and not _STRONG_READING.search(phrase[1])
        ):
            phrase = None  # "represents the women", "as part of a tour": plain reporting
        if (
            phrase is not None
            and sent.kind != SentenceKind.bullet
            and re.match(r"(?:attempt|aim|seek)", phrase[1], re.IGNORECASE)
        ):
            phrase = None  # "the Church's attempts to remove a video": a reported action
        if phrase is not None:
            if phrase[0] == "motive":
                return nv(f"interpretation: '{phrase[1]}' attributes a purpose or motive")
            return nv(f"interpretation: '{phrase[1]}' reads meaning into the events")
        if not attributed and re.match(r"\s*(?:If|Unless|Whether)\b", own):
            return nv("speculation: a conditional, says what would follow if something held")
        stripped, removed, left = strip_evaluative(piece.text)
        if left and len(piece.spans) == 1 and text[start:end] == piece.text:
            cut = _cut_before(piece.text, left)
            if cut is not None:
                # "approved an election bill that serves as the touchstone of ...": the checkable
                # head stays a claim, the evaluative relative clause is not verifiable
                extra_nv.append(
                    NotVerifiable(
                        start=start + cut,
                        end=end,
                        text=text[start + cut : end],
                        sentence=sent.index,
                        reason=_reason("evaluation", left),
                    )
                )
                end = start + cut
                spans = [(start, end)]
                piece = Piece(text[start:end].rstrip(" ,"), spans, piece.form)
                stripped, removed, left = strip_evaluative(piece.text)
        if (
            len(left) >= 2
            or (left and p_subj >= LEFT_WORD_SUBJECTIVE)
            or (
                not attributed and p_subj >= PIECE_SUBJECTIVE and analysis.role != SentenceRole.fact
            )
        ):
            return nv(_reason("evaluation", left + removed))
        if not _has_anchor(doc, spans, piece.text) and analysis.role != SentenceRole.fact:
            return nv(_reason("evaluation", removed))
        extra = extra_nv
        for word in removed:
            for s_, e_ in spans:
                pos = re.search(rf"\b{re.escape(word)}\b", text[s_:e_])
                if pos:
                    extra.append(
                        NotVerifiable(
                            start=s_ + pos.start(),
                            end=s_ + pos.end(),
                            text=word,
                            sentence=sent.index,
                            reason=f"value judgement: '{word}' is evaluative wording, left out of "
                            "the claim",
                        )
                    )
                    break
        stripped = _tidy(stripped)
        stripped = _resolve_it(stripped, doc, sent)
        if start <= sent.start + 2 and sent.index > 0:
            window = (doc.sentences[sent.index - 1].start, sent.start)
        else:
            window = (sent.start, start)
        rewritten = rewrite(stripped, start, index, _times_in(doc, spans), piece.subject, window)
        claim_text = _finish(rewritten.text)
        lead = _leading_date(doc, sent)
        if lead and start > sent.start + 2 and not _times_in(doc, spans) and lead not in claim_text:
            # "On Friday, fishermen rescued ..., and the Navy saved ...": the date is both's
            claim_text = claim_text[:-1] + (" on " if lead[0].isdigit() else " in ") + lead + "."
        return claim_text, rewritten.ambiguity, extra


def _cut_before(text: str, words: list[str]) -> int | None:
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


def _leading_date(doc: Doc, sent) -> str | None:
    """The resolved date a sentence opens with ("On Friday, ...", "Yesterday, ..."), if any."""
    head = sent.text.split(",", 1)[0]
    if "," not in sent.text or len(head.split()) > 5:
        return None
    for expr in _within(doc.times, sent.start, sent.start + len(head)):
        day = format_time(expr)
        if day and expr.value is not None:
            return day
    return None


def _times_in(doc: Doc, spans):
    out = []
    for s, e in spans:
        out.extend(_within(doc.times, s, e))
    return out


def _evaluative_tail(text: str) -> int | None:
    """Offset of ", <lower-case evaluation>" after a nominal event, if any."""
    for match in re.finditer(r",\s+(?=[a-z])", text):
        return match.end()
    return None


__all__ = ["Claims", "claim_kind", "strip_evaluative"]
