"""Article genre: opinion (opinion or analysis) vs reporting; satire is never predicted.

Two small linear models trained by ``python -m training.genre.train --data ../shared/data`` and
shipped as ``artifacts/genre.npz`` + ``artifacts/genre.json`` (see ``genre.card.md``):

1. a sentence opinion scorer (logistic regression over word uni/bigrams and a few cues) trained
   on BABE's ``label_opinion`` and the CheckThat! subjectivity sentences;
2. an article classifier (logistic regression over ~20 standardised aggregate features: the
   share and strength of opinionated sentences, first/second person, questions, exclamations,
   quotation and attribution rates, numbers, VADER intensity...).

There is no satire data in the project, so ``predict`` always gives ``satire`` probability 0.0.
Nothing is loaded at import time; :func:`load` caches.
"""

from __future__ import annotations

import math
import re

import numpy as np

from ..errors import InputError, ModelError
from .artifacts import cached, load_json, load_npz

ARTIFACT = "genre"
GENRES = ("opinion", "reporting", "satire")
#: standardised article features are clipped to +-CLIP (training does the same)
CLIP = 4.0

_SENT_END = re.compile(r"([.!?…][\"'”’)\]]*)[ \t]+(?=[\"'“‘(\[]?[A-Z0-9])")
_WORD = re.compile(r"[a-z0-9][a-z0-9'’-]*")
_FIRST = frozenset("i me my mine myself we us our ours ourselves".split())
_SECOND = frozenset("you your yours yourself yourselves".split())
_ATTRIB = frozenset("said says told according stated added announced reported explained".split())
_MODALS = frozenset("should must ought need needs cannot can't won't shouldn't".split())
_HEDGES = frozenset("perhaps maybe arguably surely clearly obviously frankly indeed".split())
_DIGIT = re.compile(r"[0-9]")
_DATELINE = re.compile(r"^[A-Z][A-Za-z .,'()]{1,60}\s[-—–(]")


def split_sentences(body: str) -> list[str]:
    """A plain rule split (line breaks, then terminal punctuation before a capital)."""
    return [s.strip() for s in _SENT_END.sub("\\1\n", body).split("\n") if s.strip()]


def sentence_features(sentence: str, lexicon: dict[str, float]) -> dict[str, float]:
    """Features of one sentence for the opinion scorer."""
    low = sentence.lower()
    words = _WORD.findall(low)
    feats: dict[str, float] = {"bias": 1.0}
    norm = 1.0 / math.sqrt(max(len(words), 1))
    for w in words:
        feats["w=" + w] = norm
    for a, b in zip(words, words[1:]):
        feats["b=" + a + "_" + b] = norm
    vals = [lexicon[w] for w in words if w in lexicon]
    if vals:
        feats["vader_abs"] = sum(abs(v) for v in vals) / (4.0 * math.sqrt(len(words)))
    if not _FIRST.isdisjoint(words):
        feats["first_person"] = 1.0
    if not _SECOND.isdisjoint(words):
        feats["second_person"] = 1.0
    if "?" in sentence:
        feats["question"] = 1.0
    if "!" in sentence:
        feats["exclaim"] = 1.0
    if any(q in sentence for q in "\"“”"):
        feats["quote"] = 1.0
    if any(map(str.isdigit, sentence)):
        feats["digit"] = 1.0
    return feats


