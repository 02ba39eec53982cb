"""The address a request came from, for the lock-out and the audit log.

`X-Forwarded-For` is read only when the request arrives from an address listed in
`REVIEW_TRUSTED_PROXIES` (addresses or networks, comma-separated; default none). Otherwise the
header is ignored: every documented way in (SSH tunnel, port-forward, the production profile)
arrives from loopback, so trusting loopback would let anyone choose the address they are
locked out and audited under. uvicorn's own proxy-header handling is switched off
(`backcare/review/__main__.py`); this is the only place that reads the header.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence

from starlette.requests import Request

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
MAX_ADDRESS_CHARS = 64  # LoginAttempt.client


def parse_trusted_proxies(value: str) -> tuple[Network, ...]:
    """`"10.0.0.5, 10.1.0.0/16"` -> networks; raises ValueError on anything else."""
    return tuple(
        ipaddress.ip_network(item.strip(), strict=False)
        for item in value.split(",")
        if item.strip()
    )


def _trusted(address: str, trusted: Sequence[Network]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in trusted)


def client_address(request: Request, trusted: Sequence[Network] = ()) -> str:
    """The peer's address; behind a trusted proxy, the nearest untrusted hop it reports."""
    peer = request.client.host if request.client else "unknown"
    if not trusted or not _trusted(peer, trusted):
        return peer[:MAX_ADDRESS_CHARS]
    hops = [hop.strip() for hop in request.headers.get("x-forwarded-for", "").split(",")]
    for hop in reversed([hop for hop in hops if hop]):
        try:
            address = str(ipaddress.ip_address(hop))
        except ValueError:
            return peer[:MAX_ADDRESS_CHARS]  # a malformed header proves nothing
        if not _trusted(address, trusted):
            return address
    return peer[:MAX_ADDRESS_CHARS]
