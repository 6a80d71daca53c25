"""Where a fetch may connect, and for how long: the network under byline's limits.

Two guards sit under httpx, in the one place every byte passes:

- **Addresses.** Every hop's host is resolved here (the resolver can be
  injected), each address is checked, and the connection goes to the
  checked address, so a name cannot answer one address to the check and
  another to the connect. Loopback, private, link-local (169.254.x.x, the
  cloud metadata address), shared, reserved and multicast addresses are
  *local*: a fetch may reach them only when the address the user gave was
  local too (a feed on 127.0.0.1 works; a public page cannot redirect inward,
  nor can a public feed's links).
- **Time.** :func:`deadline` sets one moment by which the whole fetch must
  end; every connect, TLS handshake, read and write is given at most the time
  left, so a server that drips its headers or body a byte at a time, or says
  nothing at all, is cut off on time.
"""

from __future__ import annotations

import contextlib
import contextvars
import ipaddress
import socket
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

import httpcore

Resolver = Callable[[str, int], list[str]]  # (host, port) -> IP addresses

_DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar("deadline", default=None)
_PINNED: contextvars.ContextVar[dict[str, list[str]] | None] = contextvars.ContextVar(
    "pinned", default=None
)


class Refused(Exception):
    """A connection byline will not make; the message says why."""


class DeadlinePassed(Exception):
    """The fetch's total time ran out."""


def system_resolver(host: str, port: int) -> list[str]:
    """The addresses the system resolves ``host`` to (raises OSError if none)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def is_local(address: str) -> bool:
    """True for any address that is not on the public internet."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return True  # not an address at all: never trusted as public
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not ip.is_global or ip.is_multicast


def literal(host: str) -> str | None:
    """``host`` as an IP address if it is one ("[::1]" included), else None."""
    bare = host.strip("[]")
    try:
        return str(ipaddress.ip_address(bare.split("%", 1)[0]))
    except ValueError:
        return None


def remaining() -> float | None:
    """Seconds left before the deadline (None: no deadline); DeadlinePassed at 0."""
    at = _DEADLINE.get()
    if at is None:
        return None
    left = at - time.monotonic()
    if left <= 0:
        raise DeadlinePassed
    return left


def _cap(timeout: float | None) -> float | None:
    left = remaining()
    if left is None:
        return timeout
    return left if timeout is None else min(timeout, left)


@contextlib.contextmanager
def deadline(seconds: float) -> Iterator[None]:
    """Everything fetched inside must end within ``seconds``."""
    token = _DEADLINE.set(time.monotonic() + seconds)
    pins = _PINNED.set({})
    try:
        yield
    finally:
        _PINNED.reset(pins)
        _DEADLINE.reset(token)


def resolve(resolver: Resolver, host: str, port: int) -> list[str]:
    """``host``'s addresses, looked up within the time left (the lookup cannot block for ever)."""
    ip = literal(host)
    if ip is not None:
        return [ip]
    box: dict[str, Any] = {}

    def look() -> None:
        try:
            box["addresses"] = resolver(host, port)
        except BaseException as error:  # handed to the caller's thread
            box["error"] = error

    worker = threading.Thread(target=look, name="byline-dns", daemon=True)
    worker.start()
    worker.join(remaining())
    if worker.is_alive():
        raise DeadlinePassed
    if "error" in box:
        raise box["error"]
    return box["addresses"]


def pin(host: str, addresses: list[str]) -> None:
    """The addresses checked for ``host``: the connection goes to one of these."""
    pins = _PINNED.get()
    if pins is not None:
        pins[host.strip("[]").lower()] = addresses


class _Stream(httpcore.NetworkStream):
    """A network stream whose every operation ends by the deadline."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self._inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, _cap(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, _cap(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        return _Stream(self._inner.start_tls(ssl_context, server_hostname, _cap(timeout)))

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class GuardedBackend(httpcore.NetworkBackend):
    """httpcore's sync backend, connecting only to pinned addresses, by the deadline."""

    def __init__(self, resolver: Resolver) -> None:
        self._backend = httpcore.SyncBackend()
        self._resolver = resolver

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        pins = _PINNED.get() or {}
        addresses = pins.get(host.strip("[]").lower())
        if addresses is None:  # not checked by the Fetcher: refuse rather than guess
            raise Refused(f"{host} was not checked before connecting")
        error: Exception | None = None
        for address in addresses:
            try:
                stream = self._backend.connect_tcp(
                    address, port, _cap(timeout), local_address, socket_options
                )
                return _Stream(stream)
            except httpcore.ConnectError as failed:
                error = failed
        raise error or httpcore.ConnectError(f"no address for {host}")

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


__all__ = [
    "DeadlinePassed",
    "GuardedBackend",
    "Refused",
    "Resolver",
    "deadline",
    "is_local",
    "literal",
    "pin",
    "remaining",
    "resolve",
    "system_resolver",
]
