"""The web UI in a real browser (Debian's chromium driven by Playwright): submit the seed, see its
opinion sentences highlighted; hostile markup executes nothing. Screenshots go to
tests/artifacts/ (ignored by git) for a person to look at."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

SHOTS = Path(__file__).resolve().parents[1] / "artifacts"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _require_browser():
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed: .ci/services/chromium.sh should install it")
        pytest.skip("chromium not installed (apt-get install chromium)")
    return pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def browser():
    sync_api = _require_browser()
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync"],
        )
        yield browser
        browser.close()


def test_seed_opinion_sentences_are_highlighted(browser, live_server, seed_path):
    SHOTS.mkdir(exist_ok=True)
    page = browser.new_page()
    page.goto(live_server.url + "/")
    page.fill("#text", seed_path.read_text(encoding="utf-8"))
    page.fill("#published", "2026-02-03")
    page.click("#submit")
    page.wait_for_selector(".role-opinion, .role-mixed")
    first = page.locator("#s1")
    assert "cynical pragmatism" in first.inner_text()
    assert "role-fact" not in (first.get_attribute("class") or "")
    assert page.locator("span.role-opinion").count() >= 3
    page.screenshot(path=str(SHOTS / "seed_brief.png"), full_page=True)
    page.close()


def test_hostile_markup_executes_nothing(browser, live_server):
    page = browser.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    hostile = ("<html><body><article><h1>Bridge reopens <script>window.pwned=1;alert(1)</script></h1>"
               "<p>The city reopened the bridge on Monday after repairs costing 3 million dollars, "
               "officials said. <img src=x onerror=\"window.pwned=2;alert(2)\"> Mayor Ann Lee "
               "called it a triumph.</p><p>Critics called it a disgraceful waste. "
               "<a id=evil href=\"javascript:window.pwned=3;alert(3)\">More</a> "
               "&lt;script&gt;alert(4)&lt;/script&gt;</p></article></body></html>")
    page.goto(live_server.url + "/")
    page.fill("#text", hostile)
    page.click("#submit")
    page.wait_for_selector("#facts")
    for link in page.locator("a").all():
        assert not (link.get_attribute("href") or "").lower().startswith("javascript:")
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert dialogs == []
    page.screenshot(path=str(SHOTS / "hostile_brief.png"), full_page=True)
    page.close()


def test_story_page_shows_outlets_side_by_side(browser, corpus_server):
    SHOTS.mkdir(exist_ok=True)
    page = browser.new_page()
    page.goto(corpus_server.url + "/web/stories")
    page.click("table a")  # the newest story
    if page.locator("#outlets tbody tr").count() < 3:  # the event story, not the comet one
        page.go_back()
        page.locator("table a").nth(1).click()
    page.wait_for_selector("svg[aria-label='Outlet comparison']")
    rows = page.locator("#outlets tbody tr")
    assert rows.count() == 3
    assert page.locator("#facts tbody tr").count() >= 1
    page.screenshot(path=str(SHOTS / "story_page.png"), full_page=True)
    page.close()
