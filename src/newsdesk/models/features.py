"""Sentence features with numpy only: hashed word and character n-grams plus dense cues.

One function, :func:`featurize`, turns a batch of sentences into sparse triples
``(rows, cols, vals)``; training builds a scipy matrix from them and inference scores them
with :func:`linear_scores` without building any matrix, so both sides share one code path.

Hashing is explicit and stable across processes (``zlib.crc32`` for words, a multiplicative
polynomial hash for character n-grams); Python's ``hash()`` is never used.

Column layout (``FeatureSpec.n_features`` columns in all):

    [0, 2**word_bits)                         word unigrams and bigrams (lower-cased, digits -> 0)
    [2**word_bits, + 2**char_bits)            character n-grams (n in ``char_ns``) over the
                                              lower-cased sentence padded with spaces
    [.., + len(DENSE_NAMES))                  dense cues (numbers, dates, capitals, pronouns,
                                              modals, superlatives, quotes, VADER valence,
                                              word frequency, ...), each scaled to about [0, 1]
    [.., + spec.n_rate_cues)                  only if ``rate_cues``: max / sum / count of a
                                              per-model table over the word-unigram buckets
                                              (bias: how often annotators marked the word as
                                              biased), then, with ``rate_prefix``, the same
                                              over words' first letters; see
                                              :mod:`newsdesk.models.rate_cues`

Each n-gram block is scaled by ``1/sqrt(number of n-grams in the sentence)`` so long and short
sentences land on a similar scale (an approximation of TF normalisation that needs no sort).
Everything is vectorised over the batch: sentences are tokenised once, each distinct token's
hash and lexicon attributes are looked up once (and cached on the Lexicon), character n-grams
are rolling hashes over one byte buffer, and per-sentence sums use ``bincount``/``reduceat``.
"""

from __future__ import annotations

import re
import threading
import zlib
from dataclasses import dataclass, field
from typing import Iterable, Mapping

import numpy as np

from .rate_cues import (  # noqa: F401  (re-exported: training and tests use them from here)
    RATE_CUT,
    RATE_NAMES,
    prefix_buckets,
    rate_cue_block,
    rate_features,
    unigram_buckets,
)

_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?|[^\sa-z0-9]")
_DIGITS = str.maketrans("0123456789", "0000000000")
_HAS_DIGIT = re.compile(r"\d").search
_QUOTE_PAIRS = (("“", '"'), ("”", '"'), ("‘", "'"), ("’", "'"), ("—", "-"), ("–", "-"))
_MULT = np.uint64(0x9E3779B97F4A7C15)

_FIRST_SG = frozenset("i me my mine myself i'm i've i'd i'll".split())
_FIRST_PL = frozenset("we us our ours ourselves we're we've we'll".split())
_SECOND = frozenset("you your yours yourself you're you've".split())
_MODALS = frozenset("would could should must might may can will shall ought can't won't "
                    "wouldn't shouldn't couldn't".split())
_HEDGES = frozenset("think believe feel seem seems seemed apparently perhaps probably maybe "
                    "clearly obviously surely certainly indeed really truly simply actually "
                    "arguably frankly honestly supposedly allegedly".split())
_INTENS = frozenset("very so too extremely incredibly totally absolutely utterly completely "
                    "entirely highly deeply quite rather just even only".split())
_NEGATION = frozenset("not no never nothing nobody none neither nor n't cannot".split())
_REPORT = frozenset("said says say told according reported announced stated added "
                    "explained noted claimed insisted argued wrote".split())
_MONTHS = frozenset("january february march april may june july august september october "
                    "november december monday tuesday wednesday thursday friday saturday "
                    "sunday yesterday today tomorrow week month year years decade".split())
_QUANT = frozenset("percent million billion trillion thousand hundred dollars half "
                   "twice double triple number rate average".split())
_SUPER_EXCEPT = frozenset("est interest rest test west nest just guest forest request "
                          "protest suggest honest modest contest arrest invest digest "
                          "harvest manifest earnest chest quest".split())

