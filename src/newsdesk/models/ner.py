"""Named-entity tagger: an averaged structured perceptron over hashed word features.

``load()`` returns the shipped :class:`EntityTagger` (loaded on first use, cached per process).
``tag_tokens`` gives IOB2 tags with CoNLL types (PER, ORG, LOC, MISC); ``entities`` gives
character-offset spans labelled PERSON, ORG, PLACE or OTHER. numpy only.
"""

from __future__ import annotations

from itertools import pairwise

import numpy as np

from ..errors import ModelError
from ..read.tokens import token_spans
from .artifacts import cached, load_json, load_npz
from .ner_features import TAGS, Lexicon, normalize, unpack_lexicon
from .ner_ids import WordTable, batch_feature_ids
from .ner_tokens import subtokens as _subtokens

#: CoNLL type -> newsdesk entity label
LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "PLACE", "MISC": "OTHER"}

_NEG = -1e9
_CACHE_WORDS = 200_000  # bound on the per-tagger word table
#: features looked up by binary search before the tagger builds its bucket -> row table (a few
#: articles: a one-article run skips the 16 MB table, a batch gets the faster gather)
_DENSE_AFTER = 100_000
#: sentences are tagged in batches of about this many tokens (an article is usually one batch)
BATCH_TOKENS = 20_000


def allowed_transitions(tags: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray]:
    """Additive masks (0 or -1e9) forbidding I-X after anything but B-X/I-X, and at the start."""
    t = len(tags)
    start = np.zeros(t)
    trans = np.zeros((t, t))
    for j, tag in enumerate(tags):
        if tag.startswith("I-"):
            start[j] = _NEG
            for i, prev in enumerate(tags):
                if prev[2:] != tag[2:]:
                    trans[i, j] = _NEG
    return start, trans


def viterbi(emissions: np.ndarray, start: np.ndarray, trans: np.ndarray) -> np.ndarray:
    """Best tag index sequence for (n, T) emission scores, start (T,) and trans (T, T)."""
    n = emissions.shape[0]
    score = start + emissions[0]
    back = np.empty((n, emissions.shape[1]), dtype=np.intp)
    for i in range(1, n):
        cand = score[:, None] + trans
        back[i] = cand.argmax(axis=0)
        score = cand.max(axis=0) + emissions[i]
    best = np.empty(n, dtype=np.intp)
    best[-1] = int(score.argmax())
    for i in range(n - 1, 0, -1):
        best[i - 1] = back[i, best[i]]
    return best


def marginals(
    emissions: np.ndarray, start: np.ndarray, trans: np.ndarray, temperature: float = 1.0
) -> np.ndarray:
    """(n, T) posterior tag probabilities by forward-backward over scores / temperature.

    Runs in probability space with per-step normalisation (rescaling a row of emissions or a
    step's messages does not change the posteriors), so no log-sum-exp is needed.
    """
    s, t = _exp_transitions(start, trans, temperature)
    return _forward_backward(_exp_emissions(emissions, temperature), s, t)


def _exp_transitions(
    start: np.ndarray, trans: np.ndarray, temperature: float
) -> tuple[np.ndarray, np.ndarray]:
    s = start / temperature
    s = np.exp(s - s.max())
    t = trans / temperature
    return s, np.exp(t - t.max())


def _exp_emissions(emissions: np.ndarray, temperature: float) -> np.ndarray:
    """Row-wise rescaled exp(emissions / temperature); rows are independent, so this may run
    over the tokens of many sentences at once."""
    e = emissions / temperature
    return np.maximum(np.exp(e - e.max(axis=1, keepdims=True)), 1e-300)  # no all-zero step


def _forward_backward(e: np.ndarray, s: np.ndarray, t: np.ndarray) -> np.ndarray:
    total = np.add.reduce  # what ndarray.sum() runs, without its Python wrapper
    n = e.shape[0]
    alpha = np.empty_like(e)
    beta = np.empty_like(e)
    a = s * e[0]
    alpha[0] = a / total(a)
    for i in range(1, n):
        a = (alpha[i - 1] @ t) * e[i]
        alpha[i] = a / total(a)
    beta[-1] = 1.0
    for i in range(n - 2, -1, -1):
        b = t @ (e[i + 1] * beta[i + 1])
        beta[i] = b / total(b)
    m = alpha * beta
    return m / m.sum(axis=1, keepdims=True)


