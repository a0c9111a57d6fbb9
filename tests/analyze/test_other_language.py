"""Text not in English is not run through the English models: the brief says so, keeps the text
and its sentences, and ``any_language`` runs the models anyway."""

from __future__ import annotations

import json

import jsonschema
import pytest

import newsdesk
from newsdesk.model import SentenceRole, brief_json_schema

GERMAN = ("Die Bundesregierung hat am Dienstag in Berlin ein neues Gesetz beschlossen. Der Kanzler "
          "sagte, das sei ein wichtiger Schritt für die Wirtschaft und die Menschen im Land. "
          "Die Opposition kritisierte den Entwurf scharf.\n")
JAPANESE = "東京都は火曜日に新しい予算を承認した。知事は「重要な一歩だ」と述べた。予算は三兆円を超える。\n"
RUSSIAN = "Совет проголосовал во вторник за утверждение бюджета. Мэр назвал это важным шагом.\n"


def _not_analysed(brief) -> None:
    assert brief.claims == [] and brief.not_verifiable == [] and brief.takeaways == []
    assert brief.perspectives.loaded_words == [] and brief.perspectives.techniques == []
    assert brief.perspectives.genre is None and brief.entities == []
    assert brief.analysis and all(a.role == SentenceRole.other for a in brief.analysis)
    assert len(brief.analysis) == len(brief.sentences)
    assert any(n.startswith("Not analysed:") for n in brief.notices)
    assert not any(n.startswith("Nothing checkable here: no sentence") for n in brief.notices)
    jsonschema.validate(json.loads(brief.model_dump_json()), brief_json_schema())


@pytest.mark.parametrize("text,name,sentences", [
    (GERMAN, "German", 3), (JAPANESE, "Japanese", 3),
    (RUSSIAN, "a language newsdesk does not recognise", 2),
])
def test_other_languages_are_not_labelled_by_english_models(text, name, sentences):
    brief = newsdesk.brief(text, published="2026-02-03")
    _not_analysed(brief)
    assert brief.article.text == text.strip() or text.strip() in brief.article.text
    assert len(brief.sentences) == sentences
    for s in brief.sentences:
        assert brief.article.text[s.start:s.end] == s.text
    assert name in brief.summary and name in brief.notices[0]


def test_any_language_runs_the_english_models_and_warns():
    brief = newsdesk.brief(GERMAN, any_language=True)
    assert brief.perspectives.genre is not None
    assert any(a.role != SentenceRole.other for a in brief.analysis)
    assert any("may be unreliable" in n for n in brief.notices)
    assert not any(n.startswith("Not analysed:") for n in brief.notices)


def test_short_latin_text_of_no_detected_language_is_still_analysed():
    brief = newsdesk.brief("Acme Corp hired 40 workers.")
    assert brief.article.language is None
    assert not any(n.startswith("Not analysed:") for n in brief.notices)
    assert brief.claims


def test_english_sentences_still_split_as_before():
    from newsdesk.read.sentences import split_sentences

    text = "He said so. The U.S. Senate voted. Prices rose 5.2 percent!"
    assert [s.text for s in split_sentences(text)] == [
        "He said so.", "The U.S. Senate voted.", "Prices rose 5.2 percent!"]
