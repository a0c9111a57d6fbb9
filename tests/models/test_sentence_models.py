"""Sentence classifiers and the loaded-word model: quality gates on dev data + behaviour."""

from __future__ import annotations

import zlib

import numpy as np
import pytest

from newsdesk.errors import EvalDataError, ModelError
from newsdesk.evaluate import evaluate as eval_registry
from newsdesk.evaluate.sentences import evaluate, read_labelled
from newsdesk.models import loaded_words, sentence_classifier
from newsdesk.models.features import FeatureSpec, featurize, linear_scores
from newsdesk.paths import shared_data_dir

DATA = shared_data_dir()

# Floors a little under what the shipped models measured (see the model cards).
FLOORS = {
    ("checkworthy", "checkworthy/dev.tsv"): 0.86,
    ("subjectivity", "subjectivity/dev.tsv"): 0.69,
    # BABE has no dev split and the shipped bias model is trained on all of babe.csv, so this
    # is a fit check (catches a broken artifact or feature drift), not a quality estimate;
    # the honest figure is the 5-fold CV macro-F1 on the card.
    ("bias", "bias/babe.csv"): 0.85,
}


def _need(rel: str):
    path = DATA / rel
    if not path.exists():
        pytest.skip(f"shared data not available: {path}")
    return path


@pytest.mark.parametrize(("task", "rel"), sorted(FLOORS))
def test_quality_gate(task, rel):
    result = eval_registry(task, _need(rel))
    assert result["task"] == task
    assert result["n"] > 100
    assert result["score"] >= FLOORS[(task, rel)], result


def test_evaluate_reports_per_class_and_threshold():
    result = evaluate("subjectivity", _need("subjectivity/dev.tsv"))
    assert set(result["per_class"]) == {"SUBJ", "OBJ"}
    f1s = [result["per_class"][c]["f1"] for c in ("SUBJ", "OBJ")]
    assert result["score"] == pytest.approx(sum(f1s) / 2)
    assert result["threshold"] == sentence_classifier.load("subjectivity").threshold


# ------------------------------------------------------------------ behaviour


def test_opinion_scores_more_subjective_than_fact():
    model = sentence_classifier.load("subjectivity")
    p = model.predict_proba([
        "Frankly, this is the most disgraceful, cowardly decision I have ever seen.",
        "The council approved the budget on Tuesday by a vote of seven to two.",
    ])
    assert p[0] > p[1]
    assert p[0] >= model.threshold > p[1]


def test_factual_claim_more_checkworthy_than_pleasantry():
    model = sentence_classifier.load("checkworthy")
    p = model.predict_proba([
        "Unemployment fell to 3.5 percent in 2019, the lowest rate in 50 years.",
        "Thank you very much, it is good to be here tonight.",
    ])
    assert p[0] > model.threshold > p[1]


def test_loaded_sentence_more_biased_than_neutral():
    model = sentence_classifier.load("bias")
    p = model.predict_proba([
        "The radical left's insane, destructive agenda is a disgusting assault on hardworking "
        "Americans.",
        "The Senate will vote on the spending bill next week, according to a spokesperson.",
    ])
    assert p[0] > p[1]


@pytest.mark.parametrize("task", ["checkworthy", "subjectivity", "bias"])
def test_predict_proba_shape_range_and_batch_independence(task):
    model = sentence_classifier.load(task)
    sents = ["I think so.", "", "Prices rose 4% in March 2023.", "“Wow,” she said — loudly!"]
    p = model.predict_proba(sents)
    assert p.shape == (4,)
    assert np.all((p >= 0) & (p <= 1))
    alone = np.array([model.predict_proba([s])[0] for s in sents])
    np.testing.assert_allclose(p, alone, rtol=1e-9, atol=1e-12)
    assert model.predict_proba([]).shape == (0,)
    assert 0.0 < model.threshold < 1.0
    assert model.predict(sents[:1])[0] in (model.positive, model.negative)


def test_load_is_cached_and_rejects_unknown_task():
    assert sentence_classifier.load("bias") is sentence_classifier.load("bias")
    with pytest.raises(ModelError):
        sentence_classifier.load("sarcasm")


