"""Markdown, JSON and HTML on several bundled samples and on hostile text."""

from __future__ import annotations

import json
import re

import jsonschema
import pytest

import newsdesk
from newsdesk.errors import InputError
from newsdesk.model import brief_json_schema
from newsdesk.render import render


def test_markdown_sections_on_samples(sample_briefs):
    for brief in sample_briefs:
        md = render(brief, "md")
        assert md.startswith(f"# {brief.article.title}")
        for section in ("## Editorial Perspectives", "## Takeaways", "## Key Verifiable Facts",
                        "## Not verifiable"):
            assert section in md
        assert brief.article.attribution in md


def test_json_validates_on_samples(sample_briefs):
    schema = brief_json_schema()
    for brief in sample_briefs:
        data = json.loads(render(brief, "json"))
        jsonschema.validate(data, schema)
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", data["article"]["published"])
        for t in data["times"]:
            if t["value"]:
                assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", t["value"])


def test_every_annotation_offset_points_into_the_text(sample_briefs):
    for brief in sample_briefs:
        text = brief.article.text
        spans = [*brief.sentences, *brief.entities, *brief.times,
                 *brief.perspectives.loaded_words, *brief.perspectives.techniques,
                 *brief.not_verifiable]
        spans += [s for c in brief.claims for s in c.spans]
        for span in spans:
            assert text[span.start:span.end] == span.text


def test_takeaways_cite_existing_sentences(sample_briefs):
    for brief in sample_briefs:
        assert 3 <= len(brief.takeaways) <= 6
        for t in brief.takeaways:
            assert t.sentences and all(0 <= i < len(brief.sentences) for i in t.sentences)


def test_takeaways_carry_the_role_of_the_sentence_they_condense(sample_briefs, seed_brief):
    for brief in [*sample_briefs, seed_brief]:
        roles = {a.index: a.role for a in brief.analysis}
        for t in brief.takeaways:
            assert t.sentence in t.sentences and t.role == roles.get(t.sentence)
    opinionated = [t for t in seed_brief.takeaways if t.role.value in ("opinion", "mixed")]
    assert opinionated  # the seed is an opinion piece: its points are the writer's
    md = render(seed_brief, "md")
    for t in opinionated:
        assert f"- *{t.role.value}:* {t.text}" in md
    html = render(seed_brief, "html")
    assert f'<em class="{opinionated[0].role.value}-label">' in html


def test_html_highlights_roles(sample_briefs):
    page = render(sample_briefs[0], "html")
    assert page.startswith("<!DOCTYPE html>")
    assert 'class="s role-' in page
    assert "Content-Security-Policy" in page


HOSTILE = (
    'Officials said <script>alert("x")</script> the bridge reopened on Monday. '
    '<img src=x onerror="alert(1)"> Mayor Ann Lee called it "a triumph" '
    '<a href="javascript:alert(2)">here</a>.\n'
)


def test_html_escapes_everything_from_the_article():
    from newsdesk.model import Article

    # Given as an Article, the markup stays in the text as characters: the page must escape it.
    article = Article(id=Article.make_id(HOSTILE), text=HOSTILE, title='<b onmouseover="x()">T</b>')
    brief = newsdesk.brief(article, published="2025-05-07")
    page = render(brief, "html")
    assert "<script>" not in page and "<img" not in page and "<a href=\"javascript" not in page
    assert "&lt;script&gt;" in page
    body = page.split("<body>", 1)[1]
    assert "onerror=\"" not in body


def test_markdown_leaves_no_live_markup_from_the_article():
    from newsdesk.model import Article

    text = HOSTILE + " Officials said [the report](javascript:alert(1)) listed 40 victims in Paris."
    article = Article(id=Article.make_id(text), text=text, title='<b onmouseover="x()">T</b>')
    md = render(newsdesk.brief(article, published="2025-05-07"), "md")
    assert "<script" not in md and "<img" not in md and "<b " not in md
    assert "](javascript" not in md
    assert "&lt;b onmouseover" in md  # kept as visible text, not dropped
    assert md.rstrip().endswith("</sub>")  # the renderer's own markup stays


def test_unknown_format_raises():
    brief = newsdesk.brief("The council met on Monday and approved the budget of the city.")
    with pytest.raises(InputError):
        render(brief, "pdf")
