"""article_from_html: main text as plain paragraphs, metadata, no executable markup, no article."""

from __future__ import annotations

import datetime as dt

import pytest

from newsdesk.errors import EmptyInputError, NoArticleError
from newsdesk.ingest.html import article_from_html

PAGE = """<!doctype html>
<html lang="en"><head>
<title>Council passes budget | Example Times</title>
<meta name="author" content="Jane Doe">
<meta property="og:site_name" content="Example Times">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Council passes budget</h1>
<p>The council voted on Tuesday to approve the new budget, which raises spending by 4 percent.
Officials said the plan was needed.</p>
<h2>Reaction</h2>
<p>Opposition members criticised the decision and promised to fight it in the next session.</p>
<ul><li>Spending rises by 4 percent</li><li>Taxes stay the same</li></ul>
</article>
<footer>Copyright Example Times</footer>
</body></html>"""

HOSTILE = """<!doctype html><html><head><title>Council passes budget</title>
<script>window.stolen = document.cookie; alert('head')</script>
<style>body { background: url(javascript:alert('css')) }</style></head>
<body onload="alert('body')"><article><h1>Council passes budget</h1>
<p>The council voted on Tuesday to approve the budget.<script>alert('inline')</script>
Officials said <img src="x" onerror="alert('img')">the plan was needed.</p>
<p>Critics called it <a href="javascript:alert('link')" onclick="alert('click')">reckless</a>
and promised to fight it in the next session of the assembly.</p>
<svg onload="alert('svg')"><script>alert('svg-script')</script></svg>
<iframe srcdoc="&lt;script&gt;alert('frame')&lt;/script&gt;"></iframe>
<noscript><img src=x onerror="alert('noscript')"></noscript>
<!-- <script>alert('comment')</script> -->
<template><script>alert('template')</script></template>
</article></body></html>"""


def test_main_text_and_metadata_are_extracted():
    article = article_from_html(PAGE)
    assert article.title == "Council passes budget"
    assert article.author == "Jane Doe"
    assert article.outlet == "Example Times"
    assert article.published == dt.date(2024, 3, 5)
    assert article.language == "en"
    assert article.source == "html"
    assert "Home" not in article.text and "Copyright" not in article.text


def test_paragraphs_are_separated_by_blank_lines_and_headings_stand_alone():
    paragraphs = article_from_html(PAGE).text.split("\n\n")
    assert paragraphs[0].startswith("The council voted on Tuesday")
    assert paragraphs[0].endswith("Officials said the plan was needed.")
    assert "Reaction" in paragraphs
    assert paragraphs[-1] == "- Spending rises by 4 percent\n- Taxes stay the same"


def test_headline_is_not_repeated_in_the_body():
    assert not article_from_html(PAGE).text.startswith("Council passes budget")


def test_explicit_options_override_extracted_metadata():
    article = article_from_html(
        PAGE, url="https://example.test/a", outlet="Mine", published=dt.date(2020, 1, 1), title="T"
    )
    assert (article.url, article.outlet, article.published, article.title) == (
        "https://example.test/a",
        "Mine",
        dt.date(2020, 1, 1),
        "T",
    )


def test_hostile_markup_never_reaches_the_text():
    article = article_from_html(HOSTILE)
    assert "The council voted on Tuesday to approve the budget." in article.text
    assert "reckless" in article.text
    for needle in (
        "alert",
        "<script",
        "script>",
        "onerror",
        "onload",
        "onclick",
        "javascript:",
        "cookie",
        "<",
        ">",
    ):
        assert needle not in article.text
        assert needle not in (article.title or "")


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><nav><ul><li><a href='/'>Home</a></li><li><a href='/w'>World</a></li>"
        "</ul></nav><footer>All rights reserved</footer></body></html>",
        "<html><head><script>var article = 'The council voted on Tuesday to approve it.';"
        "</script></head><body><script>document.write(article)</script></body></html>",
        "<html><body></body></html>",
        "<html><body><p>Too short.</p></body></html>",
    ],
)
def test_pages_without_an_article_raise_no_article(html):
    with pytest.raises(NoArticleError):
        article_from_html(html)


def test_blank_html_is_empty_input():
    with pytest.raises(EmptyInputError):
        article_from_html("  \n ")


def test_a_bare_fragment_is_read():
    article = article_from_html(
        "<p>The council voted on Tuesday to approve the budget. Officials said it was needed.</p>"
    )
    assert (
        article.text
        == "The council voted on Tuesday to approve the budget. Officials said it was needed."
    )


def test_line_breaks_inside_a_paragraph_stay_in_the_paragraph():
    article = article_from_html(
        "<html><body><article><p>The council voted on Tuesday to approve the budget.<br>"
        "Officials said the plan was needed by the city.</p></article></body></html>"
    )
    assert article.text == (
        "The council voted on Tuesday to approve the budget.\n"
        "Officials said the plan was needed by the city."
    )


def test_non_english_page_gets_its_language():
    article = article_from_html(
        "<html><body><article><p>El gobierno aprobó el martes un nuevo presupuesto que aumenta "
        "el gasto en un cuatro por ciento, según dijeron los funcionarios.</p>"
        "</article></body></html>"
    )
    assert article.language == "es"