DENSE_NAMES: tuple[str, ...] = (
    "len_log", "has_digit", "n_numbers", "money_pct", "year", "date_word", "quantity_word",
    "cap_ratio", "first_sg", "first_pl", "second", "modal", "hedge", "intensifier", "negation",
    "reporting", "superlative", "comparative", "quotes", "question", "exclaim", "colon",
    "vader_pos", "vader_neg", "vader_maxabs", "vader_share", "zipf_mean", "rare_share",
    "zipf_min", "biaslex_share", "past_ed", "ly_adverb", "starts_and_but", "bias",
)


@dataclass(frozen=True)
class FeatureSpec:
    """Which features to compute; stored in each model's JSON so inference matches training."""

    word_bits: int = 18
    char_bits: int = 18
    char_ns: tuple[int, ...] = (2, 3, 4, 5)
    bigrams: bool = True
    dense: bool = True
    rate_cues: bool = False
    rate_prefix: int = 0  # with rate_cues: a second table over words' first N letters

    @property
    def n_word(self) -> int:
        return 1 << self.word_bits

    @property
    def n_char(self) -> int:
        return (1 << self.char_bits) if self.char_ns else 0

    @property
    def n_features(self) -> int:
        return (self.n_word + self.n_char + (len(DENSE_NAMES) if self.dense else 0)
                + self.n_rate_cues)

    @property
    def n_rate_cues(self) -> int:
        if not self.rate_cues:
            return 0
        return len(RATE_NAMES) * (2 if self.rate_prefix else 1)

    def to_json(self) -> dict:
        out = {"word_bits": self.word_bits, "char_bits": self.char_bits,
               "char_ns": list(self.char_ns), "bigrams": self.bigrams, "dense": self.dense}
        if self.rate_cues:
            out["rate_cues"] = True
        if self.rate_prefix:
            out["rate_prefix"] = self.rate_prefix
        return out

    @classmethod
    def from_json(cls, data: Mapping) -> "FeatureSpec":
        return cls(word_bits=int(data["word_bits"]), char_bits=int(data["char_bits"]),
                   char_ns=tuple(int(n) for n in data["char_ns"]),
                   bigrams=bool(data["bigrams"]), dense=bool(data["dense"]),
                   rate_cues=bool(data.get("rate_cues", False)),
                   rate_prefix=int(data.get("rate_prefix", 0)))


def straighten(text: str) -> str:
    """Curly quotes and long dashes as their ASCII forms (a no-op for ASCII text)."""
    if text.isascii():
        return text
    for a, b in _QUOTE_PAIRS:
        text = text.replace(a, b)
    return text


def normalize(text: str) -> str:
    """Lower-case, straight quotes and dashes (digits become 0 per token and per byte later)."""
    return straighten(text).lower()


# ------------------------------------------------------------------ token attributes

#: Per-token attributes summed (or max/min-ed) per sentence for the dense cues.
_TOKEN_ATTRS = ("word", "first_sg", "first_pl", "second", "modal", "hedge", "intens",
                "negation", "report", "datew", "quant", "sup", "comp", "past", "ly",
                "vader", "vpos", "vneg", "vabs", "zipf", "rare", "biased", "alpha")
_A = {name: i for i, name in enumerate(_TOKEN_ATTRS)}
_CACHE_MAX = 100_000  # distinct tokens kept (about 300 bytes each)


