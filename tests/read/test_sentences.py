from newsdesk.model import SentenceKind
from newsdesk.read.sentences import split_sentences


def texts(text):
    return [s.text for s in split_sentences(text)]


def test_offsets_point_into_the_text():
    text = "Mr. Smith arrived.  \n\nHe said: “We won!” Then he left…  Crowds cheered."
    for s in split_sentences(text):
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip()


def test_abbreviations_initials_and_numbers_do_not_split():
    assert texts("Mr. Smith met U.S. President John F. Kennedy at 3.5 p.m. on Jan. 5. He left.") == [
        "Mr. Smith met U.S. President John F. Kennedy at 3.5 p.m. on Jan. 5.",
        "He left.",
    ]


def test_born_died_and_circa_in_parentheses_do_not_split():
    text = "Jerome (c. 347 – 420) was a priest. Matilda Goode (b. 1990) sings. He (d. 1923) left."
    assert texts(text) == ["Jerome (c. 347 – 420) was a priest.", "Matilda Goode (b. 1990) sings.",
                           "He (d. 1923) left."]


def test_dotted_abbreviation_before_a_sentence_opener_splits():
    assert texts("It was held in Washington D.C. The team won.") == [
        "It was held in Washington D.C.",
        "The team won.",
    ]


def test_quotes_stay_with_their_sentence():
    assert texts('“It was great,” he said. “We will return!” She smiled.') == [
        "“It was great,” he said.",
        "“We will return!”",
        "She smiled.",
    ]


def test_em_dashes_do_not_split():
    text = "After months of rhetoric—during which he flirted with force—the scene shifted. It ended."
    assert len(texts(text)) == 2


def test_headings_and_bullets(seed_path):
    sentences = split_sentences(seed_path.read_text(encoding="utf-8"))
    kinds = {s.text: s.kind for s in sentences}
    assert kinds["Editorial Perspectives"] == SentenceKind.heading
    assert kinds["Takeaways:"] == SentenceKind.heading
    bullets = [s for s in sentences if s.kind == SentenceKind.bullet]
    assert len(bullets) == 9
    assert bullets[0].text.startswith("Trump and Petro seek")  # the "- " marker is not included
    first = sentences[0].text
    assert first.startswith("The meeting between Donald Trump") and first.endswith("bargaining chip.")


def test_markdown_heading_and_paragraphs():
    sentences = split_sentences("# Title here\n\nFirst para. Still first.\n\nSecond para.")
    assert sentences[0].kind == SentenceKind.heading and sentences[0].text == "Title here"
    assert [s.paragraph for s in sentences] == [0, 1, 1, 2]


def test_hard_wrapped_lines_are_joined():
    text = "The minister said the plan\nwould be ready in May. Critics disagreed."
    assert texts(text) == ["The minister said the plan\nwould be ready in May.", "Critics disagreed."]


def test_a_title_or_initial_at_a_line_end_does_not_end_the_sentence():
    text = (
        "The bishop appointed Fr.\nThomas Smith as pastor, said Sen.\nRob Portman.\n"
        "He met George W.\nBush in 2001. It was after World War I.\nThe war ended."
    )
    assert texts(text) == [
        "The bishop appointed Fr.\nThomas Smith as pastor, said Sen.\nRob Portman.",
        "He met George W.\nBush in 2001.",
        "It was after World War I.",
        "The war ended.",
    ]
    # a blank line is a paragraph break, even after a title
    assert len(texts("It was Dr.\n\nSmith came later.")) == 2


def test_empty_text():
    assert split_sentences("") == []
    assert split_sentences("  \n\n ") == []


def test_a_short_line_holding_two_sentences_is_prose_not_a_heading():
    sentences = split_sentences("Officials met on Monday.\n\nCritics called it a waste. More later\n")
    assert [s.kind for s in sentences] == [SentenceKind.body] * 3
