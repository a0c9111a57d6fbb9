"""Key Verifiable Facts: self-contained claims, and the statements that are not verifiable.

Fact and mixed sentences are cut into clauses (at semicolons, colons and paired em-dashes).
A clause with a checkable anchor (a name, a date, a number) and no evaluation of its own becomes
a claim, rewritten to stand alone (``decontext``); an evaluative clause, and every opinion
sentence that reads like a statement, goes to "Not verifiable" with the reason.
"""

from __future__ import annotations

import re

from ..model import (
    Claim,
    ClaimKind,
    Entity,
    NotVerifiable,
    SentenceKind,
    SentenceRole,
    Span,
    TimeExpression,
    Verdict,
    content_id,
)
from ..pipeline import Doc
from .cues import Cues, cues
from .decontext import format_time, last_person_before, rewrite

#: A clause whose own opinion score passes this is evaluation, not a claim.
CLAUSE_OPINION_THRESHOLD = 0.5
_CLAUSE_BREAK = re.compile(r"\s*;\s*|:\s+(?=[a-z])|\s*[—–]\s*|\s+--\s+")
_NOMINAL_EVENT = re.compile(
    r"^(?:The|A|An)\s+(?P<noun>meeting|talks|summit|phone call|call)\s+between\s+"
    r"(?P<a>[^,;]+?)\s+and\s+(?P<b>[^,;]+?)"
    r"(?:\s+(?P<prep>at|in)\s+(?P<place>the\s+[A-Z][\w ]+?|[A-Z][\w ]+?))?"
    r"(?P<rest>\s+(?:this|last|on|next)\b.*|,.*|\s+\w+.*)?$"
)
_EVENT_VERB = {"meeting": "met", "talks": "held talks", "summit": "held a summit",
               "phone call": "spoke by phone", "call": "spoke by phone"}


def _clauses(text: str, start: int) -> list[tuple[int, int]]:
    """Clause spans (article offsets) of a sentence starting at ``start``."""
    spans, pos = [], 0
    for match in _CLAUSE_BREAK.finditer(text):
        spans.append((pos, match.start()))
        pos = match.end()
    spans.append((pos, len(text)))
    out = []
    for s, e in spans:
        piece = text[s:e].strip(" ,.")
        if len(piece.split()) >= 3:
            lead = len(text[s:e]) - len(text[s:e].lstrip(" ,."))
            out.append((start + s + lead, start + s + lead + len(piece)))
    return out


def claim_kind(c: Cues) -> ClaimKind:
    if c.prediction:
        return ClaimKind.prediction
    if c.attribution:
        return ClaimKind.attribution
    if c.causal:
        return ClaimKind.causal
    if c.number:
        return ClaimKind.quantity
    if c.comparison:
        return ClaimKind.comparison
    return ClaimKind.event


def _within(spans, start: int, end: int):
    return [s for s in spans if start <= s.start and s.end <= end]


def _nominal_event(text: str, entities: list[Entity], times: list[TimeExpression],
                   offset: int) -> str | None:
    """"The meeting between A and B at P this Tuesday, <evaluation>" -> "A and B met at P on D"."""
    match = _NOMINAL_EVENT.match(text)
    if not match:
        return None
    day = next((format_time(t) for t in _within(times, offset, offset + len(text))
                if format_time(t)), None)
    names = {e.text: (e.canonical or e.text) for e in _within(entities, offset, offset + len(text))}
    a = names.get(match["a"].strip(), match["a"].strip())
    b = names.get(match["b"].strip(), match["b"].strip())
    parts = [f"{a} and {b} {_EVENT_VERB[match['noun']]}"]
    if match["place"]:
        parts.append(f"{match['prep']} {match['place'].strip()}")
    if day:
        parts.append(f"on {day}" if day[0].isdigit() else f"in {day}")
    return " ".join(parts) + "."


