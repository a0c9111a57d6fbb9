"""Model cards (``<name>.card.md``) written next to each artifact by the training command."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from newsdesk.models.artifacts import ARTIFACT_DIR

from .common import sha256_file

CARD_NAMES = {"lexicon": "loaded_words.lexicon"}

DESCRIPTIONS = {
    "checkworthy": "Check-worthiness of a sentence (Yes = a factual claim worth checking).",
    "subjectivity": "Subjectivity of a news sentence (SUBJ = expresses the writer's opinion or "
                    "judgement; OBJ = reports facts).",
    "bias": "Media bias of a news sentence (Biased = loaded or one-sided wording), as labelled "
            "by BABE's expert annotators.",
    "loaded_words": "Which words of a sentence are loaded / bias-inducing (word-level spans).",
    "lexicon": "Word lexicon used by the sentence features and the loaded-word model.",
}

MODEL_TEXT = {
    "checkworthy": "Logistic regression (liblinear, L2) over hashed word uni/bigrams, hashed "
                   "character n-grams and dense cues (newsdesk.models.features).",
    "subjectivity": "Logistic regression (liblinear, L2, balanced classes) over hashed word "
                    "uni/bigrams, hashed character n-grams and dense cues.",
    "bias": "Logistic regression (liblinear, L2, balanced classes) over hashed word uni/bigrams, "
            "hashed character n-grams and dense cues, with NB-SVM log-count-ratio column "
            "scaling folded into the shipped weights, plus three word-rate cues (max, sum, "
            "count >= 0.25 of how often BABE's annotators marked each word of the sentence as "
            "biased; the rate table ships as `rates` in bias.npz, and each training row's cues "
            "come from a table over the other folds, see training/sentences/word_rates.py), and "
            "the same three over words' first 4 letters (`prefix_rates`, so 'radicals' shares "
            "the rate of 'radical'). "
            "The shipped weights are the bias model plus 0.2 x a second model fitted on the same "
            "rows and features with BABE's label_opinion (opinion / somewhat opinionated vs "
            "entirely factual), chosen by the same 5-fold CV.",
    "loaded_words": "Token-level logistic regression (liblinear, L2, positive class weight 3) "
                    "over hashed word/neighbour/suffix features and lexicon cues.",
    "lexicon": "VADER valence, wordfreq Zipf frequencies and BABE's bias-word lexicon.",
}


def _hash_path(path: Path) -> str:
    if path.is_file():
        return sha256_file(path)
    h = hashlib.sha256()
    for f in sorted(p for p in path.rglob("*") if p.is_file()):
        h.update(str(f.relative_to(path)).encode())
        h.update(sha256_file(f).encode())
    return h.hexdigest()


def write(task: str, results: dict, data_dir: Path, files: list[str], licence: str,
          version: str, config: dict | None) -> Path:
    name = CARD_NAMES.get(task, task)
    lines = [f"# {name}", "", DESCRIPTIONS[task], "",
             f"- version: {version}",
             f"- model: {MODEL_TEXT[task]}",
             f"- artifacts: {', '.join(Path(f).name for f in results.get('files', []))}",
             f"- training command: `python -m training.sentences.train {task} --data ../shared/data`",
             f"- data licence: {licence or 'see sources in lexicon.json about'}", "",
             "## Training data (sha256)", ""]
    for rel in files:
        p = data_dir / rel
        digest = _hash_path(p) if p.exists() else "missing"
        lines.append(f"- `{rel}`: {digest}")
    headline = _headline(task, results)
    if headline:
        lines[4:4] = [f"**{headline}**", ""]
    shown = {k: v for k, v in results.items() if k not in ("files",)}
    if config:
        shown["config"] = {k: (v.to_json() if hasattr(v, "to_json") else v)
                           for k, v in config.items()}
    lines += ["", "## Measured", "", "```json",
              json.dumps(shown, indent=1, default=str, sort_keys=True), "```", ""]
    lines += ["Thresholds are picked on out-of-fold predictions of the training data, never on "
              "dev. Dev numbers come from `newsdesk.evaluate.sentences.evaluate` (the same code "
              "as `newsdesk eval`).", ""]
    path = ARTIFACT_DIR / f"{name}.card.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _headline(task: str, r: dict) -> str:
    if task in ("checkworthy", "subjectivity") and "dev" in r:
        d = r["dev"]
        return (f"dev ({task}/dev.tsv, n={d['n']}): {d['metric']} = {d['score']:.3f} at threshold "
                f"{d['threshold']}; train 5-fold CV {r['cv_score']:.3f}")
    if task == "bias":
        return (f"5-fold stratified CV on bias/babe.csv (n={r['n_train']}, 'No agreement' "
                f"skipped): macro-F1 = {r['cv_score']:.3f}; the shipped model is refit on all rows, "
                "so evaluating it on babe.csv measures fit, not quality")
    if task == "loaded_words":
        b = r["babe_heldout"]
        return (f"held-out 20% of BABE sentences: token F1 = {b['f1']:.3f} (P {b['precision']:.3f}, "
                f"R {b['recall']:.3f}); held-out 20% of BASIL events: token F1 = "
                f"{r['basil_heldout']['f1']:.3f}")
    return ""
