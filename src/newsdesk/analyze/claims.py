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

import datetime as dt
import math
from bisect import bisect_left

from ..model import (
    Claim,
    ClaimKind,
    NotVerifiable,
    SentenceKind,
    SentenceRole,
    Span,
    TimeExpression,
    Verdict,
    claim_id,
)
from ..pipeline import Doc
from ..read import regex as re
from .claims_checks import (
    PROVISION,
    blank_quotes,
    evaluative_terms,
    interpretive_phrase,
    motive_cut,
    without_month_may,
)
from .claims_modifiers import modifier_pieces
from .claims_quotes import attributed_quotations
from .claims_roles import role_pieces
from .claims_split import SPEECH_PARTICIPLE, Piece, split_participle, split_sentence
from .claims_text import (
    FORMATTED_DATE,
    IT_SUBJECT,
    NOT_A,
    NUM,
    SCHEDULE,
    SPECULATIVE_TAIL,
    SPEECH,
    SPEECH_KIND,
    STRONG_READING,
    claim_kind,
    cut_before,
    dedupe_key,
    evaluative_tail,
    finish,
    nominal_event,
    reason,
    strip_evaluative,
    tidy,
)
from .cues import cues
from .decontext import NameIndex, build_index, format_date, format_time, rewrite
from .descriptions import resolve_bill, resolve_company, resolve_country, resolve_state, unnamed
from .verbs import (
    AUX,
    has_finite_verb,
    has_past_verb,
    is_finite,
    past_of,
    present_s,
    subject_of,
    verb_forms,
)

#: A piece whose subjectivity probability reaches this is evaluation, not a claim.
PIECE_SUBJECTIVE = 0.75
#: One evaluative word that cannot be stripped ("decried", "propaganda") is tolerated in a claim
#: only while the subjectivity model scores the piece below this.
LEFT_WORD_SUBJECTIVE = 0.3
#: A purpose or motive closing a piece is cut off (the head stays a claim) only while the
#: subjectivity model scores the piece below this; above it the whole piece is not verifiable.
MOTIVE_CUT_SUBJECTIVE = 0.65
#: Why a piece of an opinion or mixed sentence with nothing to look up is not verifiable.
UNANCHORED = ("nothing to check it against: names no person, place, date or number, in a "
              "sentence that reads as opinion")
#: Claims whose content words overlap this much (Jaccard, same numbers) are one claim.
DEDUPE_JACCARD = 0.8


def _resolve_it(text: str, doc: Doc, sent) -> str:
    """Resolve a leading It/They ("It also claims" -> "The lawsuit also claims")."""
    m = IT_SUBJECT.match(text)
    if not m:
        return text
    subject = None
    if not sent.text.lstrip().startswith(text.split()[0]):
        subject = subject_of(tidy(sent.text))  # "X argued ... — they said ..."
    if subject is None and sent.index > 0:
        prev = doc.sentences[sent.index - 1]
        if prev.kind == SentenceKind.body:
            subject = subject_of(tidy(prev.text))
    if subject is not None:
        # "Though authorities have described ..., they have not explained": the subject of
        # the leading clause, without its conjunction
        subject = re.sub(r"^(?:Even though|Though|Although|While|Whereas|When|Because|Since)\s+",
                         "", subject) or None
    if subject is None or subject.split()[0].lower() in ("according",):
        return text
    if text.startswith("They") != bool(re.search(r"s\b", subject.split()[-1])):
        return text
    subject = re.sub(r"^(?:The|the)\s+so-called\s+", "The ", subject)
    rest = text.split(None, 1)[1]
    return subject[:1].upper() + subject[1:] + " " + rest


class _Duplicates:
    """The claims kept so far, by ``dedupe_key``: a new claim repeats the first kept one with
    the same numbers and words of Jaccard similarity >= ``DEDUPE_JACCARD``. Only claims sharing
    a word of the two keys' prefixes (their words longest first, as many as such a
    similarity allows to differ, plus one) can be that similar, so a long text is not compared
    claim by claim with everything before it."""

    def __init__(self) -> None:
        self.keys: list[tuple[frozenset[str], frozenset[str]]] = []
        self.index: dict[tuple[frozenset[str], str], list[int]] = {}

    @staticmethod
    def _prefix(words: frozenset[str]) -> list[str]:
        # longest words first (rarer than short ones, so fewer claims share them)
        ordered = sorted(words, key=lambda w: (-len(w), w))
        return ordered[: len(words) - math.floor(DEDUPE_JACCARD * len(words)) + 1]

    def find(self, key: tuple[frozenset[str], frozenset[str]]) -> int | None:
        words, numbers = key
        if not words:
            return None
        candidates = sorted({i for w in self._prefix(words)
                             for i in self.index.get((numbers, w), ())})
        for i in candidates:
            other = self.keys[i][0]
            if len(other & words) / len(other | words) >= DEDUPE_JACCARD:
                return i
        return None

    def add(self, key: tuple[frozenset[str], frozenset[str]]) -> None:
        for w in self._prefix(key[0]) if key[0] else ():
            self.index.setdefault((key[1], w), []).append(len(self.keys))
        self.keys.append(key)


