"""Corpus ingest: analysis, idempotence, failures, near-duplicates, stories, story brief, CLI,
and a real kill -9 in the middle of an ingest followed by a rerun."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from corpus_helpers import EVENT_A, fast_pipeline, records, write_jsonl
from newsdesk.cli import main
from newsdesk.corpus import decode_analysis, ingest
from newsdesk.model import Article
from newsdesk.store import open_store
from newsdesk.stories.brief import render_story_markdown, story_brief

REPO = Path(__file__).resolve().parents[1]


def _ingest(paths, db, **kw):
    with open_store(db) as store:
        return ingest([str(p) for p in paths], store, pipeline=fast_pipeline(), **kw)


def test_ingest_is_idempotent_and_groups_stories(tmp_path):
    src = write_jsonl(tmp_path / "news.jsonl", records())
    db = tmp_path / "c.db"
    first = _ingest([src], db)
    assert (first.items, first.added, first.failed, first.new_stories) == (5, 5, 0, 2)
    again = _ingest([src], db)  # same items: recognised by key, nothing analysed or added
    assert (again.added, again.skipped) == (0, 5)
    # same texts under other keys (another file): recognised by content hash
    copy = write_jsonl(tmp_path / "copy.jsonl", [dict(r, url=None) for r in records()])
    third = _ingest([copy], db)
    assert (third.added, third.skipped) == (0, 5)
    with open_store(db) as store:
        assert store.count_articles() == 5
        stories = store.stories()
        assert sorted(s.size for s in stories) == [2, 3]


def test_analysis_is_stored_and_round_trips(tmp_path):
    src = write_jsonl(tmp_path / "news.jsonl", records()[:1])
    db = tmp_path / "c.db"
    _ingest([src], db)
    with open_store(db) as store:
        row = store.story_articles(store.stories()[0].id, full=True)[0]
        article = Article(id=row.id, text=row.text, title=row.title, url=row.url,
                          outlet=row.outlet, published=row.published, source=row.source)
        brief = decode_analysis(row.analysis, article)
    assert brief.article.text == EVENT_A[0][2]
    assert brief.claims and all(c.text in brief.article.text for c in brief.claims)


def test_failures_are_recorded_then_cleared_when_fixed(tmp_path):
    src = tmp_path / "news.jsonl"
    src.write_text(json.dumps(records()[0]) + "\n" + json.dumps({"title": "no body"}) + "\n"
                   + "{oops\n", encoding="utf-8")
    db = tmp_path / "c.db"
    report = _ingest([src, tmp_path / "missing.jsonl"], db)
    assert (report.added, report.failed) == (1, 3)
    with open_store(db) as store:
        reasons = sorted(f.reason for f in store.failures())
    assert any("no 'text' or 'html'" in r for r in reasons)
    assert any("not JSON" in r for r in reasons) and any("no such file" in r for r in reasons)
    (tmp_path / "missing.jsonl").write_text(json.dumps(records()[3]) + "\n", encoding="utf-8")
    _ingest([tmp_path / "missing.jsonl"], db)
    with open_store(db) as store:
        assert len(store.failures()) == 2  # the missing file now ingested: its failure is gone


def test_story_brief_compares_outlets(tmp_path):
    src = write_jsonl(tmp_path / "news.jsonl", records())
    db = tmp_path / "c.db"
    _ingest([src], db)
    with open_store(db) as store:
        story = max(store.stories(), key=lambda s: s.size)
        brief = story_brief(store, story.id)
    assert brief.outlets == ["ap", "bbc", "reuters"]
    assert [p.outlet for p in brief.perspectives] == ["ap", "bbc", "reuters"]
    shared = [c for c in brief.claims if len(c.outlets) > 1]
    assert shared, "claims reported by several outlets are merged with their outlets"
    for p in brief.perspectives:
        assert 0 <= p.opinion_share <= 1
        assert all(brief.claims[i].outlets.count(p.outlet) == 1 for i in p.claims)
    assert {o for t in brief.takeaways for o in t.outlets} == {"ap", "bbc", "reuters"}
    bbc = next(p for p in brief.perspectives if p.outlet == "bbc")
    assert "rijkswaterstaat" not in bbc.omits  # every outlet names it
    text = render_story_markdown(brief)
    assert "## Editorial Perspectives" in text and "| ap | bbc | reuters |" in text
    assert "reported by" in text


def test_cli_commands_and_json_listing(tmp_path, capsys):
    src = write_jsonl(tmp_path / "news.jsonl", records())
    db = str(tmp_path / "c.db")
    assert main(["ingest", str(src), "--db", db, "--workers", "0", "--no-analysis", "-q"]) == 0
    assert "5 added" in capsys.readouterr().err
    assert main(["stories", "--db", db, "--format", "json"]) == 0
    listing = json.loads(capsys.readouterr().out)
    assert sorted(len(s["articles"]) for s in listing) == [2, 3]
    for story in listing:
        assert all({"url", "outlet", "title"} <= set(a) for a in story["articles"])
    assert main(["stories", "--db", db, "--outlet", "bbc", "--format", "json"]) == 0
    only = json.loads(capsys.readouterr().out)
    assert len(only) == 1 and "bbc" in only[0]["outlets"]
    assert main(["stories", "--db", db, "--since", "2024-05-06", "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 1
    assert main(["story", only[0]["id"], "--db", db]) == 0
    assert "Rotterdam" in capsys.readouterr().out
    assert main(["story", "s_nope", "--db", db]) == 2
    assert main(["failures", "--db", db]) == 0
    assert "no failures" in capsys.readouterr().out


@pytest.mark.parametrize("command", ["ingest", "failures", "stories", "story"])
def test_every_corpus_command_has_an_example(command, capsys):
    main([command, "--help"])
    out = capsys.readouterr().out
    assert "Example: newsdesk " + command in out and "--db" in out


def _many_records(n: int) -> list[dict]:
    words = ("harbour council river bridge budget strike court school hospital election storm "
             "museum railway airport festival market factory vaccine drought wildfire").split()
    out = []
    for i in range(n):
        a, b, c = words[i % 20], words[(i * 7) % 20], words[(i * 13) % 20]
        out.append({"text": f"Report {i}: the {a} and the {b} of town {i} were discussed with "
                            f"{c} officials on day {i % 28 + 1}. Item number {i * 31}.",
                    "title": f"Item {i}", "outlet": f"outlet{i % 3}",
                    "published": f"2024-{i % 12 + 1:02d}-{i % 28 + 1:02d}",
                    "url": f"https://x.example/{i}"})
    return out


def _children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def test_kill_dash_nine_mid_ingest_then_rerun_loses_and_doubles_nothing(tmp_path):
    n = 1500
    src = write_jsonl(tmp_path / "many.jsonl", _many_records(n))
    db = tmp_path / "c.db"
    cmd = [sys.executable, "-m", "newsdesk.cli", "ingest", str(src), "--db", str(db),
           "--workers", "1", "--no-analysis", "-q"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stored = 0
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with sqlite3.connect(db, timeout=1) as conn:
                stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        except sqlite3.Error:
            stored = 0
        if stored >= 64:
            break
        time.sleep(0.02)
    assert proc.poll() is None, "the ingest finished before it could be killed"
    children = _children(proc.pid)
    assert children, "the ingest runs its analysis in a worker process"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(Path(f"/proc/{pid}").exists() for pid in children):
        time.sleep(0.1)
    assert not [pid for pid in children if Path(f"/proc/{pid}").exists()], "orphaned workers"
    with sqlite3.connect(db) as conn:
        partial = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert 0 < partial < n
    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    with open_store(db) as store:
        assert store.count_articles() == n
        assert store.known_items([]) == set()
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(DISTINCT id), count(DISTINCT item) FROM articles").fetchone() == (n, n)
        assert conn.execute("SELECT count(*) FROM articles WHERE story_id IS NULL").fetchone()[0] == 0
        assert conn.execute("SELECT sum(size) FROM stories").fetchone()[0] == n
        assert conn.execute("SELECT count(*) FROM stories WHERE id NOT IN "
                            "(SELECT story_id FROM articles)").fetchone()[0] == 0
        urls = {r[0] for r in conn.execute("SELECT url FROM articles")}
    assert urls == {f"https://x.example/{i}" for i in range(n)}


def test_ingest_with_the_brief_pipeline_and_workers(tmp_path):
    """The default path: the same pipeline as `newsdesk brief`, analysis in worker processes."""
    src = write_jsonl(tmp_path / "news.jsonl", records()[:2])
    db = tmp_path / "c.db"
    with open_store(db) as store:
        report = ingest([str(src)], store, workers=1, batch_size=1)
    assert (report.added, report.failed) == (2, 0), report.failures
    with open_store(db) as store:
        brief = story_brief(store, store.stories()[0].id)
    assert brief.perspectives and brief.claims


def test_wire_copies_with_workers_take_the_original_analysis_renamed(tmp_path):
    """Copies handed to another worker while their original is still being analysed are not
    analysed again: they take the original's analysis, claim ids renamed, once it is stored."""
    import zlib

    text = records()[0]["text"]
    rows = [{"text": text, "title": "Wire", "published": "2024-05-06", "outlet": outlet,
             "url": f"https://{outlet}.example/w"} for outlet in ("alpha", "beta", "gamma")]
    src = write_jsonl(tmp_path / "wire.jsonl", rows)
    with open_store(tmp_path / "c.db") as store:
        report = ingest([str(src)], store, workers=2, batch_size=1)
        assert (report.added, report.duplicates, report.reused) == (3, 2, 2)
        stored = {r.outlet: store.article(r.id) for r in store.recent_articles(5)}
    first = stored["alpha"]
    for outlet in ("beta", "gamma"):
        copy = stored[outlet]
        expected = zlib.decompress(first.analysis).decode().replace(
            "c_" + first.id[2:], "c_" + copy.id[2:])
        assert json.loads(zlib.decompress(copy.analysis)) == json.loads(expected)
        assert (copy.terms, copy.lead_terms) == (first.terms, first.lead_terms)
        assert copy.duplicate_of == first.id
