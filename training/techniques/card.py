"""Write ``techniques.card.md`` from ``techniques.metrics.json`` and the shipped artifacts.

``python -m training.techniques.card --data ../shared/data`` (``train`` calls it at the end).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from newsdesk.models.artifacts import ARTIFACT_DIR

from .common import ptc_files, sha256_files


def _training_data_figures(data: str | Path) -> str:
    """The shipped model scored on the shared (= its training) articles via the eval code."""
    from newsdesk.evaluate import evaluate
    from newsdesk.models import techniques

    techniques.load.cache_clear()
    rows = []
    for name, limit in (("first 40 articles (the test gate)", 40), ("all shared articles", None)):
        r = evaluate("propaganda", Path(data) / "propaganda", limit=limit)
        rows.append(f"| {name} | {r['n']} | {r['score']} | {r['si_f1']} |")
    return "\n".join(rows)


def write_card(data: str | Path, out: str | Path = ARTIFACT_DIR) -> Path:
    out = Path(out)
    train_rows = _training_data_figures(data)
    m = json.loads((out / "techniques.metrics.json").read_text())
    meta = json.loads((out / "techniques.json").read_text(encoding="utf-8"))
    sizes = {p.name: p.stat().st_size for p in sorted(out.glob("techniques.*"))}
    per = "\n".join(f"| {k} | {v:.3f} |" for k, v in m.get("tc_cv_per_technique", {}).items())
    text = f"""# techniques (persuasion techniques, PTC / SemEval-2020 Task 11) — version {meta['version']}

Two linear models, numpy inference (`newsdesk.models.techniques.load()`):

* **TC** (technique classification of a given span): one-vs-rest linear SVM (scikit-learn
  `LinearSVC`, C=0.1) over span features (span words/bigrams, char 3-5-grams, length bins,
  position, line coverage, punctuation, quotes, capitals, repetition of the span and of its word
  stems in the article, identical and nested given spans, VADER valence and small cue lists for
  superlatives, flag-waving, doubt, fear, causality, authority, bandwagon; words around the span
  and of its sentence; word clusters of the span's words, levels 1-3, copied from the NER
  artifact's lexicon into `techniques.json`; max/mean loaded-word probability of the span's
  words from the shipped `loaded_words` model, scored on the span's line). Scores -> softmax with temperature {meta['tc_temperature']} fitted on the
  cross-validated scores (so `classify` returns probabilities).
* **SI** (span identification): logistic-regression token tagger (liblinear, C=0.3) over token,
  neighbour, lexicon and sentence cues; runs of tokens with probability >= {meta['si_threshold']}
  (never across a line) become spans, labelled by TC. Score of a found span = mean token
  probability x technique probability.

## Data and licence
PTC (SemEval-2020 Task 11) training articles as shared in `../shared/data/propaganda/`
({m['n_articles']} articles, {m['n_spans']} technique spans; the rest of the corpus is held back).
Research use only; the articles are not shipped, only weights and feature names. The VADER
lexicon (vaderSentiment, MIT licence) is embedded in `techniques.json` for the lexicon features.
sha256 of the training files (names + bytes, sorted): `{sha256_files(ptc_files(data))}`.

## Metrics (5-fold cross-validation grouped by article, on the shared training articles)
Hyper-parameters (C, the char n-gram weight, the SI threshold) were chosen on this same CV, so
the figures are slightly optimistic; no held-out PTC split was used.

| metric | value |
|---|---|
| TC micro-F1 given gold spans (the task's measure) | **{m.get('tc_cv_micro_f1')}** |
| TC macro-F1 | {m.get('tc_cv_macro_f1')} |
| SI F1 (task's char-overlap measure, overlapping spans merged) | **{m.get('si_cv_f1')}** |
| SI precision / recall | {m.get('si_cv_precision')} / {m.get('si_cv_recall')} |

The TC figure gives the k-th copy of a span listed k times its k-th best technique (as
`classify` does) and, like the task's scorer (`align_annotations`), matches the labels of such
copies to the gold ones in the best order (28 spans are listed twice). Compared line by line
instead it is {m.get('tc_cv_micro_f1_positional')}; plain argmax for every copy, line by line (what
`tc_cv` printed before the alignment): {m.get('tc_cv_micro_f1_argmax_positional')}.
Before the cluster and loaded-word features: 0.5953 (k-th copy, line by line) / 0.5966 (argmax).
Tried and dropped (CV went down or moved within noise): word-stem features,
wider bag-of-context words, suffix features, Crammer-Singer multi-class SVM, logistic regression
(0.576, and 10x slower), min_df 1; see `training/README.md` for the feature kinds tried since.

The TC features depend on the shipped `loaded_words` model: `techniques.json` records the
sha256 of its artifacts (`loaded_words_sha256`) and a test fails when they change; retrain this
model then.

For reference, the SemEval-2020 Task 11 winners (transformer ensembles) reached 0.62 TC micro-F1
and 0.51 SI F1 on the official test set; the organisers' baselines were 0.25 and 0.03.

Per-technique TC F1 (CV):

| technique | F1 |
|---|---|
{per}

Training-data figures (`newsdesk eval propaganda`, shipped float16 model; the model was trained
on these articles, so these only show that the shipped artifact and feature code work, they are
NOT generalisation estimates; use the CV figures above; TC is the eval's score, copies of a
span listed twice aligned as above):

| articles | spans | TC micro-F1 | SI F1 |
|---|---|---|---|
{train_rows}

The quality gate in `tests/models/test_techniques.py` uses the first row with floors 0.90 / 0.30.

## Limits
Trained on 2017-2019 English news from partisan and mainstream sites; technique labels are
subjective and imbalanced (Loaded_Language is a third of the spans). Rare techniques
(Whataboutism/Straw Men/Red Herring, Thought-terminating Cliches, Bandwagon) are weak. SI
fragments long spans into shorter runs.

## Reproduce
```
python -m training.techniques.train --data ../shared/data     # CV + fit + this card (~8 min, 1 core)
python -m training.techniques.tc_cv --data ../shared/data --model svc --C 0.1   # TC CV alone
python -m training.techniques.si_cv --data ../shared/data --thresholds 0.2      # SI CV alone
newsdesk eval propaganda --data ../shared/data/propaganda
```

Weights are stored as float16 (scores move by well under 1e-2); SI keeps features seen in >= 5
articles' tokens (min_df 5; min_df 2 gave SI CV F1 0.314 with a 3x larger artifact).
Load time (`techniques.load()`, numpy already imported, loaded 2-core machine): ~0.09-0.13 s.

Artifacts: {", ".join(f"`{k}` {v/1e6:.2f} MB" for k, v in sizes.items())}.
TC features: {len(meta['tc_features'])}; SI features: {len(meta['si_features'])}.
Trained {dt.date.today().isoformat()}.
"""
    path = out / "techniques.card.md"
    path.write_text(text, encoding="utf-8")
    return path


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--out", default=str(ARTIFACT_DIR))
    args = ap.parse_args(argv)
    print(write_card(args.data, args.out))


if __name__ == "__main__":
    main()
