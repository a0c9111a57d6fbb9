"""The tagger's hashed features for many sentences at once, as numpy arrays.

:func:`newsdesk.models.ner_features.sentence_feature_ids` is the reference: per token, the
word's own feature ids, then its context ids, in a fixed order. Here every distinct word is
described once by a row of a :class:`WordTable` (its own ids, the ids it gives its neighbours,
and crc32 values of its parts), and a batch of sentences is assembled with array operations.

The seven features that join two or three words (``ww-=left|right`` ...) are hashed without
building their strings: crc32 is linear, ``crc(A + B) = crc(B) ^ shift(crc(A), len(B))``,
where ``shift`` runs the crc register over ``len(B)`` zero bytes. ``shift`` is a lookup in
per-length byte tables, so a word pair costs a few array gathers, not a string and a crc call.
The ids are the same integers, in the same order, as the reference gives.
"""

from __future__ import annotations

import numpy as np

from .ner_features import (
    _PAD,
    _PAD_END,
    _PUNCT_ONLY,
    _const_ids,
    _role_ids,
    _word_features,
    hash_features,
)

_POLY = 0xEDB88320  # zlib's (reflected) crc32 polynomial
_MAX_SHIFT = 64  # byte lengths with a precomputed table; longer shifts are chained


def _crc_table() -> np.ndarray:
    c = np.arange(256, dtype=np.uint32)
    for _ in range(8):
        c = np.where(c & 1, (c >> 1) ^ np.uint32(_POLY), c >> 1).astype(np.uint32)
    return c


_SHIFT: list[np.ndarray] = []  # [(_MAX_SHIFT + 1) * 1024] uint32, built on first use


def _shift_tables() -> np.ndarray:
    """Row ``n * 1024 + k * 256 + b``: the register ``b << 8k`` after ``n`` zero bytes."""
    if not _SHIFT:
        table = _crc_table()
        cur = (np.arange(256, dtype=np.uint32)[None, :] << (8 * np.arange(4, dtype=np.uint32))[:, None])
        rows = [cur]
        for _ in range(_MAX_SHIFT):
            cur = (cur >> 8) ^ table[cur & 0xFF]
            rows.append(cur)
        _SHIFT.append(np.stack(rows).reshape(-1))
    return _SHIFT[0]


def shift(crc: np.ndarray, length: np.ndarray) -> np.ndarray:
    """``crc`` (uint32) as the first part of a string whose second part is ``length`` bytes:
    ``crc(A + B) == crc(B) ^ shift(crc(A), len(B))``."""
    t = _shift_tables()
    length = np.asarray(length, dtype=np.intp)
    crc = np.asarray(crc, dtype=np.uint32)
    long = length > _MAX_SHIFT
    if long.any():  # chain full-table shifts until every remaining length fits
        crc, length = crc.copy(), length.copy()
        while long.any():
            crc[long] = shift(crc[long], np.full(int(long.sum()), _MAX_SHIFT))
            length[long] -= _MAX_SHIFT
            long = length > _MAX_SHIFT
    base = length * 1024
    return (
        t[base + (crc & 0xFF)]
        ^ t[base + 256 + ((crc >> 8) & 0xFF)]
        ^ t[base + 512 + ((crc >> 16) & 0xFF)]
        ^ t[base + 768 + (crc >> 24)]
    )


# columns of WordTable.crcs: crc32 of these strings of a word (w = folded word, ss = short shape)
_CRC_PARTS = (
    ("ww-=", "w", "|"), ("ww+=", "w", "|"), ("sss=", "ss", "|"), ("ss-w=", "ss", "|"),
    ("ss+w=", "w", "|"), ("w-1ss=", "w", "|"), ("w+1ss=", "ss", "|"),
    ("", "w", ""), ("", "ss", ""), ("", "ss", "|"),
)
(_WWM, _WWP, _SSS, _SSWM, _SSWP, _W1M, _W1P, _CW, _CSS, _CSSB) = range(len(_CRC_PARTS))
_PAD_ID, _PAD_END_ID = 0, 1


def _same(ids: np.ndarray) -> np.ndarray:
    return ids