class Claims:
    requires = ("sentences", "entities", "times", "analysis", "loaded_words")
    provides = ("claims", "not_verifiable")

    def __call__(self, doc: Doc) -> Doc:
        from ..models import sentence_classifier

        text = doc.article.text
        subjectivity = sentence_classifier.load("subjectivity")
        claims: dict[str, Claim] = {}
        not_verifiable: list[NotVerifiable] = []
        loaded_by_sentence: dict[int, list[str]] = {}
        for word in doc.loaded_words:
            loaded_by_sentence.setdefault(word.sentence, []).append(word.text)
        for sent, analysis in zip(doc.sentences, doc.analysis):
            if sent.kind == SentenceKind.heading or analysis.role == SentenceRole.other:
                continue
            sentence_cues = cues(sent.text)
            if analysis.role == SentenceRole.opinion:
                not_verifiable.append(NotVerifiable(
                    start=sent.start, end=sent.end, text=sent.text, sentence=sent.index,
                    reason=_reason(analysis.reason, sentence_cues, loaded_by_sentence.get(sent.index)),
                ))
                continue
            clauses = _clauses(sent.text, sent.start)
            clause_texts = [text[s:e] for s, e in clauses]
            scores = subjectivity.predict_proba(clause_texts) if clause_texts else []
            for (start, end), clause, score in zip(clauses, clause_texts, scores):
                loaded = [w.text for w in doc.loaded_words if start <= w.start and w.end <= end]
                anchors = _within(doc.entities, start, end) + _within(doc.times, start, end)
                clause_cues = cues(clause)
                evaluative = (analysis.role == SentenceRole.mixed
                              and (score >= CLAUSE_OPINION_THRESHOLD or loaded))
                event = _nominal_event(clause, doc.entities, doc.times, start)
                if evaluative and event is None:
                    not_verifiable.append(NotVerifiable(
                        start=start, end=end, text=clause, sentence=sent.index,
                        reason=_reason("evaluation", clause_cues, loaded),
                    ))
                    continue
                if not anchors and not clause_cues.number:
                    continue
                if event is not None:
                    claim_text, ambiguity = event, []
                else:
                    rewritten = rewrite(clause, start, doc.entities, doc.times,
                                        last_person_before(doc.entities, start))
                    claim_text, ambiguity = _finish(rewritten.text), rewritten.ambiguity
                key = claim_text.lower()
                if key in claims:
                    claims[key].spans.append(Span(start=start, end=end, text=clause))
                    continue
                kind = claim_kind(clause_cues)
                claims[key] = Claim(
                    id=content_id(doc.article.id, claim_text, prefix="c_"),
                    text=claim_text,
                    sentence=sent.index,
                    spans=[Span(start=start, end=end, text=clause)],
                    kind=kind,
                    checkworthiness=analysis.checkworthiness,
                    ambiguous=bool(ambiguity),
                    ambiguity="; ".join(ambiguity) or None,
                    verdict=Verdict.not_checkable if kind == ClaimKind.prediction
                    else Verdict.not_enough_evidence,
                )
                if event is not None and evaluative:
                    rest = _evaluative_rest(sent.text, sent.start, clause, start)
                    if rest:
                        not_verifiable.append(NotVerifiable(
                            start=rest[0], end=rest[1], text=text[rest[0]:rest[1]],
                            sentence=sent.index, reason=_reason("evaluation", clause_cues, loaded),
                        ))
        doc.claims = sorted(claims.values(), key=lambda c: (-c.checkworthiness, c.sentence))
        doc.not_verifiable = not_verifiable
        return doc


def _evaluative_rest(sentence: str, sent_start: int, clause: str, clause_start: int):
    """For "The meeting ... at P this Tuesday, transcends ...": the span after the event."""
    match = re.search(r",\s+(?=[a-z])", clause)
    if not match:
        return None
    return clause_start + match.end(), clause_start + len(clause)


def _finish(text: str) -> str:
    text = text.strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "”", '"')) else text + "."


def _reason(base: str, c: Cues, loaded: list[str] | None) -> str:
    if c.prediction:
        return "prediction: about the future, not checkable yet"
    if c.hedge:
        return "speculation: hedged, says what could or may be"
    if c.deontic:
        return "prescription: says what should happen"
    if loaded:
        words = ", ".join(f"'{w}'" for w in dict.fromkeys(loaded))
        return f"value judgement: loaded wording ({words})"
    if base == "evaluation":
        return "interpretation: presents an evaluation as if it were fact"
    return base