def test_inference_matches_training_features():
    lex = sentence_classifier.load_lexicon()
    spec = FeatureSpec(word_bits=10, char_bits=10, char_ns=(2, 4))
    texts = ["The 2020 vote, “rigged”?", "", "We must act now!", "ÉLAN and 12,000 jobs"]
    rows, cols, vals, n = featurize(texts, spec, lex)
    dense = np.zeros((n, spec.n_features))
    np.add.at(dense, (rows, cols), vals)
    w = np.random.default_rng(0).normal(size=spec.n_features)
    np.testing.assert_allclose(dense @ w + 0.5, linear_scores(texts, spec, lex, w, 0.5))


def test_rate_cues_match_training_and_read_the_table():
    lex = sentence_classifier.load_lexicon()
    spec = FeatureSpec(word_bits=10, char_bits=10, char_ns=(2, 4), rate_cues=True)
    texts = ["A radical, reckless plan", "", "The vote is on Tuesday.", "reckless reckless"]
    rates = np.zeros(spec.n_word)
    rows, cols, vals, n = featurize(["reckless radical"], spec, lex)
    word_cols = [c for c in cols if c < spec.n_word]
    rates[word_cols[:2]] = [0.5, 0.2]  # the two unigram buckets
    rows, cols, vals, n = featurize(texts, spec, lex, rates)
    x = np.zeros((n, spec.n_features))
    np.add.at(x, (rows, cols), vals)
    cues = x[:, -3:]
    assert cues[0, 0] == pytest.approx(0.5) and cues[0, 1] == pytest.approx(0.7 / 3)
    assert cues[0, 2] == pytest.approx(1 / 3)  # only "reckless" reaches 0.25
    assert cues[3, 1] == pytest.approx(1 / 3) and not cues[1].any() and not cues[2].any()
    w = np.random.default_rng(1).normal(size=spec.n_features)
    np.testing.assert_allclose(x @ w - 0.2, linear_scores(texts, spec, lex, w, -0.2, rates))
    assert FeatureSpec.from_json(spec.to_json()) == spec


def test_prefix_rate_cues_share_a_rate_across_word_forms():
    lex = sentence_classifier.load_lexicon()
    spec = FeatureSpec(word_bits=10, char_bits=10, char_ns=(2,), rate_cues=True, rate_prefix=4)
    assert spec.n_rate_cues == 6 and FeatureSpec.from_json(spec.to_json()) == spec
    texts = ["Radicals and radicalism.", "A calm, 2024 plan.", ""]
    rates = np.zeros(spec.n_word)
    prefix = np.zeros(spec.n_word)
    prefix[zlib.crc32(b"radi") & (spec.n_word - 1)] = 0.6
    rows, cols, vals, n = featurize(texts, spec, lex, rates, prefix)
    x = np.zeros((n, spec.n_features))
    np.add.at(x, (rows, cols), vals)
    assert x[0, -3] == pytest.approx(0.6) and x[0, -1] == pytest.approx(2 / 3)
    assert not x[0, -6:-3].any() and not x[1:, -6:].any()
    w = np.random.default_rng(2).normal(size=spec.n_features)
    np.testing.assert_allclose(x @ w, linear_scores(texts, spec, lex, w, 0.0, rates, prefix))


def test_word_rate_tables_never_use_a_rows_own_annotation():
    pytest.importorskip("sklearn")
    from training.sentences.word_rates import RateData

    lex = sentence_classifier.load_lexicon()
    spec = FeatureSpec(word_bits=12, char_bits=10, char_ns=(2,), rate_cues=True)
    texts = [f"The {w} plan was passed." for w in ("reckless", "sound", "new", "old", "big")] * 4
    marked = [["reckless"] if "reckless" in t else [] for t in texts]
    y = np.array([1 if m else 0 for m in marked])  # 4 marked rows, 16 not
    rd = RateData(texts, marked, spec, lex)
    full = rd.cues(np.arange(len(texts)), rd.table(np.arange(len(texts))))
    assert full[0, 0] == pytest.approx(4 / 6, abs=1e-3) and full[1, 0] == 0.0
    cues = rd.fitted_cues(np.arange(len(texts)), y, 13)
    assert (cues[y == 1, 0] > 0).all() and not cues[y == 0].any()
    # a word marked in one row only: that row's fitted cues cannot see it
    texts2 = ["A reckless plan.", *texts[1:]]
    marked2 = [["reckless"]] + [[] for _ in texts[1:]]
    rd2 = RateData(texts2, marked2, spec, lex)
    assert rd2.cues(np.array([0]), rd2.table(np.arange(20)))[0, 0] > 0
    assert not rd2.fitted_cues(np.arange(20), y, 13)[0].any()


