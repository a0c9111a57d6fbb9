"""HTTPS through the pinned connection: the certificate is checked against the URL's host name
although the socket goes to the address we resolved. Needs the openssl command to make certs."""

from __future__ import annotations

import http.server
import shutil
import socket
import ssl
import subprocess
import threading

import pytest

from newsdesk.errors import BlockedAddressError, FetchError
from newsdesk.ingest.fetch import fetch

pytestmark = pytest.mark.skipif(shutil.which("openssl") is None, reason="needs the openssl command")


def _openssl(*args, cwd):
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def certs(tmp_path_factory):
    """A throwaway CA and a server certificate for news.example signed by it."""
    d = tmp_path_factory.mktemp("tls")
    ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
    _openssl(
        "req",
        "-x509",
        *ec,
        "-keyout",
        "ca.key",
        "-out",
        "ca.pem",
        "-days",
        "2",
        "-subj",
        "/CN=newsdesk test CA",
        "-addext",
        "basicConstraints=critical,CA:TRUE",
        "-addext",
        "keyUsage=critical,keyCertSign",
        cwd=d,
    )
    _openssl(
        "req", *ec, "-keyout", "leaf.key", "-out", "leaf.csr", "-subj", "/CN=news.example", cwd=d
    )
    (d / "ext.cnf").write_text(
        "subjectAltName=DNS:news.example\nbasicConstraints=CA:FALSE\n"
        "authorityKeyIdentifier=keyid\nextendedKeyUsage=serverAuth\n"
    )
    _openssl(
        "x509",
        "-req",
        "-in",
        "leaf.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-out",
        "leaf.pem",
        "-days",
        "2",
        "-extfile",
        "ext.cnf",
        cwd=d,
    )
    return d


class _Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        body = f"Host={self.headers['Host']}".encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def https_port(certs):
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(certs / "leaf.pem", certs / "leaf.key")
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    httpd.daemon_threads = True
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd.server_address[1]
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def fake_dns(monkeypatch):
    """news.example and other.example resolve to 127.0.0.1; everything else as usual."""
    real = socket.getaddrinfo

    def getaddrinfo(host, *args, **kwargs):
        if host in ("news.example", "other.example"):
            host = "127.0.0.1"
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


def test_https_verifies_the_name_on_the_pinned_connection(certs, https_port, fake_dns):
    result = fetch(
        f"https://news.example:{https_port}/",
        allow_hosts={"news.example"},
        ca_certs=str(certs / "ca.pem"),
    )
    assert result.body == f"Host=news.example:{https_port}".encode()


def test_https_refuses_a_certificate_for_another_name(certs, https_port, fake_dns):
    with pytest.raises(FetchError) as caught:
        fetch(
            f"https://other.example:{https_port}/",
            allow_hosts={"other.example"},
            ca_certs=str(certs / "ca.pem"),
        )
    assert not isinstance(caught.value, BlockedAddressError)


def test_https_refuses_an_untrusted_certificate(https_port, fake_dns):
    with pytest.raises(FetchError):
        fetch(f"https://news.example:{https_port}/", allow_hosts={"news.example"})


def test_https_private_address_is_still_blocked(certs, https_port, fake_dns):
    with pytest.raises(BlockedAddressError):
        fetch(f"https://news.example:{https_port}/", ca_certs=str(certs / "ca.pem"))
