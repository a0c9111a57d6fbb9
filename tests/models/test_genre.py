"""Article genre: the shipped model through the eval code, behaviour, and the eval format."""

from __future__ import annotations

import pytest

from newsdesk.errors import EvalDataError, InputError
from newsdesk.evaluate import evaluate
from newsdesk.evaluate.genre import macro_f1
from newsdesk.models import genre

# Floor for the dev split that training/genre/data.py builds from the shared data (GUM news,
# BASIL, PTC; see genre.card.md for what the labels are and are not).
DEV_FLOOR = 0.70

WIRE_TITLE = "Council approves $4.1 million budget"
WIRE_BODY = (
    "SPRINGFIELD (AP) - The city council voted 7-2 on Tuesday to approve a $4.1 million budget "
    "for the 2025 fiscal year, officials said.\n"
    "The budget includes $1.2 million for road repairs and $300,000 for the public library, "
    "according to a statement from the city clerk's office.\n"
    "Council member Jane Doe, who voted against the plan, said the spending on roads was too low.\n"
    "The mayor is expected to sign the budget on Friday, a spokesman said.\n"
    "The city had 52,000 residents at the 2020 census."
)
OPINION_TITLE = "Why we must stop pretending this budget works"
OPINION_BODY = (
    "I have lived in this city for thirty years, and I have never seen a council so shamelessly "
    "indifferent to the people it claims to serve.\n"
    "Let's be honest: this budget is a disgrace.\n"
    "We deserve better than crumbling roads and empty promises.\n"
    "Frankly, anyone who voted for it should be ashamed of themselves.\n"
    "If you care about your neighbours, you should demand that they start over!\n"
    "Surely we can do better than this?"
)


@pytest.fixture(scope="module")
def model():
    return genre.load()


@pytest.fixture(scope="module")
def dev_folder(data_dir, tmp_path_factory):
    from training.genre.data import all_docs, write_eval_folder

    out = tmp_path_factory.mktemp("genre-dev")
    docs = [d for d in all_docs(data_dir) if d.split == "dev"]
    if not docs:
        pytest.skip("no genre dev documents could be built from the shared data")
    write_eval_folder(docs, out)
    return out


def test_quality_gate_on_dev_split(dev_folder):
    res = evaluate("genre", dev_folder)
    assert res["task"] == "genre" and res["metric"] == "macro_f1"
    assert res["n"] >= 50
    assert res["score"] >= DEV_FLOOR
    assert set(res["per_label"]) == {"opinion", "reporting"}


def test_dry_wire_report_is_reporting(model):
    probs = model.predict(WIRE_TITLE, WIRE_BODY)
    assert set(probs) == {"opinion", "reporting", "satire"}
    assert probs["reporting"] > 0.5
    assert sum(probs.values()) == pytest.approx(1.0, abs=1e-3)
    assert model.label(WIRE_TITLE, WIRE_BODY) == "reporting"


def test_first_person_rant_is_opinion(model):
    assert model.predict(OPINION_TITLE, OPINION_BODY)["opinion"] > 0.5


def test_satire_is_never_predicted(model):
    for title, body in ((WIRE_TITLE, WIRE_BODY), (OPINION_TITLE, OPINION_BODY)):
        assert model.predict(title, body)["satire"] == 0.0


def test_precomputed_sentence_scores_are_used(model):
    n = len(genre.split_sentences(WIRE_BODY))
    low = model.predict(WIRE_TITLE, WIRE_BODY, sentence_opinion=[0.0] * n)["opinion"]
    high = model.predict(WIRE_TITLE, WIRE_BODY, sentence_opinion=[1.0] * n)["opinion"]
    assert high > low


def test_empty_body_raises(model):
    with pytest.raises(InputError):
        model.predict("A title", "   ")


def test_macro_f1_counts_only_gold_labels():
    res = macro_f1(["opinion", "reporting", "reporting"], ["opinion", "reporting", "satire"])
    assert set(res["per_label"]) == {"opinion", "reporting"}
    assert res["macro_f1"] == pytest.approx((1.0 + 2 / 3) / 2)


def _folder(tmp_path, labels, body="Body sentence one. Body sentence two.\n"):
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "articleA1.txt").write_text(f"Title\n\n{body}", encoding="utf-8")
    (tmp_path / "labels.txt").write_text(labels, encoding="utf-8")
    return tmp_path


def test_eval_small_folder(tmp_path):
    res = evaluate("genre", _folder(tmp_path, "A1\treporting\n"))
    assert res["n"] == 1 and res["score"] in (0.0, 1.0)


@pytest.mark.parametrize("labels", ["A1\tnews\n", "A1 reporting\n", "", "A2\treporting\n"])
def test_eval_rejects_malformed_data(tmp_path, labels):
    with pytest.raises(EvalDataError):
        evaluate("genre", _folder(tmp_path, labels))


def test_eval_rejects_article_without_body(tmp_path):
    with pytest.raises(EvalDataError):
        evaluate("genre", _folder(tmp_path, "A1\topinion\n", body=""))
