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

Each n-gram block is scaled by ``1/sqrt(number of n-grams in the sentence)`` so long and short
sentences land on a similar scale (an approximation of TF normalisation that needs no sort).
"""

from __future__ import annotations

import math
import re
import zlib
from dataclasses import dataclass, field
from typing import Iterable, Mapping

import numpy as np

_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?|[^\sa-z0-9]")
_RAW_WORD = re.compile(r"[A-Za-z0-9]+(?:['’][A-Za-z]+)?|[^\sA-Za-z0-9]")
_DIGITS = str.maketrans("0123456789", "0000000000")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "—": "-", "–": "-"})
_MULT = np.uint64(0x9E3779B97F4A7C15)
_PRIME = np.uint64(1099511628211)

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
_SUPER_EXCEPT = frozenset("est best interest rest test west nest just guest forest request "
                          "protest suggest honest modest contest arrest invest digest "
                          "harvest manifest earnest chest quest".split())
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)s?\b")
_NUMBER = re.compile(r"\d")
_MONEY = re.compile(r"[$€£%]")

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

    @property
    def n_word(self) -> int:
        return 1 << self.word_bits

    @property
    def n_char(self) -> int:
        return (1 << self.char_bits) if self.char_ns else 0

    @property
    def n_features(self) -> int:
        return self.n_word + self.n_char + (len(DENSE_NAMES) if self.dense else 0)

    def to_json(self) -> dict:
        return {"word_bits": self.word_bits, "char_bits": self.char_bits,
                "char_ns": list(self.char_ns), "bigrams": self.bigrams, "dense": self.dense}

    @classmethod
    def from_json(cls, data: Mapping) -> "FeatureSpec":
        return cls(word_bits=int(data["word_bits"]), char_bits=int(data["char_bits"]),
                   char_ns=tuple(int(n) for n in data["char_ns"]),
                   bigrams=bool(data["bigrams"]), dense=bool(data["dense"]))


@dataclass
class Lexicon:
    """Word lists shipped as ``loaded_words.lexicon.json``: VADER valence (-4..4), wordfreq
    Zipf frequency (0..8; words absent count as rare) and words from BABE's bias lexicon."""

    valence: dict[str, float] = field(default_factory=dict)
    zipf: dict[str, float] = field(default_factory=dict)
    biased: frozenset[str] = frozenset()

    @classmethod
    def from_json(cls, data: Mapping) -> "Lexicon":
        return cls(valence={k: float(v) for k, v in data["valence"].items()},
                   zipf={k: v / 10.0 for k, v in data["zipf10"].items()},
                   biased=frozenset(data.get("biased", ())))


def normalize(text: str) -> str:
    """Lower-case, straight quotes and dashes, every digit as 0."""
    return text.translate(_QUOTES).lower().translate(_DIGITS)


def _crc_bucket(s: str, mask: int) -> int:
    return zlib.crc32(s.encode("utf-8")) & mask


def word_features(normed: list[str], spec: FeatureSpec):
    mask = spec.n_word - 1
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    toks_all: list[list[str]] = []
    crc = zlib.crc32
    for i, text in enumerate(normed):
        toks = _WORD.findall(text)
        toks_all.append(toks)
        grams = list(toks)
        if spec.bigrams:
            padded = ["<s>", *toks, "</s>"]
            grams.extend(a + " " + b for a, b in zip(padded, padded[1:]))
        if not grams:
            continue
        v = 1.0 / math.sqrt(len(grams))
        rows.extend([i] * len(grams))
        cols.extend(crc(g.encode("utf-8")) & mask for g in grams)
        vals.extend([v] * len(grams))
    return (np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64),
            np.asarray(vals, dtype=np.float64), toks_all)


def char_features(normed: list[str], spec: FeatureSpec):
    """Character n-grams of all sentences at once: one byte buffer, vectorised hashes."""
    n = len(normed)
    empty = (np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.float64))
    if not spec.char_ns or n == 0:
        return empty
    pieces = [(" " + t + " ").encode("utf-8", "replace") for t in normed]
    lens = np.fromiter((len(p) + 1 for p in pieces), dtype=np.int64, count=n)
    buf = np.frombuffer(b"\x00".join(pieces) + b"\x00", dtype=np.uint8)
    sep = np.concatenate([[0], np.cumsum(buf == 0)])
    owner = np.repeat(np.arange(n, dtype=np.int64), lens)
    a = buf.astype(np.uint64)
    shift = np.uint64(64 - spec.char_bits)
    rows_l, cols_l = [], []
    for k in spec.char_ns:
        if len(a) < k:
            continue
        starts = np.flatnonzero(sep[k:len(a) + 1] - sep[: len(a) - k + 1] == 0)
        if starts.size == 0:
            continue
        h = np.full(starts.size, np.uint64(k), dtype=np.uint64)
        for j in range(k):
            h = h * _PRIME + a[starts + j]
        rows_l.append(owner[starts])
        cols_l.append(((h * _MULT) >> shift).astype(np.int64))
    if not rows_l:
        return empty
    rows = np.concatenate(rows_l)
    cols = np.concatenate(cols_l) + spec.n_word
    counts = np.bincount(rows, minlength=n).astype(np.float64)
    vals = 1.0 / np.sqrt(np.maximum(counts, 1.0))[rows]
    return rows, cols, vals


