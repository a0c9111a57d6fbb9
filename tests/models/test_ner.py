"""Named-entity tagger: quality gate on CoNLL-2003 dev, behaviour on news text, conlleval maths."""

from __future__ import annotations

import pytest

from newsdesk.errors import EvalDataError
from newsdesk.evaluate import evaluate
from newsdesk.evaluate.ner import chunks, score
from newsdesk.models.ner import load
from newsdesk.paths import shared_data_dir

DEV = shared_data_dir() / "ner" / "conll2003" / "eng.testa"

# Measured 0.9114 (LOC 0.944, MISC 0.879, ORG 0.863, PER 0.929) with the shipped model.
F1_FLOOR = 0.905
TYPE_FLOORS = {"LOC": 0.935, "MISC": 0.865, "ORG": 0.85, "PER": 0.92}


@pytest.fixture(scope="module")
def tagger():
    return load()


@pytest.mark.skipif(not DEV.exists(), reason="shared CoNLL-2003 dev data not present")
def test_quality_gate_on_conll_dev():
    result = evaluate("ner", DEV)
    assert result["task"] == "ner"
    assert result["metric"] == "entity_f1"
    assert result["n"] == 3250
    assert result["score"] >= F1_FLOOR
    for typ, floor in TYPE_FLOORS.items():
        assert result["per_type"][typ] >= floor, typ


def _spans(text, found):
    return [(text[a:b], label) for a, b, label, _ in found]


def test_two_people_with_exact_offsets(tagger):
    text = "The meeting between Donald Trump and Gustavo Petro at the White House this Tuesday"
    found = tagger.entities(text, [(0, len(text))])
    people = [(a, b) for a, b, label, _ in found if label == "PERSON"]
    assert people == [(20, 32), (37, 50)]
    assert text[20:32] == "Donald Trump" and text[37:50] == "Gustavo Petro"
    assert all(0.0 <= s <= 1.0 for *_, s in found)
    assert not any(text[a:b] == "Tuesday" for a, b, _, _ in found)


def test_curly_quotes_accents_and_possessives(tagger):
    text = "“Nicolás Maduro’s government is finished,” an adviser said in Bogotá on Monday."
    found = _spans(text, tagger.entities(text, [(0, len(text))]))
    assert ("Nicolás Maduro", "PERSON") in found
    assert ("Bogotá", "PLACE") in found
    assert all("’" not in span and "“" not in span for span, _ in found)


def test_titles_and_initials_are_cut_the_conll_way(tagger):
    text = "Mr. Bloomberg rarely met Donald J. Trump, an adviser to Mr. Bloomberg said."
    found = _spans(text, tagger.entities(text, [(0, len(text))]))
    assert ("Donald J. Trump", "PERSON") in found
    assert found.count(("Bloomberg", "PERSON")) == 2
    assert not any(span.startswith("Mr") for span, _ in found)


def test_offsets_respect_sentence_spans(tagger):
    text = "Angela Merkel spoke in Berlin.  Later, Microsoft said it would hire 200 people."
    second = text.index("Later")
    found = tagger.entities(text, [(0, second - 2), (second, len(text))])
    spans = _spans(text, found)
    assert ("Angela Merkel", "PERSON") in spans
    assert ("Berlin", "PLACE") in spans
    assert ("Microsoft", "ORG") in spans
    assert tagger.entities(text, []) == []


def test_tag_tokens_gives_valid_iob2(tagger):
    toks = ["The", "European", "Union", "and", "the", "German", "government", "met", "in"]
    toks += ["Brussels", "."]
    tags = tagger.tag_tokens(toks)
    assert len(tags) == len(toks)
    assert tags[toks.index("Brussels")] == "B-LOC"
    assert tags[toks.index("German")] == "B-MISC"
    assert tags[toks.index("European")] == "B-ORG"
    prev = "O"
    for tag in tags:
        if tag.startswith("I-"):
            assert prev[2:] == tag[2:]
        prev = tag
    assert tagger.tag_tokens([]) == []


def test_conlleval_chunks_and_scores_on_a_hand_made_example():
    gold = [
        ["I-PER", "I-PER", "O", "I-LOC", "B-LOC", "O", "I-ORG"],  # IOB1: B- splits LOC LOC
        ["I-PER", "I-ORG"],  # a type change starts a new chunk
    ]
    guess = [
        ["B-PER", "I-PER", "O", "B-LOC", "I-LOC", "O", "B-MISC"],  # IOB2
        ["B-PER", "B-ORG"],
    ]
    assert chunks(gold[0]) == {(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "LOC"), (6, 7, "ORG")}
    assert chunks(["O", "I-MISC", "I-MISC"]) == {(1, 3, "MISC")}
    result = score(gold, guess)
    assert (result["gold"], result["found"], result["correct"]) == (6, 5, 3)
    assert result["precision"] == pytest.approx(0.6)
    assert result["recall"] == pytest.approx(0.5)
    assert result["f1"] == pytest.approx(6 / 11)
    assert result["per_type"]["LOC"]["f1"] == 0.0
    assert result["per_type"]["PER"]["f1"] == 1.0


def test_evaluate_reads_files_and_folders(tmp_path):
    text = (
        "-DOCSTART- -X- -X- O\n\n"
        "Peter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\nvisited VBD I-VP O\n"
        "Paris NNP I-NP I-LOC\n. . O O\n\n"
        "-DOCSTART- -X- -X- O\n\nReuters NNP I-NP I-ORG\nreported VBD I-VP O\n"
    )
    (tmp_path / "a.conll").write_text(text, encoding="utf-8")
    one = evaluate("ner", tmp_path / "a.conll")
    assert one["n"] == 2
    assert 0.0 <= one["score"] <= 1.0
    (tmp_path / "b.conll").write_text(text, encoding="utf-8")
    both = evaluate("ner", tmp_path)
    assert both["n"] == 4
    assert both["score"] == pytest.approx(one["score"])


@pytest.mark.parametrize(
    "bad",
    [
        "Peter NNP I-NP I-PER\nBlackburn\n",
        "Peter X-PER\n",
        "Peter a b I-PER\nBlack I-PER\n",
        "\n\n",
    ],
)
def test_evaluate_rejects_malformed_data(tmp_path, bad):
    path = tmp_path / "bad.conll"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(EvalDataError):
        evaluate("ner", path)


def test_cached_feature_ids_match_the_training_features():
    from newsdesk.models.ner_features import (
        hash_features,
        sentence_feature_ids,
        sentence_features,
    )

    tagger = load()
    cache: dict[str, list] = {}
    for toks in (["Gustavo", "Petro", "met", "Petro", "."], ["“", "Bogotá", "”", "-", "PARIS"]):
        ids = sentence_feature_ids(toks, tagger.lexicon, tagger.mask, cache)
        strings = sentence_features(toks, tagger.lexicon)
        assert [sorted(i) for i in ids] == [sorted(hash_features(f, tagger.mask)) for f in strings]
