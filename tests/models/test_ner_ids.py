"""The array-built NER feature ids are the reference ids (``sentence_feature_ids``), in order."""

from __future__ import annotations

import zlib

import numpy as np

from newsdesk.models import ner
from newsdesk.models.ner_features import normalize, sentence_feature_ids
from newsdesk.models.ner_ids import WordTable, batch_feature_ids, shift, split_ids
from newsdesk.read.sentences import split_sentences
from newsdesk.read.tokens import token_spans
from newsdesk.samples import load_samples


def _reference(sentences, tagger):
    return [ids for toks in sentences for ids in
            sentence_feature_ids(toks, tagger.lexicon, tagger.mask, {})]


def test_crc_shift_joins_two_crcs():
    rng = np.random.default_rng(5)
    for n_a, n_b in [(0, 0), (3, 0), (0, 5), (7, 64), (2, 65), (11, 200)]:
        a, b = rng.bytes(n_a), rng.bytes(n_b)
        got = int(np.uint32(zlib.crc32(b)) ^ shift(np.array([zlib.crc32(a)], np.uint32), [n_b])[0])
        assert got == zlib.crc32(a + b)


def test_batch_ids_equal_the_reference_on_every_sample():
    tagger = ner.load()
    table = WordTable(tagger.lexicon, tagger.mask)
    for art in load_samples():
        text = art.text
        sentences = []
        for s in split_sentences(text):
            spans = ner._subtokens(text, token_spans(text, s.start, s.end))
            if spans:
                sentences.append([normalize(text[a:b]) for a, b in spans])
        for _ in range(2):  # the second time every word is read from the table
            flat, starts = batch_feature_ids(sentences, table)
            assert flat.dtype == np.uint32
            assert split_ids(flat, starts) == _reference(sentences, tagger)


def test_batch_ids_of_odd_sentences():
    tagger = ner.load()
    table = WordTable(tagger.lexicon, tagger.mask)
    odd = [["A"], ["HEADLINE", "IN", "CAPS"], ["-", "x"], ["x" * 200, "Y" * 70, "Bogotá", '"'],
           ["a", "b"], ["NATO", "SAYS"], ["…", "—", "-", "'s"], ["Ünïcödé-Wörd", "3.5", "1990s"]]
    odd = [[normalize(w) for w in s] for s in odd]
    flat, starts = batch_feature_ids(odd, table)
    assert split_ids(flat, starts) == _reference(odd, tagger)
    for sentence in odd:  # alone: a sentence shorter than the neighbour window
        one = batch_feature_ids([sentence], table)
        assert split_ids(*one) == _reference([sentence], tagger)


def test_word_table_grows_and_keeps_rows():
    tagger = ner.load()
    table = WordTable(tagger.lexicon, tagger.mask)
    words = [f"w{i}" for i in range(3000)]
    sentences = [words[i:i + 30] for i in range(0, 3000, 30)]
    flat, starts = batch_feature_ids(sentences, table)
    assert len(table) == 3000
    assert split_ids(flat, starts) == _reference(sentences, tagger)
    again = batch_feature_ids(sentences[::-1], table)
    assert split_ids(*again) == _reference(sentences[::-1], tagger)


def test_a_table_with_rows_of_gives_the_rows_of_the_ids():
    tagger = ner.load()
    ids_table = WordTable(tagger.lexicon, tagger.mask)
    rows_table = WordTable(tagger.lexicon, tagger.mask, rows_of=tagger._lookup)
    text = load_samples()[1].text
    sentences = []
    for s in split_sentences(text):
        spans = token_spans(text, s.start, s.end)
        if spans:
            sentences.append([normalize(text[a:b]) for a, b in spans])
    ids, starts = batch_feature_ids(sentences, ids_table)
    rows, row_starts = batch_feature_ids(sentences, rows_table)
    np.testing.assert_array_equal(row_starts, starts)
    np.testing.assert_array_equal(rows, tagger._lookup(ids))


def _subtokens_reference(text, spans):
    """The plain token-by-token loop that ``ner_tokens.subtokens`` must match."""
    from newsdesk.models.ner_tokens import _ABBREVIATIONS, _CLITIC

    out, i = [], 0
    while i < len(spans):
        a, b = spans[i]
        word = text[a:b]
        if (i + 1 < len(spans) and spans[i + 1] == (b, b + 1) and text[b] == "."
                and (word in _ABBREVIATIONS or (len(word) == 1 and word.isupper()))):
            out.append((a, b + 1))
            i += 2
            continue
        m = _CLITIC.match(text, a, b)
        if m and m.end(1) > a:
            out += [(a, m.end(1)), (m.end(1), b)]
        else:
            out.append((a, b))
        i += 1
    return out


def test_subtokens_equal_the_token_by_token_loop():
    import random

    from newsdesk.models.ner_tokens import subtokens

    rng = random.Random(3)
    texts = [art.text for art in load_samples()]
    texts += ["Mr. J. R. R. Tolkien's U.S. isn't Inc.. ..", "A.", ".", "'", "don't Mr.", "Co.'s",
              "Gov. O’Neill’s aides said Ms. Lee can’t. Dr.'s"]
    texts += ["".join(rng.choice("aAbB.'’ sMrJ.nt-Co1") for _ in range(rng.randint(0, 40)))
              for _ in range(500)]
    for text in texts:
        bounds = [(0, len(text))] + [(s.start, s.end) for s in split_sentences(text)]
        for a, b in bounds:
            spans = token_spans(text, a, b)
            assert subtokens(text, spans) == _subtokens_reference(text, spans)