def article_features(
    title: str, sentences: list[str], opinion: np.ndarray, lexicon: dict[str, float]
) -> np.ndarray:
    """The article-level feature vector (order = ``ARTICLE_FEATURES``)."""
    n = max(len(sentences), 1)
    words_per = [_WORD.findall(s.lower()) for s in sentences]
    words = [w for ws in words_per for w in ws]
    nw = max(len(words), 1)
    quoted = [any(q in s for q in "\"“”") for s in sentences]
    unquoted_words = [w for ws, q in zip(words_per, quoted) if not q for w in ws]
    nu = max(len(unquoted_words), 1)
    op = opinion if len(opinion) else np.zeros(1)
    unq = np.array([p for p, q in zip(op, quoted) if not q]) if len(opinion) else np.zeros(0)
    vals = [abs(lexicon[w]) for w in words if w in lexicon]
    head = op[: max(3, len(op) // 4)]
    return np.array(
        [
            float(op.mean()),
            float((op > 0.5).mean()),
            float(np.sort(op)[-max(1, len(op) // 4) :].mean()),
            float(unq.mean()) if len(unq) else float(op.mean()),
            float(head.mean()),
            sum(map(_FIRST.__contains__, unquoted_words)) / nu * 10,
            sum(map(_SECOND.__contains__, unquoted_words)) / nu * 10,
            sum("?" in s for s in sentences) / n,
            sum("!" in s for s in sentences) / n,
            sum(quoted) / n,
            sum(map(_ATTRIB.__contains__, words)) / nw * 10,
            sum(map(_MODALS.__contains__, words)) / nw * 10,
            sum(map(_HEDGES.__contains__, words)) / nw * 10,
            sum(1 for w in words if _DIGIT.search(w)) / nw * 10,  # words are [a-z0-9'’-]
            sum(vals) / nw,
            math.log1p(len(words) / n),
            math.log1p(n),
            1.0 if sentences and _DATELINE.match(sentences[0]) else 0.0,
            1.0 if "?" in title or "!" in title else 0.0,
            1.0 if ":" in title else 0.0,
        ]
    )


ARTICLE_FEATURES = (
    "opinion_mean opinion_share opinion_top_quartile opinion_unquoted_mean opinion_lead "
    "first_person second_person questions exclamations quoted_sentences attribution modals "
    "hedges numbers vader_intensity log_sentence_length log_sentences dateline title_punct "
    "title_colon"
).split()


class GenreModel:
    """Predicts the genre of an article from its title and body."""

    def __init__(self, meta: dict, arrays: dict[str, np.ndarray]):
        try:
            self.version = str(meta.get("version", "?"))
            lexicon = meta["lexicon"]  # parsed JSON is already a fresh dict: no copy
            self.lexicon: dict[str, float] = lexicon if type(lexicon) is dict else dict(lexicon)
            self.classes: list[str] = list(meta["classes"])
            names = meta["sentence_features"]
            self._sent_index = dict(zip(names, range(len(names))))  # as enumerate, in C
            self._sent_w = arrays["sent_w"].astype(np.float64)
            self._sent_b = float(arrays["sent_b"][0])
            self._mean = arrays["art_mean"].astype(np.float64)
            self._scale = arrays["art_scale"].astype(np.float64)
            self._art_w = arrays["art_w"].astype(np.float64)
            self._art_b = float(arrays["art_b"][0])
        except (KeyError, TypeError, ValueError, IndexError) as exc:
            raise ModelError(f"genre model artifact is malformed: {exc}") from exc
        if len(self._sent_index) != len(self._sent_w) or len(self._art_w) != len(ARTICLE_FEATURES):
            raise ModelError("genre model: feature names and weights disagree")
        if sorted(self.classes) != ["opinion", "reporting"]:
            raise ModelError(f"genre model: unexpected classes {self.classes}")

    def sentence_opinion(self, sentences: list[str]) -> np.ndarray:
        """Probability that each sentence expresses the writer's opinion."""
        out = np.zeros(len(sentences))
        weight = self._sent_weights()
        for k, s in enumerate(sentences):
            z = self._sent_b
            for name, value in sentence_features(s, self.lexicon).items():
                w = weight(name)
                if w is not None:
                    z += value * w  # Python floats: the same double arithmetic as numpy's
            out[k] = 1.0 / (1.0 + math.exp(-z))
        return out

    def _sent_weights(self):
        """``dict.get`` of feature name -> sentence weight (as a Python float), made once."""
        get = getattr(self, "_sent_weight_get", None)
        if get is None:
            get = self._sent_weight_get = dict(
                zip(self._sent_index, self._sent_w[list(self._sent_index.values())].tolist())
            ).get
        return get

    def predict(
        self, title: str, body: str, sentence_opinion: list[float] | None = None
    ) -> dict[str, float]:
        """Probabilities over ``opinion``, ``reporting`` and ``satire`` (always 0.0).

        ``sentence_opinion`` may carry precomputed per-sentence opinion/subjectivity
        probabilities for the sentences of ``body`` as :func:`split_sentences` cuts them; when
        its length differs, the built-in scorer is used instead.
        """
        if not isinstance(title, str) or not isinstance(body, str):
            raise InputError("title and body must be strings")
        sentences = split_sentences(body)
        if not sentences:
            raise InputError("the article body has no text")
        if sentence_opinion is not None and len(sentence_opinion) == len(sentences):
            op = np.clip(np.asarray(sentence_opinion, dtype=np.float64), 0.0, 1.0)
        else:
            op = self.sentence_opinion(sentences)
        x = (article_features(title, sentences, op, self.lexicon) - self._mean) / self._scale
        x = np.clip(x, -CLIP, CLIP)  # no wild extrapolation on very short or odd texts
        z = float(x @ self._art_w + self._art_b)
        p1 = 1.0 / (1.0 + math.exp(-z))  # probability of self.classes[1]
        probs = {self.classes[0]: 1.0 - p1, self.classes[1]: p1}
        return {"opinion": round(probs["opinion"], 4), "reporting": round(probs["reporting"], 4), "satire": 0.0}

    def label(self, title: str, body: str, sentence_opinion: list[float] | None = None) -> str:
        probs = self.predict(title, body, sentence_opinion)
        return max(GENRES, key=lambda g: probs[g])


@cached
def load() -> GenreModel:
    """The shipped genre model (loaded once per process)."""
    return GenreModel(load_json(ARTIFACT + ".json"), load_npz(ARTIFACT + ".npz"))
