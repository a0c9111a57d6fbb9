"""Articles not in English in a corpus: stored with a brief that says why they were not
analysed (or analysed anyway with ``any_language``), never reused across that setting, and the
story brief says so instead of reporting 0% opinion and "no stored analysis"."""

from __future__ import annotations

import json

from newsdesk.cli import main
from newsdesk.corpus import decode_analysis, ingest
from newsdesk.model import Article, SentenceRole
from newsdesk.store import open_store
from newsdesk.stories.brief import render_story_markdown, story_brief

GERMAN = ("Die Bundesregierung hat am Dienstag in Berlin ein neues Gesetz beschlossen. Der Kanzler "
          "sagte, das sei ein wichtiger Schritt für die Wirtschaft und die Menschen im Land. "
          "Die Opposition kritisierte den Entwurf scharf.")


def _rows(outlet: str) -> list[dict]:
    return [{"text": GERMAN, "title": "Neues Gesetz", "published": "2024-05-07",
             "outlet": outlet, "url": f"https://{outlet}.example/gesetz"}]


def _write(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows),
                    encoding="utf-8")
    return str(path)


def _brief_of(store, row):
    article = Article(id=row.id, text=row.text, title=row.title, url=row.url, outlet=row.outlet,
                      published=row.published, language=row.language, source=row.source)
    return decode_analysis(store.article(row.id).analysis, article)


def _gated(brief) -> bool:
    return any(n.startswith("Not analysed:") for n in brief.notices)


def test_a_german_story_says_it_was_not_analysed(tmp_path):
    db = tmp_path / "c.db"
    with open_store(db) as store:
        report = ingest([_write(tmp_path / "de.jsonl", _rows("taz"))], store)
        assert (report.added, report.failed) == (1, 0)
        row = store.recent_articles(5)[0]
        brief = _brief_of(store, row)
        assert _gated(brief) and brief.claims == [] and brief.perspectives.genre is None
        story = story_brief(store, store.stories()[0].id)
    assert any("in German were not run through the English models" in n for n in story.notices)
    (taz,) = story.perspectives
    assert (taz.genre, taz.analysed, story.claims, story.takeaways) == ("not analysed", 0, [], [])
    text = render_story_markdown(story)
    assert "no article of this story was analysed" in text
    assert "| Share of opinion | - |" in text and "no stored analysis" not in text


def test_any_language_ingest_analyses_and_never_reuses_a_gated_analysis(tmp_path):
    db = tmp_path / "c.db"
    with open_store(db) as store:
        ingest([_write(tmp_path / "a.jsonl", _rows("taz"))], store)
        # a copy of the same text from another outlet, ingested with any_language: analysed by
        # the models, not handed the stored "not analysed" brief of its original
        report = ingest([_write(tmp_path / "b.jsonl", _rows("faz"))], store, any_language=True)
        assert (report.added, report.reused) == (1, 0)
        rows = {r.outlet: r for r in store.recent_articles(5)}
        original, copy = _brief_of(store, rows["taz"]), _brief_of(store, rows["faz"])
    assert _gated(original) and not _gated(copy)
    assert any(a.role != SentenceRole.other for a in copy.analysis)
    assert copy.perspectives.genre is not None


def test_cli_ingest_any_language(tmp_path, capsys):
    db = str(tmp_path / "c.db")
    src = _write(tmp_path / "de.jsonl", _rows("taz"))
    assert main(["ingest", src, "--db", db, "--workers", "0", "--any-language", "-q"]) == 0
    with open_store(db) as store:
        assert not _gated(_brief_of(store, store.recent_articles(5)[0]))
