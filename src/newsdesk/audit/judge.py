"""Judging one listed item: verifiable or interpretation, and supported by the body or not.

Verifiable vs interpretation (first rule that fires gives the reason):
  * reads meaning into events: "marks", "symbolizes", "signals", "reflects", "represents" ...
  * attributes a purpose or motive: "as part of", "in an attempt to", "seeks to", "aims to" ...
  * judges an effect or importance: "impacts", "affects", "primary", "key", "central" ...
  * hedged or about the future: "could", "may", "will", "likely" ... (``analyze.cues``)
  * evaluative wording (``analyze.claims_checks.evaluative_terms``)
  * the subjectivity model gives p >= ``SUBJECTIVE_P``.

Support against the body (content words and numbers, ``analyze.claims_match``):
  an item with several parts (``;``) is judged part by part. A part is *supported* when the best
  body sentence (or the best two together) holds at least ``SUPPORTED`` of its content words,
  all its numbers and all its names; *partly supported* from ``PARTLY``; a sentence that holds the
  words but other numbers, or says the opposite (a negation the item lacks), *contradicts* it.
  Support that rests only on a conditional or hedged body sentence ("If Colombia is ...") does
  not count as support for a flat statement. An interpretation is supported only when the body
  makes the same interpretation (its own wording, ``SUPPORTED`` coverage including the
  interpretive words); otherwise it is "not supported as stated", citing where the body has the
  checkable core.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..analyze.claims_checks import (
    INTERPRETIVE,
    MOTIVE,
    blank_quotes,
    evaluative_terms,
    without_month_may,
)
from ..analyze.claims_match import Normalised, coverage, normalise
from ..analyze.cues import cues
from ..model import Sentence
from .records import Citation, Support

SUPPORTED = 0.55
PARTLY = 0.35
SUBJECTIVE_P = 0.7

_INTERPRETIVE = INTERPRETIVE
_MOTIVE = re.compile(MOTIVE.pattern[:-3] + r"|strategy)\b", re.IGNORECASE)
_EFFECT = re.compile(
    r"\b(?:impacts?|affects?|influences?|shapes?|drives?|determines?)\b", re.IGNORECASE
)
_IMPORTANCE = re.compile(
    r"\b(?:primary|key|central|main|crucial|pivotal|decisive|significant|"
    r"important|major)\b",
    re.IGNORECASE,
)
_NEGATION = re.compile(r"\b(?:not|never|no longer|denied|denies)\b|n't\b", re.IGNORECASE)
_CONDITIONAL = re.compile(r"^\s*(?:If|Unless|Whether|Should)\b|\b(?:could|might|may|would)\b")
_NAME = re.compile(r"\b[A-Z][a-z]{2,}\b")


@dataclass
class Verdict:
    verifiable: bool
    reason: str


def classify(text: str, subjectivity: float | None = None) -> Verdict:
    own = blank_quotes(text)
    for pattern, why in (
        (_INTERPRETIVE, "interpretation: '{}' reads meaning into the events"),
        (_EFFECT, "interpretation: '{}' asserts an effect without evidence"),
        (_MOTIVE, "interpretation: '{}' attributes a purpose or motive"),
        (_IMPORTANCE, "interpretation: '{}' judges importance"),
    ):
        m = pattern.search(own)
        if m:
            return Verdict(False, why.format(m.group(0)))
    c = cues(without_month_may(text))
    if c.prediction:
        return Verdict(False, "prediction: about the future, not checkable yet")
    if c.hedge:
        return Verdict(False, "speculation: hedged")
    terms = evaluative_terms(text)
    if terms:
        words = ", ".join(f"'{w}'" for _, _, w in terms[:3])
        return Verdict(False, f"value judgement: evaluative wording ({words})")
    if subjectivity is not None and subjectivity >= SUBJECTIVE_P:
        return Verdict(False, f"reads as opinion (subjectivity model p={subjectivity:.2f})")
    return Verdict(True, "a checkable statement of fact (who did what, when, where, how many)")


def _core(text: str) -> str:
    """The checkable core: the text without its motive tail, interpretive verbs and evaluative
    words ("The meeting marks a pragmatic turn following X" -> "The meeting a turn following X")."""
    own = text
    m = _MOTIVE.search(blank_quotes(own))
    if m and m.start() > 10:
        own = own[: m.start()]
    for pattern in (_INTERPRETIVE, _EFFECT, _IMPORTANCE):
        own = pattern.sub(" ", own)
    for start, end, _ in reversed(evaluative_terms(own)):
        own = own[:start] + own[end:]
    return re.sub(r"\s+", " ", own).strip()


def _names(text: str) -> set[str]:
    """Normalised capitalised words (names, places) after the first word."""
    out: set[str] = set()
    for m in _NAME.finditer(blank_quotes(text)):
        if m.start() > 0:
            out |= normalise(m.group(0)).words
    return out


@dataclass
class _Body:
    sentences: list[Sentence]
    norms: list[Normalised]
    offset: int


def _best(part: Normalised, body: _Body) -> tuple[list[int], float]:
    """The best body sentence (and a runner-up with a new content word) and its coverage.

    Support rests on one sentence: a fact stitched together from words of two unrelated
    sentences is not something the body says.
    """
    scored = sorted(((coverage(part, n), -i) for i, n in enumerate(body.norms)), reverse=True)
    if not scored or scored[0][0] == 0:
        return [], 0.0
    best_cov, best_i = scored[0][0], -scored[0][1]
    chosen = [best_i]
    if len(scored) > 1 and scored[1][0] > 0:
        j = -scored[1][1]
        if (part.words & body.norms[j].words) - body.norms[best_i].words:
            chosen.append(j)  # cited for context; coverage stays the best single sentence's
    return chosen, best_cov


def _citations(indices: list[int], part: Normalised, body: _Body) -> list[Citation]:
    out = []
    for i in indices:
        s = body.sentences[i]
        out.append(
            Citation(
                index=i,
                text=s.text,
                start=s.start + body.offset,
                end=s.end + body.offset,
                overlap=round(coverage(part, body.norms[i]), 3),
            )
        )
    return out


def _judge_part(text: str, body: _Body) -> tuple[Support, str, list[Citation]]:
    part = normalise(text)
    indices, cov = _best(part, body)
    if not indices:
        return Support.not_supported, "no body sentence mentions this", []
    cites = _citations(indices, part, body)
    cited = body.norms[indices[0]]
    evidence_text = body.sentences[indices[0]].text
    if cov >= SUPPORTED and part.numbers and cited.numbers and not part.numbers <= cited.numbers:
        missing = ", ".join(sorted(part.numbers - cited.numbers))
        return (
            Support.contradicted,
            f"the body gives other figures or dates ({missing} not in the cited sentence)",
            cites,
        )
    item_neg = bool(_NEGATION.search(blank_quotes(text)))
    body_neg = bool(_NEGATION.search(blank_quotes(evidence_text)))
    if cov >= 0.8 and item_neg != body_neg:
        return Support.contradicted, "the body says the opposite (negation)", cites
    names = _names(text)
    missing_names = {n for n in names if n not in cited.words}
    if part.numbers and not part.numbers <= cited.numbers:
        return (
            Support.not_supported,
            f"the body does not give {', '.join(sorted(part.numbers - cited.numbers))}",
            cites,
        )
    if cov >= SUPPORTED and not missing_names:
        if _CONDITIONAL.search(blank_quotes(evidence_text)):
            return (
                Support.not_supported,
                "the body says this only conditionally or hedged, not as a fact",
                cites,
            )
        return Support.supported, f"the body states it ({cov:.0%} of its content words)", cites
    if cov >= PARTLY:
        why = f"the body holds part of it ({cov:.0%} of its content words)"
        if missing_names:
            why += f"; not named there: {', '.join(sorted(missing_names))}"
        return Support.partly_supported, why, cites
    return Support.not_supported, f"no body sentence says this (best overlap {cov:.0%})", cites


def judge_support(text: str, verdict: Verdict, body: _Body) -> tuple[Support, str, list[Citation]]:
    if not verdict.verifiable:
        whole, why_whole, cites_whole = _judge_part(text, body)
        if whole == Support.supported:
            return whole, "the body makes the same interpretation: " + why_whole, cites_whole
        core = _core(text)
        support, why, cites = (
            _judge_part(core, body) if core.strip() else (whole, why_whole, cites_whole)
        )
        if support == Support.contradicted:
            return support, why, cites
        core_note = {
            Support.supported: "the checkable core is in the body",
            Support.partly_supported: "the body holds part of the checkable core",
            Support.not_supported: "the body does not state even the checkable core",
        }
        why = (
            "not supported as stated: the body does not make this interpretation; "
            + core_note.get(support, why)
        )
        return Support.not_supported, why, cites or cites_whole
    parts = [p for p in re.split(r"\s*;\s*", text) if len(p.split()) >= 2]
    if len(parts) <= 1:
        return _judge_part(text, body)
    results = [_judge_part(p, body) for p in parts]
    labels = [r[0] for r in results]
    cites = []
    for r in results:
        cites.extend(c for c in r[2] if c.index not in {x.index for x in cites})
    why = "; ".join(f"'{p}': {r[0].value} ({r[1]})" for p, r in zip(parts, results))
    if Support.contradicted in labels:
        return Support.contradicted, why, cites
    if all(label == Support.supported for label in labels):
        return Support.supported, why, cites
    if all(label == Support.not_supported for label in labels):
        return Support.not_supported, why, cites
    return Support.partly_supported, why, cites


def make_body(sentences: list[Sentence], offset: int) -> _Body:
    return _Body(sentences, [normalise(s.text) for s in sentences], offset)
