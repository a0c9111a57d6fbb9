"""The safe fetcher against real HTTP servers on loopback, and the address check."""

from __future__ import annotations

import functools
import gzip
import http.server
import socket
import threading
import time

import pytest

from newsdesk.errors import (
    BadContentTypeError,
    BlockedAddressError,
    FetchError,
    FetchTimeoutError,
    InputTooLargeError,
)
from newsdesk.ingest import load_source
from newsdesk.ingest.addresses import is_blocked_address, resolve_host
from newsdesk.ingest.fetch import FetchResult, fetch

ARTICLE = (
    b"<!doctype html><html><head><title>Council passes budget</title></head><body><article>"
    b"<h1>Council passes budget</h1><p>The council voted on Tuesday to approve the new budget. "
    b"Officials said the plan was needed.</p></article></body></html>"
)


@functools.cache
def gzip_bomb() -> bytes:
    """20 MB of zeros, gzip-compressed to about 20 KB."""
    return gzip.compress(b"\0" * 20_000_000, compresslevel=9)


_DRIPS = 600


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.0"  # no keep-alive: a body without Content-Length ends at close

    def log_message(self, *args):  # keep test output clean
        pass

    def _send(
        self, status, body=b"", content_type="text/html; charset=utf-8", length=True, headers=()
    ):
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        if length:
            self.send_header("Content-Length", str(len(body) if length is True else length))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        if body:
            self.wfile.write(body)

    def do_GET(self):
        self.server.paths.append(self.path)
        port = self.server.server_address[1]
        route = self.path.split("?")[0]
        if route == "/article":
            self._send(200, ARTICLE)
        elif route == "/text":
            self._send(200, b"Plain text body.", "text/plain")
        elif route == "/host":
            self._send(200, f"Host={self.headers['Host']}".encode(), "text/plain")
        elif route == "/png":
            self._send(200, b"\x89PNG\r\n\x1a\n\x00\x00", "image/png")
        elif route == "/missing":
            self._send(404, b"not here", "text/plain")
        elif route == "/slow":
            time.sleep(1.5)
            self._send(200, b"late", "text/plain")
        elif route == "/declared-big":
            self._send(200, b"x" * 100, "text/plain", length=5000)
        elif route == "/streamed-big":
            self._send(200, b"x" * 5000, "text/plain", length=False)
        elif route == "/drip":  # a body that trickles in for up to 30 s
            self._send(200, b"", "text/plain", length=False)
            sent = 0
            while sent < _DRIPS:
                time.sleep(0.05)
                try:
                    self.wfile.write(b"drip ")
                    self.wfile.flush()
                except OSError:  # the client hung up
                    break
                sent += 1
            self.server.drips.append(sent)
        elif route == "/gzip-bomb":
            self._send(200, gzip_bomb(), "text/plain", headers=[("Content-Encoding", "gzip")])
        elif route == "/gzip-small":
            body = gzip.compress(b"Small compressed text.")
            self._send(200, body, "text/plain", headers=[("Content-Encoding", "gzip")])
        elif route == "/to-article":
            self._send(302, headers=[("Location", "/article")])
        elif route == "/to-localhost":
            self._send(302, headers=[("Location", f"http://localhost:{port}/article")])
        elif route == "/loop":
            self._send(302, headers=[("Location", "/loop")])
        else:
            self._send(500, b"unknown route", "text/plain")


@pytest.fixture(scope="module")
def server():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    httpd.paths = []
    httpd.drips = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def base(server) -> str:
    return f"http://127.0.0.1:{server.server_address[1]}"


# ------------------------------------------------------------------ address checks


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.0.0.1",
        "172.16.5.4",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "224.0.0.1",
        "255.255.255.255",
        "::1",
        "::",
        "fe80::1%eth0",
        "fc00::1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "64:ff9b::7f00:1",
        "2002:7f00:1::",
        "ff02::1",
        "not an address",
    ],
)
def test_non_public_addresses_are_blocked(address):
    assert is_blocked_address(address)


@pytest.mark.parametrize(
    "address", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"]
)
def test_public_addresses_are_allowed(address):
    assert not is_blocked_address(address)


def test_resolving_a_loopback_name_is_refused_unless_allowed():
    with pytest.raises(BlockedAddressError):
        resolve_host("localhost", 80)
    assert resolve_host("localhost", 80, allow_private=True)
    assert resolve_host("localhost", 80, allow_hosts={"LOCALHOST"})


def test_unresolvable_host_is_a_fetch_error_not_a_block():
    with pytest.raises(FetchError) as caught:
        fetch("http://no-such-host.invalid/")
    assert not isinstance(caught.value, BlockedAddressError)


# ------------------------------------------------------------------ fetching


def test_loopback_is_refused_by_default_before_any_request(server):
    before = len(server.paths)
    with pytest.raises(BlockedAddressError):
        fetch(base(server) + "/article")
    assert len(server.paths) == before


def test_loopback_is_fetched_with_allow_private(server):
    result = fetch(base(server) + "/article", allow_private=True)
    assert isinstance(result, FetchResult)
    assert (result.status, result.content_type, result.encoding) == (200, "text/html", "utf-8")
    assert result.body == ARTICLE


