"""article_from_text: title line, metadata lines, body kept as written, language guess."""

from __future__ import annotations

import datetime as dt

import pytest

from newsdesk.errors import BinaryInputError, EmptyInputError
from newsdesk.ingest.language import detect_language
from newsdesk.ingest.text import article_from_text
from newsdesk.model import Article

BODY = "The council voted on Tuesday to approve the budget. Officials said it was needed."


def test_short_first_line_is_the_title_and_leaves_the_body():
    article = article_from_text(f"Council passes budget\n\n{BODY}")
    assert article.title == "Council passes budget"
    assert article.text == BODY
    assert article.id == Article.make_id(BODY)
    assert article.source == "text"


def test_markdown_heading_marker_is_dropped_from_the_title():
    article = article_from_text(f"# Council passes budget\n{BODY}")
    assert article.title == "Council passes budget"
    assert article.text == BODY


def test_setext_heading_underline_is_not_body():
    article = article_from_text(f"Council passes budget\n=====================\n\n{BODY}")
    assert article.title == "Council passes budget"
    assert article.text == BODY


def test_a_sentence_first_line_is_not_a_title():
    text = f"{BODY}\n\nA second paragraph follows here."
    article = article_from_text(text)
    assert article.title is None
    assert article.text == text


def test_hard_wrapped_first_line_is_not_a_title():
    text = "The council voted on Tuesday to\napprove the new budget for next year."
    article = article_from_text(text)
    assert article.title is None
    assert article.text == text


def test_a_single_short_line_is_the_body_not_a_title():
    article = article_from_text("Council passes budget")
    assert article.title is None
    assert article.text == "Council passes budget"


def test_body_is_kept_as_written_apart_from_trimming():
    body = "First paragraph, with  two spaces.\n\n## A heading\n\n- a bullet\n- another"
    article = article_from_text(f"\n\n  Title here\n\n{body}\n\n\n")
    assert article.title == "Title here"
    assert article.text == body


def test_metadata_lines_under_the_title_are_read():
    meta = "By Jane Doe\nPublished: 2024-03-05\nSource: Example Times"
    text = f"Council passes budget\n{meta}\n\n{BODY}"
    article = article_from_text(text)
    assert (article.author, article.published, article.outlet) == (
        "Jane Doe",
        dt.date(2024, 3, 5),
        "Example Times",
    )
    assert article.text == BODY


def test_explicit_options_override_detected_values():
    text = f"Council passes budget\nPublished: 2024-03-05\n\n{BODY}"
    article = article_from_text(
        text, title="Mine", published=dt.date(2020, 1, 2), outlet="Paper", url="https://x.test/a"
    )
    assert (article.title, article.published, article.outlet, article.url) == (
        "Mine",
        dt.date(2020, 1, 2),
        "Paper",
        "https://x.test/a",
    )
    assert article.text == BODY


def test_same_text_gives_same_id():
    assert article_from_text(BODY).id == article_from_text(BODY + "\n").id


@pytest.mark.parametrize("text", ["", "   \n\n  \t"])
def test_empty_text_is_refused(text):
    with pytest.raises(EmptyInputError):
        article_from_text(text)


def test_text_with_nul_characters_is_refused():
    with pytest.raises(BinaryInputError):
        article_from_text("abc\x00\x01\x02def")


def test_crlf_newlines_are_normalised():
    article = article_from_text("Title\r\n\r\nLine one.\r\nLine two.")
    assert article.text == "Line one.\nLine two."


def test_english_is_detected():
    assert article_from_text(BODY).language == "en"


NON_ENGLISH = {
    "es": "El gobierno aprobó el martes un nuevo presupuesto que aumenta el gasto, según "
    "los funcionarios.",
    "fr": "Le conseil a voté mardi pour approuver le nouveau budget, qui augmente les "
    "dépenses de la ville.",
    "de": "Der Stadtrat hat am Dienstag den neuen Haushalt beschlossen, der die Ausgaben um "
    "vier Prozent erhöht.",
    "it": "Il consiglio ha votato martedì per approvare il nuovo bilancio, che aumenta la "
    "spesa della città.",
    "pt": "O conselho votou na terça-feira para aprovar o novo orçamento, que aumenta os "
    "gastos da cidade.",
}


@pytest.mark.parametrize(("code", "text"), NON_ENGLISH.items())
def test_non_english_text_gets_its_language(code, text):
    article = article_from_text(f"Titular\n\n{text}")
    assert article.language == code
    assert article.text == text


def test_scripts_name_their_language_and_unknown_is_none():
    assert detect_language("東京では火曜日に新しい予算が承認されました。") == "ja"
    assert detect_language("Το συμβούλιο ψήφισε την Τρίτη τον νέο προϋπολογισμό.") == "el"
    assert detect_language("Совет проголосовал во вторник за утверждение бюджета.") is None
    assert detect_language("12345 67890") is None


def test_a_long_headline_standing_alone_is_still_a_title():
    headline = (
        "Las Vegas Shooting Victim Says There Was More Than One Shooter, and Gates To the "
        "Concert Were Locked Shortly Before the Attack"
    )
    article = article_from_text(f"{headline}\n\n{BODY}")
    assert (article.title, article.text) == (headline, BODY)


def test_a_one_sentence_lede_is_not_a_title():
    lede = "The council voted on Tuesday to approve the budget."
    article = article_from_text(f"{lede}\n\nOfficials said it was needed.")
    assert article.title is None
    assert article.text.startswith(lede)


def test_a_sentence_starting_with_by_is_not_a_byline():
    text = "Council passes budget\nBy Tuesday, it was over.\nOfficials said it was needed."
    article = article_from_text(text)
    assert article.author is None
    assert article.text == "By Tuesday, it was over.\nOfficials said it was needed."
