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


def write_card(data: str | Path, out: str | Path = ARTIFACT_DIR) -> Path:
    out = Path(out)
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
  and of its sentence). Scores -> softmax with temperature {meta['tc_temperature']} fitted on the
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

For reference, the SemEval-2020 Task 11 winners (transformer ensembles) reached 0.62 TC micro-F1
and 0.51 SI F1 on the official test set; the organisers' baselines were 0.25 and 0.03.

Per-technique TC F1 (CV):

| technique | F1 |
|---|---|
{per}

The quality gate in `tests/models/test_techniques.py` scores the first 40 shared articles
through `newsdesk eval propaganda`; the model was trained on them, so that figure is a
training-data figure (it only catches a broken model or feature code), not a generalisation
estimate.

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