#: a claim opening like a question or a conditional ("Is the surge ...", "Had they been ..."),
#: a complement clause without its verb ("That he agreed to ...") or a bare participle phrase
#: ("Delivered by radio host Rush Limbaugh.")
_NOT_A_STATEMENT = re.compile(
    r"(?:Is|Are|Was|Were|Do|Does|Did|Has|Have|Had|Can|Could|Will|Would|Should)\s+(?:the|a|an|"
    r"this|that|there|it|he|she|they|we|you|shown)\b|That\s+(?:he|she|they|it|we|I|you)\s|"
    r"[A-Z][a-z]+(?:ed|en)\s+by\s+[^,;]*[.!]?$"
)


def _not_a_statement(text: str) -> bool:
    """A final claim text that states nothing on its own (see ``_NOT_A_STATEMENT``), or one of
    fewer than four words ("Others expressed concerns.", "The U.S.")."""
    return bool(_NOT_A_STATEMENT.match(text)) or len(text.split()) < 4


def _within(spans, start: int, end: int):
    """The spans lying inside [start, end); ``spans`` sorted by start (``_sorted_spans``)."""
    i = bisect_left(spans, start, key=_start_of)
    out = []
    for span in spans[i:]:
        if span.start >= end:
            break
        if span.end <= end:
            out.append(span)
    return out


def _start_of(span) -> int:
    return span.start


def _sorted_spans(doc: Doc) -> Doc:
    """The doc with its entities and times in start order, as ``_within`` needs them."""
    doc.entities = sorted(doc.entities, key=_start_of)
    doc.times = sorted(doc.times, key=_start_of)
    return doc


#: a name in a relative clause's antecedent: "the DISCLOSE ACT", "the Patriot Act"
_NAMED_ANTECEDENT = re.compile(r"\b[A-Z]{2,}\b|(?<=\w )[A-Z][a-z]+")


_NAME_THEN_WORD = re.compile(r"(?:[A-Z][\w.'’-]*\s+){2,4}(?P<word>[a-z]{4,}s)\b")


def _named_present(text: str) -> bool:
    """A name and a present verb GUM did not see: "Jim Mattis joins a list of departures"."""
    m = _NAME_THEN_WORD.match(text)
    return bool(m) and present_s(m.group("word"))


def _named_subject_relative(piece: Piece) -> bool:
    """A relative clause about a named thing whose verb comes first: "the DISCLOSE ACT, which
    would require ..." (not "the application, which the OIG is investigating")."""
    if not piece.subject or not _NAMED_ANTECEDENT.search(piece.subject):
        return False
    rest = piece.text[len(piece.subject):].split()
    return bool(rest) and (rest[0] in AUX or is_finite(rest[0]))


def _has_anchor(doc: Doc, spans: list[tuple[int, int]], text: str) -> bool:
    for s, e in spans:
        if _within(doc.entities, s, e) or _within(doc.times, s, e):
            return True
    own = blank_quotes(text)
    return bool(
        NUM.search(own)
        or re.search(r"(?<=\w )[A-Z][a-z]+", own)
        or re.match(r"\s*(?:He|She)\b", own)  # a person named just before
    )


