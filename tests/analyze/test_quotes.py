"""Who a quotation is attributed to (``analyze.quotes``), through the real pipeline."""

from __future__ import annotations

from newsdesk.api import default_pipeline
from newsdesk.model import Article
from newsdesk.pipeline import Doc


def _speakers(text: str) -> dict[str, str | None]:
    doc = Doc(article=Article(id=Article.make_id(text), text=text, source="test"))
    for component in default_pipeline().components:
        doc = component(doc)
    return {q.text.strip("“”\""): q.speaker for q in doc.quotes}


def test_the_subject_of_said_is_the_speaker_not_the_name_nearest_the_quotation():
    speakers = _speakers(
        'Sen. Ron Wyden, D-Ore., said a handshake with Vladimir Putin would be "a moment of '
        'historic cowardice for the whole country."')
    assert speakers["a moment of historic cowardice for the whole country."] == "Ron Wyden"


def test_a_person_before_an_appositive_is_the_speaker_not_the_organisation_in_it():
    speakers = _speakers(
        '"These state taxing authorities will have to figure out what to do," Marvin Kirsner, '
        "a lawyer at the firm Greenberg Traurig, said on Monday.")
    quote = "These state taxing authorities will have to figure out what to do,"
    assert speakers[quote] == "Marvin Kirsner", speakers
    speakers = _speakers(
        '"We worked cooperatively with each of the committees for months," Alan Futerfas, an '
        "attorney for Donald Trump Jr., said in a statement.")
    assert speakers["We worked cooperatively with each of the committees for months,"] == (
        "Alan Futerfas"), speakers


def test_a_stated_belief_is_no_speech_verb():
    speakers = _speakers(
        "Responding to Neil Gorsuch's stated belief that justices have no partisan leanings, "
        'Sen. Al Franken explained, "And you know, there are no Democratic judges at all."')
    assert speakers["And you know, there are no Democratic judges at all."] == "Al Franken"
