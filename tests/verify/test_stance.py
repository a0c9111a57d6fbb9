"""The stance model and its alignment rules: number mismatches contradict, shared words alone do
not support, and a quality gate through the same evaluate() that `newsdesk eval` runs."""

from __future__ import annotations

import json

import pytest

from newsdesk.errors import EvalDataError
from newsdesk.evaluate.stance import evaluate
from newsdesk.verify.align import align
from newsdesk.verify.stance import judge, load

# The shipped model (v3) scores ~0.93 stance / ~0.90 verdict on this file, which is its own
# TRAINING data (held-back claims are measured separately); the cross-validated runtime-path
# figures (~0.49 / ~0.41) are in stance.card.md. These floors catch a broken artifact or feature
# drift, not quality.
STANCE_FLOOR = 0.88
VERDICT_FLOOR = 0.84


@pytest.fixture(scope="module")
def climate_fever(data_dir):
    path = data_dir / "verification" / "climate-fever.jsonl"
    if not path.exists():
        pytest.skip("climate-fever.jsonl not in shared data")
    return path


def test_stance_quality_gate(climate_fever):
    result = evaluate("stance", climate_fever)
    assert result["task"] == "stance" and result["n"] == 4580
    assert result["score"] >= STANCE_FLOOR, result


def test_verdict_quality_gate(climate_fever):
    result = evaluate("verdict", climate_fever)
    assert result["n"] == 916
    assert result["score"] >= VERDICT_FLOOR, result


def test_number_mismatch_contradicts():
    stance = judge("The bridge cost 12 million dollars", "The bridge cost 15 million dollars")
    assert stance.label == "contradicts"
    assert stance.refute >= 0.9 and stance.support < 0.1
    assert "12 million" in stance.reason and "15 million" in stance.reason


def test_same_number_is_not_a_mismatch():
    a = align("The bridge cost 12 million dollars", "Officials said the bridge cost $12 million.")
    assert a.number_mismatch == 0


def test_scaled_and_comma_numbers_align():
    a = align("The company hired 1,200 workers", "The company hired 1.2 thousand workers last year")
    assert a.number_match == 1 and a.number_mismatch == 0
    b = align("The company hired 1,200 workers", "The company hired 900 workers last year")
    assert b.number_mismatch == 1


@pytest.mark.parametrize("claim,passage", [
    # the claim's words, none of its assertion
    ("The city council approved the new budget on Tuesday",
     "The city council will debate the new budget, and it is unclear whether it will be approved."),
    ("The city council approved the new budget on Tuesday",
     "The city council did not approve the new budget on Tuesday."),
    ("The Harbor Bridge cost 12 million dollars",
     "Plans for the Harbor Bridge were first drawn up by city engineers in the 1990s."),
    ("Global temperatures are rising",
     "Global temperatures are falling"),
    # a passage about the bridge that does not state the claimed cost
    ("The Harbor Bridge cost 12 million dollars", "Construction of the Harbor Bridge took three years."),
])
def test_shared_words_alone_are_not_support(claim, passage):
    stance = judge(claim, passage)
    assert stance.label != "supports", stance


@pytest.mark.parametrize("claim,passage", [
    # only a name (and its stem vectors' neighbours) in common with the claim
    ("Angela Merkel raised taxes on fuel in 2019", "Angela Merkel was born in Hamburg."),
    ("Greta Thunberg sailed across the Atlantic to attend a climate summit",
     "Greta Thunberg is a Swedish activist."),
    ("Exxon knew about climate change in the 1970s", "Exxon is an American oil company."),
])
def test_shared_name_alone_is_not_support(claim, passage):
    stance = judge(claim, passage)
    assert stance.label != "supports", stance
    # nor does it count as support in a verdict
    assert stance.support < load().t_support, stance


def test_stem_vectors_ship_with_the_model():
    model = load()
    assert model.vectors.vectors.shape[0] == len(model.vectors.index) > 1000
    restated = model.probabilities("Sea levels are rising", "Sea levels are rising fast")
    assert restated.argmax() == 0


def test_unrelated_passage():
    stance = judge("The bridge cost 12 million dollars", "Tomatoes grow well in warm summers.")
    assert stance.label == "unrelated" and stance.unrelated == 1.0


def test_eval_rejects_malformed_data(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"claim": "x"}) + "\n", encoding="utf-8")
    with pytest.raises(EvalDataError):
        evaluate("stance", bad)
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(EvalDataError):
        evaluate("verdict", empty)
