"""Persuasion techniques: the shipped model through the eval code, behaviour, and the scorers."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from newsdesk.errors import EvalDataError, InputError
from newsdesk.evaluate import evaluate
from newsdesk.evaluate.propaganda import read_folder, si_score, tc_score
from newsdesk.models import techniques

# Floors for the quality gate on the first 40 shared PTC articles. These articles were in the
# training data, so this is a training-data figure that catches a broken model or feature code,
# not a generalisation estimate (that is the by-article CV in techniques.card.md).
GATE_ARTICLES = 40
TC_FLOOR = 0.90
SI_FLOOR = 0.30

LOADED = (
    "Traitors in Washington\n\n"
    "These corrupt, treasonous globalist thugs are destroying our great nation!\n"
    "Wake up, America: the radical elites despise you and everything you love.\n"
)
WIRE = (
    "Council approves budget\n\n"
    "The city council voted 7-2 on Tuesday to approve a $4.1 million budget for the fiscal year.\n"
    "The budget includes $1.2 million for road repairs, the clerk's office said.\n"
)


@pytest.fixture(scope="module")
def model():
    return techniques.load()


@pytest.fixture(scope="module")
def ptc(data_dir):
    path = data_dir / "propaganda"
    if not path.is_dir():
        pytest.skip("PTC data not found")
    return path


def test_quality_gate_on_shared_articles(ptc):
    res = evaluate("propaganda", ptc, limit=GATE_ARTICLES)
    assert res["task"] == "propaganda" and res["metric"] == "tc_micro_f1"
    assert res["n"] > 300
    assert res["score"] >= TC_FLOOR
    assert res["si_f1"] >= SI_FLOOR
    assert set(res["per_technique"]) <= set(techniques.load().labels)


def test_classify_gives_a_known_label_and_probability_per_span(model):
    spans = [(0, 8), (30, 65), (99, 115), (121, 135)]
    out = model.classify(LOADED, spans)
    assert len(out) == len(spans)
    for label, prob in out:
        assert label in model.labels
        assert 0.0 < prob <= 1.0
    assert len(model.labels) == 14


def test_duplicate_spans_get_distinct_labels(model):
    out = model.classify(LOADED, [(30, 65), (30, 65)])
    assert out[0][0] != out[1][0]
    assert out[0][1] >= out[1][1]


def test_loaded_language_is_found_with_valid_offsets(model):
    found = model.find(LOADED)
    assert found, "a blatantly loaded text should get at least one technique span"
    for start, end, label, score in found:
        assert 0 <= start < end <= len(LOADED)
        assert LOADED[start:end].strip() == LOADED[start:end]
        assert label in model.labels
        assert 0.0 <= score <= 1.0
    covered = " ".join(LOADED[s:e] for s, e, _, _ in found).lower()
    assert any(w in covered for w in ("corrupt", "treasonous", "thugs", "traitors", "despise"))


def test_min_score_keeps_only_confident_spans(model):
    all_spans = model.find(LOADED)
    kept = model.find(LOADED, min_score=0.3)
    assert set(kept) <= set(all_spans)
    assert all(score >= 0.3 for _, _, _, score in kept)


def test_find_respects_given_sentences(model):
    text = "Intro line.\n" + LOADED
    first = text.index("These")
    sent = (first, text.index("\n", first))
    found = model.find(text, [sent])
    assert found
    assert all(sent[0] <= s and e <= sent[1] for s, e, _, _ in found)


def test_dry_report_gets_fewer_spans_than_loaded_text(model):
    assert len(model.find(WIRE)) < len(model.find(LOADED))


def test_model_was_trained_with_the_shipped_loaded_word_model():
    # the TC features use the loaded-word model's scores: retraining that model needs a
    # retrained technique model (python -m training.techniques.train)
    from newsdesk.models.artifacts import load_json
    from newsdesk.models.technique_words import loaded_words_sha256

    assert load_json("techniques.json")["loaded_words_sha256"] == loaded_words_sha256()


def test_word_info_adds_cluster_and_loaded_word_features(model):
    from newsdesk.models.technique_features import ArticleContext, span_features

    ctx = ArticleContext.build(LOADED, [(30, 65)])
    plain = span_features(ctx, 30, 65, model.lexicon)
    rich = span_features(ctx, 30, 65, model.lexicon, model._words)
    extra = set(rich) - set(plain)
    assert any(k.startswith("cl1=") for k in extra) and "lw_max" in extra
    assert 0.0 < rich["lw_max"] <= 1.0
    assert all(rich[k] == v for k, v in plain.items())


def test_classify_does_not_depend_on_other_spans_lines_being_scored_first(model):
    spans = [(30, 65), (121, 135)]
    together = model.probabilities(LOADED, spans)
    alone = [model.probabilities(LOADED, [sp])[0] for sp in spans]
    # neither nested nor repeated: the lines' loaded-word scores are the same however batched
    assert together.shape == (2, len(model.labels))
    np.testing.assert_allclose(together, np.array(alone), rtol=1e-6)


def test_batched_tc_scores_match_row_by_row(model):
    from newsdesk.models.technique_features import ArticleContext, span_features

    spans = [(0, 8), (30, 65), (99, 115), (121, 135)]
    ctx = ArticleContext.build(LOADED, spans)
    rows = [span_features(ctx, s, e, model.lexicon, model._words) for s, e in spans]
    rows.insert(2, {"no such feature": 1.0})  # a row the model knows nothing of: bias only
    np.testing.assert_allclose(
        model._tc.scores_batch(rows), model._tc.scores_many(rows), rtol=0, atol=1e-4
    )


def test_bad_spans_raise_input_error(model):
    with pytest.raises(InputError):
        model.classify("short", [(0, 99)])
    with pytest.raises(InputError):
        model.classify("short", [(3, 3)])


def test_si_score_matches_hand_computation():
    # pred (0,10) overlaps gold (5,15) by 5: precision 5/10, recall 5/10; pred (20,22) misses
    res = si_score([([(0, 10), (20, 22)], [(5, 15)])])
    assert res["precision"] == pytest.approx(0.25)
    assert res["recall"] == pytest.approx(0.5)
    assert res["f1"] == pytest.approx(2 * 0.25 * 0.5 / 0.75)
    # overlapping gold spans are merged before scoring
    assert si_score([([(0, 10)], [(0, 6), (4, 10)])])["f1"] == pytest.approx(1.0)


def test_tc_score_micro_and_per_label():
    res = tc_score(["A", "A", "B", "C"], ["A", "B", "B", "B"])
    assert res["micro_f1"] == pytest.approx(0.5)
    assert res["per_technique"]["B"]["precision"] == pytest.approx(1 / 3, abs=1e-4)
    assert res["per_technique"]["C"]["f1"] == 0.0


def test_tc_score_aligns_labels_of_a_span_listed_twice():
    # the same span (k1) carries A and B; predicting B, A in the other order scores both, as
    # the task's scorer does; a different span (k2) is never re-paired
    gold, pred = ["A", "B", "C", "D"], ["B", "A", "D", "C"]
    keys = [("1", 0, 5), ("1", 0, 5), ("1", 6, 9), ("1", 10, 12)]
    res = tc_score(gold, pred, keys)
    assert res["micro_f1"] == pytest.approx(0.5)
    assert res["micro_f1_positional"] == 0.0
    assert tc_score(["A", "B"], ["A", "A"], keys[:2])["micro_f1"] == pytest.approx(0.5)


def _mini_folder(tmp_path: Path, labels: str) -> Path:
    (tmp_path / "dev-articles").mkdir()
    (tmp_path / "dev-labels").mkdir()
    (tmp_path / "dev-articles" / "article1.txt").write_text(LOADED, encoding="utf-8")
    (tmp_path / "dev-labels" / "article1.task2-TC.labels").write_text(labels, encoding="utf-8")
    return tmp_path


def test_eval_reads_any_folder_names(tmp_path):
    folder = _mini_folder(tmp_path, "1\tLoaded_Language\t30\t65\n1\tFlag-Waving\t99\t115\n")
    res = evaluate("propaganda", folder)
    assert res["n"] == 2 and 0.0 <= res["score"] <= 1.0 and "si_f1" in res
    assert read_folder(folder)[0].spans[0] == (30, 65, "Loaded_Language")


@pytest.mark.parametrize(
    "labels",
    ["1\tLoaded_Language\t30\n", "1\tLoaded_Language\t30\tx\n", "1\tLoaded_Language\t50\t9999\n",
     "2\tLoaded_Language\t30\t65\n"],
)
def test_eval_rejects_malformed_labels(tmp_path, labels):
    with pytest.raises(EvalDataError):
        evaluate("propaganda", _mini_folder(tmp_path, labels))


def test_eval_rejects_folder_without_articles(tmp_path):
    with pytest.raises(EvalDataError):
        evaluate("propaganda", tmp_path)


def test_eval_si_only_labels(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "article7.txt").write_text(LOADED, encoding="utf-8")
    (tmp_path / "a" / "article7.task1-SI.labels").write_text("7\t30\t65\n", encoding="utf-8")
    res = evaluate("propaganda", tmp_path)
    assert res["metric"] == "si_f1" and res["n"] == 1