def _forward_backward_many(
    exp_emissions: list[np.ndarray], s: np.ndarray, t: np.ndarray
) -> list[np.ndarray]:
    """:func:`_forward_backward` of several sentences at once, value for value: a stacked
    ``(k, 1, T) @ (T, T)`` product runs the same vector-matrix product per sentence, and
    row sums reduce each row as ``ndarray.sum()`` does. The backward pass runs over each
    sentence reversed (left-aligned like the forward one), so both are slices of one loop."""
    total = np.add.reduce
    order = sorted(range(len(exp_emissions)), key=lambda k: -exp_emissions[k].shape[0])
    lens = [exp_emissions[k].shape[0] for k in order]
    n_max, n_tags = lens[0], exp_emissions[order[0]].shape[1]
    e = np.ones((len(order), n_max, n_tags), dtype=exp_emissions[order[0]].dtype)
    e_rev = np.ones_like(e)  # e_rev[row, j] = e[row, length - 1 - j]
    for row, k in enumerate(order):
        e[row, : lens[row]] = exp_emissions[k]
        e_rev[row, : lens[row]] = exp_emissions[k][::-1]
    alpha = np.empty_like(e)
    beta_rev = np.empty_like(e)  # beta_rev[row, j] = beta[row, length - 1 - j]
    a = s * e[:, 0]
    alpha[:, 0] = a / total(a, axis=1)[:, None]
    beta_rev[:, 0] = 1.0
    active = len(order)
    for i in range(1, n_max):
        while lens[active - 1] <= i:  # the sentences longer than i
            active -= 1
        a = (alpha[:active, i - 1][:, None, :] @ t)[:, 0, :] * e[:active, i]
        alpha[:active, i] = a / total(a, axis=1)[:, None]
        v = e_rev[:active, i - 1] * beta_rev[:active, i - 1]
        b = (t @ v[:, :, None])[:, :, 0]
        beta_rev[:active, i] = b / total(b, axis=1)[:, None]
    out: list[np.ndarray] = [np.empty((0, n_tags))] * len(order)
    for row, k in enumerate(order):
        m = alpha[row, : lens[row]] * beta_rev[row, : lens[row]][::-1]
        out[k] = m / m.sum(axis=1, keepdims=True)
    return out


def _viterbi_many(
    emissions: list[np.ndarray], start: np.ndarray, trans: np.ndarray
) -> list[np.ndarray]:
    """:func:`viterbi` of several sentences at once (the same additions and comparisons, one
    numpy call per position for all sentences still that long)."""
    order = sorted(range(len(emissions)), key=lambda k: -emissions[k].shape[0])
    lens = [emissions[k].shape[0] for k in order]
    n_max, n_tags = lens[0], emissions[order[0]].shape[1]
    padded = np.zeros((len(order), n_max, n_tags), dtype=emissions[order[0]].dtype)
    for row, k in enumerate(order):
        padded[row, : lens[row]] = emissions[k]
    score = start + padded[:, 0]
    back = np.empty((len(order), n_max, n_tags), dtype=np.intp)
    final = np.empty((len(order), n_tags))
    active = len(order)
    for i in range(1, n_max + 1):
        while active and lens[active - 1] == i:  # these sentences end at position i - 1
            active -= 1
            final[active] = score[active]
        if i == n_max or not active:
            break
        cand = score[:active, :, None] + trans
        back[:active, i] = cand.argmax(axis=1)
        score = cand.max(axis=1) + padded[:active, i]
    # trace every sentence back at once: at position i, the sentences longer than i
    best = np.zeros((len(order), n_max), dtype=np.intp)
    best[np.arange(len(order)), np.array(lens) - 1] = final.argmax(axis=1)
    active = 0
    for i in range(n_max - 1, 0, -1):
        while active < len(order) and lens[active] > i:
            active += 1
        best[:active, i - 1] = back[np.arange(active), i, best[:active, i]]
    out: list[np.ndarray] = [np.empty(0, dtype=np.intp)] * len(order)
    for row, k in enumerate(order):
        out[k] = best[row, : lens[row]]
    return out


