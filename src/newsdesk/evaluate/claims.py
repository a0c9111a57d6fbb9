"""``newsdesk eval claims --data FOLDER``: extracted claims against hand-written gold claims.

For every gold file in FOLDER (format: ``training/gold/README.md``) the article is rebuilt
(``claims_gold``), run through the real pipeline (``newsdesk.api.brief_article``), and its
claims are matched to the gold claims:

Matcher (deterministic, one-to-one, greedy):
  1. Both texts are normalised (``analyze.claims_match.normalise``): lower case, "U.S."/"United
     States" one token, number words one..twenty to digits (not a pronoun "one": "no one",
     "one of"), thousands separators dropped; tokens crudely stemmed, stop words dropped;
     numbers (digit tokens) kept apart.
  2. A pair is eligible when the extracted claim's source spans overlap the gold claim's
     sentence or one of its two neighbours, the numbers agree (the same set of numbers on both
     sides: dates and quantities must be right), and the content-word F1 is >= ``MATCH_F1``.
  3. Eligible pairs are taken best score first (ties: earlier gold claim, earlier extraction);
     each gold claim and each extracted claim is used once.

Precision = matched / extracted claims, recall = matched / gold claims (micro over articles).

Also reported, over extracted claims:
  evaluative_share          claims with an evaluative word outside quotes (bias-word lexicon +
                            hand list, ``analyze.claims_checks.evaluative_terms``) or whose
                            subjectivity-model probability is >= ``SUBJECTIVE_P``.
  not_self_contained_share  claims with an unresolved pronoun, a demonstrative subject, or a
                            bare surname of a person whose full name the article gives
                            (``analyze.claims_checks.self_containment_problems``);
                            ``not_self_contained_unflagged`` counts those the extractor did not
                            flag ``ambiguous``.

Options: ``split`` ("dev", "test" or None for all), ``details`` (True: per-article listing of
matched, missed and spurious claims), ``numbers`` ("exact", the default and the published score;
or "subset", a diagnostic: every gold number must be in the extracted claim, extra numbers in
the extracted claim are allowed; the result then says ``"numbers": "subset"``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..analyze.claims_match import Normalised, normalise, similarity
from ..errors import EvalDataError
from .claims_gold import GoldArticle, load_gold

#: Minimum content-word F1 for an extracted claim to count as a gold claim.
MATCH_F1 = 0.5
#: A claim whose subjectivity probability reaches this counts as evaluative.
SUBJECTIVE_P = 0.8


@dataclass
class Extracted:
    text: str
    spans: list[tuple[int, int]]
    kind: str
    ambiguous: bool = False


def _units_touched(units: list[tuple[int, int]], spans: list[tuple[int, int]]) -> set[int]:
    return {i for i, (us, ue) in enumerate(units) for s, e in spans if s < ue and us < e}


def match(
    gold: GoldArticle, extracted: list[Extracted], numbers: str = "exact"
) -> list[tuple[int, int, float]]:
    """One-to-one greedy matching: (gold index, extracted index, score) triples."""
    gold_norm = [normalise(c.text) for c in gold.claims]
    ext_norm = [normalise(c.text) for c in extracted]
    touched = [_units_touched(gold.units, c.spans) for c in extracted]
    pairs = []
    for gi, g in enumerate(gold.claims):
        near = {g.sentence - 1, g.sentence, g.sentence + 1}
        for ei, e in enumerate(extracted):
            if not (touched[ei] & near):
                continue
            ext = ext_norm[ei]
            if numbers == "subset" and gold_norm[gi].numbers <= ext.numbers:
                ext = Normalised(ext.words, gold_norm[gi].numbers)
            score = similarity(gold_norm[gi], ext)
            if score >= MATCH_F1:
                pairs.append((-score, gi, ei))
    pairs.sort()
    used_g, used_e, out = set(), set(), []
    for neg, gi, ei in pairs:
        if gi in used_g or ei in used_e:
            continue
        used_g.add(gi)
        used_e.add(ei)
        out.append((gi, ei, -neg))
    return out


def _run(article: GoldArticle):
    from ..api import brief_article
    from ..model import Article

    record = Article(
        id=Article.make_id(article.text),
        text=article.text,
        title=article.title,
        published=article.published,
        source="gold",
    )
    return brief_article(record)


def _people(brief) -> list[str]:
    """Full names of the people the article names (the extractor's own name index)."""
    from ..analyze.decontext import build_index

    return build_index(brief.article.text, brief.entities).people


def _share(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def _score(matched: int, n_gold: int, n_ext: int, n_eval: int = 0, n_loose: int = 0) -> dict:
    p = matched / n_ext if n_ext else 0.0
    r = matched / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f, 4),
        "n": n_gold,
        "extracted": n_ext,
        "matched": matched,
        "evaluative_share": _share(n_eval, n_ext),
        "not_self_contained_share": _share(n_loose, n_ext),
    }


