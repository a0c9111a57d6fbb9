"""The one way newsdesk fetches a URL: safe against SSRF, slow servers and huge bodies.

``fetch(url)`` resolves the host itself, refuses non-public addresses, connects to the checked
address (pinned: no second DNS lookup), follows redirects by hand re-checking every hop, streams
the body under a byte cap and checks the content type. Anything that takes a ``fetcher`` accepts
any callable with the :class:`Fetcher` signature, so tests can swap in an in-process one.
"""

from __future__ import annotations

import time
from collections.abc import Collection
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import quote, urljoin, urlsplit

from .. import __version__
from ..errors import BadContentTypeError, FetchError, FetchTimeoutError, InputTooLargeError
from .addresses import resolve_host
from .decode import DEFAULT_MAX_BYTES

HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain",)
FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml")
DEFAULT_ACCEPT = HTML_TYPES + TEXT_TYPES
DEFAULT_USER_AGENT = f"newsdesk/{__version__} (article brief generator)"

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_CHUNK = 65_536
_PATH_SAFE = "/%:@!$&'()*+,;=-._~"
_QUERY_SAFE = _PATH_SAFE + "?"


@dataclass(frozen=True)
class FetchResult:
    """A fetched response: the final URL (after redirects), status, media type, body, charset."""

    url: str
    status: int
    content_type: str
    body: bytes
    encoding: str | None = None


class Fetcher(Protocol):
    """What :func:`newsdesk.ingest.load_source` calls to fetch; :func:`fetch` is the default."""

    def __call__(
        self, url: str, *, allow_private: bool = False, max_bytes: int = ...
    ) -> FetchResult: ...