class WordTable:
    """Per-word rows for one hashing ``mask`` and lexicon; words are added as first seen.

    ``rows_of`` (optional) maps an array of feature ids to the tagger's weight rows: the table
    then also keeps each word's ids as rows (``pool_out``, ``roles_out``), looked up once per
    word, and the batch functions give rows instead of ids (without it ``*_out`` are the ids).
    """

    def __init__(self, lex, mask: int, rows_of=None):
        self.lex, self.mask = lex, mask
        self.rows_of = rows_of if rows_of is not None else _same
        self.const = {k: int(self.rows_of(np.array([v], np.uint32))[0])
                      for k, v in _const_ids(mask).items() if isinstance(v, int)}
        self.index: dict[str, int] = {}
        self.size = 0
        cap = 1024
        self.own_off = np.zeros(cap, np.intp)
        self.own_len = np.zeros(cap, np.intp)
        self.pool = np.zeros(cap * 32, np.uint32)
        self.pool_out = np.zeros(cap * 32, np.uint32)
        self.pool_size = 0
        self.roles = np.zeros((cap, 22), np.uint32)
        self.roles_out = np.zeros((cap, 22), np.uint32)
        self.crcs = np.zeros((cap, len(_CRC_PARTS)), np.uint32)
        self.lens = np.zeros((cap, 3), np.intp)  # bytes of w, ss, ss + "|"
        self.flags = np.zeros((cap, 3), bool)  # punctuation only, has a letter, upper case
        self._add([("<s>", [], _PAD, False), ("</s>", [], _PAD_END, False)])

    def __len__(self) -> int:
        return len(self.index)

    def ids(self, words: list[str]) -> np.ndarray:
        """Row of each (normalized) word, adding the words not seen yet."""
        index = self.index
        get = index.get
        out = [get(w, -1) for w in words]
        if -1 in out:
            new = []
            for k, w in enumerate(words):
                if out[k] == -1:
                    row = index.get(w)
                    if row is None:
                        row = index[w] = self.size + len(new)
                        feats, props = _word_features(w, self.lex)
                        new.append((w, hash_features(feats, self.mask), props, True))
                    out[k] = row
            self._add(new)
        return np.array(out, dtype=np.intp)

    def _grow(self, rows: int, pool: int) -> None:
        cap = len(self.own_off)
        if self.size + rows > cap:
            new_cap = max(2 * cap, self.size + rows)
            for name in ("own_off", "own_len", "roles", "roles_out", "crcs", "lens", "flags"):
                old = getattr(self, name)
                arr = np.zeros((new_cap, *old.shape[1:]), old.dtype)
                arr[: self.size] = old[: self.size]
                setattr(self, name, arr)
        if self.pool_size + pool > len(self.pool):
            for name in ("pool", "pool_out"):
                old = getattr(self, name)
                arr = np.zeros(max(2 * len(old), self.pool_size + pool), np.uint32)
                arr[: self.pool_size] = old[: self.pool_size]
                setattr(self, name, arr)

    def _add(self, new: list[tuple[str, list[int], dict[str, str], bool]]) -> None:
        if not new:
            return
        own = [ids for _, ids, _, _ in new]
        total = sum(len(ids) for ids in own)
        self._grow(len(new), total)
        a, b = self.size, self.size + len(new)
        lens = np.array([len(ids) for ids in own], np.intp)
        self.own_len[a:b] = lens
        self.own_off[a:b] = self.pool_size + np.concatenate([[0], np.cumsum(lens)[:-1]])
        if total:
            lo, hi = self.pool_size, self.pool_size + total
            self.pool[lo:hi] = [i for ids in own for i in ids]
            self.pool_out[lo:hi] = self.rows_of(self.pool[lo:hi])
        self.pool_size += total
        self.roles[a:b] = [_role_ids(props, self.mask) for _, _, props, _ in new]
        self.roles_out[a:b] = self.rows_of(self.roles[a:b].reshape(-1)).reshape(b - a, 22)
        strings = [
            [pre + props[part] + post for pre, part, post in _CRC_PARTS] for _, _, props, _ in new
        ]
        self.crcs[a:b] = [hash_features(s, 0xFFFFFFFF) for s in strings]
        self.lens[a:b] = [
            [len(s[_CW].encode("utf-8")), len(s[_CSS].encode("utf-8")),
             len(s[_CSSB].encode("utf-8"))]
            for s in strings
        ]
        self.flags[a:b] = [
            [real and bool(_PUNCT_ONLY.match(w)), any(ch.isalpha() for ch in w), w.isupper()]
            for w, _, _, real in new
        ]
        self.size = b