def test_connection_goes_to_the_checked_address_with_the_host_header(server, monkeypatch):
    """The name is resolved once, by us; the request carries the name but goes to that IP."""
    port = server.server_address[1]
    real = socket.getaddrinfo
    lookups = []

    def fake_getaddrinfo(host, *args, **kwargs):
        lookups.append(host)
        if host == "news.example":
            return real("127.0.0.1", *args, **kwargs)
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", fake_getaddrinfo)
    result = fetch(f"http://news.example:{port}/host", allow_hosts={"news.example"})
    assert result.body == f"Host=news.example:{port}".encode()
    assert lookups.count("news.example") == 1


def test_a_redirect_is_followed(server):
    result = fetch(base(server) + "/to-article", allow_private=True)
    assert result.url == base(server) + "/article"
    assert result.body == ARTICLE


def test_every_redirect_hop_is_checked(server):
    port = server.server_address[1]
    # The first hop is allowed by name; the redirect goes to another loopback name: refused.
    with pytest.raises(BlockedAddressError):
        fetch(base(server) + "/to-localhost", allow_hosts={"127.0.0.1"})
    assert server.paths[-1] == "/to-localhost"  # the refused hop was never requested
    result = fetch(base(server) + "/to-localhost", allow_hosts={"127.0.0.1", "localhost"})
    assert result.url == f"http://localhost:{port}/article"


def test_redirect_loops_stop(server):
    with pytest.raises(FetchError, match="redirects"):
        fetch(base(server) + "/loop", allow_private=True, max_redirects=3)


def test_slow_server_times_out(server):
    with pytest.raises(FetchTimeoutError):
        fetch(base(server) + "/slow", allow_private=True, read_timeout=0.3)


def test_a_trickling_body_hits_the_total_timeout(server):
    with pytest.raises(FetchTimeoutError):
        fetch(base(server) + "/drip", allow_private=True, read_timeout=2, total_timeout=0.5)
    for _ in range(200):  # wait for the handler to notice the hang-up and record it
        if server.drips:
            break
        time.sleep(0.05)
    assert server.drips and server.drips[-1] < _DRIPS  # we hung up before the body ended


def test_declared_length_over_the_cap_is_refused(server):
    with pytest.raises(InputTooLargeError):
        fetch(base(server) + "/declared-big", allow_private=True, max_bytes=1000)


def test_streamed_body_over_the_cap_is_refused(server):
    with pytest.raises(InputTooLargeError):
        fetch(base(server) + "/streamed-big", allow_private=True, max_bytes=1000)
    assert (
        len(fetch(base(server) + "/streamed-big", allow_private=True, max_bytes=6000).body) == 5000
    )


def test_compressed_bodies_are_decoded_and_capped_after_decoding(server):
    small = fetch(base(server) + "/gzip-small", allow_private=True)
    assert small.body == b"Small compressed text."
    with pytest.raises(InputTooLargeError):
        fetch(base(server) + "/gzip-bomb", allow_private=True, max_bytes=1_000_000)


def test_wrong_content_type_is_refused(server):
    with pytest.raises(BadContentTypeError):
        fetch(base(server) + "/png", allow_private=True)


def test_content_types_can_be_widened(server):
    result = fetch(base(server) + "/png", allow_private=True, accept={"image/png"})
    assert result.content_type == "image/png"


def test_http_error_status_is_a_fetch_error(server):
    with pytest.raises(FetchError, match="404"):
        fetch(base(server) + "/missing", allow_private=True)


@pytest.mark.parametrize(
    "url",
    ["ftp://example.com/a", "file:///etc/passwd", "http://user:pw@example.com/", "http:///nohost"],
)
def test_only_plain_http_and_https_urls_are_fetched(url):
    with pytest.raises(FetchError):
        fetch(url)


# ------------------------------------------------------------------ through load_source


def test_load_source_fetches_a_url(server):
    article = load_source(base(server) + "/article", allow_private=True)
    assert article.source == "url"
    assert article.url == base(server) + "/article"
    assert article.title == "Council passes budget"
    assert article.text.startswith("The council voted on Tuesday")


def test_load_source_reads_plain_text_urls_as_text(server):
    article = load_source(base(server) + "/text", allow_private=True)
    assert (article.text, article.source) == ("Plain text body.", "url")


def test_load_source_refuses_loopback_urls_by_default(server):
    with pytest.raises(BlockedAddressError):
        load_source(base(server) + "/article")


def test_load_source_uses_an_injected_fetcher():
    calls = []

    def fake_fetcher(url, *, allow_private=False, max_bytes=0):
        calls.append((url, allow_private, max_bytes))
        return FetchResult(
            url="https://news.test/final",
            status=200,
            content_type="text/html",
            body=ARTICLE,
            encoding=None,
        )

    article = load_source(
        "https://news.test/start", fetcher=fake_fetcher, max_bytes=12345, outlet="News Test"
    )
    assert calls == [("https://news.test/start", False, 12345)]
    assert (article.url, article.outlet, article.source) == (
        "https://news.test/final",
        "News Test",
        "url",
    )