class Claims:
    requires = ("sentences", "entities", "times", "analysis", "loaded_words", "quotes")
    provides = ("claims", "not_verifiable")

    def __call__(self, doc: Doc) -> Doc:
        from ..models import sentence_classifier

        doc = _sorted_spans(doc)
        index = build_index(doc.article.text, doc.entities)
        candidates, not_verifiable = self._pieces(doc)
        texts = [c[1].text for c in candidates]
        subj = sentence_classifier.load("subjectivity").predict_proba(texts) if texts else []
        worth = sentence_classifier.load("checkworthy").predict_proba(texts) if texts else []
        claims: list[Claim] = []
        seen = _Duplicates()
        for (sent, piece, analysis), p_subj, p_worth in zip(candidates, subj, worth):
            spans = [(sent.start + s, sent.start + e) for s, e in piece.spans]
            outcome = self._judge(doc, sent, piece, spans, analysis, float(p_subj), index)
            if isinstance(outcome, NotVerifiable):
                not_verifiable.append(outcome)
                continue
            if isinstance(outcome, list):  # the piece and the tails cut off it
                not_verifiable.extend(outcome)
                continue
            if outcome is None:
                continue
            claim_text, ambiguity, extra_nv = outcome
            not_verifiable.extend(extra_nv)
            if _not_a_statement(claim_text):
                continue
            key = dedupe_key(claim_text)
            duplicate = seen.find(key)
            span_records = [Span(start=s, end=e, text=doc.article.text[s:e]) for s, e in spans]
            if duplicate is not None:
                claims[duplicate].spans.extend(span_records)
                continue
            kind = claim_kind(claim_text, piece.form)
            score = 0.5 * analysis.checkworthiness + 0.5 * float(p_worth)
            claims.append(
                Claim(
                    id=claim_id(doc.article.id, claim_text),
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
            seen.add(key)
        doc.claims = sorted(claims, key=lambda c: (-c.checkworthiness, c.sentence))
        unique = {(n.start, n.end): n for n in not_verifiable}
        doc.not_verifiable = sorted(unique.values(), key=lambda n: (n.start, n.end))
        return doc

    def _pieces(self, doc: Doc):
        """Candidate pieces (sentence, piece, analysis), and whole sentences not verifiable."""
        candidates, not_verifiable = [], []
        quoted = attributed_quotations(doc)
        given_a_role: set[str] = set()  # people whose role has a claim already
        loaded_of: dict[int, list[str]] = {}  # sentence index -> its loaded words
        for w in doc.loaded_words:
            loaded_of.setdefault(w.sentence, []).append(w.text)
        for sent, analysis in zip(doc.sentences, doc.analysis):
            if sent.index in quoted and sent.kind != SentenceKind.heading:
                span = _trimmed_span(sent.text)
                candidates.append((sent, Piece(quoted[sent.index][1], [span], "quote"), analysis))
                continue
            if sent.kind == SentenceKind.heading or analysis.role == SentenceRole.other:
                continue
            if (
                analysis.role == SentenceRole.opinion
                and not _has_anchor(doc, [(sent.start, sent.end)], sent.text)
                and not SPEECH_KIND.search(blank_quotes(sent.text))
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
                loaded = loaded_of.get(sent.index, [])
                not_verifiable.append(
                    NotVerifiable(
                        start=sent.start,
                        end=sent.end,
                        text=sent.text,
                        sentence=sent.index,
                        reason=reason(kind, loaded if kind == "opinion" else None),
                    )
                )
                continue
            for piece in split_sentence(sent.text):
                main, tail = split_participle(piece, sent.text)
                if tail is not None and (evaluative_terms(tail.text) or _reports(main, tail)):
                    candidates.append((sent, main, analysis))
                    candidates.append((sent, _speech_tail(main, tail), analysis))
                else:
                    candidates.append((sent, piece, analysis))
            # after the sentence's own claims, so that "House Speaker John Boehner is from
            # Ohio" is kept whole and "John Boehner is the House Speaker" merges into it
            people = _within(doc.entities, sent.start, sent.end)
            for piece in role_pieces(sent.text, sent.start, people, given_a_role):
                candidates.append((sent, piece, analysis))
            for piece in modifier_pieces(sent.text, people):
                candidates.append((sent, piece, analysis))
        return candidates, not_verifiable

    def _judge(
        self, doc: Doc, sent, piece: Piece, spans, analysis, p_subj: float, index: NameIndex
    ):
        """A claim (text, ambiguity, extra not-verifiable), a NotVerifiable (or several: the
        piece and the tails cut off it), or None (skip)."""
        text = doc.article.text
        start, end = spans[0][0], spans[-1][1]

        def part(lo: int, hi: int, why: str) -> NotVerifiable:
            """The stretch [lo, hi) of the article, not verifiable because ``why``."""
            return NotVerifiable(start=lo, end=hi, text=text[lo:hi], sentence=sent.index,
                                 reason=why)

        extra_nv: list[NotVerifiable] = []  # tails cut off the piece (a hedge, a motive ...)

        def nv(reason: str) -> NotVerifiable | list[NotVerifiable]:
            # a piece made of several stretches (an aside cut out of it) is reported by the
            # stretch that carries the evaluation, else its longest one: never across the aside
            lo, hi = start, end
            if len(spans) > 1:
                wording = [sp for sp in spans if evaluative_terms(text[sp[0] : sp[1]])]
                lo, hi = wording[0] if wording else max(spans, key=lambda sp: sp[1] - sp[0])
            # a tail already cut off stays reported when the rest is not verifiable either
            return [*extra_nv, part(lo, hi, reason)] if extra_nv else part(lo, hi, reason)

        event = nominal_event(piece.text, index, doc.times, start, end)
        if event is not None:
            extra = []
            tail_at = evaluative_tail(piece.text)
            if tail_at is not None:
                t_start = spans[0][0] + tail_at
                words = [w for _, _, w in evaluative_terms(text[t_start:end])]
                extra.append(part(t_start, end, reason("evaluation", words)))
            return event, [], extra
        words = piece.text.split()
        if piece.form not in ("appositive",) and (
            len(words) < 4
            or not (has_finite_verb(piece.text) or has_past_verb(piece.text)
                    or SPEECH.search(blank_quotes(piece.text)) or _named_present(piece.text))
        ):
            return None
        own = blank_quotes(piece.text)
        if re.search(r"\b(?:Image|Photo|Credit|Source):\s", own):
            return None  # a picture caption with its credit line, not the article's text
        if re.match(r"(?:with|without|including|despite|from|to|for|as|like)\b", own):
            return None  # a dangling phrase cut off by a dash, not a clause
        tail = SPECULATIVE_TAIL.search(own)
        if tail and len(piece.spans) == 1 and text[start:end] == piece.text:
            # "... sat down to talk about the deal, and what it could mean for X": the
            # speculation is the tail; the head is still a claim
            extra_nv.append(part(start + tail.start() + 2, end, reason("hedge")))
            end = start + tail.start()
            spans = [(start, end)]
            piece = Piece(text[start:end], [(start - sent.start, end - sent.start)], piece.form)
            own = blank_quotes(piece.text)
        c = cues(without_month_may(piece.text))
        attributed = c.attribution or bool(
            re.search(r"\baccording to\b", own, re.IGNORECASE) or _SPEECH_VERB.search(own)
        )
        if not attributed:
            if c.first_person:
                return nv(reason("first_person"))
            if c.deontic or re.match(r"\s*Only\b[^.]*\b(?:can|could)\b", own):
                return nv(reason("deontic"))
            if c.hedge and not re.search(r"\ballegedly\b", own, re.IGNORECASE):
                return nv(reason("hedge"))
            if c.prediction and not (
                (SCHEDULE.search(own) and _has_anchor(doc, spans, "")) or PROVISION.search(own)
            ):
                return nv(reason("prediction"))
        if re.match(r"\s*(?:That|This)(?:’s|'s|\s+is|\s+was)\b", own):
            return nv("interpretation: refers back to something and characterises it")
        if not attributed and NOT_A.search(own):
            return nv("interpretation: characterises what something is not")
        phrase = None if attributed else interpretive_phrase(piece.text)
        if (
            phrase is not None
            and analysis.role == SentenceRole.fact
            and sent.kind != SentenceKind.bullet
            and not STRONG_READING.search(phrase[1])
        ):
            phrase = None  # "represents the women", "as part of a tour": plain reporting
        if (
            phrase is not None
            and sent.kind != SentenceKind.bullet
            and re.match(r"(?:attempt|aim|seek)", phrase[1], re.IGNORECASE)
        ):
            phrase = None  # "the Church's attempts to remove a video": a reported action
        if phrase is not None and phrase[0] == "motive":
            cut = motive_cut(piece.text)
            if (
                cut is not None
                and p_subj < MOTIVE_CUT_SUBJECTIVE
                and len(piece.spans) == 1
                and text[start:end] == piece.text
                and (has_finite_verb(piece.text[:cut]) or has_past_verb(piece.text[:cut]))
            ):
                # "Construction was underway at the mosque in order to enlarge it": the head is
                # a claim, the purpose read into it is not verifiable
                tail_start = start + cut + (len(text[start + cut:end]) - len(
                    text[start + cut:end].lstrip(" ,")))
                extra_nv.append(part(
                    tail_start, end,
                    f"interpretation: '{phrase[1]}' attributes a purpose or motive"))
                end = start + cut
                spans = [(start, end)]
                piece = Piece(text[start:end], [(start - sent.start, end - sent.start)],
                              piece.form)
                own = blank_quotes(piece.text)
                phrase = interpretive_phrase(piece.text)
        if phrase is not None:
            if phrase[0] == "motive":
                return nv(f"interpretation: '{phrase[1]}' attributes a purpose or motive")
            return nv(f"interpretation: '{phrase[1]}' reads meaning into the events")
        if not attributed and re.match(r"\s*(?:If|Unless|Whether)\b", own):
            return nv("speculation: a conditional, says what would follow if something held")
        stripped, removed, left = strip_evaluative(piece.text)
        if left and len(piece.spans) == 1 and text[start:end] == piece.text:
            cut = cut_before(piece.text, left)
            if cut is not None:
                # "approved an election bill that serves as the touchstone of ...": the checkable
                # head stays a claim, the evaluative relative clause is not verifiable
                extra_nv.append(part(start + cut, end, reason("evaluation", left)))
                end = start + cut
                spans = [(start, end)]
                piece = Piece(text[start:end].rstrip(" ,"), spans, piece.form)
                stripped, removed, left = strip_evaluative(piece.text)
        reported = attributed and _reported_only(piece.text, left)
        if (
            (len(left) >= 2 and not reported)
            or (left and p_subj >= LEFT_WORD_SUBJECTIVE and not reported)
            or (
                not attributed and p_subj >= PIECE_SUBJECTIVE and analysis.role != SentenceRole.fact
            )
        ):
            return nv(reason("evaluation", left + removed))
        if (
            not _has_anchor(doc, spans, piece.text)
            and analysis.role != SentenceRole.fact
            # a relative clause about a named thing ("the DISCLOSE ACT, which would require")
            and not _named_subject_relative(piece)
        ):
            return nv(reason("evaluation", removed) if removed else UNANCHORED)
        extra = extra_nv
        for word in removed:
            for s_, e_ in spans:
                pos = re.search(rf"\b{re.escape(word)}\b", text[s_:e_])
                if pos:
                    extra.append(part(
                        s_ + pos.start(), s_ + pos.end(),
                        f"value judgement: '{word}' is evaluative wording, left out of the claim"))
                    break
        stripped = tidy(stripped)
        stripped = _resolve_it(stripped, doc, sent)
        same_sentence = not (start <= sent.start + 2 and sent.index > 0)
        if not same_sentence:
            window = (doc.sentences[sent.index - 1].start, sent.start)
        else:
            window = (sent.start, start)
        times = _times_in(doc, spans)
        rewritten = rewrite(stripped, start, index, times, piece.subject, window,
                            same_sentence=same_sentence)
        described = resolve_bill(rewritten.text, start, index.bills)
        described = resolve_country(described, start, index.countries)
        described = resolve_state(described, start, index.states)
        claim_text = finish(
            resolve_company(described, start, index.companies, index.organisations))
        shifted = _shifted_date(times, piece.shift_days)
        if shifted and not FORMATTED_DATE.search(claim_text):
            # "signed ... on Thursday, one day after refusing to sign ...": the refusal's day,
            # before a closing ", police said" (the day of the act, not of the saying)
            tail = _SAID_TAIL.search(claim_text)
            cut = tail.start() if tail else len(claim_text) - 1
            claim_text = claim_text[:cut] + " on " + shifted + claim_text[cut:]
        lead = _leading_date(doc, sent)
        if (
            lead
            and piece.form in ("clause", "predicate")
            and start > sent.start + 2
            and not times
            and lead not in claim_text
        ):
            # "On Friday, fishermen rescued ..., and the Navy saved ...": the date is both's
            claim_text = claim_text[:-1] + (" on " if lead[0].isdigit() else " in ") + lead + "."
        if len(re.findall(r"[^\W\d_]+", claim_text)) < 2:
            return None  # nothing left once brackets and wording are taken out: "(Corrects ...)."
        seed = _VERB_THEN_SEED.search(claim_text)
        if seed and _is_verb(seed.group(1)):
            return None  # a results table cut apart: "Todd Martin beat 9." (seed 9 - a name)
        return claim_text, [*rewritten.ambiguity, *unnamed(claim_text)], extra


_VERB_THEN_SEED = re.compile(r"\b([a-z]+)\s+\d{1,2}\.?$")


def _is_verb(word: str) -> bool:
    """A lexical verb form ("beat", "defeated"; not "was", "had": "she was 12" is whole)."""
    return word not in AUX and (is_finite(word) or word in verb_forms()[1])


#: a verb of saying, not the same word as an adjective ("Petro's alleged criminal ties", "the
#: stated aim"): those forms count only before "that", a quotation, a comma or the end
_SPEECH_VERB = re.compile(
    r"\b(?:said|says|say|told|tells|wrote|writes|suggests|argued|argues|claims|alleges|added|"
    r"asserted|insisted|warned|contended|"
    r"(?:suggested|claimed|alleged|stated)(?=\s+(?:that\b|[\"“‘])|\s*[,.;:]|\s*$))\b"
)


_WORDS = re.compile(r"[\w'’-]+")
#: verbs of being that the lexicon does not know as finite: "Viktor Orbán remains committed"
_LINKING = frozenset("remains remain seems seem appears appear stays stay becomes looks".split())


def _speaker(main: Piece) -> str | None:
    """Who speaks in a trailing ", saying ..." of ``main``: the subject of its clause, never a
    quotation before it ("“I feel terrible,” Anthony Weiner said" -> "Anthony Weiner"), a bare
    determiner ("The states of ..." read as "The" + verb "states") or a clause with a verb of
    being still in it."""
    subject = subject_of(blank_quotes(main.text).strip())
    if subject is None:
        return None
    words = subject.split()
    if len(words) == 1 and words[0].lower() in ("the", "a", "an", "this", "that"):
        return None
    if words[-1] in _LINKING or "  " in subject:
        return None
    return subject


def _speech_tail(main: Piece, tail: Piece) -> Piece:
    """The tail ", suggesting that X" of "Roberts offered his doubts": "Roberts suggested that
    X" (an attribution, checkable as such); any other tail as it stands."""
    m = _said(tail)
    subject = _speaker(main) if m else None
    if m is None or subject is None:
        return tail
    said = past_of(m.group(1))
    return Piece(f"{subject} {said} {tail.text[m.end() :]}", tail.spans, form="predicate")


def _said(tail: Piece):
    """The speech word opening a tail ", saying ..." when a report follows it (not "insisting
    of 'gay marriage' that:", whose report is the next sentence)."""
    m = SPEECH_PARTICIPLE.match(tail.text)
    if m is None or re.search(r"\bthat\W*$", tail.text[m.end() :]):
        return None
    return m


def _reports(main: Piece, tail: Piece) -> bool:
    """Whether a trailing ", saying he was referring ..." reports what the subject of ``main``
    said (a clause, or "that ..."/a quotation, after the speech word), so that it stands as an
    attribution of its own: "Rick Santorum said he was referring ..."."""
    m = _said(tail)
    if m is None or _speaker(main) is None:
        return False
    rest = tail.text[m.end() :]
    return bool(re.match(r"that\b|[“\"]", rest)) or has_finite_verb(" ".join(rest.split()[:6]))


def _reported_only(text: str, words: list[str]) -> bool:
    """Whether the (at most two) evaluative ``words`` all lie in the reported part of an
    attribution, not in the part naming the speaker: after the speech verb ("Roberts suggested
    that any discriminatory acts ..."), or before a trailing one ("... a menace to the Church,
    Father Weinandy wrote"). The evaluation is then the speaker's, and that the speaker said it
    is the claim."""
    verbs = list(_SPEECH_VERB.finditer(text))
    if not verbs or not words or len(words) > 2:
        return False
    verb = verbs[-1]
    comma = text.rfind(",", 0, verb.start())
    if verb.start() > 0.6 * len(text) and comma > 0:
        speaker = text[comma:]  # "..., Father Thomas Weinandy wrote in a letter."
    else:
        speaker = text[: verb.start()]  # "Roberts suggested that ..."
    named = set(_WORDS.findall(speaker.lower()))
    return not any(w.lower() in named for w in words)


def _trimmed_span(text: str) -> tuple[int, int]:
    start = len(text) - len(text.lstrip())
    return start, len(text.rstrip())


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


_SAID_TAIL = re.compile(r",\s+[^,]*\b(?:said|says|told|added|reported)\b[^,]*$")


def _shifted_date(times: list[TimeExpression], shift: int | None) -> str | None:
    """The one date ``times`` resolve to, moved by ``shift`` days, formatted; else None."""
    if shift is None:
        return None
    days = {t.value for t in times if t.value is not None}
    if len(days) != 1:
        return None
    return format_date(days.pop() + dt.timedelta(days=shift))


def _times_in(doc: Doc, spans):
    out = []
    for s, e in spans:
        out.extend(_within(doc.times, s, e))
    return out


__all__ = ["Claims", "claim_kind", "strip_evaluative"]
