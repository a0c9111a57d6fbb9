"""Sentence classifiers: check-worthiness, subjectivity and media bias (numpy only).

    >>> from newsdesk.models.sentence_classifier import load
    >>> model = load("subjectivity")
    >>> model.predict_proba(["I think this is a disgrace.", "The vote is on Tuesday."])
    array([0.75..., 0.23...])

Each task is one linear model over :mod:`newsdesk.models.features` (hashed word and character
n-grams plus dense cues), trained by ``python -m training.sentences.train TASK`` and shipped as
``artifacts/<task>.npz`` (weights) + ``artifacts/<task>.json`` (feature spec, bias, threshold,
version) + ``artifacts/<task>.card.md``. The word lexicon the dense cues need is
``artifacts/loaded_words.lexicon.json``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ..errors import ModelError
from .artifacts import load_json, load_npz
from .features import FeatureSpec, Lexicon, linear_scores

TASKS: dict[str, tuple[str, str]] = {
    "checkworthy": ("Yes", "No"),
    "subjectivity": ("SUBJ", "OBJ"),
    "bias": ("Biased", "Non-biased"),
}

LEXICON_ARTIFACT = "loaded_words.lexicon.json"

#: Sentences scored per featurize call (bounds memory on huge inputs).
BATCH = 4096


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The shared word lexicon (VADER valence, wordfreq Zipf, bias words); cached."""
    try:
        return Lexicon.from_json(load_json(LEXICON_ARTIFACT))
    except (KeyError, TypeError, AttributeError) as exc:
        raise ModelError(f"model artifact {LEXICON_ARTIFACT} is malformed: {exc}") from exc


@dataclass(frozen=True)
class SentenceClassifier:
    """A binary linear sentence model. ``predict_proba`` gives P(positive) per sentence."""

    task: str
    positive: str
    negative: str
    spec: FeatureSpec
    weights: np.ndarray
    bias: float
    threshold: float
    version: str
    lexicon: Lexicon
    #: per word-unigram bucket, for ``spec.rate_cues`` models (bias: annotators' biased-word rate)
    rates: np.ndarray | None = None
    #: the same over words' first ``spec.rate_prefix`` letters
    prefix_rates: np.ndarray | None = None

    def decision_function(self, sentences: list[str]) -> np.ndarray:
        sentences = list(sentences)
        if not sentences:
            return np.zeros(0, dtype=np.float64)
        out = [linear_scores(sentences[i:i + BATCH], self.spec, self.lexicon,
                             self.weights, self.bias, self.rates, self.prefix_rates)
               for i in range(0, len(sentences), BATCH)]
        return np.concatenate(out)

    def predict_proba(self, sentences: list[str]) -> np.ndarray:
        """Probability of the positive class (Yes / SUBJ / Biased), shape (n,)."""
        z = self.decision_function(sentences)
        return 1.0 / (1.0 + np.exp(-np.clip(z, -40.0, 40.0)))

    def predict(self, sentences: list[str]) -> list[str]:
        """Label names using the shipped threshold."""
        return [self.positive if p >= self.threshold else self.negative
                for p in self.predict_proba(sentences)]


@lru_cache(maxsize=None)
def load(task: str) -> SentenceClassifier:
    """The shipped model for ``task`` (checkworthy, subjectivity or bias); cached per process."""
    if task not in TASKS:
        raise ModelError(f"unknown sentence model {task!r}; choose one of: {', '.join(TASKS)}")
    meta = load_json(f"{task}.json")
    arrays = load_npz(f"{task}.npz")
    try:
        spec = FeatureSpec.from_json(meta["spec"])
        weights = arrays["weights"].astype(np.float64)
        bias = float(meta["bias"])
        threshold = float(meta["threshold"])
        version = str(meta["version"])
        rates = arrays["rates"].astype(np.float64) if spec.rate_cues else None
        prefix_rates = (arrays["prefix_rates"].astype(np.float64) if spec.rate_prefix
                        else None)
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelError(f"model artifact {task}.json/.npz is malformed: {exc}") from exc
    if weights.shape != (spec.n_features,):
        raise ModelError(
            f"model artifact {task}.npz has {weights.shape} weights, spec needs {spec.n_features}"
        )
    for table in (rates, prefix_rates):
        if table is not None and table.shape != (spec.n_word,):
            raise ModelError(f"model artifact {task}.npz has {table.shape} rates, needs "
                             f"{spec.n_word}")
    positive, negative = TASKS[task]
    return SentenceClassifier(task, positive, negative, spec, weights, bias, threshold,
                              version, load_lexicon(), rates, prefix_rates)
