"""Features of the named-entity tagger, shared by training and inference.

A token's features are strings (word, shape, affixes, neighbours, word cluster, how often the
word is capitalised in running text, its frequency band in general English) hashed with crc32
into a fixed number of buckets, so the shipped model needs no feature vocabulary. crc32 is
stable across processes and platforms (Python's ``hash()`` is not, so it is never used).
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from itertools import repeat

#: Tags, in the order of the weight matrix columns (IOB2 inside the model).
TAGS = ("O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC")

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2212": "-",
        "\u00a0": " ",
    }
)
_DIGITS = re.compile(r"\d")
_PUNCT_ONLY = re.compile(r"^[^\w\s]+$")


def normalize(token: str) -> str:
    """Straight quotes and dashes, so curly-quoted text looks like the training data."""
    return token.translate(_QUOTES)


def fold(word: str) -> str:
    """Lower case, accents stripped, digits as 0: the key of the word lexicons."""
    low = word.lower()
    if not low.isascii():
        low = "".join(
            ch for ch in unicodedata.normalize("NFKD", low) if not unicodedata.combining(ch)
        )
    return _DIGITS.sub("0", low)


def shape(word: str) -> str:
    """Full shape (``Xxxxx`` -> ``Xx`` runs capped at 4) e.g. ``McDonald`` -> ``XxXxxx``."""
    out = []
    prev = ""
    run = 0
    for ch in word:
        if ch.isupper():
            c = "X"
        elif ch.islower():
            c = "x"
        elif ch.isdigit():
            c = "d"
        else:
            c = ch
        if c == prev:
            run += 1
            if run >= 4:
                continue
        else:
            run = 0
        prev = c
        out.append(c)
    return "".join(out)


def short_shape(word: str) -> str:
    """Shape with runs collapsed: ``Xx``, ``X``, ``x``, ``d``, ``X.X.``, ``Xx-Xx``."""
    out = []
    for ch in shape(word):
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


class Lexicon:
    """Word-level knowledge computed offline from unlabelled text and general word lists.

    ``clusters`` maps a folded word to a cluster path such as ``"3-17-402"`` (coarse to fine);
    ``caps`` maps it to a capitalisation band (how often it is capitalised mid-sentence);
    ``zipf`` maps it to a frequency band in general English. Unknown words get ``"?"``.
    (A plain class: ``dataclasses`` would import ``inspect`` and slow the cold start.)
    """

    __slots__ = ("caps", "clusters", "zipf")

    def __init__(
        self,
        clusters: dict[str, str] | None = None,
        caps: dict[str, str] | None = None,
        zipf: dict[str, str] | None = None,
    ):
        self.clusters = clusters or {}
        self.caps = caps or {}
        self.zipf = zipf or {}


def pack_lexicon(lex: Lexicon) -> dict[str, dict[str, str]]:
    """Compact JSON form: for each lexicon, value -> space-separated words (fast to load)."""
    out: dict[str, dict[str, str]] = {}
    for name in ("clusters", "caps", "zipf"):
        groups: dict[str, list[str]] = {}
        for word, value in getattr(lex, name).items():
            if word and not any(ch.isspace() for ch in word):
                groups.setdefault(value, []).append(word)
        out[name] = {value: " ".join(sorted(words)) for value, words in sorted(groups.items())}
    return out


def unpack_lexicon(packed: dict[str, dict[str, str]]) -> Lexicon:
    """Inverse of :func:`pack_lexicon`."""
    maps = {}
    for name in ("clusters", "caps", "zipf"):
        table: dict[str, str] = {}
        for value, words in packed[name].items():
            table.update(zip(words.split(" "), repeat(value)))
        maps[name] = table
    return Lexicon(**maps)


def _word_features(word: str, lex: Lexicon) -> tuple[list[str], dict[str, str]]:
    """Features of the word itself, plus the short properties its neighbours reuse."""
    low = word.lower()
    f = fold(word)
    sh = shape(word)
    ss = short_shape(word)
    clus = lex.clusters.get(f, "?")
    cap = lex.caps.get(f, "?")
    zf = lex.zipf.get(f, "?")
    feats = [
        "w=" + f,
        "W=" + _DIGITS.sub("0", word),
        "sh=" + sh,
        "ss=" + ss,
        "cap=" + cap,
        "zf=" + zf,
        "cap|ss=" + cap + "|" + ss,
        "zf|ss=" + zf + "|" + ss,
        "cap|zf=" + cap + "|" + zf,
    ]
    n = len(low)
    for k in (1, 2, 3, 4):
        if n > k:
            feats.append(f"p{k}=" + low[:k])
            feats.append(f"s{k}=" + low[-k:])
    if clus != "?":
        parts = clus.split("-")
        for depth, part in enumerate(parts):
            feats.append(f"c{depth}=" + part)
    else:
        feats.append("c=?")
    if "-" in word and n > 1:
        feats.append("hyph")
        for piece in word.split("-"):
            if piece:
                feats.append("hp=" + fold(piece))
    if n > 1 and word.isupper():
        feats.append("allcaps")
    if not word.isascii():
        feats.append("nonascii")
    props = {
        "w": f,
        "W": word,
        "ss": ss,
        "c": clus.split("-")[0] if clus != "?" else "?",
        "cf": clus.rsplit("-", 1)[-1] if clus != "?" else "?",
        "cap": cap,
    }
    return feats, props


_PAD = {"w": "<s>", "W": "<s>", "ss": "<s>", "c": "<s>", "cf": "<s>", "cap": "<s>"}
_PAD_END = {"w": "</s>", "W": "</s>", "ss": "</s>", "c": "</s>", "cf": "</s>", "cap": "</s>"}


def _parts(
    tokens: list[str], lex: Lexicon, cache: dict[str, list]
) -> tuple[list[list], list[list[str]]]:
    """Per token: its word entry ``[own features, props, hashed own features or None]`` (shared
    through ``cache`` by every occurrence of the word) and its context feature strings."""
    words = [normalize(t) for t in tokens]
    n = len(words)
    own = []
    for w in words:
        entry = cache.get(w)
        if entry is None:
            feats, props = _word_features(w, lex)
            entry = cache[w] = [feats, props, None]
        own.append(entry)
    props = [entry[1] for entry in own]
    letters = [w for w in words if any(ch.isalpha() for ch in w)]
    headline = bool(letters) and sum(w.isupper() for w in letters) >= max(2, 0.7 * len(letters))
    head_tag = "H" if headline else "-"

    def at(i: int) -> dict[str, str]:
        if i < 0:
            return _PAD
        if i >= n:
            return _PAD_END
        return props[i]

    out = []
    for i in range(n):
        p = props[i]
        m2, m1, p1, p2 = at(i - 2), at(i - 1), at(i + 1), at(i + 2)
        feats = [
            "b",
            "w-2=" + m2["w"],
            "w-1=" + m1["w"],
            "w+1=" + p1["w"],
            "w+2=" + p2["w"],
            "W-1=" + m1["W"],
            "W+1=" + p1["W"],
            "ss-1=" + m1["ss"],
            "ss+1=" + p1["ss"],
            "ss-2=" + m2["ss"],
            "ss+2=" + p2["ss"],
            "c-1=" + m1["c"],
            "c+1=" + p1["c"],
            "cf-1=" + m1["cf"],
            "cf+1=" + p1["cf"],
            "cap-1=" + m1["cap"],
            "cap+1=" + p1["cap"],
            "ww-=" + m1["w"] + "|" + p["w"],
            "ww+=" + p["w"] + "|" + p1["w"],
            "sss=" + m1["ss"] + "|" + p["ss"] + "|" + p1["ss"],
            "ss-w=" + m1["ss"] + "|" + p["w"],
            "ss+w=" + p["w"] + "|" + p1["ss"],
            "w-1ss=" + m1["w"] + "|" + p["ss"],
            "w+1ss=" + p["ss"] + "|" + p1["w"],
            "hd=" + head_tag,
            "hd|ss=" + head_tag + "|" + p["ss"],
            "hd|w=" + head_tag + "|" + p["w"],
        ]
        if i == 0:
            feats.append("first")
            feats.append("first|ss=" + p["ss"])
            feats.append("first|cap=" + p["cap"])
        if _PUNCT_ONLY.match(words[i]):
            feats.append("punct")
        out.append(feats)
    return own, out


def sentence_features(
    tokens: list[str], lex: Lexicon, cache: dict[str, list] | None = None
) -> list[list[str]]:
    """Feature strings of each token of one sentence (tokens as they appear in text)."""
    own, ctx = _parts(tokens, lex, {} if cache is None else cache)
    return [entry[0] + c for entry, c in zip(own, ctx)]


def sentence_feature_ids(
    tokens: list[str], lex: Lexicon, mask: int, cache: dict[str, list]
) -> list[list[int]]:
    """Hashed features of each token, as ``hash_features(sentence_features(...))`` gives them
    (in the same order), with each word's own features and its features as a neighbour hashed
    once per ``cache``; only the features that join two words are hashed per token."""
    crc = zlib.crc32
    words = [normalize(t) for t in tokens]
    n = len(words)
    entries = []
    for w in words:
        entry = cache.get(w)
        if entry is None:
            feats, props = _word_features(w, lex)
            entry = cache[w] = [feats, props, None]
        if len(entry) < 5:
            if entry[2] is None:
                entry[2] = hash_features(entry[0], mask)
            entry[3:] = [_role_ids(entry[1], mask), bool(_PUNCT_ONLY.match(w))]
        entries.append(entry)
    letters = [w for w in words if any(ch.isalpha() for ch in w)]
    headline = bool(letters) and sum(w.isupper() for w in letters) >= max(2, 0.7 * len(letters))
    head_tag = "H" if headline else "-"
    const = _const_ids(mask)
    pad, pad_end = const["pad"], const["pad_end"]
    bias, hd, first, punct = const["b"], const["hd=" + head_tag], const["first"], const["punct"]
    hd_ss, hd_w = (16, 17) if headline else (18, 19)
    props = [entry[1] for entry in entries]
    roles = [entry[3] for entry in entries]
    m2 = [pad, pad] + roles[:-2] if n >= 2 else [pad] * n
    m1 = [pad] + roles[:-1]
    p1 = roles[1:] + [pad_end]
    p2 = roles[2:] + [pad_end, pad_end] if n >= 2 else [pad_end] * n
    pm1 = [_PAD] + props[:-1]
    pp1 = props[1:] + [_PAD_END]
    out = []
    for i in range(n):
        entry = entries[i]
        r = roles[i]
        a, b, c, d = m2[i], m1[i], p1[i], p2[i]
        pw, pss = props[i]["w"], props[i]["ss"]
        m1w, m1ss = pm1[i]["w"], pm1[i]["ss"]
        p1w, p1ss = pp1[i]["w"], pp1[i]["ss"]
        ids = entry[2] + [
            bias, a[0], b[2], c[8], d[14], b[3], c[9], b[4], c[10], a[1], d[15],
            b[5], c[11], b[6], c[12], b[7], c[13],
            crc(("ww-=" + m1w + "|" + pw).encode("utf-8")) & mask,
            crc(("ww+=" + pw + "|" + p1w).encode("utf-8")) & mask,
            crc(("sss=" + m1ss + "|" + pss + "|" + p1ss).encode("utf-8")) & mask,
            crc(("ss-w=" + m1ss + "|" + pw).encode("utf-8")) & mask,
            crc(("ss+w=" + pw + "|" + p1ss).encode("utf-8")) & mask,
            crc(("w-1ss=" + m1w + "|" + pss).encode("utf-8")) & mask,
            crc(("w+1ss=" + pss + "|" + p1w).encode("utf-8")) & mask,
            hd, r[hd_ss], r[hd_w],
        ]
        if i == 0:
            ids += (first, r[20], r[21])
        if entry[4]:
            ids.append(punct)
        out.append(ids)
    return out


def _role_ids(p: dict[str, str], mask: int) -> list[int]:
    """Hashed features a word with properties ``p`` gives its neighbours (and its own
    headline / first-word crosses), in the slot order :func:`sentence_feature_ids` reads."""
    return hash_features(
        [
            "w-2=" + p["w"], "ss-2=" + p["ss"],
            "w-1=" + p["w"], "W-1=" + p["W"], "ss-1=" + p["ss"], "c-1=" + p["c"],
            "cf-1=" + p["cf"], "cap-1=" + p["cap"],
            "w+1=" + p["w"], "W+1=" + p["W"], "ss+1=" + p["ss"], "c+1=" + p["c"],
            "cf+1=" + p["cf"], "cap+1=" + p["cap"],
            "w+2=" + p["w"], "ss+2=" + p["ss"],
            "hd|ss=H|" + p["ss"], "hd|w=H|" + p["w"], "hd|ss=-|" + p["ss"], "hd|w=-|" + p["w"],
            "first|ss=" + p["ss"], "first|cap=" + p["cap"],
        ],
        mask,
    )


_CONST: dict[int, dict] = {}


def _const_ids(mask: int) -> dict:
    ids = _CONST.get(mask)
    if ids is None:
        (b, h, nh, first, punct) = hash_features(["b", "hd=H", "hd=-", "first", "punct"], mask)
        ids = _CONST[mask] = {
            "b": b, "hd=H": h, "hd=-": nh, "first": first, "punct": punct,
            "pad": _role_ids(_PAD, mask), "pad_end": _role_ids(_PAD_END, mask),
        }
    return ids


def hash_features(feats: list[str], mask: int) -> list[int]:
    """Bucket of each feature string: crc32 of its UTF-8 bytes, masked."""
    return [zlib.crc32(f.encode("utf-8")) & mask for f in feats]
