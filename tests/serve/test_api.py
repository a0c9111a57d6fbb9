"""REST API against a real server on loopback."""

from __future__ import annotations

import httpx

ARTICLE = ("The city council approved a budget of 12 million dollars on Monday, officials said. "
           "Mayor Jane Doe said the plan would fund three new schools. Critics called the plan "
           "a reckless giveaway that will bankrupt the city.")


def test_post_brief_returns_the_brief_record(live_server):
    r = httpx.post(f"{live_server.url}/briefs",
                   json={"text": ARTICLE, "published": "2025-05-07", "outlet": "Gazette"}, timeout=60)
    assert r.status_code == 200, r.text
    data = r.json()
    assert data["article"]["outlet"] == "Gazette"
    assert data["article"]["published"] == "2025-05-07"
    roles = {a["role"] for a in data["analysis"]}
    assert "fact" in roles or "mixed" in roles
    from newsdesk.model import Brief

    Brief.model_validate(data)  # the same record the library returns


def test_openapi_documents_the_endpoints(live_server):
    spec = httpx.get(f"{live_server.url}/openapi.json").json()
    assert "/briefs" in spec["paths"] and "post" in spec["paths"]["/briefs"]


def test_bad_requests_are_clear_errors(live_server):
    r = httpx.post(f"{live_server.url}/briefs", json={"text": ARTICLE, "url": "http://x"})
    assert r.status_code == 422
    r = httpx.post(f"{live_server.url}/briefs", json={"text": "   "})
    assert r.status_code == 422 and "error" in r.json()
    r = httpx.post(f"{live_server.url}/briefs", json={"text": "x" * 300_000})
    assert r.status_code == 413
    r = httpx.post(f"{live_server.url}/briefs", json={"text": ARTICLE, "publised": "2025-05-07"})
    assert r.status_code == 422 and "publised" in r.text  # a misspelt field is not ignored


def test_non_english_text_is_not_analysed_unless_asked(live_server):
    text = ("Die Bundesregierung hat am Dienstag in Berlin ein neues Gesetz beschlossen. Der "
            "Kanzler sagte, das sei ein wichtiger Schritt für die Wirtschaft.")
    r = httpx.post(f"{live_server.url}/briefs", json={"text": text}, timeout=60)
    assert r.status_code == 200, r.text
    assert r.json()["perspectives"]["genre"] is None and r.json()["claims"] == []
    r = httpx.post(f"{live_server.url}/briefs", json={"text": text, "any_language": True},
                   timeout=60)
    assert r.status_code == 200, r.text
    assert r.json()["perspectives"]["genre"] is not None


def test_private_urls_are_refused(live_server):
    r = httpx.post(f"{live_server.url}/briefs", json={"url": f"{live_server.url}/"}, timeout=30)
    assert r.status_code == 422
    assert r.json()["type"] == "BlockedAddressError"


def test_an_html_fragment_is_read_as_html(live_server):
    fragment = "<p>" + ARTICLE.replace(". ", ".</p><p>") + "</p><script>var x = 1;</script>"
    r = httpx.post(f"{live_server.url}/briefs", json={"html": fragment}, timeout=60)
    assert r.status_code == 200, r.text
    text = r.json()["article"]["text"]
    assert "<p>" not in text and "var x" not in text and "Mayor Jane Doe" in text
    r = httpx.post(f"{live_server.url}/briefs", json={"html": "<nav>menu</nav>"}, timeout=60)
    assert r.status_code == 422 and r.json()["type"] == "NoArticleError"


def test_text_is_never_read_as_a_server_path(live_server):
    r = httpx.post(f"{live_server.url}/briefs", json={"text": "/etc/passwd"}, timeout=30)
    assert "root:" not in r.text


def test_token_is_required_when_configured(token_server):
    url = f"{token_server.url}/briefs"
    assert httpx.post(url, json={"text": ARTICLE}).status_code == 401
    assert httpx.post(url, json={"text": ARTICLE},
                      headers={"Authorization": "Bearer wrong"}).status_code == 401
    ok = httpx.post(url, json={"text": ARTICLE}, headers={"Authorization": "Bearer sesame"},
                    timeout=60)
    assert ok.status_code == 200
