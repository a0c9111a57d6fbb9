"""Sentence roles: checkable fact, opinion, mixed (a checkable core wrapped in evaluation), other.

Scores come from the trained sentence models (check-worthiness, subjectivity, bias); the role
combines them with what makes a statement checkable at all: names, dates, numbers, attribution.
"""

from __future__ import annotations

from bisect import bisect_right

from ..model import SentenceAnalysis, SentenceKind, SentenceRole
from ..pipeline import Doc
from .cues import Cues, cues

#: Above this opinion score a sentence is treated as the writer's evaluation.
OPINION_THRESHOLD = 0.5


def calibrated(probability: float, threshold: float) -> float:
    """Map a model probability so the model's own tuned decision threshold lands on 0.5
    (piecewise linear, monotone), making the three models' scores comparable."""
    if probability < threshold:
        return 0.5 * probability / threshold
    return 0.5 + 0.5 * (probability - threshold) / (1.0 - threshold)


def opinion_score(subjectivity: float, bias: float, loaded: int, c: Cues) -> float:
    """One number in [0, 1] for how much a sentence evaluates rather than reports."""
    score = max(subjectivity, 0.85 * bias)
    score += 0.08 * min(loaded, 3)
    if c.first_person or c.deontic:
        score += 0.15
    if c.attribution and c.quoted_share > 0.3:
        score -= 0.2  # reported speech: the opinion is the speaker's, the attribution a fact
    return min(max(score, 0.0), 1.0)


def decide(
    text: str,
    kind: SentenceKind,
    checkworthiness: float,
    opinion: float,
    has_anchor: bool,
    c: Cues,
) -> tuple[SentenceRole, str]:
    """The role and a short reason, from scores and cues."""
    words = len(text.split())
    if kind == SentenceKind.heading:
        return SentenceRole.other, "heading"
    if c.question:
        return SentenceRole.other, "question"
    if c.quoted_share > 0.85 and not c.attribution:
        return SentenceRole.other, "quotation without attribution"
    if words < 4:
        return SentenceRole.other, "fragment"
    if c.attribution and c.quoted_share > 0.5:
        # Mostly a quotation with its speaker: that the speaker said it is checkable; what was
        # said is the speaker's view, not the writer's.
        return SentenceRole.fact, "attributed quotation"
    checkable = has_anchor or c.number or checkworthiness >= 0.5
    if opinion >= OPINION_THRESHOLD:
        if checkworthiness >= 0.5 and has_anchor and not c.prediction:
            return SentenceRole.mixed, "checkable core wrapped in evaluation"
        if c.prediction:
            return SentenceRole.opinion, "prediction"
        if c.hedge:
            return SentenceRole.opinion, "speculation"
        return SentenceRole.opinion, "evaluation"
    if c.prediction and not c.attribution:
        return SentenceRole.opinion, "prediction"
    if c.hedge and not c.attribution:
        return SentenceRole.opinion, "speculation"
    if checkable:
        return SentenceRole.fact, "attributed statement" if c.attribution else "checkable statement"
    return SentenceRole.fact, "plain statement (low check-worthiness)"


class SentenceRoles:
    requires = ("sentences", "entities", "times", "loaded_words")
    provides = ("analysis",)

    def __call__(self, doc: Doc) -> Doc:
        from ..models import sentence_classifier

        texts = [s.text for s in doc.sentences]
        if not texts:
            doc.analysis = []
            return doc
        scores = {}
        for task in ("checkworthy", "subjectivity", "bias"):
            model = sentence_classifier.load(task)
            scores[task] = [calibrated(float(p), model.threshold)
                            for p in model.predict_proba(texts)]
        cw, subj, bias = scores["checkworthy"], scores["subjectivity"], scores["bias"]
        loaded_per_sentence = [0] * len(texts)
        for word in doc.loaded_words:
            loaded_per_sentence[word.sentence] += 1
        anchors = _anchored_sentences(doc)
        analysis = []
        for i, sent in enumerate(doc.sentences):
            c = cues(sent.text)
            opinion = opinion_score(float(subj[i]), float(bias[i]), loaded_per_sentence[i], c)
            role, reason = decide(sent.text, sent.kind, float(cw[i]), opinion, i in anchors, c)
            analysis.append(
                SentenceAnalysis(
                    index=i,
                    role=role,
                    checkworthiness=round(float(cw[i]), 4),
                    subjectivity=round(float(subj[i]), 4),
                    bias=round(float(bias[i]), 4),
                    opinion=round(opinion, 4),
                    reason=reason,
                )
            )
        doc.analysis = analysis
        return doc


def _anchored_sentences(doc: Doc) -> set[int]:
    """Sentences holding a named entity, a date or a number: something a checker can look up."""
    starts = [s.start for s in doc.sentences]
    offsets = {span.start for span in doc.entities} | {span.start for span in doc.times}
    return {max(bisect_right(starts, offset) - 1, 0) for offset in offsets}


def sentence_at(starts: list[int], offset: int) -> int:
    """Index of the sentence whose start is the last one at or before ``offset``."""
    return max(bisect_right(starts, offset) - 1, 0)