class EntityTagger:
    """Tags tokens with IOB2 entity tags and finds entity spans in text."""

    def __init__(
        self,
        keys: np.ndarray,
        weights: np.ndarray,
        scale: float,
        transitions: np.ndarray,
        lexicon: Lexicon,
        bits: int,
        tags: tuple[str, ...] = TAGS,
        temperature: float = 1.0,
    ):
        if weights.shape != (len(keys), len(tags)) or transitions.shape != (
            len(tags) + 1,
            len(tags),
        ):
            raise ModelError("NER artifact has inconsistent shapes")
        self.keys = keys
        # row 0 of the lookup table is all zeros: the row of every unseen feature bucket. The
        # table keeps the stored dtype (int8): only the gathered rows are scaled to float32,
        # the same values as scaling the whole table first, without touching 5 MB at load.
        self.table = np.vstack([np.zeros((1, len(tags)), weights.dtype), weights])
        self.scale = np.float32(scale)
        self._scaled: np.ndarray | None = None  # the scaled float32 table, once in a batch
        self.lexicon = lexicon
        self.mask = (1 << bits) - 1
        self._bucket_rows: np.ndarray | bool | None = None  # built by _rows once worth it
        self._looked_up = 0
        self.tags = tags
        self._words: WordTable | None = None  # each word's hashed features, made once
        self.temperature = temperature
        mstart, mtrans = allowed_transitions(tags)
        self.start = transitions[0] + mstart
        self.trans = transitions[1:] + mtrans
        self._exp_transitions = _exp_transitions(self.start, self.trans, temperature)

    def _emissions(self, tokens: list[str]) -> np.ndarray:
        return self._emissions_many([tokens])

    def _emissions_many(self, sentences: list[list[str]]) -> np.ndarray:
        """(tokens of all sentences, T) emission scores, sentence after sentence."""
        return self._emissions_normalized(
            [[normalize(t) for t in tokens] for tokens in sentences if tokens]
        )

    def _emissions_normalized(self, sentences: list[list[str]]) -> np.ndarray:
        """:meth:`_emissions_many` of non-empty sentences of ``normalize``d tokens.

        Each token's row is the ``reduceat`` sum of its own feature rows, exactly as if its
        sentence were scored alone (one lookup for all sentences saves per-call overhead)."""
        if not sentences:
            return np.zeros((0, len(self.tags)), np.float32)
        if self._words is None or len(self._words) > _CACHE_WORDS:
            self._words = WordTable(self.lexicon, self.mask, rows_of=self._lookup)
        rows, starts = batch_feature_ids(sentences, self._words)  # rows: the table has rows_of
        self._looked_up += len(rows)
        if self._scaled is None and self._looked_up > _DENSE_AFTER:  # a batch: scale once
            self._scaled = self.table.astype(np.float32) * self.scale
        if self._scaled is not None:
            return np.add.reduceat(self._scaled[rows], starts, axis=0)
        return np.add.reduceat(self.table[rows].astype(np.float32) * self.scale, starts, axis=0)

    def _rows(self, hashes: np.ndarray) -> np.ndarray:
        """Row of ``self.table`` for each feature bucket (0 for a bucket the model never saw)."""
        self._looked_up += len(hashes)
        return self._lookup(hashes)

    def _lookup(self, hashes: np.ndarray) -> np.ndarray:
        """:meth:`_rows` without counting: the word table looks each word's ids up once, and
        ``_looked_up`` counts the features scored (it decides when a batch builds its tables)."""
        if self._bucket_rows is None and self._looked_up > _DENSE_AFTER:
            keys = self.keys
            if (
                len(keys)
                and self.mask < (1 << 24)
                and int(keys[-1]) <= self.mask
                and bool(np.all(keys[1:] > keys[:-1]))  # sorted, unique: same rows as a search
            ):
                # one int32 per bucket (16 MB for 22 bits): a gather instead of a binary search
                dense = np.zeros(self.mask + 1, dtype=np.int32)
                dense[keys.astype(np.intp)] = np.arange(1, len(keys) + 1, dtype=np.int32)
                self._bucket_rows = dense
            else:
                self._bucket_rows = False
        if self._bucket_rows is not None and self._bucket_rows is not False:
            return self._bucket_rows[hashes]
        pos = np.searchsorted(self.keys, hashes)
        pos[pos >= len(self.keys)] = 0
        return np.where(self.keys[pos] == hashes, pos + 1, 0)

    def tag_tokens(self, tokens: list[str]) -> list[str]:
        """IOB2 tags (``B-PER``, ``I-ORG``, ``O``...) of one sentence's tokens."""
        if not tokens:
            return []
        best = viterbi(self._emissions(tokens), self.start, self.trans)
        return [self.tags[i] for i in best]

    def _scored_tags(self, tokens: list[str]) -> tuple[list[str], np.ndarray]:
        e = self._emissions(tokens)
        best = viterbi(e, self.start, self.trans)
        # confidence of each token's tag: its posterior marginal (temperature fitted on dev)
        p = marginals(e, self.start, self.trans, self.temperature)
        return [self.tags[i] for i in best], p[np.arange(len(best)), best]

    def entities(
        self, text: str, sentences: list[tuple[int, int]]
    ) -> list[tuple[int, int, str, float]]:
        """(start, end, label, score) spans in ``text``; label in PERSON/ORG/PLACE/OTHER.

        ``sentences`` are (start, end) character spans; each is tokenized with
        ``newsdesk.read.tokens.token_spans``, then re-cut as the training text is (``Mr.`` and
        initials keep their period, possessive ``'s`` stands apart). The score is the mean posterior probability of the span's tags.
        """
        out: list[tuple[int, int, str, float]] = []
        cut = []
        for s_start, s_end in sentences:
            spans = _subtokens(text, token_spans(text, s_start, s_end))
            if spans:
                cut.append(spans)
        if not cut:
            return out
        norm = normalize(text)  # one character for one: the same as normalizing each token
        # sentences in batches of about BATCH_TOKENS tokens: each token's feature rows are
        # gathered for its whole batch at once, which for a very long text would hold hundreds
        # of MB (every sentence is tagged on its own, so batching changes no result)
        batch, size = [], 0
        for spans in cut:
            batch.append(spans)
            size += len(spans)
            if size >= BATCH_TOKENS:
                out.extend(self._tag_batch(norm, batch))
                batch, size = [], 0
        if batch:
            out.extend(self._tag_batch(norm, batch))
        return out

    def _tag_batch(self, norm: str, cut: list[list[tuple[int, int]]]
                   ) -> list[tuple[int, int, str, float]]:
        """:meth:`entities` of the sentences ``cut`` (their token spans) of normalised text."""
        out: list[tuple[int, int, str, float]] = []
        emissions = self._emissions_normalized([[norm[a:b] for a, b in spans] for spans in cut])
        exp_e = _exp_emissions(emissions, self.temperature)
        exp_s, exp_t = self._exp_transitions
        bounds = np.cumsum([0] + [len(spans) for spans in cut]).tolist()
        paths = _viterbi_many(
            [emissions[a:b] for a, b in pairwise(bounds)], self.start, self.trans
        )
        posteriors = _forward_backward_many(
            [exp_e[a:b] for a, b in pairwise(bounds)], exp_s, exp_t
        )
        for spans, best, p in zip(cut, paths, posteriors):
            n = len(spans)
            # confidence of each token's tag: its posterior marginal (temperature fitted on dev)
            conf = p[np.arange(n), best]
            tags = [self.tags[i] for i in best]
            i = 0
            while i < len(tags):
                if tags[i] == "O":
                    i += 1
                    continue
                typ = tags[i][2:]
                j = i + 1
                while j < len(tags) and tags[j] == "I-" + typ:
                    j += 1
                # the mean as ndarray.mean() computes it: the same reduction, then one division
                mean = float(np.add.reduce(conf[i:j])) / (j - i)
                out.append((spans[i][0], spans[j - 1][1], LABELS[typ], round(mean, 4)))
                i = j
        return out


@cached
def load() -> EntityTagger:
    """The shipped tagger (artifacts ``ner.npz`` + ``ner.json``), loaded once per process."""
    meta = load_json("ner.json")
    arrays = load_npz("ner.npz")
    try:
        lex = unpack_lexicon(meta["lexicon"])
        return EntityTagger(
            keys=arrays["keys"],
            weights=arrays["weights"],
            scale=float(arrays["scale"]),
            transitions=arrays["transitions"].astype(np.float64),
            lexicon=lex,
            bits=int(meta["bits"]),
            tags=tuple(meta["tags"]),
            temperature=float(meta.get("temperature", 1.0)),
        )
    except (KeyError, ValueError, TypeError) as exc:
        raise ModelError(f"NER artifact is malformed: {exc}") from exc