def _dense_row(raw: str, toks: list[str], lex: Lexicon) -> list[float]:
    words = [t for t in toks if t[0].isalnum()]
    nw = max(len(words), 1)
    raw_toks = _RAW_WORD.findall(raw)
    caps = sum(1 for t in raw_toks[1:] if t[0].isupper())
    first_sg = first_pl = second = modal = hedge = inten = neg = rep = sup = comp = 0
    datew = quant = past = ly = 0
    vpos = vneg = vmax = 0.0
    vcount = 0
    zsum = 0.0
    zmin = 8.0
    rare = 0
    biased = 0
    valence = lex.valence
    zipf = lex.zipf
    blex = lex.biased
    for t in words:
        if t in _FIRST_SG:
            first_sg += 1
        elif t in _FIRST_PL:
            first_pl += 1
        elif t in _SECOND:
            second += 1
        if t in _MODALS:
            modal += 1
        if t in _HEDGES:
            hedge += 1
        if t in _INTENS:
            inten += 1
        if t in _NEGATION or t.endswith("n't"):
            neg += 1
        if t in _REPORT:
            rep += 1
        if t in _MONTHS:
            datew += 1
        if t in _QUANT:
            quant += 1
        if t in ("most", "least") or (len(t) > 4 and t.endswith("est") and t not in _SUPER_EXCEPT):
            sup += 1
        if t in ("more", "less", "than") or (len(t) > 4 and t.endswith("er")):
            comp += 1
        if len(t) > 4 and t.endswith("ed"):
            past += 1
        if len(t) > 4 and t.endswith("ly"):
            ly += 1
        v = valence.get(t)
        if v is not None:
            vcount += 1
            if v > 0:
                vpos += v
            else:
                vneg -= v
            if abs(v) > vmax:
                vmax = abs(v)
        if t[0] != "0":
            z = zipf.get(t, 1.0)
            zsum += z
            if z < zmin:
                zmin = z
            if z < 3.0:
                rare += 1
        if t in blex:
            biased += 1
    nd = len(_NUMBER.findall(raw))
    sq = math.sqrt(nw)
    first = words[0] if words else ""
    return [
        math.log1p(len(words)) / 4.0,
        1.0 if nd else 0.0,
        math.log1p(nd) / 3.0,
        min(len(_MONEY.findall(raw)), 3) / 3.0,
        1.0 if _YEAR.search(raw) else 0.0,
        min(datew, 3) / 3.0,
        min(quant, 3) / 3.0,
        caps / nw,
        min(first_sg, 3) / 3.0,
        min(first_pl, 3) / 3.0,
        min(second, 3) / 3.0,
        min(modal, 3) / 3.0,
        min(hedge, 3) / 3.0,
        min(inten, 3) / 3.0,
        min(neg, 3) / 3.0,
        min(rep, 2) / 2.0,
        min(sup, 2) / 2.0,
        min(comp, 3) / 3.0,
        min(raw.count('"') + raw.count("“") + raw.count("”"), 4) / 4.0,
        1.0 if "?" in raw else 0.0,
        1.0 if "!" in raw else 0.0,
        1.0 if ":" in raw else 0.0,
        min(vpos / sq, 4.0) / 4.0,
        min(vneg / sq, 4.0) / 4.0,
        vmax / 4.0,
        vcount / nw,
        (zsum / nw) / 7.0,
        rare / nw,
        zmin / 8.0,
        min(biased, 3) / 3.0,
        past / nw,
        ly / nw,
        1.0 if first in ("and", "but", "so", "yet") else 0.0,
        1.0,
    ]


def dense_features(texts: list[str], toks_all: list[list[str]], lex: Lexicon) -> np.ndarray:
    out = np.zeros((len(texts), len(DENSE_NAMES)), dtype=np.float64)
    for i, (raw, toks) in enumerate(zip(texts, toks_all)):
        out[i] = _dense_row(raw, toks, lex)
    return out


def featurize(texts: Iterable[str], spec: FeatureSpec, lex: Lexicon):
    """Sparse triples ``(rows, cols, vals, n_rows)`` of the features of ``texts``."""
    texts = [t if isinstance(t, str) else str(t) for t in texts]
    normed = [normalize(t) for t in texts]
    wr, wc, wv, toks_all = word_features(normed, spec)
    parts_r, parts_c, parts_v = [wr], [wc], [wv]
    cr, cc, cv = char_features(normed, spec)
    parts_r.append(cr)
    parts_c.append(cc)
    parts_v.append(cv)
    if spec.dense:
        dense = dense_features(texts, toks_all, lex)
        n, d = dense.shape
        base = spec.n_word + spec.n_char
        parts_r.append(np.repeat(np.arange(n, dtype=np.int64), d))
        parts_c.append(np.tile(np.arange(base, base + d, dtype=np.int64), n))
        parts_v.append(dense.ravel())
    return (np.concatenate(parts_r), np.concatenate(parts_c), np.concatenate(parts_v),
            len(texts))


def linear_scores(texts: list[str], spec: FeatureSpec, lex: Lexicon,
                  weights: np.ndarray, bias: float | np.ndarray) -> np.ndarray:
    """``X @ weights + bias`` for the features of ``texts``; ``weights`` may be (F,) or (F, k)."""
    rows, cols, vals, n = featurize(texts, spec, lex)
    if weights.ndim == 1:
        return np.bincount(rows, weights=vals * weights[cols], minlength=n) + bias
    contrib = vals[:, None] * weights[cols]
    out = np.zeros((n, weights.shape[1]), dtype=np.float64)
    np.add.at(out, rows, contrib)
    return out + bias