def _token_attrs(t: str, lex: "Lexicon") -> tuple[float, ...]:
    word = t[0].isalnum()
    alpha = word and t[0] != "0"
    v = lex.valence.get(t, 0.0)
    z = lex.zipf.get(t, 1.0) if alpha else 0.0
    long = len(t) > 4
    return (
        1.0 if word else 0.0,
        1.0 if t in _FIRST_SG else 0.0,
        1.0 if t in _FIRST_PL else 0.0,
        1.0 if t in _SECOND else 0.0,
        1.0 if t in _MODALS else 0.0,
        1.0 if t in _HEDGES else 0.0,
        1.0 if t in _INTENS else 0.0,
        1.0 if (t in _NEGATION or t.endswith("n't")) else 0.0,
        1.0 if t in _REPORT else 0.0,
        1.0 if t in _MONTHS else 0.0,
        1.0 if t in _QUANT else 0.0,
        1.0 if (t in ("most", "least") or (long and t.endswith("est")
                                           and t not in _SUPER_EXCEPT)) else 0.0,
        1.0 if (t in ("more", "less", "than") or (long and t.endswith("er"))) else 0.0,
        1.0 if (long and t.endswith("ed")) else 0.0,
        1.0 if (long and t.endswith("ly")) else 0.0,
        1.0 if t in lex.valence else 0.0,
        max(v, 0.0),
        max(-v, 0.0),
        abs(v),
        z,
        1.0 if (alpha and z < 3.0) else 0.0,
        1.0 if t in lex.biased else 0.0,
        1.0 if alpha else 0.0,
    )


@dataclass
class Lexicon:
    """Word lists shipped as ``loaded_words.lexicon.json``: VADER valence (-4..4), wordfreq
    Zipf frequency (0..8; words absent count as rare) and words from BABE's bias lexicon."""

    valence: dict[str, float] = field(default_factory=dict)
    zipf: dict[str, float] = field(default_factory=dict)
    biased: frozenset[str] = frozenset()
    _cache: dict = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_json(cls, data: Mapping) -> "Lexicon":
        return cls(valence={k: float(v) for k, v in data["valence"].items()},
                   zipf={k: v / 10.0 for k, v in data["zipf10"].items()},
                   biased=frozenset(data.get("biased", ())))

    def token_table(self, tokens: list[str]) -> tuple[np.ndarray, np.ndarray]:
        """(attributes (n, len(_TOKEN_ATTRS)), crc32 hashes (n,)) of distinct tokens; cached."""
        cache = self._cache
        if len(cache) > _CACHE_MAX:
            cache.clear()
        rows = []
        for t in tokens:
            r = cache.get(t)
            if r is None:
                d = t.translate(_DIGITS) if _HAS_DIGIT(t) else t
                r = cache[t] = (*_token_attrs(d, self), zlib.crc32(d.encode("utf-8")))
            rows.append(r)
        if not rows:
            return np.zeros((0, len(_TOKEN_ATTRS))), np.zeros(0, dtype=np.uint64)
        arr = np.array(rows, dtype=np.float64)
        return arr[:, :-1], arr[:, -1].astype(np.uint64)


# ------------------------------------------------------------------ batch layout


@dataclass
class _Batch:
    n: int
    normed: list[str]
    raw: list[str]
    tok_ids: np.ndarray      # distinct-token id per token position
    tok_sent: np.ndarray     # sentence of each token position
    tok_counts: np.ndarray   # tokens per sentence
    attrs: np.ndarray        # attributes per distinct token
    hashes: np.ndarray       # crc32 per distinct token (uint64)
    first_ids: np.ndarray    # distinct-token id of each sentence's first token (-1 if none)
    vocab: list[str] = field(default_factory=list)  # the distinct tokens, in id order


def _batch(texts: list[str], lex: Lexicon) -> _Batch:
    straight = [straighten(t) for t in texts]
    normed = [t.lower() for t in straight]
    tok_lists = list(map(_WORD.findall, normed))
    counts = np.fromiter(map(len, tok_lists), dtype=np.int64, count=len(texts))
    flat = [t for toks in tok_lists for t in toks]
    # first-occurrence position of each token, then compact ids 0..V-1 in order of appearance
    vocab: dict[str, int] = {}
    firsts = np.fromiter(map(vocab.setdefault, flat, range(len(flat))), dtype=np.int64,
                         count=len(flat))
    remap = np.zeros(len(flat), dtype=np.int64)
    remap[np.fromiter(vocab.values(), dtype=np.int64, count=len(vocab))] = np.arange(len(vocab))
    ids = remap[firsts]
    attrs, hashes = lex.token_table(list(vocab))
    sent = np.repeat(np.arange(len(texts), dtype=np.int64), counts)
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(np.int64)
    first = np.where(counts > 0, ids[np.minimum(starts, max(len(ids) - 1, 0))] if len(ids)
                     else -1, -1)
    return _Batch(len(texts), normed, straight, ids, sent, counts, attrs, hashes, first,
                  list(vocab))