def batch_feature_ids(
    sentences: list[list[str]], table: WordTable
) -> tuple[np.ndarray, np.ndarray]:
    """(flat uint32 ids, start of each token's ids) for the tokens of ``sentences`` (each
    non-empty, tokens already ``normalize``d), token after token, sentence after sentence;
    weight rows instead of ids when ``table`` has ``rows_of``."""
    const = table.const
    sizes = np.array([len(s) for s in sentences], np.intp)
    n_tok = int(sizes.sum())
    wid = table.ids([w for s in sentences for w in s])
    sent_start = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    sent_of = np.repeat(np.arange(len(sentences)), sizes)
    pos = np.arange(n_tok) - sent_start[sent_of]  # position in its sentence
    left = np.repeat(sizes, sizes) - 1 - pos  # tokens after it in its sentence

    def neighbour(offset: int) -> np.ndarray:
        if offset < 0:
            shifted = np.concatenate([np.full(-offset, _PAD_ID), wid[:offset]])[:n_tok]
            return np.where(pos >= -offset, shifted, _PAD_ID)
        shifted = np.concatenate([wid[offset:], np.full(offset, _PAD_END_ID)])[:n_tok]
        return np.where(left >= offset, shifted, _PAD_END_ID)

    m2, m1, p1, p2 = neighbour(-2), neighbour(-1), neighbour(1), neighbour(2)
    flags = table.flags[wid]
    letters = np.add.reduceat(flags[:, 1].astype(np.intp), sent_start)
    uppers = np.add.reduceat((flags[:, 1] & flags[:, 2]).astype(np.intp), sent_start)
    headline = (letters > 0) & (uppers >= np.maximum(2, 0.7 * letters))
    head = headline[sent_of]

    roles, crcs, lens = table.roles_out, table.crcs, table.lens
    r_m2, r_m1, r_p1, r_p2, r_self = roles[m2], roles[m1], roles[p1], roles[p2], roles[wid]
    c_m1, c_self, c_p1 = crcs[m1], crcs[wid], crcs[p1]
    lw, lss, lssb = lens[wid, 0], lens[wid, 1], lens[wid, 2]
    lw_p1, lss_p1 = lens[p1, 0], lens[p1, 1]
    ctx = np.empty((n_tok, 27), np.uint32)
    ctx[:, 0] = const["b"]
    ctx[:, 1], ctx[:, 2], ctx[:, 3], ctx[:, 4] = r_m2[:, 0], r_m1[:, 2], r_p1[:, 8], r_p2[:, 14]
    ctx[:, 5], ctx[:, 6], ctx[:, 7], ctx[:, 8] = r_m1[:, 3], r_p1[:, 9], r_m1[:, 4], r_p1[:, 10]
    ctx[:, 9], ctx[:, 10], ctx[:, 11], ctx[:, 12] = r_m2[:, 1], r_p2[:, 15], r_m1[:, 5], r_p1[:, 11]
    ctx[:, 13], ctx[:, 14], ctx[:, 15], ctx[:, 16] = r_m1[:, 6], r_p1[:, 12], r_m1[:, 7], r_p1[:, 13]
    ctx[:, 17] = c_self[:, _CW] ^ shift(c_m1[:, _WWM], lw)
    ctx[:, 18] = c_p1[:, _CW] ^ shift(c_self[:, _WWP], lw_p1)
    ctx[:, 19] = c_p1[:, _CSS] ^ shift(c_self[:, _CSSB] ^ shift(c_m1[:, _SSS], lssb), lss_p1)
    ctx[:, 20] = c_self[:, _CW] ^ shift(c_m1[:, _SSWM], lw)
    ctx[:, 21] = c_p1[:, _CSS] ^ shift(c_self[:, _SSWP], lss_p1)
    ctx[:, 22] = c_self[:, _CSS] ^ shift(c_m1[:, _W1M], lss)
    ctx[:, 23] = c_p1[:, _CW] ^ shift(c_self[:, _W1P], lw_p1)
    ctx[:, 17:24] &= np.uint32(table.mask)
    if table.rows_of is not _same:
        ctx[:, 17:24] = table.rows_of(ctx[:, 17:24].reshape(-1)).reshape(n_tok, 7)
    ctx[:, 24] = np.where(head, const["hd=H"], const["hd=-"])
    ctx[:, 25] = np.where(head, r_self[:, 16], r_self[:, 18])
    ctx[:, 26] = np.where(head, r_self[:, 17], r_self[:, 19])

    own_len = table.own_len[wid]
    first = pos == 0
    punct = flags[:, 0]
    seg = own_len + 27 + 3 * first + punct
    starts = np.concatenate([[0], np.cumsum(seg)[:-1]])
    out = np.empty(int(seg.sum()), np.uint32)
    total_own = int(own_len.sum())
    tok = np.repeat(np.arange(n_tok), own_len)
    within = np.arange(total_own) - np.repeat(np.cumsum(own_len) - own_len, own_len)
    out[starts[tok] + within] = table.pool_out[table.own_off[wid][tok] + within]
    ctx_at = starts + own_len
    out[(ctx_at[:, None] + np.arange(27)).reshape(-1)] = ctx.reshape(-1)
    fa = ctx_at[first] + 27
    out[fa] = const["first"]
    out[fa + 1] = r_self[first, 20]
    out[fa + 2] = r_self[first, 21]
    out[starts[punct] + seg[punct] - 1] = const["punct"]
    return out, starts


def split_ids(flat: np.ndarray, starts: np.ndarray) -> list[list[int]]:
    """The flat ids as one list per token (the reference's layout)."""
    return [part.tolist() for part in np.split(flat, starts[1:])]
