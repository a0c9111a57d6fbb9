"""Write ``genre.card.md`` from ``genre.metrics.json``: ``python -m training.genre.card``."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from newsdesk.models.artifacts import ARTIFACT_DIR


def write_card(out: str | Path = ARTIFACT_DIR) -> Path:
    out = Path(out)
    m = json.loads((out / "genre.metrics.json").read_text())
    meta = json.loads((out / "genre.json").read_text(encoding="utf-8"))
    dev = m["article_dev"]
    sizes = {p.name: p.stat().st_size for p in sorted(out.glob("genre.*"))}
    per = "\n".join(
        f"| {k} | {v['precision']} | {v['recall']} | {v['f1']} | {v['support']} |"
        for k, v in dev["per_label"].items()
    )
    weights = ", ".join(f"{k} {v:+.2f}" for k, v in sorted(m["article_weights"].items(), key=lambda kv: -abs(kv[1])))
    text = f"""# genre (article genre: opinion / reporting; satire never predicted) — version {meta['version']}

`newsdesk.models.genre.load().predict(title, body, sentence_opinion=None)` returns probabilities
over `opinion` (opinion or analysis), `reporting` and `satire`. Numpy inference.

1. **Sentence opinion scorer**: logistic regression over word uni/bigrams (length-normalised),
   VADER intensity, first/second person, question, exclamation, quote and digit cues. Trained on
   BABE `label_opinion` ("Expresses writer's opinion" = 1; "Somewhat factual but also
   opinionated" = 1 at half weight; "Entirely factual" = 0; "No agreement" dropped) plus the
   CheckThat! subjectivity `train.tsv` (SUBJ = 1). {m['sentence_train_n']} sentences.
2. **Article classifier**: logistic regression (balanced classes) over 20 standardised aggregate
   features (share/mean/top-quartile/lead of sentence opinion probabilities, first and second
   person outside quotes, questions, exclamations, quoted sentences, attribution verbs, modals,
   hedges, numbers, VADER intensity, sentence length and count, a dateline, title punctuation).
   Precomputed per-sentence subjectivity can replace step 1 (`sentence_opinion=`).

## Labels: how they were obtained (read this)
There is **no genre-labelled corpus** in the project's data, so the article labels are derived
(`training/genre/data.py`):
* reporting: GUM Wikinews news documents (24), BASIL articles (141 news reports from Fox News,
  NYT, HuffPost news sections; no URL is an opinion/editorial path), and PTC articles in which
  fewer than 10% of the sentences carry an annotated persuasion technique.
* opinion: PTC articles in which at least 35% of the sentences carry an annotated persuasion
  technique. This is a **proxy** (persuasive, opinionated writing on mostly partisan sites), not
  an editor's "opinion" label; PTC articles in between are left out, as are GUM interviews and
  GUM's non-news genres.
* satire: **no data at all**. The model never predicts satire (probability 0.0) until an honest
  satire source exists.

Split: a fixed hash of the document group (BASIL: the event triplet) puts ~30% in `dev`.
The article classifier is trained on `train` only; the shipped model has not seen `dev`.
Because every opinion example comes from PTC, part of what the classifier learns may be the
style of PTC's sites rather than genre; the features are aggregate style/opinion cues (no
bag of words at article level) to limit that, but treat the figures below as optimistic for
real-world opinion columns.

## Metrics
| metric | value |
|---|---|
| article dev macro-F1 (opinion, reporting), `newsdesk eval genre` on the dev split | **{dev['score']}** (n={dev['n']}, accuracy {dev['accuracy']}) |
| article 5-fold CV macro-F1 on the train split (grouped) | {m['article_train_cv_macro_f1']} |
| sentence scorer macro-F1 on CheckThat! subjectivity dev (SUBJ/OBJ) | {m['sentence_opinion_subjectivity_dev_macro_f1']} |

| dev label | precision | recall | F1 | support |
|---|---|---|---|---|
{per}

Dev confusion: {json.dumps(dev['confusion'])}. Train split sizes: {json.dumps(m['article_train_n'])}.
Article weights (standardised features): {weights}.

## Data licences
GUM (Wikinews CC-BY 2.5, annotations CC-BY 4.0), BASIL (research use), PTC (research use), BABE
(AGPL-3.0 repository), CheckThat! subjectivity (CC BY-NC-SA 4.0), VADER lexicon (MIT, embedded in
`genre.json`). No text is shipped: only weights, feature names and the lexicon.
sha256 of the training files: `{m['data_sha256']}`.

## Reproduce
```
python -m training.genre.train --data ../shared/data          # fit + dev score + this card (~1 min)
python -m training.genre.data --data ../shared/data --out /tmp/genre-dev   # write the dev set
newsdesk eval genre --data /tmp/genre-dev
```
Load time (`genre.load()`, numpy already imported, loaded 2-core machine): ~0.15 s; prediction
of a 30-sentence article: a few ms.
Artifacts: {", ".join(f"`{k}` {v/1e6:.2f} MB" for k, v in sizes.items())}. Trained {dt.date.today().isoformat()}.
"""
    path = out / "genre.card.md"
    path.write_text(text, encoding="utf-8")
    return path


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", default=str(ARTIFACT_DIR))
    print(write_card(ap.parse_args(argv).out))


if __name__ == "__main__":
    main()
