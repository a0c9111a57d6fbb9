"""Which network addresses a fetch may reach: resolve a host and refuse non-public addresses.

The fetcher connects to the address checked here (never resolving again), so a DNS answer
that changes between check and connect (DNS rebinding) cannot redirect it.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Collection

from ..errors import BlockedAddressError, FetchError

_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries (mapped, 6to4, NAT64), if any."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip in _NAT64 or ip in _NAT64_LOCAL:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def is_blocked_address(address: str) -> bool:
    """True for loopback, private, link-local, multicast, reserved, unspecified and other
    non-global addresses, including IPv4 addresses wrapped in IPv6. Unparseable means blocked."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return True
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(ip)
        if embedded is not None:
            return is_blocked_address(str(embedded))
    return (
        not ip.is_global
        or ip.is_loopback
        or ip.is_private
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
    )


def resolve_host(
    host: str,
    port: int,
    *,
    allow_private: bool = False,
    allow_hosts: Collection[str] = (),
) -> list[str]:
    """The addresses ``host`` resolves to, in resolver order, after checking every one.

    Raises :class:`BlockedAddressError` if ANY address is not public (unless ``allow_private``
    or ``host`` is in ``allow_hosts``) and :class:`FetchError` when the name does not resolve.
    """
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError) as exc:
        raise FetchError(f"could not resolve host {host!r}") from exc
    addresses: list[str] = []
    for family, _, _, _, sockaddr in infos:
        if family not in (socket.AF_INET, socket.AF_INET6):
            continue
        address = str(sockaddr[0])
        if address not in addresses:
            addresses.append(address)
    if not addresses:
        raise FetchError(f"could not resolve host {host!r}")
    if allow_private or host.lower() in {h.lower() for h in allow_hosts}:
        return addresses
    for address in addresses:
        if is_blocked_address(address):
            raise BlockedAddressError(
                f"refusing to fetch {host}: it resolves to {address}, a private, loopback or "
                "reserved address (--allow-private / allow_private=True allows it)"
            )
    return addresses