# ------------------------------------------------------------------ word n-grams

_BOS = np.uint64(0x1234567)
_EOS = np.uint64(0x7654321)
_P1 = np.uint64(0x100000001B3)


def _word_hashes(b: _Batch, spec: FeatureSpec):
    """(sentence, bucket) of every unigram and bigram, and the per-sentence gram counts."""
    mask = np.uint64(spec.n_word - 1)
    shift = np.uint64(64 - spec.word_bits)
    h = b.hashes[b.tok_ids] if len(b.tok_ids) else np.zeros(0, dtype=np.uint64)
    uni = (h & mask).astype(np.int64)
    sents = [b.tok_sent]
    buckets = [uni]
    counts = b.tok_counts.copy()
    if spec.bigrams:
        # previous token of each position (BOS at a sentence start), plus one (last, EOS) per sentence
        prev = np.empty_like(h)
        if len(h):
            prev[1:] = h[:-1]
            prev[0] = _BOS
        starts = np.concatenate([[0], np.cumsum(b.tok_counts)[:-1]]).astype(np.int64)
        nonempty = b.tok_counts > 0
        prev[starts[nonempty]] = _BOS
        ends = starts + b.tok_counts - 1
        last = np.full(b.n, _BOS, dtype=np.uint64)
        if len(h):
            last[nonempty] = h[ends[nonempty]]
        a = np.concatenate([prev, last])
        c = np.concatenate([h, np.full(b.n, _EOS, dtype=np.uint64)])
        big = (((a * _P1 + c + np.uint64(0x5BD1E995)) * _MULT) >> shift).astype(np.int64)
        sents.append(np.concatenate([b.tok_sent, np.arange(b.n, dtype=np.int64)]))
        buckets.append(big)
        counts = counts * 2 + 1
    return np.concatenate(sents), np.concatenate(buckets), counts


# ------------------------------------------------------------------ character n-grams

_M32 = np.uint32(2654435761)
_P32 = np.uint32(16777619)


def _char_hashes(b: _Batch, spec: FeatureSpec):
    """Yield (bucket per buffer position, valid mask, sentence starts, n) per n in char_ns."""
    pieces = [(" " + t + " ").encode("utf-8", "replace") for t in b.normed]
    plen = np.fromiter((len(p) for p in pieces), dtype=np.int64, count=b.n)
    buf = np.frombuffer(b"\x00".join(pieces) + b"\x00" * 8, dtype=np.uint8).copy()
    buf[_B_DIGIT[buf]] = ord("0")
    starts = np.concatenate([[0], np.cumsum(plen + 1)[:-1]]).astype(np.int64)
    zc = np.concatenate([[0], np.cumsum(buf == 0)])
    a = buf.astype(np.uint32)
    h = a.copy()
    shift = np.uint32(32 - spec.char_bits)
    counts = np.zeros(b.n, dtype=np.int64)
    out = []
    for k in range(2, max(spec.char_ns) + 1):
        h = h[:-1] * _P32 + a[k - 1:]
        if k not in spec.char_ns:
            continue
        m = len(h)
        valid = (zc[k:k + m] - zc[:m]) == 0
        bucket = (((h ^ np.uint32(k * 0x9E3779B1 & 0xFFFFFFFF)) * _M32) >> shift).astype(np.int64)
        out.append((bucket, valid, k))
        counts += np.maximum(plen - k + 1, 0)
    return out, starts, counts


