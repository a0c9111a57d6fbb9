"""The reference corpus (SQLite FTS5) and the `check` / `corpus add` commands."""

from __future__ import annotations

import json

import pytest
import typer
from typer.testing import CliRunner

from newsdesk.errors import InputError
from newsdesk.verify.check import check_claim, source_for_db
from newsdesk.verify.corpus import ReferenceCorpus

REPORT = ("Harbor Bridge report.\n\nThe Harbor Bridge cost 15 million dollars according to the "
          "final audit. Construction of the Harbor Bridge took three years.\n")


@pytest.fixture()
def corpus_files(tmp_path):
    (tmp_path / "report.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "wiki.jsonl").write_text(json.dumps({
        "title": "Tomato", "url": "https://example.org/tomato",
        "text": "Tomatoes grow well in warm summers with plenty of sun."}) + "\n", encoding="utf-8")
    (tmp_path / "page.html").write_text(
        "<html><head><title>Bridge news</title></head><body><article><h1>Bridge news</h1>"
        "<p>The Harbor Bridge opened to traffic in the spring after years of construction work."
        "</p><p>Local drivers welcomed the shorter commute across the harbor every morning.</p>"
        "</article></body></html>", encoding="utf-8")
    return tmp_path


def test_add_and_search_text_jsonl_html(corpus_files, tmp_path):
    db = tmp_path / "ref.db"
    with ReferenceCorpus(db) as corpus:
        added = corpus.add_path(corpus_files)
        assert {name for name, _ in added} >= {"report", "Tomato"}
        docs, passages = corpus.count()
        assert docs == 3 and passages >= 4
        again = corpus.add_path(corpus_files / "report.txt")
        assert again == [("report", 0)]  # idempotent
        hits = corpus.search("How much did the Harbor Bridge cost?", 5)
        assert "15 million" in hits[0].text and hits[0].source == "report"
        assert corpus.search("", 5) == []
        assert corpus.search('"; DROP TABLE x; -- NEAR(', 5) == []


def test_check_against_reference_corpus(corpus_files, tmp_path):
    db = tmp_path / "ref.db"
    with ReferenceCorpus(db) as corpus:
        corpus.add_path(corpus_files / "report.txt")
    result = check_claim("The Harbor Bridge cost 12 million dollars", source_for_db(db))
    assert result.verdict.value == "contradicted"
    assert result.evidence[0].source == "report"


def test_source_for_db_errors(tmp_path):
    with pytest.raises(InputError):
        source_for_db(tmp_path / "missing.db")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 10)
    with pytest.raises(InputError):
        source_for_db(junk)


def test_missing_path_is_an_input_error(tmp_path):
    with ReferenceCorpus(tmp_path / "r.db") as corpus, pytest.raises(InputError):
        corpus.add_path(tmp_path / "nope.txt")


@pytest.fixture()
def app():
    from newsdesk.cli_verify import register

    application = typer.Typer()
    register(application)
    return application


def test_cli_corpus_add_then_check_json_and_claimreview(app, corpus_files, tmp_path):
    runner = CliRunner()
    db = tmp_path / "cli.db"
    res = runner.invoke(app, ["corpus", "add", str(corpus_files / "report.txt"), "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert "1 documents" in res.output
    res = runner.invoke(app, ["check", "The Harbor Bridge cost 12 million dollars", "--db", str(db),
                              "--format", "json"])
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert data["verdict"] == "contradicted" and data["evidence"][0]["stance"] == "contradicts"
    res = runner.invoke(app, ["check", "The Harbor Bridge cost 12 million dollars", "--db", str(db),
                              "--format", "claimreview"])
    review = json.loads(res.output)
    assert review["reviewRating"]["alternateName"] == "Contradicted"
    res = runner.invoke(app, ["check", "The Harbor Bridge cost 12 million dollars", "--db", str(db)])
    assert res.exit_code == 0 and "contradicted" in res.output and "15 million" in res.output


def test_every_command_help_has_an_example(app):
    runner = CliRunner()
    for args in (["check", "--help"], ["corpus", "--help"], ["corpus", "add", "--help"]):
        res = runner.invoke(app, args)
        assert res.exit_code == 0 and "Example: newsdesk" in res.output, args