@dataclass(frozen=True)
class _Target:
    scheme: str
    host: str  # IDNA/ASCII, no brackets
    port: int
    path: str  # path and query, percent-encoded
    url: str

    @property
    def host_header(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        default = 443 if self.scheme == "https" else 80
        return host if self.port == default else f"{host}:{self.port}"


def _target(url: str) -> _Target:
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise FetchError(f"not a valid URL: {url!r}") from exc
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise FetchError(
            f"only http and https URLs can be fetched, not {scheme or 'this'}: {url!r}"
        )
    if not parts.hostname:
        raise FetchError(f"the URL has no host: {url!r}")
    if parts.username is not None or parts.password is not None:
        raise FetchError("URLs with a user name or password are not fetched")
    try:
        host = (
            parts.hostname.encode("idna").decode("ascii")
            if not parts.hostname.isascii()
            else parts.hostname
        )
    except UnicodeError as exc:
        raise FetchError(f"not a valid host name: {parts.hostname!r}") from exc
    path = quote(parts.path or "/", safe=_PATH_SAFE)
    if parts.query:
        path += "?" + quote(parts.query, safe=_QUERY_SAFE)
    return _Target(
        scheme=scheme,
        host=host.lower(),
        port=port if port is not None else (443 if scheme == "https" else 80),
        path=path,
        url=url.strip(),
    )


def _media_type(header: str | None) -> tuple[str, str | None]:
    """("text/html", "utf-8") from "text/html; charset=UTF-8"."""
    if not header:
        return "", None
    media, *params = header.split(";")
    charset = None
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip("\"'") or None
    return media.strip().lower(), charset


def _pool(target: _Target, address: str, timeout, ca_certs: str | None):
    """A one-connection pool to the checked ``address``; TLS checks the URL's host name."""
    import urllib3

    if target.scheme == "https":
        return urllib3.HTTPSConnectionPool(
            address,
            target.port,
            timeout=timeout,
            retries=False,
            maxsize=1,
            server_hostname=target.host,
            assert_hostname=target.host,
            cert_reqs="CERT_REQUIRED",
            ca_certs=ca_certs,
        )
    return urllib3.HTTPConnectionPool(
        address, target.port, timeout=timeout, retries=False, maxsize=1
    )


def _open(target: _Target, addresses: list[str], headers: dict, timeout, ca_certs: str | None):
    """Send the request to the first checked address that accepts a connection."""
    from urllib3.exceptions import ConnectTimeoutError, NewConnectionError

    last: Exception | None = None
    for address in addresses:
        pool = _pool(target, address, timeout, ca_certs)
        try:
            response = pool.urlopen(
                "GET",
                target.path,
                headers=headers,
                redirect=False,
                retries=False,
                preload_content=False,
                assert_same_host=False,
            )
        except (NewConnectionError, ConnectTimeoutError) as exc:
            pool.close()
            last = exc
            continue
        except BaseException:
            pool.close()
            raise
        return pool, response
    assert last is not None
    raise last


def _chunks(response):
    """Decoded body chunks as they arrive (``read1``: a slow drip cannot hold one read open
    until a whole chunk is full, so the total deadline is checked between small reads)."""
    if not hasattr(response, "read1"):  # urllib3 < 2.3
        yield from response.stream(_CHUNK, decode_content=True)
        return
    while chunk := response.read1(_CHUNK, decode_content=True):
        yield chunk


def _read_body(response, *, max_bytes: int, deadline: float, url: str) -> bytes:
    length = response.headers.get("Content-Length", "").strip()
    if length.isdigit() and int(length) > max_bytes:
        raise InputTooLargeError(
            f"{url} is {int(length):,} bytes, over the {max_bytes:,}-byte limit"
        )
    chunks: list[bytes] = []
    total = 0
    for chunk in _chunks(response):
        total += len(chunk)
        if total > max_bytes:
            raise InputTooLargeError(f"{url} is over the {max_bytes:,}-byte limit")
        if time.monotonic() > deadline:
            raise FetchTimeoutError(f"fetching {url} took too long")
        chunks.append(chunk)
    return b"".join(chunks)


def fetch(
    url: str,
    *,
    allow_private: bool = False,
    allow_hosts: Collection[str] = (),
    accept: Collection[str] = DEFAULT_ACCEPT,
    connect_timeout: float = 5.0,
    read_timeout: float = 15.0,
    total_timeout: float = 60.0,
    max_bytes: int = DEFAULT_MAX_BYTES,
    max_redirects: int = 5,
    user_agent: str = DEFAULT_USER_AGENT,
    ca_certs: str | None = None,
) -> FetchResult:
    """GET an http(s) URL safely and return its body.

    Refuses (:class:`BlockedAddressError`) any host that resolves to a non-public address,
    on the first request and on every redirect hop, unless ``allow_private`` is true or the
    hop's host is listed in ``allow_hosts`` (exact host names: for tests and known intranets).
    Raises :class:`FetchTimeoutError` on a connect/read timeout or when the whole fetch exceeds
    ``total_timeout``; :class:`InputTooLargeError` past ``max_bytes``;
    :class:`BadContentTypeError` when the media type is not in ``accept`` (a response without
    a Content-Type is let through for the caller to sniff); :class:`FetchError` for HTTP
    errors (status >= 400), unresolvable hosts, too many redirects, connection and TLS
    failures. HTTPS certificates are verified against the system store (or ``ca_certs``, a
    PEM bundle path) and the URL's host name, although the socket goes to the checked IP.
    """
    import urllib3
    from urllib3.exceptions import HTTPError, NewConnectionError, SSLError
    from urllib3.exceptions import TimeoutError as Urllib3Timeout

    timeout = urllib3.Timeout(connect=connect_timeout, read=read_timeout)
    deadline = time.monotonic() + total_timeout
    accepted = {a.lower() for a in accept}
    current = url
    for _hop in range(max_redirects + 1):
        target = _target(current)
        if time.monotonic() > deadline:
            raise FetchTimeoutError(f"fetching {url} took too long (redirects)")
        addresses = resolve_host(
            target.host, target.port, allow_private=allow_private, allow_hosts=allow_hosts
        )
        headers = {
            "Host": target.host_header,
            "User-Agent": user_agent,
            "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1",
            "Accept-Encoding": "gzip, deflate",
        }
        pool = response = None
        try:
            pool, response = _open(target, addresses, headers, timeout, ca_certs)
            status = response.status
            if status in _REDIRECTS:
                location = response.headers.get("Location")
                if not location:
                    raise FetchError(f"HTTP {status} redirect without a Location from {target.url}")
                current = urljoin(target.url, location.strip())
                continue
            if status >= 400:
                reason = f" {response.reason}" if response.reason else ""
                raise FetchError(f"HTTP {status}{reason} from {target.url}")
            media, charset = _media_type(response.headers.get("Content-Type"))
            if media and media not in accepted:
                allowed = ", ".join(sorted(accepted))
                raise BadContentTypeError(f"{target.url} is {media}, not one of: {allowed}")
            body = _read_body(response, max_bytes=max_bytes, deadline=deadline, url=target.url)
            return FetchResult(
                url=target.url, status=status, content_type=media, body=body, encoding=charset
            )
        except NewConnectionError as exc:  # a ConnectTimeoutError subclass: check it first
            raise FetchError(f"could not connect to {target.host_header}: {_reason(exc)}") from exc
        except (Urllib3Timeout, TimeoutError) as exc:
            raise FetchTimeoutError(f"fetching {target.url} timed out") from exc
        except SSLError as exc:
            raise FetchError(f"TLS error fetching {target.url}: {_reason(exc)}") from exc
        except HTTPError as exc:
            raise FetchError(f"could not fetch {target.url}: {_reason(exc)}") from exc
        except OSError as exc:
            raise FetchError(f"could not fetch {target.url}: {exc.strerror or exc}") from exc
        finally:
            if response is not None:
                response.release_conn()
                response.close()
            if pool is not None:
                pool.close()
    raise FetchError(f"too many redirects (more than {max_redirects}) fetching {url}")


def _reason(exc: Exception) -> str:
    """The useful tail of a urllib3 error message ("[Errno 111] Connection refused")."""
    text = str(getattr(exc, "reason", None) or exc)
    marker = "Failed to establish a new connection: "
    return text.split(marker, 1)[1] if marker in text else text