def char_ngram_sums(b: _Batch, spec: FeatureSpec, w_char: np.ndarray,
                    grams=None) -> np.ndarray:
    """Sum of ``w_char`` over each sentence's char n-grams, normalised (inference path).

    ``grams`` is ``_char_hashes(b, spec)`` when the caller already has it (memoised batches).
    """
    total = np.zeros(b.n)
    if not spec.char_ns or b.n == 0:
        return total
    grams, starts, counts = _char_hashes(b, spec) if grams is None else grams
    for bucket, valid, _k in grams:
        wp = w_char[bucket]
        wp[~valid] = 0.0
        total += np.add.reduceat(wp, starts)
    return total / np.sqrt(np.maximum(counts, 1))


# ------------------------------------------------------------------ dense cues

_B_DIGIT = np.zeros(256, dtype=bool)
_B_DIGIT[ord("0"):ord("9") + 1] = True
_B_UPPER = np.zeros(256, dtype=bool)
_B_UPPER[ord("A"):ord("Z") + 1] = True
_B_MONEY = np.zeros(256, dtype=bool)
for _ch in "$%":
    _B_MONEY[ord(_ch)] = True
_CONJ = frozenset(("and", "but", "so", "yet"))


def _segment_sums(flags: np.ndarray, starts: np.ndarray) -> np.ndarray:
    return np.add.reduceat(flags.astype(np.float64), starts)


def dense_features(b: _Batch) -> np.ndarray:
    """The ``DENSE_NAMES`` cues of each sentence, shape (n, len(DENSE_NAMES))."""
    n = b.n
    out = np.zeros((n, len(DENSE_NAMES)), dtype=np.float64)
    if n == 0:
        return out
    # token-level sums per sentence
    k = len(_TOKEN_ATTRS)
    sums = np.zeros((n, k))
    if len(b.tok_ids):
        ta = b.attrs[b.tok_ids]
        for j in range(k):
            sums[:, j] = np.bincount(b.tok_sent, weights=ta[:, j], minlength=n)
        vmax = np.zeros(n)
        np.maximum.at(vmax, b.tok_sent, ta[:, _A["vabs"]])
        zmin = np.full(n, 8.0)
        zz = np.where(ta[:, _A["alpha"]] > 0, ta[:, _A["zipf"]], 8.0)
        np.minimum.at(zmin, b.tok_sent, zz)
    else:
        vmax = np.zeros(n)
        zmin = np.full(n, 8.0)
    s = {name: sums[:, i] for i, name in enumerate(_TOKEN_ATTRS)}
    nw = np.maximum(s["word"], 1.0)
    na = np.maximum(s["alpha"], 1.0)
    sq = np.sqrt(nw)
    # byte-level cues on the raw text (quotes straightened)
    pieces = [t.encode("utf-8", "replace") for t in b.raw]
    plen = np.fromiter((len(p) + 1 for p in pieces), dtype=np.int64, count=n)
    buf = np.frombuffer(b"\x00".join(pieces) + b"\x00" * 8, dtype=np.uint8)
    starts = np.concatenate([[0], np.cumsum(plen)[:-1]]).astype(np.int64)
    digit = _B_DIGIT[buf]
    nd = _segment_sums(digit, starts)
    prev_space = np.concatenate([[False], buf[:-1] == 32])
    caps = _segment_sums(_B_UPPER[buf] & prev_space, starts)
    # capital after a space: not the sentence's first word (that one has no space before it)
    year_start = np.zeros(len(buf), dtype=bool)
    if len(buf) > 5:  # always true: the buffer ends with 8 NULs
        d = digit
        nb = np.concatenate([[True], ~d[:-1]])
        c0, c1 = buf[:-4], buf[1:-3]
        ys = (((c0 == ord("1")) & ((c1 == ord("8")) | (c1 == ord("9"))))
              | ((c0 == ord("2")) & (c1 == ord("0"))))
        ys &= d[2:-2] & d[3:-1] & ~d[4:] & nb[:-4]
        year_start[:-4] = ys
    year = _segment_sums(year_start, starts) > 0
    first = np.zeros(n)
    has_first = b.first_ids >= 0
    if has_first.any():
        vocab_conj = np.zeros(len(b.attrs), dtype=bool)
        # sentence-initial conjunction: look the first token's hash up among the conjunctions
        conj_hash = {zlib.crc32(c.encode()) for c in _CONJ}
        vocab_conj[:] = np.isin(b.hashes, np.array(sorted(conj_hash), dtype=np.uint64))
        first[has_first] = vocab_conj[b.first_ids[has_first]]

    def c3(x, m=3.0):
        return np.minimum(x, m) / m

    cols = [
        np.log1p(s["word"]) / 4.0,
        (nd > 0).astype(float),
        np.log1p(nd) / 3.0,
        c3(_segment_sums(_B_MONEY[buf], starts)),
        year.astype(float),
        c3(s["datew"]),
        c3(s["quant"]),
        caps / nw,
        c3(s["first_sg"]),
        c3(s["first_pl"]),
        c3(s["second"]),
        c3(s["modal"]),
        c3(s["hedge"]),
        c3(s["intens"]),
        c3(s["negation"]),
        c3(s["report"], 2.0),
        c3(s["sup"], 2.0),
        c3(s["comp"]),
        c3(_segment_sums(buf == ord('"'), starts), 4.0),
        (_segment_sums(buf == ord("?"), starts) > 0).astype(float),
        (_segment_sums(buf == ord("!"), starts) > 0).astype(float),
        (_segment_sums(buf == ord(":"), starts) > 0).astype(float),
        np.minimum(s["vpos"] / sq, 4.0) / 4.0,
        np.minimum(s["vneg"] / sq, 4.0) / 4.0,
        vmax / 4.0,
        s["vader"] / nw,
        (s["zipf"] / na) / 7.0,
        s["rare"] / na,
        zmin / 8.0,
        c3(s["biased"]),
        s["past"] / nw,
        s["ly"] / nw,
        first,
        np.ones(n),
    ]
    for j, col in enumerate(cols):
        out[:, j] = col
    return out


