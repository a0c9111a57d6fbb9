"""The batched / memoised inference paths compute exactly what the plain per-item code does."""

from __future__ import annotations

import re as std_re

import numpy as np
import pytest

from newsdesk.models import ner, techniques
from newsdesk.models.ner_features import hash_features, sentence_feature_ids, sentence_features
from newsdesk.models.technique_features import ArticleContext, line_features, token_features
from newsdesk.read import regex
from newsdesk.read.sentences import split_sentences
from newsdesk.read.tokens import token_spans
from newsdesk.samples import load_samples


@pytest.fixture(scope="module")
def article_text() -> str:
    return load_samples()[0].text


def test_ner_feature_ids_keep_the_order_of_the_feature_strings(article_text):
    tagger = ner.load()
    cache: dict = {}
    sentences = split_sentences(article_text)
    assert sentences
    for sent in sentences:
        spans = token_spans(article_text, sent.start, sent.end)
        tokens = [article_text[a:b] for a, b in spans]
        if not tokens:
            continue
        expected = [hash_features(f, tagger.mask) for f in sentence_features(tokens, tagger.lexicon)]
        # twice: the second call reads every word from the cache
        assert sentence_feature_ids(tokens, tagger.lexicon, tagger.mask, cache) == expected
        assert sentence_feature_ids(tokens, tagger.lexicon, tagger.mask, cache) == expected
    for tokens in (["A"], ["HEADLINE", "IN", "CAPS"], ["-", "x"]):
        expected = [hash_features(f, tagger.mask) for f in sentence_features(tokens, tagger.lexicon)]
        assert sentence_feature_ids(tokens, tagger.lexicon, tagger.mask, cache) == expected


def test_batched_viterbi_equals_one_sentence_at_a_time():
    tagger = ner.load()
    rng = np.random.default_rng(7)
    emissions = [
        (rng.normal(size=(int(n), len(tagger.tags))) * 4).astype(np.float32)
        for n in rng.integers(1, 40, size=25)
    ]
    batched = ner._viterbi_many(emissions, tagger.start, tagger.trans)
    for e, path in zip(emissions, batched):
        np.testing.assert_array_equal(path, ner.viterbi(e, tagger.start, tagger.trans))


def test_entities_of_an_article_equal_sentence_by_sentence_tagging(article_text):
    tagger = ner.load()
    sentences = [(s.start, s.end) for s in split_sentences(article_text)]
    whole = tagger.entities(article_text, sentences)
    one_by_one = [span for sent in sentences for span in tagger.entities(article_text, [sent])]
    assert whole == one_by_one
    assert whole


def test_technique_token_scores_equal_per_row_scores(article_text):
    model = techniques.load()
    ctx = ArticleContext.build(article_text)
    rows = []
    for ls, le in techniques.body_lines(article_text):
        toks = token_spans(article_text, ls, le)
        lf = line_features(ctx, ls, le, model.lexicon)
        rows += [token_features(ctx, toks, i, model.lexicon, lf) for i in range(len(toks))]
    expected = 1.0 / (1.0 + np.exp(-model._si.scores_many(rows)[:, 0]))
    toks, probs = model.token_probabilities(article_text)
    assert len(toks) == len(rows)
    assert probs.dtype == expected.dtype
    np.testing.assert_allclose(probs, expected, rtol=0, atol=1e-6)  # float64 vs float32 sums


def test_regex_module_behaves_like_re():
    text = "Mr. Smith met Ms. Jones; Smith said: 'yes'."
    assert [m.span() for m in regex.finditer(r"\bSmith\b", text)] == [
        m.span() for m in std_re.finditer(r"\bSmith\b", text)
    ]
    assert regex.sub(r"\s+", " ", "a  b\tc") == "a b c"
    assert regex.split(r";\s*", text, maxsplit=1) == std_re.split(r";\s*", text, maxsplit=1)
    assert regex.search(r"JONES", text, regex.IGNORECASE).group(0) == "Jones"
    assert regex.match(r"Mr\.", text) and not regex.fullmatch(r"Mr\.", text)
    assert regex.compile(r"x") is regex.compile(r"x")  # compiled once