def evaluate(
    task: str,
    path: str | Path,
    *,
    split: str | None = None,
    details: bool = False,
    numbers: str = "exact",
    **options,
) -> dict:
    if task != "claims":
        raise EvalDataError(f"the claims evaluator does not handle task {task!r}")
    if numbers not in ("exact", "subset"):
        raise EvalDataError(f"numbers must be 'exact' or 'subset', not {numbers!r}")
    if options:
        raise EvalDataError(f"unknown option(s) for claims: {', '.join(sorted(options))}")
    from ..analyze.claims_checks import evaluative_terms, self_containment_problems
    from ..models import sentence_classifier
    from ..paths import shared_data_dir

    articles = load_gold(Path(path), shared_data_dir(), split=split)
    subjectivity = sentence_classifier.load("subjectivity")
    totals: dict[str, list[int]] = {"all": [0, 0, 0, 0, 0]}
    unflagged = 0  # not self-contained and not flagged ambiguous by the extractor
    per_article = []
    for article in articles:
        brief = _run(article)
        extracted = [
            Extracted(c.text, [(s.start, s.end) for s in c.spans], c.kind.value, c.ambiguous)
            for c in brief.claims
        ]
        pairs = match(article, extracted, numbers)
        people = _people(brief)
        probs = subjectivity.predict_proba([c.text for c in extracted]) if extracted else []
        flags = []
        for claim, prob in zip(extracted, probs):
            is_eval = bool(evaluative_terms(claim.text)) or float(prob) >= SUBJECTIVE_P
            flags.append((is_eval, self_containment_problems(claim.text, people)))
            unflagged += bool(flags[-1][1]) and not claim.ambiguous
        for key in ("all", article.split):
            t = totals.setdefault(key, [0, 0, 0, 0, 0])
            t[0] += len(pairs)
            t[1] += len(article.claims)
            t[2] += len(extracted)
            t[3] += sum(1 for f in flags if f[0])
            t[4] += sum(1 for f in flags if f[1])
        if details:
            got = {ei for _, ei, _ in pairs}
            hit = {gi for gi, _, _ in pairs}
            per_article.append(
                {
                    "id": article.id,
                    "split": article.split,
                    **_score(len(pairs), len(article.claims), len(extracted)),
                    "matched": [
                        [article.claims[gi].text, extracted[ei].text, round(s, 3)]
                        for gi, ei, s in pairs
                    ],
                    "missed": [c.text for i, c in enumerate(article.claims) if i not in hit],
                    "spurious": [e.text for i, e in enumerate(extracted) if i not in got],
                    "evaluative": [e.text for e, f in zip(extracted, flags) if f[0]],
                    "not_self_contained": [
                        [e.text, f[1]] for e, f in zip(extracted, flags) if f[1]
                    ],
                }
            )
    overall = _score(*totals["all"])
    n_ext = totals["all"][2]
    result = {
        "task": "claims",
        "metric": "f1",
        "score": overall["f1"],
        "precision": overall["precision"],
        "recall": overall["recall"],
        "evaluative_share": _share(totals["all"][3], n_ext),
        "not_self_contained_share": _share(totals["all"][4], n_ext),
        "not_self_contained_unflagged": unflagged,
        "n": overall["n"],
        "extracted": overall["extracted"],
        "matched": overall["matched"],
        "articles": len(articles),
        "splits": {k: _score(*v) for k, v in totals.items() if k != "all"},
        "match_f1": MATCH_F1,
        "numbers": numbers,
    }
    if details:
        result["details"] = per_article
    return result