def test_bias_model_ships_its_biased_word_rates():
    model = sentence_classifier.load("bias")
    assert model.spec.rate_cues and model.rates.shape == (model.spec.n_word,)
    assert model.spec.rate_prefix and model.prefix_rates.shape == (model.spec.n_word,)
    assert 0.0 <= model.rates.min() and model.rates.max() <= 1.0


# ------------------------------------------------------------------ loaded words


def test_loaded_word_spans_are_valid_offsets():
    model = loaded_words.load()
    text = ("Prologue. The senator's reckless, outrageous scheme was slammed by furious critics "
            "as a disastrous betrayal. Epilogue.")
    start = text.index("The")
    end = text.index(" Epilogue")
    spans = model.spans(text, start, end)
    assert spans, "expected some loaded words in an obviously loaded sentence"
    for s, e, score in spans:
        assert start <= s < e <= end
        assert text[s:e].strip() == text[s:e] and text[s:e].isalpha()
        assert model.threshold <= score <= 1.0
    found = {text[s:e].lower() for s, e, _ in spans}
    assert found & {"reckless", "outrageous", "slammed", "furious", "disastrous", "betrayal"}


def test_loaded_words_prefers_loaded_over_neutral_words():
    model = loaded_words.load()
    text = "Officials said the bill was a shameful disaster, the committee chair said on Monday."
    scores = {text[s:e]: p for s, e, p in model.word_scores(text)}
    assert scores["shameful"] > scores["committee"]
    assert scores["disaster"] > scores["Monday"]


def test_loaded_words_rejects_bad_range_and_handles_empty():
    model = loaded_words.load()
    assert model.spans("") == []
    assert model.spans("   ... ") == []
    with pytest.raises(ValueError):
        model.spans("short", 3, 99)


# ------------------------------------------------------------------ evaluation data errors


def test_eval_rejects_missing_columns(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("id\twords\tclass_label\n1\thello\tYes\n", encoding="utf-8")
    with pytest.raises(EvalDataError, match="sentence text"):
        evaluate("checkworthy", bad)


def test_eval_rejects_unknown_labels_and_binary(tmp_path):
    bad = tmp_path / "labels.tsv"
    bad.write_text("sentence\tlabel\nIt is good.\tMAYBE\n", encoding="utf-8")
    with pytest.raises(EvalDataError, match="MAYBE"):
        evaluate("subjectivity", bad)
    binary = tmp_path / "x.tsv"
    binary.write_bytes(b"\x00\x01\x02PK")
    with pytest.raises(EvalDataError):
        evaluate("subjectivity", binary)
    with pytest.raises(EvalDataError):
        evaluate("subjectivity", tmp_path / "missing.tsv")


def test_eval_accepts_extra_columns_skips_no_agreement_and_reads_folders(tmp_path):
    folder = tmp_path / "bias"
    folder.mkdir()
    (folder / "a.csv").write_text(
        "id;text;extra;label_bias\n"
        "1;The radical mob's disgusting lies are destroying America.;x;Biased\n"
        "2;The meeting is scheduled for Thursday at noon.;y;Non-biased\n"
        "3;Something contested.;z;No agreement\n", encoding="utf-8")
    (folder / "b.csv").write_text(
        "text;label_bias\nThe report was published on Monday.;Non-biased\n", encoding="utf-8")
    (folder / "notes.txt").write_text("ignored", encoding="utf-8")
    texts, labels = read_labelled("bias", folder)
    assert labels == [1, 0, 0]
    result = evaluate("bias", folder)
    assert result["n"] == 3
    assert 0.0 <= result["score"] <= 1.0
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(EvalDataError, match="no .tsv or .csv"):
        evaluate("bias", empty)


def test_eval_reads_quoted_fields_with_newlines_and_semicolons(tmp_path):
    path = tmp_path / "quoted.csv"
    path.write_text(
        'text;label_bias;biased_words\n'
        '"A line; with a semicolon\nand a newline";Non-biased;[]\n'
        '"He called it ""a disgrace"".";Biased;[\'disgrace\']\n', encoding="utf-8")
    texts, labels = read_labelled("bias", path)
    assert texts == ["A line; with a semicolon\nand a newline", 'He called it "a disgrace".']
    assert labels == [0, 1]