def test_bucket_table_gives_the_rows_of_a_binary_search():
    tagger = ner.load()
    rng = np.random.default_rng(3)
    hashes = np.concatenate(
        [tagger.keys[:: max(1, len(tagger.keys) // 500)], rng.integers(0, tagger.mask + 1, 2000)]
    ).astype(np.uint32)
    pos = np.searchsorted(tagger.keys, hashes)
    pos[pos >= len(tagger.keys)] = 0
    expected = np.where(tagger.keys[pos] == hashes, pos + 1, 0)
    assert (expected > 0).any() and (expected == 0).any()
    tagger._looked_up = ner._DENSE_AFTER  # the next call builds the table
    np.testing.assert_array_equal(tagger._rows(hashes), expected)
    assert tagger._bucket_rows is not None


def test_batched_forward_backward_equals_one_sentence_at_a_time():
    tagger = ner.load()
    exp_s, exp_t = tagger._exp_transitions
    rng = np.random.default_rng(11)
    exp_e = [
        ner._exp_emissions(
            (rng.normal(size=(int(n), len(tagger.tags))) * 5).astype(np.float32), tagger.temperature
        )
        for n in rng.integers(1, 40, size=25)
    ]
    batched = ner._forward_backward_many(exp_e, exp_s, exp_t)
    for e, p in zip(exp_e, batched):
        expected = ner._forward_backward(e, exp_s, exp_t)
        assert p.dtype == expected.dtype
        np.testing.assert_array_equal(p, expected)


def _loaded_words_reference(model, text, start, end):
    """The plain per-sentence sparse sum over ``token_features`` (what training sees)."""
    from newsdesk.models import loaded_words

    spans = list(token_spans(text, start, end))
    if not spans:
        return []
    toks = [text[a:b] for a, b in spans]
    rows, cols, vals = loaded_words.token_features(toks, model.lexicon, model.bits)
    z = np.bincount(np.asarray(rows, dtype=np.int64),
                    weights=np.asarray(vals) * model.weights[np.asarray(cols, dtype=np.int64)],
                    minlength=len(toks)) + model.bias
    p = 1.0 / (1.0 + np.exp(-np.clip(z, -40.0, 40.0)))
    return [(a, b, float(pi)) for (a, b), t, pi in zip(spans, toks, p) if loaded_words.is_word(t)]


def test_loaded_word_scores_are_bit_identical_to_the_sparse_sum(article_text):
    from newsdesk.models import loaded_words

    model = loaded_words.load()
    long_word = "-".join(["antidisestablishmentarianism"] * 4)  # over 64 bytes: chained shifts
    text = (article_text + "\n\nSLAMMED: Reckless ‘scheme’ — it’s a well-known x. A\n"
            + f"Naïve café {long_word} {long_word.upper()} RECKLESS reckless it's IT’S.\n")
    bounds = [(s.start, s.end) for s in split_sentences(text)]
    bounds += [(0, 0), (len(text) - 2, len(text))]
    expected = [_loaded_words_reference(model, text, a, b) for a, b in bounds]
    assert any(expected)
    # all at once, then per span (every word now read from the cache)
    assert model.word_scores_many(text, bounds) == expected
    assert [model.word_scores(text, a, b) for a, b in bounds] == expected
    assert model.spans_many(text, bounds) == [model.spans(text, a, b) for a, b in bounds]
    assert any(model.spans_many(text, bounds))
    with pytest.raises(ValueError):
        model.word_scores_many(text, [(5, 2)])


def test_loaded_word_table_forgets_words_when_full_and_still_scores_exactly(article_text,
                                                                            monkeypatch):
    import dataclasses

    from newsdesk.models import loaded_words

    model = dataclasses.replace(loaded_words.load())  # a fresh, empty word table
    bounds = [(s.start, s.end) for s in split_sentences(article_text)]
    expected = [_loaded_words_reference(model, article_text, a, b) for a, b in bounds]
    spans = token_spans(article_text, 0, len(article_text))
    distinct = {article_text[a:b].lower() for a, b in spans}
    assert len(distinct) > 120
    monkeypatch.setattr(loaded_words, "_CACHE_MAX", 60)
    got = [model.word_scores(article_text, a, b) for a, b in bounds]
    assert len(model._table.index) < 120
    assert got == expected


def _linear_scores_reference(texts, spec, lex, weights, bias, rates=None,
                             prefix_rates=None):
    """The plain per-call featurisation (no memo) that ``linear_scores`` must match exactly."""
    from newsdesk.models import features as F

    b = F._batch(list(texts), lex)
    ws, wb, wc = F._word_hashes(b, spec)
    z = np.bincount(ws, weights=weights[wb], minlength=b.n) / np.sqrt(np.maximum(wc, 1))
    if spec.char_ns:
        z += F.char_ngram_sums(b, spec, weights[spec.n_word:spec.n_word + spec.n_char])
    if spec.dense:
        base = spec.n_word + spec.n_char
        z += F.dense_features(b) @ weights[base:base + len(F.DENSE_NAMES)]
    if spec.rate_cues:
        z += F.rate_cue_block(b, spec, rates, prefix_rates) @ weights[-spec.n_rate_cues:]
    return z + bias


def test_sentence_models_share_one_featurised_batch_with_identical_scores(article_text):
    from newsdesk.models import features, sentence_classifier

    texts = [s.text for s in split_sentences(article_text)] + ["", "It’s 2024: “$5m”!", "x"]
    models = [sentence_classifier.load(t) for t in ("checkworthy", "subjectivity", "bias")]
    expected = [_linear_scores_reference(texts, m.spec, m.lexicon, m.weights, m.bias, m.rates,
                                         m.prefix_rates)
                for m in models]
    features.clear_memo()
    for _ in range(2):  # the first pass fills the memo, the second reads it
        for m, exp in zip(models, expected):
            got = m.decision_function(texts)
            assert got.tobytes() == exp.tobytes()
    prep = features._prepared(texts, models[0].lexicon)
    assert features._prepared(list(texts), models[0].lexicon) is prep
    # another lexicon never reuses a batch featurised with the shipped one
    other = features.Lexicon(valence={"disgrace": -3.0})
    assert features._prepared(texts, other) is not prep
    # the memo stays bounded and a subset of sentences is its own batch
    for i in range(10):
        sub = texts[i:i + 3]
        for m in models:
            assert (m.decision_function(sub).tobytes()
                    == _linear_scores_reference(sub, m.spec, m.lexicon, m.weights,
                                                m.bias, m.rates,
                                                m.prefix_rates).tobytes())
    assert len(features._memo) <= features._MEMO_SIZE


def test_technique_token_scores_equal_the_feature_dict_path():
    model = techniques.load()
    for art in load_samples():
        for sents in (None, [(s.start, s.end) for s in split_sentences(art.text)]):
            toks, probs = model.token_probabilities(art.text, sents)
            ref_toks, ref = model.token_probabilities_reference(art.text, sents)
            assert toks == ref_toks
            # float64 sums of memoised parts vs float32 dot products: equal to rounding
            np.testing.assert_allclose(probs, ref, rtol=0, atol=1e-6)
            assert ((probs >= model.si_threshold) == (ref >= model.si_threshold)).all()


def test_technique_find_equals_reference_tagging_then_classify():
    model = techniques.load()
    for art in load_samples():
        sents = [(s.start, s.end) for s in split_sentences(art.text)]
        toks, probs = model.token_probabilities_reference(art.text, sents)
        found = []
        for ls, le in sorted(set(sents)):
            sel = [i for i, (s, e) in enumerate(toks) if s >= ls and e <= le]
            found += techniques.decode_spans(
                art.text, [toks[i] for i in sel], probs[sel], model.si_threshold
            )
        found = sorted(set(found))
        labels = model.classify(art.text, [(s, e) for s, e, _ in found])
        expected = [(s, e, lab, round(sc * p, 4)) for (s, e, sc), (lab, p) in zip(found, labels)]
        assert model.find(art.text, sents) == expected
