"""REST routes and pages over a real SQLite store (the corpus_server fixture), served by a real
server on loopback."""

from __future__ import annotations

import httpx

OUTLETS = {"Kelso Courier", "Ashford Gazette", "Daily Ledger"}  # the event's outlets (conftest)


def test_articles_list_search_and_brief(corpus_server):
    base = corpus_server.url
    articles = httpx.get(base + "/articles").json()
    assert len(articles) == 4
    hits = httpx.get(base + "/articles", params={"q": "comet"}).json()
    assert [a["outlet"] for a in hits] == ["Science Weekly"]
    brief = httpx.get(base + f"/articles/{hits[0]['id']}", timeout=60).json()
    assert brief["article"]["outlet"] == "Science Weekly" and brief["claims"]
    claim = brief["claims"][0]
    got = httpx.get(base + f"/claims/{claim['id']}", timeout=60).json()
    assert got["text"] == claim["text"]
    assert httpx.get(base + "/claims/c_nope").status_code == 404
    assert httpx.get(base + "/articles/a_0000000000000000").status_code == 404


def test_stories_group_the_event(corpus_server):
    base = corpus_server.url
    stories = httpx.get(base + "/stories").json()
    biggest = max(stories, key=lambda s: len(s["articles"]))
    assert {a["outlet"] for a in biggest["articles"]} == OUTLETS
    story = httpx.get(base + f"/stories/{biggest['id']}", timeout=60).json()
    assert {p["outlet"] for p in story["perspectives"]} == OUTLETS


def test_story_page_compares_outlets_with_a_chart(corpus_server):
    base = corpus_server.url
    stories = httpx.get(base + "/stories").json()
    biggest = max(stories, key=lambda s: len(s["articles"]))
    page = httpx.get(base + f"/web/stories/{biggest['id']}", timeout=60)
    assert page.status_code == 200
    assert "<svg" in page.text and 'id="outlets"' in page.text and "Daily Ledger" in page.text
    assert httpx.get(base + "/web/articles").status_code == 200
    assert "Telescope" in httpx.get(base + "/web/search", params={"q": "comet"}).text


def test_check_a_claim(corpus_server):
    r = httpx.post(corpus_server.url + "/check",
                   json={"claim": "The Millbrook River Bridge cost 48 million dollars."}, timeout=60)
    assert r.status_code == 200
    data = r.json()
    assert data["verdict"] in {"supported", "mixed", "contradicted", "not enough evidence"}
    assert data["evidence"]


def test_web_brief_checks_claims_against_the_store(corpus_server):
    import re

    client = httpx.Client(base_url=corpus_server.url, timeout=60)
    token = re.search(r'name="csrf" value="([^"]+)"', client.get("/").text).group(1)
    text = ("Governor Helen Marsh opened the Millbrook River Bridge on Monday. The state transport "
            "department said the bridge cost 84 million dollars.")
    page = client.post("/web/brief", data={"csrf": token, "text": text, "published": "2025-06-02"})
    assert page.status_code == 200
    assert "<details>" in page.text and 'class="evidence"' in page.text
    verdicts = re.findall(r'<span class="verdict">([^<]+)</span>', page.text)
    assert set(verdicts) & {"supported", "contradicted", "mixed"}


def test_story_brief_keeps_different_figures_apart(corpus_server):
    stories = httpx.get(corpus_server.url + "/stories").json()
    biggest = max(stories, key=lambda s: len(s["articles"]))
    story = httpx.get(corpus_server.url + f"/stories/{biggest['id']}", timeout=60).json()
    by_figure = {c["text"]: set(c["outlets"]) for c in story["claims"] if "million" in c["text"]}
    for text, outlets in by_figure.items():
        if "48" in text:
            assert "Daily Ledger" not in outlets  # the Ledger reported 84 million
        if "84" in text:
            assert outlets == {"Daily Ledger"}
    assert any("84" in t for t in by_figure)