# ------------------------------------------------------------------ public entry points


def _clean(texts: Iterable[str]) -> list[str]:
    return [t if isinstance(t, str) else str(t) for t in texts]


def featurize(texts: Iterable[str], spec: FeatureSpec, lex: Lexicon,
              rates: np.ndarray | None = None, prefix_rates: np.ndarray | None = None):
    """Sparse triples ``(rows, cols, vals, n_rows)`` of the features of ``texts`` (training).

    With ``spec.rate_cues`` the rate columns are filled from ``rates`` (and ``prefix_rates``
    with ``spec.rate_prefix``); a missing table counts as zeros."""
    b = _batch(_clean(texts), lex)
    rows_l, cols_l, vals_l = [], [], []
    ws, wb, wc = _word_hashes(b, spec)
    wscale = 1.0 / np.sqrt(np.maximum(wc, 1))
    rows_l.append(ws)
    cols_l.append(wb)
    vals_l.append(wscale[ws])
    if spec.char_ns and b.n:
        grams, starts, counts = _char_hashes(b, spec)
        cscale = 1.0 / np.sqrt(np.maximum(counts, 1))
        for bucket, valid, _k in grams:
            pos = np.flatnonzero(valid)
            sent = np.searchsorted(starts, pos, side="right") - 1
            rows_l.append(sent)
            cols_l.append(bucket[pos] + spec.n_word)
            vals_l.append(cscale[sent])
    if spec.dense:
        dense = dense_features(b)
        n, d = dense.shape
        base = spec.n_word + spec.n_char
        rows_l.append(np.repeat(np.arange(n, dtype=np.int64), d))
        cols_l.append(np.tile(np.arange(base, base + d, dtype=np.int64), n))
        vals_l.append(dense.ravel())
    if spec.rate_cues:
        rf = rate_cue_block(b, spec, rates, prefix_rates)
        n, d = rf.shape
        base = spec.n_features - d
        rows_l.append(np.repeat(np.arange(n, dtype=np.int64), d))
        cols_l.append(np.tile(np.arange(base, base + d, dtype=np.int64), n))
        vals_l.append(rf.ravel())
    return (np.concatenate(rows_l), np.concatenate(cols_l), np.concatenate(vals_l), b.n)


