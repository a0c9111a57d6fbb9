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


ENGLISH = ("The city council of Springfield approved a new budget on Tuesday. The mayor said "
           "the plan would fund two new schools and repair the main bridge by 2027.")


def test_reingest_with_any_language_analyses_what_was_stored_unanalysed(tmp_path):
    db = tmp_path / "c.db"
    rows = _rows("taz") + [{"text": ENGLISH, "title": "Budget approved", "published": "2024-05-07",
                            "outlet": "ledger", "url": "https://ledger.example/budget"}]
    src = _write(tmp_path / "mixed.jsonl", rows)
    with open_store(db) as store:
        ingest([src], store)
        before = {r.outlet: store.article(r.id) for r in store.recent_articles(5)}
        story_ids = {o: r.story_id for o, r in before.items()}
        again = ingest([src], store)  # without any_language: nothing to do
        assert (again.added, again.skipped, again.reanalysed) == (0, 2, 0)
        report = ingest([src], store, any_language=True)
        # the German article is analysed now, in place; the English one is left alone
        assert (report.added, report.skipped, report.reanalysed, report.failed) == (0, 1, 1, 0)
        after = {r.outlet: store.article(r.id) for r in store.recent_articles(5)}
        assert store.count_articles() == 2
        assert {o: r.story_id for o, r in after.items()} == story_ids
        assert after["ledger"].analysis == before["ledger"].analysis
        german = _brief_of(store, after["taz"])
        assert not _gated(german) and german.perspectives.genre is not None
        assert any(a.role != SentenceRole.other for a in german.analysis)
        # done once: a further run with any_language has nothing left to analyse
        last = ingest([src], store, any_language=True)
        assert (last.added, last.skipped, last.reanalysed) == (0, 2, 0)


def test_cli_reingest_any_language_reports_the_reanalysed(tmp_path, capsys):
    db = str(tmp_path / "c.db")
    src = _write(tmp_path / "de.jsonl", _rows("taz"))
    assert main(["ingest", src, "--db", db, "--workers", "0", "-q"]) == 0
    capsys.readouterr()
    assert main(["ingest", src, "--db", db, "--workers", "0", "--any-language", "-q"]) == 0
    assert "1 stored unanalysed and analysed now" in capsys.readouterr().err
    with open_store(db) as store:
        assert not _gated(_brief_of(store, store.recent_articles(5)[0]))
