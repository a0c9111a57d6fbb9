"""Features for persuasion-technique spans, shared by training and (numpy-free) inference.

Two feature maps, both returning ``{feature name: value}`` dicts so the training script
(scikit-learn's DictVectorizer) and the inference code (a vocabulary lookup) see the same thing:

* :func:`span_features`: for technique classification of one given span (span words, char
  n-grams, length, position, punctuation, quotes, capitals, repetition in the article, lexicon
  cues, words of the sentence around it).
* :func:`token_features`: for span identification, one token at a time (the word, its
  neighbours, lexicon cues, sentence-level cues).

``lexicon`` is a word -> VADER valence mapping (shipped inside the artifact JSON).
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace

from ..read import regex as re
from ..read.tokens import token_spans

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
#: weight of the char n-gram group relative to the others (tuned by article-level CV)
CHAR_WEIGHT = 1.75
QUOTES = "\"“”‘’'«»"
_DOUBLE_QUOTES = frozenset("\"“”")
_DOUBLE_QUOTE_RE = re.compile("[\"“”]")
_WORD_RUN = re.compile(r"\w+")

SUPERLATIVE_WORDS = frozenset(
    """most least best worst greatest biggest largest never always every all nothing everything
    everyone nobody entire totally completely absolutely utterly huge massive enormous tremendous
    incredible unprecedented ever only""".split()
)
FLAG_WORDS = frozenset(
    """america american americans nation national nations patriot patriots patriotic country
    countrymen homeland flag freedom liberty our we us fellow constitution god sovereignty
    people citizens western civilization heritage values""".split()
)
DOUBT_WORDS = frozenset(
    """claim claims claimed allegedly alleged supposedly question questions questionable doubt
    doubts doubtful really whether why if apparently so-called seems seemed unclear credibility
    lie lies lied""".split()
)
FEAR_WORDS = frozenset(
    """threat threats danger dangerous fear afraid terror terrorist terrorists destroy destroyed
    destruction kill killed death deadly die crisis catastrophe disaster invasion invade war
    attack attacks risk collapse chaos violent violence""".split()
)
CAUSAL_WORDS = frozenset(
    """because therefore thus so since cause causes caused result results resulted lead leads
    led consequence hence due blame blamed""".split()
)
AUTHORITY_WORDS = frozenset(
    """said says according expert experts professor dr scientist scientists study studies
    report reports official officials stated warned told explained""".split()
)
BANDWAGON_WORDS = frozenset(
    """everyone everybody nazi nazis hitler fascist fascism communist majority millions all
    join stalin""".split()
)
WHATABOUT_WORDS = frozenset("""what about yet but while meanwhile hypocrisy hypocrite""".split())
BW_WORDS = frozenset("""either or only choice option alternative unless""".split())


def _bin(value: float, edges: tuple[float, ...]) -> int:
    for i, edge in enumerate(edges):
        if value <= edge:
            return i
    return len(edges)


def _char_ngrams(s: str, lo: int, hi: int) -> list[str]:
    out = []
    for word in s.split():
        w = f" {word} "
        for n in range(lo, hi + 1):
            if len(w) < n:
                break
            out.extend(w[i : i + n] for i in range(len(w) - n + 1))
    return out


@dataclass
class ArticleContext:
    """Things computed once per article: lower-cased text, line bounds, span-text counts."""

    text: str
    lower: str = ""
    line_starts: list[int] = field(default_factory=list)
    title_end: int = 0
    span_text_counts: dict[str, int] = field(default_factory=dict)
    span_rank: dict[tuple[int, int], int] = field(default_factory=dict)
    stem_counts: dict[str, int] = field(default_factory=dict)
    spans: list[tuple[int, int]] = field(default_factory=list)
    #: offsets of the double quotes of the text (counted by token_features)
    quote_pos: list[int] = field(default_factory=list)
    #: memo of ``lower.count(word)``
    word_counts: dict[str, int] = field(default_factory=dict)
    #: memo of the whole-word occurrences of a span's head word
    head_counts: dict[str, int] = field(default_factory=dict)
    #: each maximal run of word characters of ``lower`` and its count (built on first use)
    word_runs: dict[str, int] | None = None
    #: memo of :meth:`line_words`
    line_memo: dict[tuple[int, int], tuple] = field(default_factory=dict)
    #: line (start, end) -> loaded-word scores of its words (filled by ``WordInfo``)
    loaded_memo: dict[tuple[int, int], list] = field(default_factory=dict)

    @classmethod
    def build(cls, text: str, spans: list[tuple[int, int]] | None = None) -> "ArticleContext":
        lower = text.lower()
        starts = [0] + [m.end() for m in re.finditer("\n", text)]
        title_end = text.find("\n")
        counts, rank = _span_counts(lower, spans)
        stems: dict[str, int] = {}
        for w in _WORD.findall(lower):
            if len(w) > 3:
                stems[w[:5]] = stems.get(w[:5], 0) + 1
        title_end = len(text) if title_end < 0 else title_end
        quote_pos = [m.start() for m in _DOUBLE_QUOTE_RE.finditer(text)]
        return cls(
            text, lower, starts, title_end, counts, rank, stems, sorted(set(spans or ())), quote_pos
        )

    def with_spans(self, spans: list[tuple[int, int]]) -> "ArticleContext":
        """The same article with other given spans (``build(text, spans)``, sharing the
        span-independent parts and memos with this one)."""
        counts, rank = _span_counts(self.lower, spans)
        return replace(self, span_text_counts=counts, span_rank=rank, spans=sorted(set(spans)))

    def line_words(
        self, ls: int, le: int, lexicon: dict[str, float]
    ) -> tuple[dict[str, float], set[str]]:
        """The ``l_`` lexicon cues and the set of words of the line ``[ls, le)``, memoised
        (span_features asks for them once per span; callers must not modify them)."""
        memo = self.line_memo.get((ls, le))
        if memo is None or memo[0] is not lexicon:
            words = _WORD.findall(self.lower[ls:le])
            cues: dict[str, float] = {}
            _lex_cues(words, lexicon, "l_", cues)
            memo = self.line_memo[(ls, le)] = (lexicon, cues, set(words))
        return memo[1], memo[2]

    def count(self, word: str) -> int:
        """``lower.count(word)``, memoised."""
        n = self.word_counts.get(word)
        if n is None:
            n = self.word_counts[word] = self.lower.count(word)
        return n

    def whole_word_count(self, word: str) -> int:
        """How often ``\\bword\\b`` occurs in ``lower``, memoised. For a word of word
        characters only that is how often it is a whole run of them, counted once per article
        instead of one regex scan of the text per word."""
        n = self.head_counts.get(word)
        if n is None:
            if _WORD_RUN.fullmatch(word):
                if self.word_runs is None:
                    runs: dict[str, int] = {}
                    for run in _WORD_RUN.findall(self.lower):
                        runs[run] = runs.get(run, 0) + 1
                    self.word_runs = runs
                n = self.word_runs.get(word, 0)
            else:
                n = len(re.findall(r"\b" + re.escape(word) + r"\b", self.lower))
            self.head_counts[word] = n
        return n

    def line_of(self, pos: int) -> tuple[int, int]:
        """(start, end) of the line containing ``pos``."""
        start = self.line_starts[max(bisect_right(self.line_starts, pos) - 1, 0)]
        end = self.text.find("\n", start)
        return start, len(self.text) if end < 0 else end


def _span_counts(lower: str, spans) -> tuple[dict[str, int], dict[tuple[int, int], int]]:
    counts: dict[str, int] = {}
    rank: dict[tuple[int, int], int] = {}
    for s, e in sorted(set(spans or ())):
        key = " ".join(lower[s:e].split())
        rank[(s, e)] = counts.get(key, 0)
        counts[key] = counts.get(key, 0) + 1
    return counts, rank


def _lex_cues(words: list[str], lexicon: dict[str, float], prefix: str, feats: dict) -> None:
    vals = [lexicon[w] for w in words if w in lexicon]
    n = max(len(words), 1)
    feats[prefix + "vader_n"] = min(len(vals), 10) / 10.0
    feats[prefix + "vader_frac"] = len(vals) / n
    if vals:
        feats[prefix + "vader_absmax"] = max(abs(v) for v in vals) / 4.0
        feats[prefix + "vader_neg"] = sum(1 for v in vals if v < 0) / n
        feats[prefix + "vader_pos"] = sum(1 for v in vals if v > 0) / n
        feats[prefix + "vader_sum"] = max(-1.0, min(1.0, sum(vals) / 8.0))
    for name, lex in (
        ("sup", SUPERLATIVE_WORDS),
        ("flag", FLAG_WORDS),
        ("doubt", DOUBT_WORDS),
        ("fear", FEAR_WORDS),
        ("causal", CAUSAL_WORDS),
        ("auth", AUTHORITY_WORDS),
        ("band", BANDWAGON_WORDS),
        ("what", WHATABOUT_WORDS),
        ("bw", BW_WORDS),
    ):
        k = sum(1 for w in words if w in lex)
        if k:
            feats[prefix + "lex_" + name] = min(k, 3) / 3.0
    sup = sum(1 for w in words if len(w) > 4 and w.endswith("est"))
    if sup:
        feats[prefix + "est"] = 1.0


def span_features(
    ctx: ArticleContext, start: int, end: int, lexicon: dict[str, float], word_info=None
) -> dict[str, float]:
    """Features of the span ``ctx.text[start:end]`` for technique classification
    (``word_info``: a :class:`~.technique_words.WordInfo` adding cluster and loaded-word cues)."""
    text, lower = ctx.text, ctx.lower
    raw = text[start:end]
    span = " ".join(lower[start:end].split())
    words = _WORD.findall(span)
    toks = [lower[s:e] for s, e in token_spans(lower, start, end)]
    feats: dict[str, float] = {"bias": 1.0}
    wnorm = 1.0 / math.sqrt(max(len(toks), 1))
    for w in toks:
        feats["w=" + w] = wnorm
    for a, b in zip(toks, toks[1:]):
        feats["b=" + a + "_" + b] = wnorm
    if toks:
        feats["first=" + toks[0]] = 1.0
        feats["last=" + toks[-1]] = 1.0
    grams = set(_char_ngrams(span, 3, 5))
    cnorm = CHAR_WEIGHT / math.sqrt(max(len(grams), 1))
    for g in grams:
        feats["c=" + g] = cnorm
    if len(toks) <= 4:
        feats["whole=" + span] = 1.0
    n = len(toks)
    feats[f"ntok_bin={_bin(n, (1, 2, 3, 5, 8, 12, 20, 35))}"] = 1.0
    feats["ntok_log"] = math.log1p(n) / 4.0
    feats["nchar_log"] = math.log1p(end - start) / 6.0
    # position
    feats["in_title"] = 1.0 if start < ctx.title_end else 0.0
    feats[f"relpos_bin={_bin(start / max(len(text), 1), (0.1, 0.3, 0.6, 0.85))}"] = 1.0
    ls, le = ctx.line_of(start)
    line = lower[ls:le]
    feats["starts_line"] = 1.0 if text[ls:start].strip() == "" else 0.0
    feats["ends_line"] = 1.0 if text[end:le].strip(" .!?\"”'’") == "" else 0.0
    feats["line_cover"] = (end - start) / max(le - ls, 1)
    feats[f"line_cover_bin={_bin(feats['line_cover'], (0.1, 0.3, 0.6, 0.9))}"] = 1.0
    # punctuation, quotes, capitals
    for ch, name in (("!", "excl"), ("?", "qmark"), (",", "comma"), (":", "colon"), ("-", "dash")):
        if ch in raw:
            feats["has_" + name] = 1.0
    if any(q in raw for q in QUOTES):
        feats["has_quote"] = 1.0
    before = text[max(0, start - 2) : start]
    after = text[end : end + 2]
    if any(q in before for q in QUOTES) and any(q in after for q in QUOTES):
        feats["quoted"] = 1.0
    elif any(q in before for q in QUOTES) or any(q in after for q in QUOTES):
        feats["half_quoted"] = 1.0
    if "?" in text[end : le + 1]:
        feats["line_qmark_after"] = 1.0
    if "!" in line:
        feats["line_excl"] = 1.0
    alpha = [w for w in _WORD.findall(raw)]
    if alpha:
        caps = sum(1 for w in alpha if w[0].isupper())
        feats["cap_frac"] = caps / len(alpha)
        if any(len(w) > 1 and w.isupper() for w in alpha):
            feats["all_caps_word"] = 1.0
        if raw[:1].isupper():
            feats["starts_cap"] = 1.0
    if "#" in raw or "@" in raw:
        feats["hash_at"] = 1.0
    # repetition: span text elsewhere in the article, and identical given spans
    if len(span) >= 3:
        occ = lower.count(span)
        feats[f"occ_bin={_bin(occ, (1, 2, 3, 5))}"] = 1.0
        feats["occ_log"] = math.log1p(max(occ - 1, 0)) / 2.0
        first = lower.find(span)
        if occ > 1 and first < start:
            feats["occ_earlier"] = 1.0
        if span in lower[: ctx.title_end] and start >= ctx.title_end:
            feats["in_title_too"] = 1.0
    same = ctx.span_text_counts.get(span, 1)
    feats[f"same_spans_bin={_bin(same, (1, 2, 3))}"] = 1.0
    if same > 1:
        rank = ctx.span_rank.get((start, end), 0)
        feats["same_span_first" if rank == 0 else "same_span_later"] = 1.0
    # other given spans nested in, around or overlapping this one
    inside = around = overlap = 0
    for s2, e2 in ctx.spans:
        if s2 >= end:
            break
        if e2 <= start or (s2, e2) == (start, end):
            continue
        if s2 >= start and e2 <= end:
            inside += 1
        elif s2 <= start and e2 >= end:
            around += 1
        else:
            overlap += 1
    if inside:
        feats[f"n_inside_bin={_bin(inside, (1, 2))}"] = 1.0
    if around:
        feats["is_nested"] = 1.0
    if overlap:
        feats["overlaps"] = 1.0
    # stem-level repetition of the span's content words elsewhere in the article
    content = [w for w in words if len(w) > 3]
    if content:
        reps = [max(ctx.stem_counts.get(w[:5], 1) - 1, 0) for w in content]
        feats["stem_rep_max"] = math.log1p(max(reps)) / 3.0
        feats["stem_rep_mean"] = math.log1p(sum(reps) / len(reps)) / 3.0
        feats["stem_rep_all"] = 1.0 if min(reps) > 0 else 0.0
    if words:
        head = words[-1]
        feats["head_occ_log"] = math.log1p(ctx.whole_word_count(head)) / 3.0
    # lexicon cues of span and of its line
    _lex_cues(words, lexicon, "s_", feats)
    line_cues, line_words = ctx.line_words(ls, le, lexicon)
    feats.update(line_cues)  # _lex_cues(_WORD.findall(line), lexicon, "l_", feats), memoised
    # context: neighbouring words and the words of the line
    left = [lower[s:e] for s, e in token_spans(lower, max(ls, start - 40), start)][-2:]
    right = [lower[s:e] for s, e in token_spans(lower, end, min(le, end + 40))][:2]
    for i, w in enumerate(reversed(left)):
        feats[f"L{i}={w}"] = 1.0
    for i, w in enumerate(right):
        feats[f"R{i}={w}"] = 1.0
    lnorm = 1.0 / math.sqrt(max(len(line_words), 1))
    for w in line_words:
        feats["ctx=" + w] = lnorm
    if word_info is not None:
        word_info.add_features(ctx, start, end, toks, feats)
    return feats


#: (offset, word feature prefix, valence feature name or None) of token_features' neighbours
_NEIGHBOURS = tuple(
    (off, f"w{off:+d}=", f"vader_abs{off:+d}" if abs(off) <= 2 else None)
    for off in (-3, -2, -1, 1, 2, 3)
)


def token_features(
    ctx: ArticleContext,
    toks: list[tuple[int, int]],
    i: int,
    lexicon: dict[str, float],
    line_feats: dict[str, float],
) -> dict[str, float]:
    """Features of token ``i`` of a line (``toks`` are that line's token spans)."""
    feats = dict(line_feats)
    feats.update(token_own_features(ctx, toks, i, lexicon))  # no name is in both
    return feats


def token_own_features(
    ctx: ArticleContext, toks: list[tuple[int, int]], i: int, lexicon: dict[str, float]
) -> dict[str, float]:
    """The features :func:`token_features` adds to the line's (names never ``bias`` or
    ``line_*``), in the same order."""
    lower, text = ctx.lower, ctx.text
    s, e = toks[i]
    w = lower[s:e]
    feats: dict[str, float] = {}
    feats["w=" + w] = 1.0
    feats["suf3=" + w[-3:]] = 1.0
    raw = text[s:e]
    if raw[:1].isupper():
        feats["cap"] = 1.0 if i > 0 else 0.5
    if len(raw) > 1 and raw.isupper():
        feats["allcaps"] = 1.0
    if w in lexicon:
        feats["vader_abs"] = abs(lexicon[w]) / 4.0
        feats["vader_neg" if lexicon[w] < 0 else "vader_pos"] = 1.0
    n = len(toks)
    for off, word_key, vader_key in _NEIGHBOURS:
        j = i + off
        if 0 <= j < n:
            a, b = toks[j]
            ww = lower[a:b]
            feats[word_key + ww] = 1.0
            if vader_key is not None and ww in lexicon:
                feats[vader_key] = abs(lexicon[ww]) / 4.0
        else:
            feats[word_key + "<pad>"] = 1.0
    if i + 1 < n:
        feats["bi+=" + w + "_" + lower[toks[i + 1][0] : toks[i + 1][1]]] = 1.0
    if i > 0:
        feats["bi-=" + lower[toks[i - 1][0] : toks[i - 1][1]] + "_" + w] = 1.0
    feats[f"pos_bin={_bin(i / max(n, 1), (0.1, 0.3, 0.6, 0.9))}"] = 1.0
    if w in SUPERLATIVE_WORDS:
        feats["lex_sup"] = 1.0
    if w in FLAG_WORDS:
        feats["lex_flag"] = 1.0
    if w in FEAR_WORDS:
        feats["lex_fear"] = 1.0
    # inside quotes on this line?
    ls, le = ctx.line_of(s)
    nq = bisect_left(ctx.quote_pos, s) - bisect_left(ctx.quote_pos, ls)
    if nq % 2 == 1:
        feats["in_quote"] = 1.0
    if len(w) >= 4:
        occ = ctx.count(w)
        feats["occ_log"] = math.log1p(occ - 1) / 3.0
    return feats


def line_features(ctx: ArticleContext, ls: int, le: int, lexicon: dict[str, float]) -> dict:
    """Sentence-level cues shared by all tokens of the line ``ctx.text[ls:le]``."""
    line = ctx.lower[ls:le]
    words = _WORD.findall(line)
    feats: dict[str, float] = {"bias": 1.0}
    _lex_cues(words, lexicon, "line_", feats)
    if "!" in line:
        feats["line_excl"] = 1.0
    if "?" in line:
        feats["line_qmark"] = 1.0
    if ls < ctx.title_end:
        feats["line_title"] = 1.0
    if any(q in line for q in "\"“”"):
        feats["line_quote"] = 1.0
    feats[f"line_len_bin={_bin(len(words), (5, 10, 20, 35))}"] = 1.0
    return feats
