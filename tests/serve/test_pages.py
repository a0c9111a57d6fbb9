"""Server-rendered pages over HTTP: CSRF, escaping, errors kept on the form."""

from __future__ import annotations

import re

import httpx

HOSTILE = ('<html><body><article><h1>Bridge <script>alert(1)</script> reopens</h1>'
           '<p>The city reopened the bridge on Monday, officials said, after repairs costing 3 million '
           'dollars. <img src=x onerror="alert(2)"> Mayor Ann Lee called it a triumph.</p>'
           '<p>Critics said the repairs were a disgraceful waste. '
           '<a href="javascript:alert(3)">More</a></p></article></body></html>')


def form_session(base: str):
    client = httpx.Client(base_url=base, timeout=60)
    home = client.get("/")
    token = re.search(r'name="csrf" value="([^"]+)"', home.text).group(1)
    return client, token


def test_home_has_a_form_and_security_headers(live_server):
    r = httpx.get(live_server.url + "/")
    assert r.status_code == 200 and "<form" in r.text
    assert "default-src 'none'" in r.headers["content-security-policy"]


def test_submit_text_shows_highlighted_brief(live_server):
    client, token = form_session(live_server.url)
    r = client.post("/web/brief", data={"csrf": token, "text": HOSTILE, "published": "2025-05-07"})
    assert r.status_code == 200
    assert 'class="s role-' in r.text
    assert "<script>" not in r.text and "onerror=\"alert" not in r.text
    assert "javascript:" not in r.text


def test_post_without_csrf_token_is_refused(live_server):
    r = httpx.post(live_server.url + "/web/brief", data={"text": "The council met on Monday."})
    assert r.status_code == 403


def test_empty_form_keeps_the_user_on_the_form(live_server):
    client, token = form_session(live_server.url)
    r = client.post("/web/brief", data={"csrf": token, "text": "  "})
    assert r.status_code == 422 and 'role="alert"' in r.text


def test_upload_a_file(live_server):
    client, token = form_session(live_server.url)
    files = {"file": ("a.txt", b"The council approved the budget on Monday, officials said.\n", "text/plain")}
    r = client.post("/web/brief", data={"csrf": token}, files=files)
    assert r.status_code == 200 and "Key Verifiable Facts" in r.text
