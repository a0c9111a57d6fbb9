"""Takeaways: 3-6 key points chosen for coverage and diversity, each citing its sentences.

Sentences are scored by centrality (cosine similarity of their content-word vectors to the
article's), position (news puts the point first), and anchoring (names, dates, numbers), then
picked greedily with maximal marginal relevance so two takeaways do not say the same thing.
Each takeaway cites the sentence it condenses plus the sentences that most support it.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections import Counter

from ..model import SentenceKind, SentenceRole, Takeaway
from ..pipeline import Doc

_WORD = re.compile(r"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'’-]+")
_STOP = frozenset(
    """a an the and or but if of to in on at by for with from as is are was were be been being
    it its this that these those he she they them his her their we our you your i me my not no
    so than then there here which who whom whose what when where why how all any some such into
    over under about after before during also just only very more most other can could would
    should will may might must do does did has have had said says says' mr ms mrs one two new""".split()
)
_LEADING_CONNECTOR = re.compile(
    r"^(?:However|Meanwhile|Moreover|Furthermore|Additionally|Also|In addition|Still|Yet|But|And|"
    r"So|Thus|Therefore|Indeed|Instead|Nevertheless|Nonetheless)\s*,?\s+"
)
MAX_TAKEAWAY_WORDS = 40


def _vector(text: str) -> Counter:
    return Counter(w.lower() for w in _WORD.findall(text) if w.lower() not in _STOP)


def _cosine(a: Counter, b: Counter) -> float:
    if not a or not b:
        return 0.0
    return _dot(a, b) / (_norm(a) * _norm(b))


def _dot(a: Counter, b: Counter) -> int:
    """Sum of the products of shared counts: an exact integer, so either side may lead."""
    if len(b) < len(a):
        a, b = b, a
    get = b.get
    return sum(v * get(k, 0) for k, v in a.items())


def _norm(a: Counter) -> float:
    return math.sqrt(sum(v * v for v in a.values()))


def condense(text: str, max_words: int = MAX_TAKEAWAY_WORDS) -> str:
    """The sentence without a leading connector, cut at a clause boundary if too long."""
    text = _LEADING_CONNECTOR.sub("", text.strip())
    text = text[:1].upper() + text[1:]
    words = text.split()
    if len(words) <= max_words:
        return text
    cut = " ".join(words[:max_words])
    for mark in (";", " —", "—", ":"):
        pos = cut.rfind(mark)
        if pos > len(cut) // 2:
            return cut[:pos].rstrip(" ,;:—") + "."
    return cut.rstrip(" ,;:") + "…"


def choose(doc: Doc, k_min: int = 3, k_max: int = 6, diversity: float = 0.4) -> list[Takeaway]:
    roles = {a.index: a for a in doc.analysis}
    candidates = [
        s for s in doc.sentences
        if s.kind != SentenceKind.heading
        and len(s.text.split()) >= 6
        and (roles.get(s.index) is None or roles[s.index].role != SentenceRole.other)
    ]
    if not candidates:
        return []
    vectors = {s.index: _vector(s.text) for s in candidates}
    centroid = Counter()
    for vec in vectors.values():
        centroid.update(vec)
    anchored = Counter()
    starts = [s.start for s in candidates]  # sentences are in text order and do not overlap
    for span in [*doc.entities, *doc.times]:
        at = bisect_right(starts, span.start) - 1
        if at >= 0 and span.start < candidates[at].end:
            anchored[candidates[at].index] += 1
    n = len(candidates)
    norms = {i: _norm(vec) for i, vec in vectors.items()}
    centroid_norm = _norm(centroid)
    relevance = {}
    for rank, s in enumerate(candidates):
        position = 1.0 / (1.0 + rank / 3.0)
        anchor = min(anchored[s.index], 4) / 4
        vec = vectors[s.index]  # _cosine(vec, centroid), with both norms computed once
        central = _dot(vec, centroid) / (norms[s.index] * centroid_norm) if vec and centroid else 0.0
        relevance[s.index] = 0.55 * central + 0.3 * position + 0.15 * anchor
    k = max(k_min, min(k_max, round(n / 5)))
    k = min(k, n)
    pair_cosines: dict[tuple[int, int], float] = {}

    def similarity(i: int, j: int) -> float:
        """_cosine of two candidates, memoised (it is symmetric: integer counts, a product)."""
        key = (i, j) if i <= j else (j, i)
        value = pair_cosines.get(key)
        if value is None:
            a, b = vectors[i], vectors[j]
            value = pair_cosines[key] = _dot(a, b) / (norms[i] * norms[j]) if a and b else 0.0
        return value

    chosen: list[int] = []
    while len(chosen) < k:
        def mmr(index: int) -> float:
            redundancy = max((similarity(index, c) for c in chosen), default=0.0)
            return (1 - diversity) * relevance[index] - diversity * redundancy

        best = max((s.index for s in candidates if s.index not in chosen), key=mmr)
        chosen.append(best)
    takeaways = []
    for index in sorted(chosen):
        support = sorted(
            (s.index for s in candidates if s.index not in chosen and s.index != index),
            key=lambda j: -similarity(index, j),
        )[:2]
        support = [j for j in support if similarity(index, j) >= 0.2]
        text = condense(doc.sentences[index].text)
        role = roles[index].role if index in roles else None
        takeaways.append(Takeaway(text=text, sentences=sorted([index, *support]), sentence=index,
                                  role=role))
    return takeaways


def one_line_summary(doc: Doc, takeaways: list[Takeaway]) -> str:
    """A one-line summary: the lead point, condensed. When the lead sentence evaluates rather
    than reports, its checkable core (the lead claim) stands in for it, so the summary does
    not repeat the writer's judgement as if it were the news."""
    if not takeaways:
        return "No article text to summarise."
    lead_index = min(t.sentences[0] for t in takeaways)
    roles = {a.index: a.role for a in doc.analysis}
    if roles.get(lead_index) in (SentenceRole.opinion, SentenceRole.mixed):
        early = [c for c in doc.claims if c.sentence <= lead_index + 2 and not c.ambiguous]
        if early:
            return min(early, key=lambda c: (c.sentence, -c.checkworthiness)).text
    return condense(doc.sentences[lead_index].text, max_words=35)


class Takeaways:
    requires = ("sentences", "entities", "times", "analysis", "claims")
    provides = ("takeaways", "summary")

    def __call__(self, doc: Doc) -> Doc:
        doc.takeaways = choose(doc)
        doc.summary = one_line_summary(doc, doc.takeaways)
        return doc