class _Prepared:
    """The featurised form of one batch of texts, shared by every model that scores it.

    The three sentence models score the same list of sentences (and two of them the same
    clauses); tokenising, the dense cues and, per spec, the hashed word and character n-grams
    are computed once per batch and reused, so each model only gathers its weights. Keyed by
    the whole batch (not per text): sums over a batch's buffers depend on where a sentence
    sits in it, and reusing the batch exactly keeps every score bit-identical.
    """

    __slots__ = ("_chars", "_dense", "_words", "batch")

    def __init__(self, batch: _Batch):
        self.batch = batch
        self._dense = None
        self._words: dict = {}
        self._chars: dict = {}

    def dense(self) -> np.ndarray:
        if self._dense is None:
            self._dense = _frozen(dense_features(self.batch))
        return self._dense

    def words(self, spec: FeatureSpec):
        key = (spec.word_bits, spec.bigrams)
        r = self._words.get(key)
        if r is None:
            r = self._words[key] = tuple(_frozen(a) for a in _word_hashes(self.batch, spec))
        return r

    def chars(self, spec: FeatureSpec):
        key = (spec.char_bits, tuple(spec.char_ns))
        r = self._chars.get(key)
        if r is None:
            grams, starts, counts = _char_hashes(self.batch, spec)
            r = self._chars[key] = (
                [(_frozen(bk), _frozen(v), k) for bk, v, k in grams], _frozen(starts),
                _frozen(counts))
        return r


def _frozen(a: np.ndarray) -> np.ndarray:
    a.setflags(write=False)
    return a


#: Batches kept featurised (most recent first out last); batches above _MEMO_CHARS of text
#: are not kept (bounded memory on huge inputs).
_MEMO_SIZE = 4
_MEMO_CHARS = 200_000
_memo: dict = {}
_memo_lock = threading.Lock()


def _prepared(texts: list[str], lex: Lexicon) -> _Prepared:
    if sum(map(len, texts)) > _MEMO_CHARS:
        return _Prepared(_batch(texts, lex))
    key = tuple(texts)
    with _memo_lock:
        hit = _memo.pop(key, None)
        if hit is not None and hit[0] is lex:
            _memo[key] = hit  # most recently used last
            return hit[1]
    prep = _Prepared(_batch(texts, lex))
    with _memo_lock:
        _memo.pop(key, None)
        _memo[key] = (lex, prep)
        while len(_memo) > _MEMO_SIZE:
            del _memo[next(iter(_memo))]
    return prep


def clear_memo() -> None:
    """Forget the memoised featurised batches (they are bounded; this frees them at once)."""
    with _memo_lock:
        _memo.clear()


def linear_scores(texts: list[str], spec: FeatureSpec, lex: Lexicon,
                  weights: np.ndarray, bias: float,
                  rates: np.ndarray | None = None,
                  prefix_rates: np.ndarray | None = None) -> np.ndarray:
    """``X @ weights + bias`` for the features of ``texts`` without building X (inference).

    The featurised batch is memoised (see :class:`_Prepared`), so models scoring the same
    texts one after another featurise them once.
    """
    prep = _prepared(_clean(texts), lex)
    b = prep.batch
    ws, wb, wc = prep.words(spec)
    z = np.bincount(ws, weights=weights[wb], minlength=b.n) / np.sqrt(np.maximum(wc, 1))
    if spec.char_ns:
        z += char_ngram_sums(b, spec, weights[spec.n_word:spec.n_word + spec.n_char],
                             prep.chars(spec) if b.n else None)
    if spec.dense:
        base = spec.n_word + spec.n_char
        z += prep.dense() @ weights[base:base + len(DENSE_NAMES)]
    if spec.rate_cues:
        z += rate_cue_block(b, spec, rates, prefix_rates) @ weights[-spec.n_rate_cues:]
    return z + bias
