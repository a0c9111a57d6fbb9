"""load_source: dispatch on files, strings and bytes, with each bad input refused clearly."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsdesk.errors import (
    BinaryInputError,
    EmptyInputError,
    InputError,
    InputTooLargeError,
    NoArticleError,
)
from newsdesk.ingest import load_source
from newsdesk.model import Article

BODY = "The council voted on Tuesday to approve the budget. Officials said it was needed."
PAGE = (
    "<!doctype html><html><head><title>Council passes budget</title>"
    '<meta property="og:site_name" content="Example Times">'
    '<meta property="article:published_time" content="2024-03-05"></head>'
    f"<body><article><h1>Council passes budget</h1><p>{BODY}</p></article></body></html>"
)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_text_file(tmp_path):
    path = write(tmp_path, "a.txt", f"Council passes budget\n\n{BODY}\n".encode())
    article = load_source(path)
    assert (article.title, article.text, article.source) == ("Council passes budget", BODY, "text")
    assert article.id == Article.make_id(article.text)
    assert load_source(str(path)).id == article.id  # a str path reads the same file


def test_html_file_by_extension_and_by_content(tmp_path):
    by_ext = load_source(write(tmp_path, "a.html", PAGE.encode()))
    by_content = load_source(write(tmp_path, "page", PAGE.encode()))
    for article in (by_ext, by_content):
        assert (article.text, article.source, article.outlet) == (BODY, "html", "Example Times")
        assert article.published == dt.date(2024, 3, 5)


def test_markdown_file_with_inline_html_stays_text(tmp_path):
    text = f"# Title\n\n{BODY} <b>bold</b> words.\n"
    article = load_source(write(tmp_path, "a.md", text.encode()))
    assert article.source == "text"
    assert article.text.endswith("<b>bold</b> words.")


def test_empty_file(tmp_path):
    with pytest.raises(EmptyInputError):
        load_source(write(tmp_path, "empty.txt", b""))


def test_whitespace_only_file(tmp_path):
    with pytest.raises(EmptyInputError):
        load_source(write(tmp_path, "blank.txt", b" \n\n\t \r\n"))


def test_binary_file(tmp_path):
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 200
    with pytest.raises(BinaryInputError):
        load_source(write(tmp_path, "photo.txt", png))


def test_huge_file_is_refused_without_being_read(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50_000_000)  # sparse: 50 MB on paper, nothing written

    def refuse_open(*args, **kwargs):
        raise AssertionError("the file was opened although its size is over the cap")

    monkeypatch.setattr(Path, "open", refuse_open)
    with pytest.raises(InputTooLargeError, match="50,000,000"):
        load_source(path)


def test_size_cap_is_a_parameter(tmp_path):
    path = write(tmp_path, "a.txt", BODY.encode())
    with pytest.raises(InputTooLargeError):
        load_source(path, max_bytes=10)


def test_cp1252_file(tmp_path):
    text = "Le café était très agréable – naïve, et la crème brûlée aussi."
    article = load_source(write(tmp_path, "fr.txt", text.encode("cp1252")))
    assert article.text == text
    assert article.language == "fr"


def test_latin1_file(tmp_path):
    text = "A naïve résumé was sent from the café in Zürich on Monday."
    assert load_source(write(tmp_path, "l1.txt", text.encode("latin-1"))).text == text


def test_utf16_file_with_bom(tmp_path):
    text = f"Council passes budget\r\n\r\n{BODY} Café – naïve."
    article = load_source(write(tmp_path, "u16.txt", text.encode("utf-16")))
    assert article.title == "Council passes budget"
    assert article.text == f"{BODY} Café – naïve."


def test_html_file_without_an_article(tmp_path):
    page = "<html><body><nav><a href='/'>Home</a></nav><script>alert(1)</script></body></html>"
    with pytest.raises(NoArticleError):
        load_source(write(tmp_path, "nav.html", page.encode()))


def test_directory_is_refused(tmp_path):
    with pytest.raises(InputError, match="directory"):
        load_source(tmp_path)


@pytest.mark.parametrize("name", ["missing.txt", "some/dir/story.html", "notes.md"])
def test_path_like_string_that_does_not_exist(name):
    with pytest.raises(InputError, match="no such file"):
        load_source(name)


def test_plain_string_is_article_text():
    article = load_source(f"Council passes budget\n\n{BODY}")
    assert (article.title, article.text, article.source) == ("Council passes budget", BODY, "text")


def test_html_string_is_read_as_html():
    article = load_source(PAGE)
    assert (article.text, article.source) == (BODY, "html")


def test_bytes_are_decoded_and_sniffed():
    assert load_source(BODY.encode("utf-16")).text == BODY
    assert load_source(PAGE.encode()).source == "html"
    with pytest.raises(BinaryInputError):
        load_source(b"\x89PNG\r\n\x1a\n\x00\x00")


def test_explicit_options_override_extracted_metadata():
    article = load_source(
        PAGE,
        title="Mine",
        outlet="Other",
        url="https://x.test/a",
        published=dt.datetime(2021, 6, 7, 12, 30),
    )
    assert (article.title, article.outlet, article.url, article.published) == (
        "Mine",
        "Other",
        "https://x.test/a",
        dt.date(2021, 6, 7),
    )


def test_non_http_url_schemes_are_input_errors():
    with pytest.raises(InputError, match="http"):
        load_source("file:///etc/passwd")


def test_non_english_text_gets_its_language():
    text = "Der Stadtrat hat am Dienstag den neuen Haushalt beschlossen, der die Ausgaben erhöht."
    article = load_source(text)
    assert article.language == "de"
    assert article.text == text


def test_html_meta_charset_is_honoured():
    text = "Совет проголосовал во вторник за утверждение нового бюджета. Чиновники согласились."
    page = (
        '<html><head><meta charset="windows-1251"></head><body><article>'
        f"<p>{text}</p></article></body></html>"
    )
    assert load_source(page.encode("cp1251")).text == text
